import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Locale } from '../i18n/locales.ts';
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
  last_confirmation_at INTEGER,
  -- The language their emails are written in (set by the form; a confirmed person's at confirmation).
  language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'cy'))
) STRICT;
-- Each sign-up forgets the unconfirmed: find them without reading every confirmed address.
CREATE INDEX IF NOT EXISTS subscribers_by_status ON subscribers(status);
CREATE TABLE IF NOT EXISTS confirmation_tokens (
  token_hash TEXT PRIMARY KEY,
  subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
  -- What confirming agrees to: the regions, wording and language of the form that was sent.
  regions TEXT NOT NULL,
  wording TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'cy'))
) STRICT;
-- Forgetting unconfirmed people looks up each one's tokens: without this, every sign-up reads them all.
CREATE INDEX IF NOT EXISTS confirmation_tokens_by_subscriber ON confirmation_tokens(subscriber_id);
CREATE TABLE IF NOT EXISTS unsubscribe_tokens (
  token_hash TEXT PRIMARY KEY,
  -- NULL once used: the address is deleted; the hash alone says "already unsubscribed".
  subscriber_id INTEGER REFERENCES subscribers(id) ON DELETE SET NULL,
  used_at INTEGER
) STRICT;
-- Deleting an address clears its link here (ON DELETE SET NULL): without this, a scan per delete.
CREATE INDEX IF NOT EXISTS unsubscribe_tokens_by_subscriber ON unsubscribe_tokens(subscriber_id);
-- A browser's web push subscription: one device, one "person". No double opt-in: the browser's own
-- permission prompt, answered after the person pressed the button, is the opt-in.
CREATE TABLE IF NOT EXISTS push_subscriptions (
  -- Never reused: sent rows outlive a deleted subscription, and a message's key holds this id.
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- The push service's URL for this device: a secret capability, deleted on unsubscribe or 404/410.
  endpoint TEXT NOT NULL UNIQUE,
  -- The browser's keys (base64url) that the message is encrypted for.
  p256dh TEXT NOT NULL,
  auth TEXT NOT NULL,
  -- JSON list of region ids, or ["all"].
  regions TEXT NOT NULL,
  language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'cy')),
  consented_at INTEGER NOT NULL,
  consent_regions TEXT NOT NULL,
  consent_wording TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
`;

/**
 * The outbox: every message to send, by email (a subscriber) or by web push (a push
 * subscription). A push row whose subscription is deleted keeps its status for the counts.
 */
const OUTBOX_TABLE = (name: string) => `
CREATE TABLE IF NOT EXISTS ${name} (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('confirm', 'alert', 'recall')),
  channel TEXT NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'push')),
  subscriber_id INTEGER REFERENCES subscribers(id) ON DELETE CASCADE,
  push_subscription_id INTEGER REFERENCES push_subscriptions(id) ON DELETE SET NULL,
  appeal_id TEXT,
  -- One message per key: an alert's is the appeal and the recipient, so enqueuing twice sends once.
  idempotency_key TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
  -- A confirmation's raw token until it is sent, then NULL.
  secret TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  claimed_by TEXT,
  sent_at INTEGER,
  created_at INTEGER NOT NULL,
  CHECK (channel = 'push' OR (subscriber_id IS NOT NULL AND push_subscription_id IS NULL)),
  CHECK (channel = 'email' OR (subscriber_id IS NULL AND kind IN ('alert', 'recall'))),
  CHECK (kind <> 'recall' OR channel = 'push')
) STRICT;
`;

const OUTBOX_INDEXES = `
CREATE INDEX IF NOT EXISTS outbox_due ON outbox(status, next_attempt_at);
-- The workers claim the oldest queued rows of a channel: without this, each claim sorts the queue.
CREATE INDEX IF NOT EXISTS outbox_queue ON outbox(status, channel, id);
CREATE INDEX IF NOT EXISTS outbox_by_appeal ON outbox(appeal_id, status);
CREATE INDEX IF NOT EXISTS outbox_by_push ON outbox(push_subscription_id);
CREATE INDEX IF NOT EXISTS outbox_by_subscriber ON outbox(subscriber_id);
`;

/** The outbox columns of a store made before web push (every row an email). */
const OLD_OUTBOX_COLUMNS =
  'id, kind, subscriber_id, appeal_id, idempotency_key, status, secret, attempts, next_attempt_at, claimed_by, sent_at, created_at';

const hasColumn = (db: DatabaseSync, table: string, column: string): boolean =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Row[]).some((r) => r.name === column);

/**
 * Brings a store to this schema: new tables as needed, `language` added, and an outbox from before
 * web push rebuilt with its rows kept (SQLite cannot change a CHECK in place). Idempotent, and
 * safe when two processes open an old store at once (one write transaction, re-checked inside).
 */
function migrate(db: DatabaseSync): void {
  db.exec(SCHEMA);
  const needed = () =>
    !hasColumn(db, 'subscribers', 'language') ||
    !hasColumn(db, 'confirmation_tokens', 'language') ||
    !hasColumn(db, 'outbox', 'channel');
  if (!needed()) return;
  // Foreign keys off while the outbox is rebuilt (it cannot be switched inside a transaction).
  db.exec('PRAGMA foreign_keys = OFF');
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const table of ['subscribers', 'confirmation_tokens'])
        if (!hasColumn(db, table, 'language'))
          db.exec(
            `ALTER TABLE ${table} ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'cy'))`,
          );
      const exists = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'outbox'`).get();
      if (!exists) db.exec(OUTBOX_TABLE('outbox'));
      else if (!hasColumn(db, 'outbox', 'channel')) {
        db.exec(OUTBOX_TABLE('outbox_migrating'));
        db.exec(
          `INSERT INTO outbox_migrating (${OLD_OUTBOX_COLUMNS}, channel) SELECT ${OLD_OUTBOX_COLUMNS}, 'email' FROM outbox`,
        );
        db.exec('DROP TABLE outbox');
        db.exec('ALTER TABLE outbox_migrating RENAME TO outbox');
      }
      if ((db.prepare('PRAGMA foreign_key_check').all() as Row[]).length > 0)
        throw new Error('alerts store: the outbox refers to subscribers that are not there');
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    db.exec('PRAGMA foreign_keys = ON');
  }
}

