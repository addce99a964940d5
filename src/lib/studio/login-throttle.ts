import { createHash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';

/**
 * Slows password guessing without letting a stranger lock an owner out (OWASP ASVS: slow down
 * rather than lock).
 * - Per email and address: the first few wrong passwords cost nothing; after that each must wait
 *   twice as long as the one before (1 s, 2 s, 4 s … up to the longest pause). A guesser slows only
 *   their own tries from their own address; the owner, from anywhere else, signs in as usual.
 * - Per address: very many failures across all emails pause that address, but never for an email
 *   that has signed in from that address before, nor for one an administrator has lifted since.
 * Only hashes of emails and addresses are kept.
 */
export const FREE_FAILURES = 5;
export const ADDRESS_FAILURE_LIMIT = 50;
/** The longest pause (`STUDIO_LOCKOUT_MINUTES`). */
export const DEFAULT_LOCK_MS = 15 * 60_000;
const HOUR = 60 * 60_000;
/** An address an email has signed in from counts as the owner's for this long. */
const KNOWN_MS = 90 * 24 * HOUR;

/** How long failures count: an hour, or the longest pause if that is longer. */
export function windowMs(lockMs: number): number {
  return Math.max(HOUR, lockMs);
}

function hash(value: string): string {
  return createHash('sha256').update(value.trim().toLowerCase()).digest('base64url');
}

export interface LoginBlock {
  /** Which limit paused the attempt. */
  reason: 'account' | 'address';
  /** When the attempt may be made again (ms since the epoch). */
  until: number;
}

/**
 * The pause after `failures` wrong passwords in a row for one email from one address, in ms:
 * none for the first few, then doubling from one second up to `lockMs`.
 */
export function pauseAfter(failures: number, lockMs: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(lockMs, 1000 * 2 ** Math.min(30, failures - FREE_FAILURES));
}

function liftedAt(db: DatabaseSync, account: string): number {
  const row = db.prepare('SELECT at FROM sign_in_lifts WHERE account = ?').get(account) as
    { at: number } | undefined;
  return row?.at ?? 0;
}

/** Whether a password check for `email` from `address` must wait, without checking the password. */
export function loginBlock(
  db: DatabaseSync,
  email: string,
  address: string,
  now: number,
  lockMs = DEFAULT_LOCK_MS,
): LoginBlock | undefined {
  const account = hash(email);
  const from = hash(address);
  const since = now - windowMs(lockMs);
  const pair = db
    .prepare('SELECT at FROM sign_in_failures WHERE account = ? AND address = ? AND at > ? ORDER BY at')
    .all(account, from, since) as Array<{ at: number }>;
  const pause = pauseAfter(pair.length, lockMs);
  if (pause > 0 && pair.at(-1)!.at + pause > now)
    return { reason: 'account', until: pair.at(-1)!.at + pause };

  const known = db
    .prepare('SELECT 1 FROM sign_in_known WHERE account = ? AND address = ? AND at > ?')
    .get(account, from, now - KNOWN_MS);
  if (known) return undefined;
  const fromAddress = db
    .prepare('SELECT at FROM sign_in_failures WHERE address = ? AND at > ? ORDER BY at')
    .all(from, Math.max(since, liftedAt(db, account))) as Array<{ at: number }>;
  if (fromAddress.length >= ADDRESS_FAILURE_LIMIT)
    return {
      reason: 'address',
      until: fromAddress[fromAddress.length - ADDRESS_FAILURE_LIMIT]!.at + windowMs(lockMs),
    };
  return undefined;
}

export function recordFailure(
  db: DatabaseSync,
  email: string,
  address: string,
  now: number,
  lockMs = DEFAULT_LOCK_MS,
): void {
  db.prepare('INSERT INTO sign_in_failures (account, address, at) VALUES (?, ?, ?)').run(
    hash(email),
    hash(address),
    now,
  );
  // Old failures no longer count; drop them so the table stays small.
  db.prepare('DELETE FROM sign_in_failures WHERE at <= ?').run(now - windowMs(lockMs));
}

/** A right password: the count for this email and address starts again, and the address is the owner's. */
export function recordSuccess(db: DatabaseSync, email: string, address: string, now: number): void {
  const [account, from] = [hash(email), hash(address)];
  db.prepare('DELETE FROM sign_in_failures WHERE account = ? AND address = ?').run(account, from);
  db.prepare(
    'INSERT INTO sign_in_known (account, address, at) VALUES (?, ?, ?) ON CONFLICT (account, address) DO UPDATE SET at = excluded.at',
  ).run(account, from, now);
}

/** An administrator lifts every pause on `email`: its failures are forgotten, and earlier failures from its addresses no longer count against it. */
export function liftPause(db: DatabaseSync, email: string, now: number): void {
  const account = hash(email);
  db.prepare('DELETE FROM sign_in_failures WHERE account = ?').run(account);
  db.prepare(
    'INSERT INTO sign_in_lifts (account, at) VALUES (?, ?) ON CONFLICT (account) DO UPDATE SET at = excluded.at',
  ).run(account, now);
}

/** Whether sign-in for `email` is paused from anywhere: an administrator's list shows it. */
export function pausedSomewhere(
  db: DatabaseSync,
  email: string,
  now: number,
  lockMs = DEFAULT_LOCK_MS,
): boolean {
  const rows = db
    .prepare(
      'SELECT address, COUNT(*) AS n, MAX(at) AS last FROM sign_in_failures WHERE account = ? AND at > ? GROUP BY address',
    )
    .all(hash(email), now - windowMs(lockMs)) as Array<{ n: number; last: number }>;
  return rows.some((r) => {
    const pause = pauseAfter(r.n, lockMs);
    return pause > 0 && r.last + pause > now;
  });
}

/** Forgets everything about `email` (the user was removed). */
export function forgetAccount(db: DatabaseSync, email: string): void {
  const account = hash(email);
  for (const table of ['sign_in_failures', 'sign_in_known', 'sign_in_lifts'])
    db.prepare(`DELETE FROM ${table} WHERE account = ?`).run(account);
}
