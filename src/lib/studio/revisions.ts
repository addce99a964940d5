import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { APPEAL_FILE, appealDir, appealFileIn } from '../content/appeal-folder.ts';
import { isPhotoFileName } from '../content/photo-file.ts';
import { writeAtomically } from '../files/atomic-write.ts';
import { folderDigest } from '../publishing/content-scan.ts';
import { DB_FILE, inTransaction, openStudioDb } from './studio-db.ts';

/**
 * The revision history of each appeal, in the studio's own database (never under content/, never
 * published): every version the studio put into content/, and any version found there that was
 * changed outside the studio (by editing the file). Restoring one makes a draft, which goes through
 * approval as usual. When the appeal closes its history is deleted with its other personal data.
 */
export interface Revision {
  seq: number;
  id: string;
  /** When it went into content/ (or was found there), ms since the epoch. */
  at: number;
  source: 'studio' | 'files';
  /** Who wrote or changed it (empty for a version changed outside the studio). */
  writtenBy: string[];
  approvedBy?: string | undefined;
  /** The revision it was restored from, if it was. */
  restoredFrom?: number | undefined;
  markdown: string;
  /** Photo file name → SHA-256 of its bytes. */
  photos: Record<string, string>;
  /** The folder's digest as the release manifest keeps it (content-scan.ts folderDigest). */
  digest: string;
}

interface RevisionRow {
  seq: number;
  appeal_id: string;
  at: number;
  source: string;
  written_by: string;
  approved_by: string | null;
  restored_from: number | null;
  markdown: string;
  photos: string;
  digest: string;
}

function fromRow(row: RevisionRow): Revision {
  return {
    seq: row.seq,
    id: row.appeal_id,
    at: row.at,
    source: row.source === 'files' ? 'files' : 'studio',
    writtenBy: JSON.parse(row.written_by) as string[],
    approvedBy: row.approved_by ?? undefined,
    restoredFrom: row.restored_from ?? undefined,
    markdown: row.markdown,
    photos: JSON.parse(row.photos) as Record<string, string>,
    digest: row.digest,
  };
}

