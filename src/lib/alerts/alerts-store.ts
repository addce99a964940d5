import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ALL_REGIONS } from './subscription-form.ts';

/**
 * The alerts service's records in one SQLite file in its data folder (never under content/, the
 * output or a release): subscribers with their consent, hashed tokens, and the outbox. Everything
 * the service stores goes through this class, so moving to a server database is one module.
 *
 * No child's details are stored here: an alert row holds the appeal id only, and the message is
 * rendered from the content when it is sent, then forgotten.
 */
export const ALERTS_DB_FILE = 'alerts.db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS subscribers (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed')),
  -- JSON list of region ids, or ["all"]: what alerts are sent for (set at confirmation).
  regions TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  -- The consent record (UK GDPR): when, for which regions, under which wording of the page.
  consented_at INTEGER,
  consent_regions TEXT,
  consent_wording TEXT,
  -- Random per subscriber; the unsubscribe link is derived from it with the service's secret.
  unsubscribe_nonce TEXT NOT NULL,
  last_confirmation_at INTEGER
) STRICT;
CREATE TABLE IF NOT EXISTS confirmation_tokens (
  token_hash TEXT PRIMARY KEY,
  subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
  -- What confirming agrees to: the regions and wording of the form that was sent.
  regions TEXT NOT NULL,
  wording TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS unsubscribe_tokens (
  token_hash TEXT PRIMARY KEY,
  -- NULL once used: the address is deleted; the hash alone says "already unsubscribed".
  subscriber_id INTEGER REFERENCES subscribers(id) ON DELETE SET NULL,
  used_at INTEGER
) STRICT;
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('confirm', 'alert')),
  subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
  appeal_id TEXT,
  -- One message per key: an alert's is the appeal and the subscriber, so enqueuing twice sends once.
  idempotency_key TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
  -- A confirmation's raw token until it is sent, then NULL.
  secret TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  claimed_by TEXT,
  sent_at INTEGER,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX IF NOT EXISTS outbox_by_appeal ON outbox(appeal_id, status);
