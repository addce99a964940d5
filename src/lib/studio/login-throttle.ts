import { createHash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';

/**
 * Slows down password guessing. Ten wrong passwords for one email in the window lock that email
 * for the rest of the window, whether or not such a user exists (so the lock says nothing about
 * who has an account); many failures from one address refuse that address for a while.
 */
export const ACCOUNT_FAILURE_LIMIT = 10;
export const ADDRESS_FAILURE_LIMIT = 50;
export const DEFAULT_LOCK_MS = 15 * 60_000;

/** Failures are kept under a hash of the email or address, never the text itself. */
function key(kind: 'email' | 'ip', value: string): string {
  return `${kind}:${createHash('sha256').update(value.trim().toLowerCase()).digest('base64url')}`;
}

export const emailKey = (email: string) => key('email', email);
export const addressKey = (address: string) => key('ip', address);

export interface LoginBlock {
  /** Which limit refused the attempt. */
  reason: 'account' | 'address';
  /** When the attempt may be made again (ms since the epoch). */
  until: number;
}

function failures(db: DatabaseSync, k: string, since: number): number[] {
  return (
    db.prepare('SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at').all(k, since) as Array<{
      at: number;
    }>
  ).map((r) => r.at);
}

/** Whether a sign-in for `email` from `address` must be refused now, without checking the password. */
export function loginBlock(
  db: DatabaseSync,
  email: string,
  address: string,
  now: number,
  lockMs = DEFAULT_LOCK_MS,
): LoginBlock | undefined {
  const since = now - lockMs;
  const account = failures(db, emailKey(email), since);
  if (account.length >= ACCOUNT_FAILURE_LIMIT)
    return { reason: 'account', until: account[account.length - ACCOUNT_FAILURE_LIMIT]! + lockMs };
  const fromAddress = failures(db, addressKey(address), since);
  if (fromAddress.length >= ADDRESS_FAILURE_LIMIT)
    return { reason: 'address', until: fromAddress[fromAddress.length - ADDRESS_FAILURE_LIMIT]! + lockMs };
  return undefined;
}

export function recordFailure(
  db: DatabaseSync,
  email: string,
  address: string,
  now: number,
  lockMs = DEFAULT_LOCK_MS,
): void {
  const insert = db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)');
  insert.run(emailKey(email), now);
  insert.run(addressKey(address), now);
  // Old failures no longer count; drop them so the table stays small.
  db.prepare('DELETE FROM login_failures WHERE at <= ?').run(now - lockMs);
}

export function clearFailures(db: DatabaseSync, k: string): void {
  db.prepare('DELETE FROM login_failures WHERE key = ?').run(k);
}
