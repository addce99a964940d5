import type { DatabaseSync } from 'node:sqlite';
import type { LoginBlock } from './login-throttle.ts';
import { loginBlock, recordFailure, recordSuccess } from './login-throttle.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { findUser, normaliseEmail, recordSignIn, type Role } from './users.ts';

export type SignInResult =
  { ok: true; email: string; role: Role } | { ok: false; locked: boolean; message: string };

/** A time as people in the UK read it: "14:05". */
export function londonTime(ms: number): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);
}

/** When the next try may be made, in words: "in 8 seconds" or "at 14:05". */
function whenAgain(until: number, now: number): string {
  const seconds = Math.ceil((until - now) / 1000);
  return seconds < 90 ? `in ${seconds} second${seconds === 1 ? '' : 's'}` : `at ${londonTime(until)}`;
}

function lockedMessage(block: LoginBlock, now: number): string {
  const what =
    block.reason === 'account'
      ? 'Too many wrong passwords for this email address from here'
      : 'Too many wrong passwords from this computer or network';
  return `${what}. You can try again ${whenAgain(block.until, now)}. An administrator can lift this pause sooner.`;
}

/**
 * Checks an email and password. A pause is checked before the password, so a paused pair cannot
 * be guessed at; an unknown email costs as much time as a wrong password and gets the same
 * answer, so the answer never says who has an account.
 */
export async function signIn(
  db: DatabaseSync,
  input: { email: string; password: string; address: string; now: number; lockMs: number },
): Promise<SignInResult> {
  const result = await checkPassword(db, input);
  if (!result.ok) return result;
  recordSuccess(db, result.email, input.address, input.now);
  recordSignIn(db, result.email, input.now);
  return result;
}

/**
 * The password check of sign-in, throttled the same way, for a page that asks a signed-in person
 * for their password again (changing it).
 */
export async function checkPassword(
  db: DatabaseSync,
  input: { email: string; password: string; address: string; now: number; lockMs: number },
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const block = loginBlock(db, email, input.address, input.now, input.lockMs);
  if (block) return { ok: false, locked: true, message: lockedMessage(block, input.now) };
  const user = email && input.password ? findUser(db, email) : undefined;
  const good = user
    ? await verifyPassword(input.password, user.passwordHash)
    : await verifyAgainstDummy(input.password);
  if (!user || !good) {
    recordFailure(db, email, input.address, input.now, input.lockMs);
    return {
      ok: false,
      locked: false,
      message: 'The email address or password is not right. Check them and try again.',
    };
  }
  return { ok: true, email, role: user.role };
}
