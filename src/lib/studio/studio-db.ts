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
