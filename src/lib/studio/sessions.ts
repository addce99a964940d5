import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { KEPT_MS } from './kept-forms.ts';
import type { Role } from './users.ts';

/**
 * Signed-in sessions. The browser holds a random 256-bit id; the database holds only its SHA-256,
 * so a copy of the database signs nobody in. A session ends after an hour without use, after
 * twelve hours in any case, at sign-out, and when the user's password is reset or changed.
 */
export const IDLE_MS = 60 * 60_000;
export const ABSOLUTE_MS = 12 * 60 * 60_000;
/** Touching `last_seen_at` on every request would write on every page view; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

export interface Session {
  email: string;
  role: Role;
  /** The synchronizer token every state-changing request must carry. */
  csrf: string;
  createdAt: number;
  lastSeenAt: number;
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

function idHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Creates a session for `email`, returning the token for the cookie. */
export function createSession(db: DatabaseSync, email: string, now: number): { token: string; csrf: string } {
  const token = randomToken();
  const csrf = randomToken();
  db.prepare(
    'INSERT INTO sessions (id_hash, email, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
  ).run(idHash(token), email, csrf, now, now);
  sweepEndedSessions(db, now);
  return { token, csrf };
}

/**
 * Deletes sessions that ended more than the kept-form window ago. An ended session's row stays
 * that long (refused for everything) so a form its tab sends late is still kept for its owner,
 * whichever request happened to reach the studio first after it ended.
 */
function sweepEndedSessions(db: DatabaseSync, now: number): void {
  db.prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?').run(
    now - IDLE_MS - KEPT_MS,
    now - ABSOLUTE_MS - KEPT_MS,
  );
}

interface SessionRow {
  email: string;
  role: string;
  csrf: string;
  created_at: number;
  last_seen_at: number;
  sessions_valid_after: number;
}

/** When a session ends if nobody uses it: an hour after its last use, and never past its twelfth hour. */
export function sessionEndsAt(session: Pick<Session, 'createdAt' | 'lastSeenAt'>): number {
  return Math.min(session.lastSeenAt + IDLE_MS, session.createdAt + ABSOLUTE_MS);
}

/**
 * Whose session a cookie token was, live or ended within the kept-form window: a form posted
 * after the session ended is kept for that person only. Undefined when nobody's, and for a
 * session revoked by a password reset or change (whoever holds that cookie may not be its owner).
 */
export function sessionOwner(db: DatabaseSync, token: string | undefined, now: number): string | undefined {
  if (!token || !/^[\w-]{43}$/.test(token)) return undefined;
  const row = db
    .prepare(
      'SELECT s.email, s.created_at, s.last_seen_at, u.sessions_valid_after FROM sessions s JOIN users u ON u.email = s.email WHERE s.id_hash = ?',
    )
    .get(idHash(token)) as Omit<SessionRow, 'role' | 'csrf'> | undefined;
  if (!row || row.created_at < row.sessions_valid_after) return undefined;
  const endedAt = sessionEndsAt({ createdAt: row.created_at, lastSeenAt: row.last_seen_at });
  return now - endedAt > KEPT_MS ? undefined : row.email;
}

/** "Stay signed in": counts as use of the session now, whatever the last touch was. */
export function touchSession(db: DatabaseSync, token: string, now: number): void {
  db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(now, idHash(token));
}

/**
 * The live session for a cookie token, or undefined. A revoked session is deleted at once; one
 * that ended by time is refused from then on but its row is kept for the kept-form window (see
 * sweepEndedSessions). `touch: false` is for the edit form's background requests: an open tab
 * is not someone using the studio.
 */
export function lookupSession(
  db: DatabaseSync,
  token: string | undefined,
  now: number,
  options: { touch?: boolean } = {},
): Session | undefined {
  if (!token || !/^[\w-]{43}$/.test(token)) return undefined;
  const hash = idHash(token);
  const row = db
    .prepare(
      'SELECT s.email, u.role, s.csrf, s.created_at, s.last_seen_at, u.sessions_valid_after FROM sessions s JOIN users u ON u.email = s.email WHERE s.id_hash = ?',
    )
    .get(hash) as SessionRow | undefined;
  if (!row) return undefined;
  if (row.created_at < row.sessions_valid_after) {
    db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hash);
    return undefined;
  }
  if (now - row.last_seen_at > IDLE_MS || now - row.created_at > ABSOLUTE_MS) {
    sweepEndedSessions(db, now);
    return undefined;
  }
  const touch = options.touch !== false && now - row.last_seen_at > TOUCH_EVERY_MS;
  if (touch) db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(now, hash);
  return {
    email: row.email,
    role: row.role as Role,
    csrf: row.csrf,
    createdAt: row.created_at,
    lastSeenAt: touch ? now : row.last_seen_at,
  };
}

export function deleteSession(db: DatabaseSync, token: string | undefined): void {
  if (token) db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash(token));
}

/** Constant-time comparison of a submitted token with the expected one. */
export function tokensMatch(submitted: unknown, expected: string): boolean {
  // An empty token (no cookie, no field) never matches, not even another empty one.
  if (typeof submitted !== 'string' || expected === '') return false;
  const a = Buffer.from(submitted);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
