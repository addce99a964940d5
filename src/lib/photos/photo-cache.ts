import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { sourceOfVariant } from './photo-variants.ts';

/**
 * The photo cache: every variant the site publishes, encoded once with sharp (photo-encode.ts) and kept in
 * `<cache>/photos/` under its content-addressed name (src/lib/photos/photo-variants.ts). A build
 * encodes only the variants that are missing (a new or changed photo) and hard-links the rest into
 * its output, so an unchanged photo is never encoded, read or copied again. `sources.json` beside
 * them remembers each content photo's hash and size by its path, size and modification time, so a
 * build does not read every photo to learn that it has not changed.
 *
 * Files are only ever added whole (written beside, then renamed) and deleted, never changed in
 * place: published releases hold hard links to them.
 */

export const PHOTO_CACHE = 'photos';
export const SOURCES_FILE = 'sources.json';

/** A content photo as the pipeline sees it: its hash, and its size once turned upright. */
export interface PhotoSource {
  file: string;
  hash: string;
  width: number;
  height: number;
}

export interface SourceRecord {
  size: number;
  mtimeMs: number;
  hash: string;
  width: number;
  height: number;
}

export const photoCacheDir = (cacheDir: string) => path.join(cacheDir, PHOTO_CACHE);

export function readIndex(dir: string): Record<string, SourceRecord> {
  try {
    return JSON.parse(readFileSync(path.join(dir, SOURCES_FILE), 'utf8')) as Record<string, SourceRecord>;
  } catch {
    return {};
  }
}

/** Writes `content` beside `file` and renames it into place, so no reader sees half a file. */
export function writeWhole(file: string, content: string | Uint8Array): void {
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, content);
  renameSync(partial, file);
}

/** Runs `work` over `items`, `concurrency` at a time. */
export async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** The photo file a source hash was last seen at (for the dev server, which encodes on request). */
export function sourceFileOf(cacheDir: string, hash: string): string | undefined {
  return Object.entries(readIndex(photoCacheDir(cacheDir))).find(([, r]) => r.hash === hash)?.[0];
}

/**
 * Deletes every cached variant whose photo is not in `keep` (source hashes), and any half-written
 * file: a closed child's photos leave the cache at the next publish. Returns how many went.
 */
export function prunePhotoCache(cacheDir: string, keep: ReadonlySet<string>): number {
  const dir = photoCacheDir(cacheDir);
  if (!existsSync(dir)) return 0;
  let pruned = 0;
  for (const name of readdirSync(dir)) {
    if (name === SOURCES_FILE) continue;
    const source = sourceOfVariant(name);
    if (source && keep.has(source)) continue;
    rmSync(path.join(dir, name), { force: true });
    pruned++;
  }
  const index = readIndex(dir);
  const kept = Object.entries(index).filter(([, r]) => keep.has(r.hash));
  if (kept.length !== Object.keys(index).length)
    writeWhole(path.join(dir, SOURCES_FILE), JSON.stringify(Object.fromEntries(kept)));
  return pruned;
}

/**
 * Hard-links `from` to `to`, replacing whatever `to` was, without ever changing the file `to` named
 * (a published release may hold it). Falls back to a copy across file systems.
 */
export function linkInto(from: string, to: string): void {
  const partial = `${to}.${process.pid}.link`;
  rmSync(partial, { force: true });
  try {
    linkSync(from, partial);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    writeFileSync(partial, readFileSync(from));
  }
  renameSync(partial, to);
}

/** Hard-links the named cached variants into `outDir/_photos/`. */
export function linkPhotoVariants(cacheDir: string, names: Iterable<string>, photosDir: string): number {
  const dir = photoCacheDir(cacheDir);
  mkdirSync(photosDir, { recursive: true });
  let linked = 0;
  for (const name of names) {
    const from = path.join(dir, name);
    if (!existsSync(from)) throw new Error(`Photo variant ${name} is not in the photo cache`);
    linkInto(from, path.join(photosDir, name));
    linked++;
  }
  return linked;
}