export type SubscriberStatus = 'pending' | 'confirmed';

export interface Subscriber {
  id: number;
  email: string;
  status: SubscriberStatus;
  regions: string[];
  unsubscribeNonce: string;
  lastConfirmationAt: number | null;
  language: Locale;
}

/** An email in the outbox, claimed for sending. */
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
  language: Locale;
}

/** A browser's subscription as the Push API gives it (keys in base64url). */
export interface PushSubscriptionKeys {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** A web push message in the outbox, claimed for sending. */
export interface PushOutboxRow {
  id: number;
  kind: 'alert' | 'recall';
  pushSubscriptionId: number;
  subscription: PushSubscriptionKeys;
  appealId: string;
  idempotencyKey: string;
  attempts: number;
  language: Locale;
}

export type Channel = 'email' | 'push';

/** One line of what happened to an appeal's alerts (counts only, for the studio). */
export interface DeliveryCount {
  channel: Channel;
  kind: 'alert' | 'recall';
  status: 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';
  count: number;
}

/** A row as this schema stores it: text, whole numbers or NULL (no blobs). */
type Row = Record<string, string | number | null>;

/** A WHERE condition: the row (alias `t`) chose all of the UK or one of a JSON list of regions (2 parameters). */
const MATCHES_REGIONS = (t: string) => `EXISTS (
  SELECT 1 FROM json_each(${t}.regions) r WHERE r.value = ? OR r.value IN (SELECT value FROM json_each(?)))`;

function toSubscriber(row: Row): Subscriber {
  return {
    id: Number(row.id),
    email: String(row.email),
    status: row.status as SubscriberStatus,
    regions: JSON.parse(String(row.regions)) as string[],
    unsubscribeNonce: String(row.unsubscribe_nonce),
    lastConfirmationAt: row.last_confirmation_at === null ? null : Number(row.last_confirmation_at),
    language: row.language as Locale,
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
  migrate(db);
  db.exec(OUTBOX_INDEXES);
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

  addPending(email: string, nonce: string, now: number, language: Locale = 'en'): Subscriber {
    this.db
      .prepare(
        `INSERT INTO subscribers (email, status, regions, created_at, unsubscribe_nonce, language)
         VALUES (?, 'pending', '[]', ?, ?, ?)`,
      )
      .run(email, now, nonce, language);
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
    language?: Locale;
  }): void {
    const language = input.language ?? 'en';
    this.db
      .prepare(
        'INSERT INTO confirmation_tokens (token_hash, subscriber_id, regions, wording, expires_at, language) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        input.tokenHash,
        input.subscriberId,
        JSON.stringify(input.regions),
        input.wording,
        input.expiresAt,
        language,
      );
    // A pending person's confirmation email is in the form's language; a confirmed person's
    // language changes only when they confirm.
    this.db
      .prepare(
        `UPDATE subscribers SET last_confirmation_at = ?,
         language = CASE status WHEN 'pending' THEN ? ELSE language END WHERE id = ?`,
      )
      .run(input.now, language, input.subscriberId);
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
  ): { subscriberId: number; regions: string[]; wording: string; language: Locale } | undefined {
    const row = this.db
      .prepare('SELECT * FROM confirmation_tokens WHERE token_hash = ? AND expires_at > ?')
      .get(tokenHash, now) as Row | undefined;
    if (!row) return undefined;
    return {
      subscriberId: Number(row.subscriber_id),
      regions: JSON.parse(String(row.regions)) as string[],
      wording: String(row.wording),
      language: row.language as Locale,
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
           consent_wording = ?, language = ? WHERE id = ?`,
        )
        .run(regions, now, regions, found.wording, found.language, found.subscriberId);
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
   * Queues one alert per confirmed subscriber and per push subscription whose regions include any
   * of `regions` (or who chose all of the UK): one per person (or device) and appeal, however many
   * regions match and however often this is called. Returns how many were newly queued.
   */
  enqueueAlert(appealId: string, regions: readonly string[], now: number): number {
    return this.transaction(() => {
      const email = this.db
        .prepare(
          `INSERT OR IGNORE INTO outbox (kind, channel, subscriber_id, appeal_id, idempotency_key, status, next_attempt_at, created_at)
           SELECT 'alert', 'email', s.id, ?, 'alert:' || ? || ':' || s.id, 'queued', ?, ?
           FROM subscribers s
           WHERE s.status = 'confirmed' AND ${MATCHES_REGIONS('s')}`,
        )
        .run(appealId, appealId, now, now, ALL_REGIONS, JSON.stringify(regions));
      const push = this.db
        .prepare(
          `INSERT OR IGNORE INTO outbox (kind, channel, push_subscription_id, appeal_id, idempotency_key, status, next_attempt_at, created_at)
           SELECT 'alert', 'push', p.id, ?, 'push-alert:' || ? || ':' || p.id, 'queued', ?, ?
           FROM push_subscriptions p
           WHERE ${MATCHES_REGIONS('p')}`,
        )
        .run(appealId, appealId, now, now, ALL_REGIONS, JSON.stringify(regions));
      return Number(email.changes) + Number(push.changes);
    });
  }

  /** How many an alert for `regions` would go to: confirmed addresses and push subscriptions (one each). */
  countRecipients(regions: readonly string[]): number {
    const { email, push } = this.countRecipientsByChannel(regions);
    return email + push;
  }

  /** How many an alert for `regions` would go to, per channel. */
  countRecipientsByChannel(regions: readonly string[]): { email: number; push: number } {
    const row = this.db
      .prepare(
        `SELECT
           (SELECT COUNT(*) FROM subscribers s WHERE s.status = 'confirmed' AND ${MATCHES_REGIONS('s')}) AS email,
           (SELECT COUNT(*) FROM push_subscriptions p WHERE ${MATCHES_REGIONS('p')}) AS push`,
      )
      .get(ALL_REGIONS, JSON.stringify(regions), ALL_REGIONS, JSON.stringify(regions)) as Row;
    return { email: Number(row.email), push: Number(row.push) };
  }

  /** Cancels every queued (not yet sending) alert for the appeal, on every channel; returns how many. */
  cancelQueuedAlerts(appealId: string): number {
    const result = this.db
      .prepare(
        `UPDATE outbox SET status = 'cancelled', secret = NULL
         WHERE kind = 'alert' AND appeal_id = ? AND status = 'queued'`,
      )
      .run(appealId);
    return Number(result.changes);
  }

  /**
   * A closure's recall, in one transaction: every queued alert for the appeal is cancelled, and a
   * recall is queued for every push subscription the alert was sent to (or is being sent to: the
   * recall waits for that send to finish). Only queues: the service sends.
   */
  recallAlerts(appealId: string, now: number): { cancelled: number; recalls: number } {
    return this.transaction(() => {
      const cancelled = this.cancelQueuedAlerts(appealId);
      const recalls = this.db
        .prepare(
          `INSERT OR IGNORE INTO outbox (kind, channel, push_subscription_id, appeal_id, idempotency_key, status, next_attempt_at, created_at)
           SELECT 'recall', 'push', o.push_subscription_id, o.appeal_id,
                  'push-recall:' || o.appeal_id || ':' || o.push_subscription_id, 'queued', ?, ?
           FROM outbox o
           WHERE o.appeal_id = ? AND o.kind = 'alert' AND o.channel = 'push'
             AND o.status IN ('sent', 'sending') AND o.push_subscription_id IS NOT NULL`,
        )
        .run(now, now, appealId);
      return { cancelled, recalls: Number(recalls.changes) };
    });
  }

  /** Puts back what a process that died mid-send had claimed (it will be sent again). */
  requeueAbandoned(worker: string, channel: Channel = 'email'): number {
    const result = this.db
      .prepare(
        `UPDATE outbox SET status = 'queued' WHERE status = 'sending' AND channel = ? AND claimed_by IS NOT ?`,
      )
      .run(channel, worker);
    return Number(result.changes);
  }

  /** Marks up to `limit` due rows of `channel` as being sent by `worker`; their ids. */
  private claimIds(worker: string, now: number, limit: number, channel: Channel): number[] {
    // A recall waits while its alert to the same device is still being sent (it must come after).
    const rows = this.db
      .prepare(
        `UPDATE outbox SET status = 'sending', claimed_by = ?, attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM outbox o INDEXED BY outbox_queue
           WHERE status = 'queued' AND next_attempt_at <= ? AND channel = ?
             AND (channel = 'email' OR push_subscription_id IS NOT NULL)
             AND NOT (kind = 'recall' AND EXISTS (
               SELECT 1 FROM outbox a WHERE a.appeal_id = o.appeal_id AND a.kind = 'alert'
                 AND a.push_subscription_id = o.push_subscription_id AND a.status = 'sending'))
           ORDER BY id LIMIT ?)
         RETURNING id`,
      )
      .all(worker, now, channel, limit) as Row[];
    return rows.map((r) => Number(r.id));
  }

  /** Claims up to `limit` due emails for `worker`, atomically, oldest first. */
  claimDue(worker: string, now: number, limit: number): OutboxRow[] {
    return this.transaction(() => {
      const ids = this.claimIds(worker, now, limit, 'email');
      if (ids.length === 0) return [];
      const full = this.db
        .prepare(
          `SELECT o.*, s.email, s.unsubscribe_nonce, s.language FROM outbox o JOIN subscribers s ON s.id = o.subscriber_id
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
        language: r.language as Locale,
      }));
    });
  }

  /** Claims up to `limit` due web push messages for `worker`, atomically, oldest first. */
  claimDuePush(worker: string, now: number, limit: number): PushOutboxRow[] {
    return this.transaction(() => {
      const ids = this.claimIds(worker, now, limit, 'push');
      if (ids.length === 0) return [];
      const full = this.db
        .prepare(
          `SELECT o.*, p.endpoint, p.p256dh, p.auth, p.language FROM outbox o
           JOIN push_subscriptions p ON p.id = o.push_subscription_id
           WHERE o.id IN (SELECT value FROM json_each(?)) ORDER BY o.id`,
        )
        .all(JSON.stringify(ids)) as Row[];
      return full.map((r) => ({
        id: Number(r.id),
        kind: r.kind as PushOutboxRow['kind'],
        pushSubscriptionId: Number(r.push_subscription_id),
        subscription: {
          endpoint: String(r.endpoint),
          keys: { p256dh: String(r.p256dh), auth: String(r.auth) },
        },
        appealId: String(r.appeal_id),
        idempotencyKey: String(r.idempotency_key),
        attempts: Number(r.attempts),
        language: r.language as Locale,
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

  /** Counts per outbox status for an appeal, every channel and kind (for the CLI and tests). */
  alertCounts(appealId: string): Record<string, number> {
    const rows = this.db
      .prepare('SELECT status, COUNT(*) AS n FROM outbox WHERE appeal_id = ? GROUP BY status')
      .all(appealId) as Row[];
    return Object.fromEntries(rows.map((r) => [String(r.status), Number(r.n)]));
  }

  /** What happened to an appeal's alerts and recalls, per channel, kind and status: counts only. */
  deliveryCounts(appealId: string): DeliveryCount[] {
    const rows = this.db
      .prepare(
        `SELECT channel, kind, status, COUNT(*) AS n FROM outbox WHERE appeal_id = ? AND kind IN ('alert', 'recall')
         GROUP BY channel, kind, status ORDER BY channel, kind, status`,
      )
      .all(appealId) as Row[];
    return rows.map((r) => ({
      channel: r.channel as Channel,
      kind: r.kind as DeliveryCount['kind'],
      status: r.status as DeliveryCount['status'],
      count: Number(r.n),
    }));
  }

  /**
   * Subscribers per region id: confirmed email addresses and push subscriptions (counts only).
   * Someone who chose all of the UK is counted under "all", not under each region; someone who
   * chose two regions is counted under both.
   */
  subscriberCounts(): Record<string, { email: number; push: number }> {
    const rows = this.db
      .prepare(
        `SELECT r.value AS region, 'email' AS channel, COUNT(*) AS n FROM subscribers s, json_each(s.regions) r
         WHERE s.status = 'confirmed' GROUP BY r.value
         UNION ALL
         SELECT r.value, 'push', COUNT(*) FROM push_subscriptions p, json_each(p.regions) r GROUP BY r.value`,
      )
      .all() as Row[];
    const counts: Record<string, { email: number; push: number }> = {};
    for (const row of rows) {
      const entry = (counts[String(row.region)] ??= { email: 0, push: 0 });
      entry[row.channel as Channel] = Number(row.n);
    }
    return counts;
  }

  /**
   * Adds a browser's push subscription, or updates the one with the same endpoint (a person who
   * subscribes again changes their regions): with its consent record.
   */
  addPushSubscription(input: {
    subscription: PushSubscriptionKeys;
    regions: string[];
    language: Locale;
    wording: string;
    now: number;
  }): void {
    const regions = JSON.stringify(input.regions);
    this.db
      .prepare(
        `INSERT INTO push_subscriptions (endpoint, p256dh, auth, regions, language, consented_at, consent_regions, consent_wording, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (endpoint) DO UPDATE SET p256dh = excluded.p256dh, auth = excluded.auth, regions = excluded.regions,
           language = excluded.language, consented_at = excluded.consented_at,
           consent_regions = excluded.consent_regions, consent_wording = excluded.consent_wording`,
      )
      .run(
        input.subscription.endpoint,
        input.subscription.keys.p256dh,
        input.subscription.keys.auth,
        regions,
        input.language,
        input.now,
        regions,
        input.wording,
        input.now,
      );
  }

  /**
   * Deletes a push subscription (the person unsubscribed, or the push service said it is gone):
   * its queued messages are cancelled, and what was sent stays counted. False if there was none.
   */
  removePushSubscription(by: { endpoint: string } | { id: number }): boolean {
    const deleted = this.transaction(() => {
      const row = (
        'endpoint' in by
          ? this.db.prepare('SELECT id FROM push_subscriptions WHERE endpoint = ?').get(by.endpoint)
          : this.db.prepare('SELECT id FROM push_subscriptions WHERE id = ?').get(by.id)
      ) as Row | undefined;
      if (!row) return false;
      const id = Number(row.id);
      this.db
        .prepare(
          `UPDATE outbox SET status = 'cancelled' WHERE push_subscription_id = ? AND status = 'queued'`,
        )
        .run(id);
      this.db.prepare('DELETE FROM push_subscriptions WHERE id = ?').run(id);
      return true;
    });
    if (deleted) this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return deleted;
  }

  /** True while anything (of `channel`, if given) is queued or being sent. */
  pending(channel?: Channel): boolean {
    const row = this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM outbox WHERE status IN ('queued', 'sending') AND (? IS NULL OR channel = ?)`,
      )
      .get(channel ?? null, channel ?? null) as Row;
    return Number(row.n) > 0;
  }

  /** The earliest time a queued message (of `channel`, if given) is due, if any. */
  nextDue(channel?: Channel): number | undefined {
    const row = this.db
      .prepare(
        `SELECT MIN(next_attempt_at) AS at FROM outbox WHERE status = 'queued' AND (? IS NULL OR channel = ?)`,
      )
      .get(channel ?? null, channel ?? null) as Row;
    return row.at === null ? undefined : Number(row.at);
  }
}
