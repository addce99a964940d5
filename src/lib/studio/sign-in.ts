import type { DatabaseSync } from 'node:sqlite';
import { clearFailures, emailKey, loginBlock, recordFailure } from './login-throttle.ts';
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

function lockedMessage(until: number, reason: 'account' | 'address'): string {
  const who = reason === 'account' ? 'this email address' : 'this computer';
  return `Too many wrong passwords: sign-in for ${who} is paused until ${londonTime(until)}. An administrator can reset the password sooner.`;
}

/**
 * Checks an email and password. A lock is checked before the password, so a locked account
 * cannot be guessed at; an unknown email costs as much time as a wrong password and gets the same
 * answer, so the answer never says who has an account.
 */
export async function signIn(
  db: DatabaseSync,
  input: { email: string; password: string; address: string; now: number; lockMs: number },
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const block = loginBlock(db, email, input.address, input.now, input.lockMs);
  if (block) return { ok: false, locked: true, message: lockedMessage(block.until, block.reason) };
  const user = email && input.password ? findUser(db, email) : undefined;
  const good = user
    ? await verifyPassword(input.password, user.passwordHash)
    : await verifyAgainstDummy(input.password);
  if (!user || !good) {
    recordFailure(db, email, input.address, input.now, input.lockMs);
    const now = loginBlock(db, email, input.address, input.now, input.lockMs);
    if (now) return { ok: false, locked: true, message: lockedMessage(now.until, now.reason) };
    return {
      ok: false,
      locked: false,
      message: 'The email address or password is not right. Check them and try again.',
    };
  }
  clearFailures(db, emailKey(email));
  recordSignIn(db, email, input.now);
  return { ok: true, email, role: user.role };
}