`;

export type SubscriberStatus = 'pending' | 'confirmed';

export interface Subscriber {
  id: number;
  email: string;
  status: SubscriberStatus;
  regions: string[];
  unsubscribeNonce: string;
  lastConfirmationAt: number | null;
}

export interface OutboxRow {
  id: number;
  kind: 'confirm' | 'alert';
  subscriberId: number;
  email: string;
  appealId: string | null;
  idempotencyKey: string;
  secret: string | null;
  attempts: number;
  unsubscribeNonce: string;
}

/** A row as this schema stores it: text, whole numbers or NULL (no blobs). */
type Row = Record<string, string | number | null>;

function toSubscriber(row: Row): Subscriber {
  return {
    id: Number(row.id),
    email: String(row.email),
    status: row.status as SubscriberStatus,
    regions: JSON.parse(String(row.regions)) as string[],
    unsubscribeNonce: String(row.unsubscribe_nonce),
    lastConfirmationAt: row.last_confirmation_at === null ? null : Number(row.last_confirmation_at),
  };
}

/** Creates the data folder (owner only) and opens the store in it. */
export function openAlertsStore(dataDir: string): AlertsStore {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const file = path.join(dataDir, ALERTS_DB_FILE);
  const fresh = !existsSync(file);
  const db = new DatabaseSync(file, { timeout: 5_000 });
  if (fresh) chmodSync(file, 0o600);
  // secure_delete: a deleted address is overwritten, not left in a free page of the file.
  db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;',
  );
  db.exec(SCHEMA);
  for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600);
  return new AlertsStore(db);
}

export class AlertsStore {
  private readonly db: DatabaseSync;
  constructor(db: DatabaseSync) {
    this.db = db;
  }

  close(): void {
    this.db.close();
  }

  /** Runs `fn` in one write transaction (BEGIN IMMEDIATE: no other writer in between). */
  transaction<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = fn();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  findSubscriber(email: string): Subscriber | undefined {
    const row = this.db.prepare('SELECT * FROM subscribers WHERE email = ?').get(email) as Row | undefined;
    return row ? toSubscriber(row) : undefined;
  }

  subscriberById(id: number): Subscriber | undefined {
    const row = this.db.prepare('SELECT * FROM subscribers WHERE id = ?').get(id) as Row | undefined;
    return row ? toSubscriber(row) : undefined;
  }

  addPending(email: string, nonce: string, now: number): Subscriber {
    this.db
      .prepare(
        `INSERT INTO subscribers (email, status, regions, created_at, unsubscribe_nonce)
         VALUES (?, 'pending', '[]', ?, ?)`,
      )
      .run(email, now, nonce);
    return this.findSubscriber(email)!;
  }

  /** A confirmation token for `subscriberId`, and its email queued (the raw token kept until sent). */
  addConfirmation(input: {
    subscriberId: number;
    tokenHash: string;
    token: string;
    regions: string[];
    wording: string;
    now: number;
    expiresAt: number;
  }): void {
    this.db
      .prepare(
        'INSERT INTO confirmation_tokens (token_hash, subscriber_id, regions, wording, expires_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        input.tokenHash,
        input.subscriberId,
        JSON.stringify(input.regions),
        input.wording,
        input.expiresAt,
      );
    this.db
      .prepare('UPDATE subscribers SET last_confirmation_at = ? WHERE id = ?')
      .run(input.now, input.subscriberId);
    this.db
      .prepare(
        `INSERT INTO outbox (kind, subscriber_id, idempotency_key, status, secret, next_attempt_at, created_at)
         VALUES ('confirm', ?, ?, 'queued', ?, ?, ?)`,
      )
      .run(input.subscriberId, `confirm:${input.tokenHash}`, input.token, input.now, input.now);
  }

  /** The unexpired confirmation token with this hash, if any. */
  findConfirmation(
    tokenHash: string,
    now: number,
  ): { subscriberId: number; regions: string[]; wording: string } | undefined {
    const row = this.db
      .prepare('SELECT * FROM confirmation_tokens WHERE token_hash = ? AND expires_at > ?')
      .get(tokenHash, now) as Row | undefined;
    if (!row) return undefined;
    return {
      subscriberId: Number(row.subscriber_id),
      regions: JSON.parse(String(row.regions)) as string[],
      wording: String(row.wording),
    };
  }

  /**
   * Confirms: the subscriber's regions and consent become the token's, and every confirmation token
   * of theirs is spent (a link works once). Returns false if the token was spent meanwhile.
   */
  confirm(tokenHash: string, unsubscribeHash: string, now: number): boolean {
    return this.transaction(() => {
      const found = this.findConfirmation(tokenHash, now);
      if (!found) return false;
      const regions = JSON.stringify(found.regions);
      this.db
        .prepare(
          `UPDATE subscribers SET status = 'confirmed', regions = ?, consented_at = ?, consent_regions = ?,
           consent_wording = ? WHERE id = ?`,
        )
        .run(regions, now, regions, found.wording, found.subscriberId);
      this.db.prepare('DELETE FROM confirmation_tokens WHERE subscriber_id = ?').run(found.subscriberId);
      this.db
        .prepare('INSERT OR IGNORE INTO unsubscribe_tokens (token_hash, subscriber_id) VALUES (?, ?)')
        .run(unsubscribeHash, found.subscriberId);
      return true;
    });
  }

  /**
   * Unsubscribes: deletes the subscriber (address, consent, queued mail) and keeps the token's hash
   * only, marked used. 'done' once, 'already' after, 'unknown' for a token never issued.
   */
  unsubscribe(tokenHash: string, now: number): 'done' | 'already' | 'unknown' {
    const outcome = this.transaction((): 'done' | 'already' | 'unknown' => {
      const row = this.db.prepare('SELECT * FROM unsubscribe_tokens WHERE token_hash = ?').get(tokenHash) as
        Row | undefined;
      if (!row) return 'unknown';
      if (row.subscriber_id === null) return 'already';
      this.db.prepare('UPDATE unsubscribe_tokens SET used_at = ? WHERE token_hash = ?').run(now, tokenHash);
      this.db.prepare('DELETE FROM subscribers WHERE id = ?').run(Number(row.subscriber_id));
      return 'done';
    });
    // The write-ahead log still holds the pages as they were: copy it back and empty it.
    if (outcome === 'done') this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return outcome;
  }

  /** Deletes people who never confirmed once their last link has expired: nothing kept without consent. */
  forgetUnconfirmed(now: number): number {
    this.db.prepare('DELETE FROM confirmation_tokens WHERE expires_at <= ?').run(now);
    const result = this.db
      .prepare(
        `DELETE FROM subscribers WHERE status = 'pending'
         AND NOT EXISTS (SELECT 1 FROM confirmation_tokens t WHERE t.subscriber_id = subscribers.id)
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.subscriber_id = subscribers.id AND o.status IN ('queued', 'sending'))`,
      )
      .run();
    return Number(result.changes);
  }

  /**
   * Queues one alert per confirmed subscriber whose regions include any of `regions` (or who chose
   * all of the UK): one per person and appeal, however many regions match and however often this
   * is called. Returns how many were newly queued.
   */
  enqueueAlert(appealId: string, regions: readonly string[], now: number): number {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO outbox (kind, subscriber_id, appeal_id, idempotency_key, status, next_attempt_at, created_at)
         SELECT 'alert', s.id, ?, 'alert:' || ? || ':' || s.id, 'queued', ?, ?
         FROM subscribers s
         WHERE s.status = 'confirmed' AND EXISTS (
           SELECT 1 FROM json_each(s.regions) r
           WHERE r.value = ? OR r.value IN (SELECT value FROM json_each(?)))`,
      )
      .run(appealId, appealId, now, now, ALL_REGIONS, JSON.stringify(regions));
    return Number(result.changes);
  }

  /** How many confirmed subscribers an alert for `regions` would go to (one each). */
  countRecipients(regions: readonly string[]): number {
    const row = this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM subscribers s WHERE s.status = 'confirmed' AND EXISTS (
           SELECT 1 FROM json_each(s.regions) r WHERE r.value = ? OR r.value IN (SELECT value FROM json_each(?)))`,
      )
      .get(ALL_REGIONS, JSON.stringify(regions)) as Row;
    return Number(row.n);
  }

  /** Cancels every queued (not yet sending) alert for the appeal; returns how many. */
  cancelQueuedAlerts(appealId: string): number {
    const result = this.db
      .prepare(
        `UPDATE outbox SET status = 'cancelled', secret = NULL
         WHERE kind = 'alert' AND appeal_id = ? AND status = 'queued'`,
      )
      .run(appealId);
    return Number(result.changes);
  }

  /** Puts back what a process that died mid-send had claimed (it will be sent again). */
  requeueAbandoned(worker: string): number {
    const result = this.db
      .prepare(`UPDATE outbox SET status = 'queued' WHERE status = 'sending' AND claimed_by IS NOT ?`)
      .run(worker);
    return Number(result.changes);
  }

  /** Claims up to `limit` due messages for `worker`, atomically, oldest first. */
  claimDue(worker: string, now: number, limit: number): OutboxRow[] {
    return this.transaction(() => {
      const rows = this.db
        .prepare(
          `UPDATE outbox SET status = 'sending', claimed_by = ?, attempts = attempts + 1
           WHERE id IN (SELECT id FROM outbox WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY id LIMIT ?)
           RETURNING id`,
        )
        .all(worker, now, limit) as Row[];
      if (rows.length === 0) return [];
      const ids = rows.map((r) => Number(r.id));
      const full = this.db
        .prepare(
          `SELECT o.*, s.email, s.unsubscribe_nonce FROM outbox o JOIN subscribers s ON s.id = o.subscriber_id
           WHERE o.id IN (SELECT value FROM json_each(?)) ORDER BY o.id`,
        )
        .all(JSON.stringify(ids)) as Row[];
      return full.map((r) => ({
        id: Number(r.id),
        kind: r.kind as OutboxRow['kind'],
        subscriberId: Number(r.subscriber_id),
        email: String(r.email),
        appealId: r.appeal_id === null ? null : String(r.appeal_id),
        idempotencyKey: String(r.idempotency_key),
        secret: r.secret === null ? null : String(r.secret),
        attempts: Number(r.attempts),
        unsubscribeNonce: String(r.unsubscribe_nonce),
      }));
    });
  }

  markSent(id: number, now: number): void {
    this.db
      .prepare(
        `UPDATE outbox SET status = 'sent', sent_at = ?, secret = NULL WHERE id = ? AND status = 'sending'`,
      )
      .run(now, id);
  }

  /** Back in the queue for another try at `retryAt`, or failed for good (`retryAt` undefined). */
  markFailed(id: number, retryAt: number | undefined): void {
    if (retryAt === undefined)
      this.db.prepare(`UPDATE outbox SET status = 'failed', secret = NULL WHERE id = ?`).run(id);
    else
      this.db
        .prepare(
          `UPDATE outbox SET status = 'queued', next_attempt_at = ? WHERE id = ? AND status = 'sending'`,
        )
        .run(retryAt, id);
  }

  /** Marks a claimed message cancelled (its appeal is no longer live). */
  markCancelled(id: number): void {
    this.db.prepare(`UPDATE outbox SET status = 'cancelled', secret = NULL WHERE id = ?`).run(id);
  }

  /** Counts per outbox status for an appeal (for the CLI and tests). */
  alertCounts(appealId: string): Record<string, number> {
    const rows = this.db
      .prepare('SELECT status, COUNT(*) AS n FROM outbox WHERE appeal_id = ? GROUP BY status')
      .all(appealId) as Row[];
    return Object.fromEntries(rows.map((r) => [String(r.status), Number(r.n)]));
  }

  /** True while anything is queued or being sent. */
  pending(): boolean {
    const row = this.db
      .prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status IN ('queued', 'sending')`)
      .get() as Row;
    return Number(row.n) > 0;
  }

  /** The earliest time a queued message is due, if any. */
  nextDue(): number | undefined {
    const row = this.db
      .prepare(`SELECT MIN(next_attempt_at) AS at FROM outbox WHERE status = 'queued'`)
      .get() as Row;
    return row.at === null ? undefined : Number(row.at);
  }
}
