import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/**
 * The studio's own records (users, sessions, failed sign-ins) in one SQLite file in the studio
 * data folder, never under content/ and never published. SQLite's transactions let the
 * `npm run studio -- user …` commands and the running server change it at the same time.
 */
export const DB_FILE = 'studio.db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  email TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('author', 'publisher', 'admin')),
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  -- Sessions made before this instant are void: set by a reset or a password change.
  sessions_valid_after INTEGER NOT NULL,
  last_sign_in_at INTEGER
) STRICT;
CREATE TABLE IF NOT EXISTS sessions (
  id_hash TEXT PRIMARY KEY,
  email TEXT NOT NULL REFERENCES users(email) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS sessions_by_email ON sessions(email);
`;

/**
 * Who has an appeal's edit form open (issue 19: "Jo is editing this appeal"): one row per person
 * and appeal, refreshed while the form is open, ignored once older than presence.ts's limit.
 */
const PRESENCE_SCHEMA = `
CREATE TABLE IF NOT EXISTS editing_presence (
  appeal_id TEXT NOT NULL,
  email TEXT NOT NULL REFERENCES users(email) ON DELETE CASCADE,
  seen_at INTEGER NOT NULL,
  PRIMARY KEY (appeal_id, email)
) STRICT;
`;

/**
 * Notifications (issue 19): what the studio tells each person (src/lib/studio/notifications.ts).
 * Appeal ids and people only, never anything about the child: a closure deletes them anyway.
 */
const NOTIFICATIONS_SCHEMA = `
CREATE TABLE IF NOT EXISTS notifications (
  id INTEGER PRIMARY KEY,
  recipient TEXT NOT NULL REFERENCES users(email) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('approval', 'live', 'review')),
  appeal_id TEXT NOT NULL,
  -- Who caused it (the person who sent the appeal for approval), if anyone.
  actor TEXT,
  created_at INTEGER NOT NULL,
  read_at INTEGER,
  -- For a sender of email, once the studio has one: when this one was emailed.
  emailed_at INTEGER,
  -- At most one notification per person and key (a review reminder's key is the appeal and the day).
  once_key TEXT,
  UNIQUE (recipient, once_key)
) STRICT;
CREATE INDEX IF NOT EXISTS notifications_by_recipient ON notifications(recipient, created_at);
CREATE INDEX IF NOT EXISTS notifications_by_appeal ON notifications(appeal_id);
-- Who to tell when an appeal next goes live: its writers, noted when it is sent for approval.
CREATE TABLE IF NOT EXISTS live_watchers (
  appeal_id TEXT NOT NULL,
  email TEXT NOT NULL REFERENCES users(email) ON DELETE CASCADE,
  PRIMARY KEY (appeal_id, email)
) STRICT;
`;

/**
 * ---- Revision history (src/lib/studio/revisions.ts) ----
 * Each version of an appeal that went into content/ (and the version found there before), with
 * the photos it used. A child's details: deleted with the appeal's other personal data when it closes.
 */
const REVISIONS_SCHEMA = `
CREATE TABLE IF NOT EXISTS revisions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  appeal_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  -- 'studio': approved in the studio; 'files': found in content/, changed outside the studio.
  source TEXT NOT NULL CHECK (source IN ('studio', 'files')),
  written_by TEXT NOT NULL,
  approved_by TEXT,
  restored_from INTEGER,
  markdown TEXT NOT NULL,
  -- JSON: each photo file's name -> the SHA-256 of its bytes in revision_photos.
  photos TEXT NOT NULL,
  digest TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS revisions_by_appeal ON revisions(appeal_id, seq);
CREATE TABLE IF NOT EXISTS revision_photos (
  appeal_id TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (appeal_id, sha256)
) STRICT;
`;
// ---- end of revision history ----

/** Creates the data folder (owner only) and opens the database in it (owner-only file). */
export function openStudioDb(dataDir: string): DatabaseSync {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const file = path.join(dataDir, DB_FILE);
  const fresh = !existsSync(file);
  const db = new DatabaseSync(file, { timeout: 5_000 });
  if (fresh) chmodSync(file, 0o600);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;');
  db.exec(SCHEMA);
  upgradeSignIn(db);
  db.exec(PRESENCE_SCHEMA);
  db.exec(NOTIFICATIONS_SCHEMA);
  db.exec(REVISIONS_SCHEMA);
  // SQLite gives its -wal and -shm files the database file's permissions; make sure of it.
  for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600);
  return db;
}

/**
 * The sign-in throttle's tables (hashes of emails and addresses only), and the `admin` role for
 * databases made before it: SQLite cannot change a CHECK, so the users table is rebuilt, in one
 * transaction, with foreign keys off so the sessions that point at it survive.
 */
const SIGN_IN_SCHEMA = `
DROP TABLE IF EXISTS login_failures;
CREATE TABLE IF NOT EXISTS sign_in_failures (
  account TEXT NOT NULL,
  address TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS sign_in_failures_by_pair ON sign_in_failures(account, address, at);
CREATE INDEX IF NOT EXISTS sign_in_failures_by_address ON sign_in_failures(address, at);
CREATE TABLE IF NOT EXISTS sign_in_known (
  account TEXT NOT NULL,
  address TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (account, address)
) STRICT;
CREATE TABLE IF NOT EXISTS sign_in_lifts (
  account TEXT PRIMARY KEY,
  at INTEGER NOT NULL
) STRICT;
`;

function upgradeSignIn(db: DatabaseSync): void {
  db.exec(SIGN_IN_SCHEMA);
  const users = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'users'").get() as
    { sql: string } | undefined;
  if (!users || users.sql.includes("'admin'")) return;
  db.exec('PRAGMA foreign_keys = OFF');
  try {
    inTransaction(db, () => {
      const rebuilt = users.sql
        .replace(/^CREATE TABLE (IF NOT EXISTS )?"?users"?/, 'CREATE TABLE users_new')
        .replace(
          /CHECK \(role IN \('author', 'publisher'\)\)/,
          "CHECK (role IN ('author', 'publisher', 'admin'))",
        );
      if (!rebuilt.includes("'admin'")) throw new Error('the studio database has an unexpected users table');
      db.exec(rebuilt);
      db.exec(
        'INSERT INTO users_new SELECT * FROM users; DROP TABLE users; ALTER TABLE users_new RENAME TO users;',
      );
      if (db.prepare('PRAGMA foreign_key_check').all().length > 0)
        throw new Error('the studio database has sessions of unknown users; nothing was changed');
    });
  } finally {
    db.exec('PRAGMA foreign_keys = ON');
  }
}

/** Runs `work` in one write transaction. */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
