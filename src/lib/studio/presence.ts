import type { DatabaseSync } from 'node:sqlite';

/**
 * Who has an appeal's edit form open. Opening or saving the form notes the person; while it stays
 * open the form's autosave heartbeat notes them again; leaving the page (with JavaScript) removes
 * them. Without a note for two minutes, they are no longer counted (a closed laptop says nothing).
 */
export const PRESENCE_MS = 2 * 60_000;

export function notePresence(db: DatabaseSync, id: string, email: string, now: number): void {
  db.prepare(
    'INSERT INTO editing_presence (appeal_id, email, seen_at) VALUES (?, ?, ?) ON CONFLICT (appeal_id, email) DO UPDATE SET seen_at = excluded.seen_at',
  ).run(id, email, now);
}

export function leavePresence(db: DatabaseSync, id: string, email: string): void {
  db.prepare('DELETE FROM editing_presence WHERE appeal_id = ? AND email = ?').run(id, email);
}

/** Everyone but `email` with appeal `id`'s form open now, longest there first; old notes are swept. */
export function othersEditing(db: DatabaseSync, id: string, email: string, now: number): string[] {
  db.prepare('DELETE FROM editing_presence WHERE seen_at < ?').run(now - PRESENCE_MS);
  const rows = db
    .prepare('SELECT email FROM editing_presence WHERE appeal_id = ? AND email <> ? ORDER BY seen_at')
    .all(id, email) as Array<{ email: string }>;
  return rows.map((r) => r.email);
}
