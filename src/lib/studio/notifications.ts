import { existsSync, statSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { appealDir, appealFileIn } from '../content/appeal-folder.ts';
import { currentRelease, listReleases, readManifest } from '../publishing/releases.ts';
import { readDraft } from './drafts.ts';
import { inTransaction } from './studio-db.ts';
import type { Role } from './users.ts';

/**
 * What the studio tells each person: an appeal waiting for their approval, their appeal now on
 * the public site, an appeal past its review date. Kept in the studio's database and shown in the
 * studio; each row records only an appeal id, who caused it and when (words are made when shown),
 * so a sender of email can later use the same rows and the same words.
 */
export type NotificationKind = 'approval' | 'live' | 'review';

export interface Notification {
  id: number;
  kind: NotificationKind;
  appealId: string;
  actor?: string | undefined;
  createdAt: number;
  read: boolean;
}

/** How many notifications a person sees at most; read ones older than this many days are deleted. */
const LIST_LIMIT = 200;
const KEEP_READ_DAYS = 30;

/** Everyone with one of `roles`, except `except` (the person who caused the notification). */
export function peopleWithRole(db: DatabaseSync, roles: readonly Role[], except?: string): string[] {
  const rows = db
    .prepare(`SELECT email FROM users WHERE role IN (${roles.map(() => '?').join(', ')}) ORDER BY email`)
    .all(...roles) as Array<{ email: string }>;
  return rows.map((r) => r.email).filter((email) => email !== except);
}

/**
 * Tells each of `recipients` (studio users; anyone else is skipped) about `appealId`. With a
 * `onceKey`, a person already told under that key is not told again. Returns how many were told.
 */
export function notify(
  db: DatabaseSync,
  recipients: readonly string[],
  notice: {
    kind: NotificationKind;
    appealId: string;
    actor?: string | undefined;
    at: number;
    onceKey?: string;
  },
): number {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO notifications (recipient, kind, appeal_id, actor, created_at, once_key)
     SELECT email, ?, ?, ?, ?, ? FROM users WHERE email = ?`,
  );
  return inTransaction(db, () => {
    let told = 0;
    for (const recipient of new Set(recipients))
      told += Number(
        insert.run(
          notice.kind,
          notice.appealId,
          notice.actor ?? null,
          notice.at,
          notice.onceKey ?? null,
          recipient,
        ).changes,
      );
    return told;
  });
}

/** A person's notifications, newest first. */
export function listNotifications(db: DatabaseSync, email: string): Notification[] {
  const rows = db
    .prepare(
      `SELECT id, kind, appeal_id, actor, created_at, read_at FROM notifications
       WHERE recipient = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
    )
    .all(email, LIST_LIMIT) as Array<{
    id: number;
    kind: NotificationKind;
    appeal_id: string;
    actor: string | null;
    created_at: number;
    read_at: number | null;
  }>;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    appealId: r.appeal_id,
    actor: r.actor ?? undefined,
    createdAt: r.created_at,
    read: r.read_at !== null,
  }));
}

export function unreadCount(db: DatabaseSync, email: string): number {
  const row = db
    .prepare('SELECT count(*) AS n FROM notifications WHERE recipient = ? AND read_at IS NULL')
    .get(email) as { n: number };
  return row.n;
}

/** Marks all of a person's notifications read, and deletes their read ones older than a month. */
export function markAllRead(db: DatabaseSync, email: string, now: number): void {
  inTransaction(db, () => {
    db.prepare('UPDATE notifications SET read_at = ? WHERE recipient = ? AND read_at IS NULL').run(
      now,
      email,
    );
    db.prepare('DELETE FROM notifications WHERE recipient = ? AND read_at < ?').run(
      email,
      now - KEEP_READ_DAYS * 86_400_000,
    );
  });
}

/** Forgets everything about an appeal (when it closes): its notifications and who waits for it to go live. */
export function forgetAppealNotices(db: DatabaseSync, appealId: string): void {
  inTransaction(db, () => {
    db.prepare('DELETE FROM notifications WHERE appeal_id = ?').run(appealId);
    db.prepare('DELETE FROM live_watchers WHERE appeal_id = ?').run(appealId);
  });
}

/**
 * An appeal was approved (under `to`; another id than `from` if its own was taken meanwhile): it
 * waits for nobody's approval any more, and who waits for it to go live follows it.
 */
export function approvedNotices(db: DatabaseSync, from: string, to: string): void {
  inTransaction(db, () => {
    db.prepare("DELETE FROM notifications WHERE kind = 'approval' AND appeal_id = ?").run(from);
    if (from === to) return;
    db.prepare('UPDATE notifications SET appeal_id = ? WHERE appeal_id = ?').run(to, from);
    db.prepare('UPDATE OR IGNORE live_watchers SET appeal_id = ? WHERE appeal_id = ?').run(to, from);
    db.prepare('DELETE FROM live_watchers WHERE appeal_id = ?').run(from);
  });
}