/** Runs `work` on the studio's database in `dataDir`, closed afterwards. */
function withDb<T>(dataDir: string, work: (db: DatabaseSync) => T): T {
  const db = openStudioDb(dataDir);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

function latest(db: DatabaseSync, id: string): Revision | undefined {
  const row = db.prepare('SELECT * FROM revisions WHERE appeal_id = ? ORDER BY seq DESC LIMIT 1').get(id) as
    RevisionRow | undefined;
  return row && fromRow(row);
}

/** Stores the appeal folder as it is now in content/ as a new revision. */
function insertFromContent(
  db: DatabaseSync,
  contentDir: string,
  id: string,
  revision: Pick<Revision, 'source' | 'writtenBy' | 'approvedBy' | 'restoredFrom'> & { at: number },
): void {
  const dir = appealDir(contentDir, id);
  const source = readFileSync(appealFileIn(dir));
  const photos: Record<string, string> = {};
  const addPhoto = db.prepare(
    'INSERT OR IGNORE INTO revision_photos (appeal_id, sha256, bytes) VALUES (?, ?, ?)',
  );
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (name === APPEAL_FILE || !isPhotoFileName(name) || !lstatSync(file).isFile()) continue;
    const bytes = readFileSync(file);
    const sha = createHash('sha256').update(bytes).digest('hex');
    addPhoto.run(id, sha, bytes);
    photos[name] = sha;
  }
  db.prepare(
    `INSERT INTO revisions (appeal_id, at, source, written_by, approved_by, restored_from, markdown, photos, digest)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    revision.at,
    revision.source,
    JSON.stringify(revision.writtenBy),
    revision.approvedBy ?? null,
    revision.restoredFrom ?? null,
    source.toString('utf8'),
    JSON.stringify(photos),
    folderDigest(dir, source),
  );
}

/**
 * Before the studio changes appeal `id` in content/: keeps the version there now, if the history
 * does not have it yet (the first change in the studio, or a change made by editing the file).
 */
export function recordVersionBefore(dataDir: string, contentDir: string, id: string, now = new Date()): void {
  if (!existsSync(appealFileIn(appealDir(contentDir, id)))) return;
  withDb(dataDir, (db) =>
    inTransaction(db, () => {
      const digest = folderDigest(appealDir(contentDir, id));
      if (latest(db, id)?.digest === digest) return;
      insertFromContent(db, contentDir, id, { source: 'files', writtenBy: [], at: now.getTime() });
    }),
  );
}

/** After the studio put an approved version of `id` into content/: keeps it, with who wrote and approved it. */
export function recordApprovedVersion(
  dataDir: string,
  contentDir: string,
  id: string,
  who: { writtenBy: readonly string[]; approvedBy: string; restoredFrom?: number | undefined },
  now = new Date(),
): void {
  withDb(dataDir, (db) =>
    inTransaction(db, () =>
      insertFromContent(db, contentDir, id, {
        source: 'studio',
        writtenBy: [...who.writtenBy],
        approvedBy: who.approvedBy,
        restoredFrom: who.restoredFrom,
        at: now.getTime(),
      }),
    ),
  );
}

/**
 * After "Reviewed, extend 3 months" moved the appeal's review date (which the public never sees,
 * so no approval is needed): keeps the version before, if new, and this one, approved by nobody.
 */
export function recordReviewedVersion(
  dataDir: string,
  contentDir: string,
  id: string,
  by: string,
  before: () => void,
  now = new Date(),
): void {
  recordVersionBefore(dataDir, contentDir, id, now);
  before();
  withDb(dataDir, (db) =>
    inTransaction(db, () =>
      insertFromContent(db, contentDir, id, { source: 'studio', writtenBy: [by], at: now.getTime() }),
    ),
  );
}

/** The appeal's revisions, newest first. */
export function listRevisions(dataDir: string, id: string): Revision[] {
  if (!existsSync(path.join(dataDir, DB_FILE))) return [];
  return withDb(dataDir, (db) =>
    (
      db
        .prepare('SELECT * FROM revisions WHERE appeal_id = ? ORDER BY seq DESC')
        .all(id) as unknown as RevisionRow[]
    ).map(fromRow),
  );
}

/** The revisions of `id` whose folder digest is `digest` (what a release shows), newest first. */
export function revisionWithDigest(
  revisions: readonly Revision[],
  digest: string | undefined,
): Revision | undefined {
  return digest === undefined ? undefined : revisions.find((r) => r.digest === digest);
}

/** Writes revision `revision`'s index.md and photos into `dir` (a new draft's folder), owner-only. */
export function writeRevisionTo(dataDir: string, revision: Revision, dir: string): void {
  withDb(dataDir, (db) => {
    const photo = db.prepare('SELECT bytes FROM revision_photos WHERE appeal_id = ? AND sha256 = ?');
    for (const name of readdirSync(dir))
      if (isPhotoFileName(name) && !(name in revision.photos)) rmSync(path.join(dir, name), { force: true });
    for (const [name, sha] of Object.entries(revision.photos)) {
      const row = photo.get(revision.id, sha) as { bytes: Uint8Array } | undefined;
      if (row) writeAtomically(path.join(dir, name), Buffer.from(row.bytes), 0o600);
    }
  });
  writeAtomically(appealFileIn(dir), revision.markdown, 0o600);
}

/**
 * Deletes appeal `id`'s whole history (its versions and their photos). Does nothing when there is
 * no studio database in `dataDir` (a command line on a machine without the studio). Returns how
 * many versions were deleted.
 */
export function forgetRevisions(dataDir: string, id: string): number {
  if (!existsSync(path.join(dataDir, DB_FILE))) return 0;
  return withDb(dataDir, (db) => {
    // Overwrite the deleted pages with zeros, and fold the write-ahead log back in: gone means gone.
    db.exec('PRAGMA secure_delete = ON');
    const deleted = inTransaction(db, () => {
      const { changes } = db.prepare('DELETE FROM revisions WHERE appeal_id = ?').run(id);
      db.prepare('DELETE FROM revision_photos WHERE appeal_id = ?').run(id);
      return Number(changes);
    });
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return deleted;
  });
}

/** The appeals that have a history (to forget those closed from the command line). */
export function appealsWithHistory(dataDir: string): Set<string> {
  if (!existsSync(path.join(dataDir, DB_FILE))) return new Set();
  return withDb(
    dataDir,
    (db) =>
      new Set(
        (db.prepare('SELECT DISTINCT appeal_id FROM revisions').all() as Array<{ appeal_id: string }>).map(
          (r) => r.appeal_id,
        ),
      ),
  );
}
