import type { DatabaseSync } from 'node:sqlite';
import { liftPause } from './login-throttle.ts';
import { generatePassword } from './passwords.ts';
import { roleName } from './roles.ts';
import { addUser, findUser, isRole, normaliseEmail, removeUser, setPassword, UserError } from './users.ts';

/**
 * What an administrator asks for on the users page, and what the studio answers. A new or reset
 * password is made by the studio (20 random characters) and shown once, so no administrator picks
 * or learns a password anyone chose. Administrators cannot remove themselves here, so the studio
 * always keeps one.
 */
export type UserAdminRequest =
  | { action: 'add'; email: string; role: string }
  | { action: 'reset'; email: string }
  | { action: 'unlock'; email: string }
  | { action: 'remove'; email: string; confirmed: boolean };

export type UserAdminResult =
  | { kind: 'done'; message: string; password?: string | undefined }
  | { kind: 'problem'; message: string }
  | { kind: 'confirm-remove'; email: string };

/** The request a posted form makes, or undefined for an unknown action. */
export function adminRequest(field: (name: string) => string): UserAdminRequest | undefined {
  const email = field('email');
  switch (field('action')) {
    case 'add':
      return { action: 'add', email, role: field('role') };
    case 'reset':
      return { action: 'reset', email };
    case 'unlock':
      return { action: 'unlock', email };
    case 'remove':
      return { action: 'remove', email, confirmed: field('confirmed') === 'yes' };
    default:
      return undefined;
  }
}

export async function runUserAdmin(
  db: DatabaseSync,
  request: UserAdminRequest,
  context: { actor: string; now: number; serviceWords: readonly string[] },
): Promise<UserAdminResult> {
  const email = normaliseEmail(request.email);
  try {
    if (request.action === 'add') {
      if (!isRole(request.role)) return { kind: 'problem', message: 'Choose what the new user may do.' };
      const password = generatePassword();
      const user = await addUser(db, {
        email: request.email,
        role: request.role,
        password,
        now: context.now,
        serviceWords: context.serviceWords,
      });
      return {
        kind: 'done',
        message: `${user.email} can now sign in as ${roleName(user.role) === 'author' ? 'an author' : `a ${roleName(user.role)}`}. Give them this password privately; it is not shown again.`,
        password,
      };
    }
    if (!findUser(db, email)) return { kind: 'problem', message: `There is no user ${email}.` };
    if (request.action === 'reset') {
      const password = generatePassword();
      await setPassword(db, { email, password, now: context.now, serviceWords: context.serviceWords });
      return {
        kind: 'done',
        message: `${email} has a new password and has been signed out everywhere; any pause on signing in is lifted. Give them this password privately; it is not shown again.`,
        password,
      };
    }
    if (request.action === 'unlock') {
      liftPause(db, email, context.now);
      return {
        kind: 'done',
        message: `${email} can sign in again now. Their password is unchanged.`,
      };
    }
    if (email === normaliseEmail(context.actor))
      return {
        kind: 'problem',
        message: 'You cannot remove yourself. Ask another administrator to do it.',
      };
    if (!request.confirmed) return { kind: 'confirm-remove', email };
    removeUser(db, email);
    return { kind: 'done', message: `${email} was removed and signed out everywhere.` };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { kind: 'problem', message: `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}.` };
  }
}