/**
 * An appeal was sent for approval by `by`: every publisher but `by` is told, and its writers
 * (`writers`: who started and changed it) will be told when it goes live.
 */
export function sentForApproval(
  db: DatabaseSync,
  appealId: string,
  by: string,
  writers: readonly string[],
  at: number,
): void {
  notify(db, peopleWithRole(db, ['publisher'], by), { kind: 'approval', appealId, actor: by, at });
  const watch = db.prepare(
    'INSERT OR IGNORE INTO live_watchers (appeal_id, email) SELECT ?, email FROM users WHERE email = ?',
  );
  inTransaction(db, () => {
    for (const email of new Set([by, ...writers])) watch.run(appealId, email);
  });
}

/**
 * After a publish: each appeal someone waits for that is now live (`isLive`) tells its writers
 * it is on the public site, once. Returns the ids that went live.
 */
export function tellWentLive(db: DatabaseSync, isLive: (appealId: string) => boolean, at: number): string[] {
  const rows = db.prepare('SELECT appeal_id, email FROM live_watchers').all() as Array<{
    appeal_id: string;
    email: string;
  }>;
  const waiting = new Map<string, string[]>();
  for (const r of rows) waiting.set(r.appeal_id, [...(waiting.get(r.appeal_id) ?? []), r.email]);
  const live = [...waiting.keys()].filter(isLive).sort();
  for (const appealId of live) {
    notify(db, waiting.get(appealId)!, { kind: 'live', appealId, at });
    db.prepare('DELETE FROM live_watchers WHERE appeal_id = ?').run(appealId);
  }
  return live;
}

/**
 * Whether the live release shows an appeal as it is now: in the release, unchanged in content/
 * since (the dashboard's rule), and with no draft of it still waiting to be approved.
 */
export function liveNow(folders: {
  deployDir: string;
  contentDir: string;
  dataDir: string;
}): (appealId: string) => boolean {
  const release = currentRelease(folders.deployDir);
  if (!release || !listReleases(folders.deployDir).includes(release)) return () => false;
  const manifest = readManifest(folders.deployDir, release);
  const builtAt = Date.parse(manifest.builtAt);
  const ids = new Set(manifest.activeIds);
  return (appealId) => {
    if (!ids.has(appealId) || readDraft(folders.dataDir, appealId)) return false;
    const file = appealFileIn(appealDir(folders.contentDir, appealId));
    return existsSync(file) && statSync(file).mtimeMs <= builtAt;
  };
}

/**
 * Reminds every author and publisher of each appeal in `appealIds` (past its review date), once a
 * day; a new reminder replaces yesterday's unread one, so the count does not grow day by day.
 */
export function remindPastReview(
  db: DatabaseSync,
  appealIds: readonly string[],
  today: string,
  at: number,
): number {
  const people = peopleWithRole(db, ['author', 'publisher']);
  const older = db.prepare(
    "DELETE FROM notifications WHERE kind = 'review' AND appeal_id = ? AND read_at IS NULL AND once_key <> ?",
  );
  let told = 0;
  for (const appealId of appealIds) {
    const onceKey = `review ${appealId} ${today}`;
    older.run(appealId, onceKey);
    told += notify(db, people, { kind: 'review', appealId, at, onceKey });
  }
  return told;
}

/** "10:42" in UK time. */
function clock(at: number): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));
}

/**
 * A notification in plain words, with where it leads: the appeal in the studio, and a second
 * link where there is one (an appeal now live: its public address, from `publicUrl`).
 */
export function notificationWords(
  notice: Pick<Notification, 'kind' | 'appealId' | 'actor' | 'createdAt'>,
  publicUrl: (appealId: string) => string,
): { text: string; studioLink: string; more?: { text: string; href: string } | undefined } {
  const studioLink = `/appeals/${notice.appealId}/`;
  switch (notice.kind) {
    case 'approval':
      return {
        text: `Appeal ${notice.appealId} is waiting for your approval (sent by ${notice.actor ?? 'someone'} at ${clock(notice.createdAt)})`,
        studioLink,
      };
    case 'live':
      return {
        text: `Appeal ${notice.appealId} is now on the public site`,
        studioLink,
        more: { text: 'see it on the public site', href: publicUrl(notice.appealId) },
      };
    case 'review':
      return {
        text: `Appeal ${notice.appealId} is past its review date: check it is still needed and up to date`,
        studioLink,
        more: { text: 'mark it reviewed on the dashboard', href: '/#review-heading' },
      };
  }
}
