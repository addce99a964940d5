import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import {
  MASTER_WIDTH,
  sourceHash,
  sourceOfVariant,
  variantFileName,
  WEBP_EFFORT,
  type PhotoVariant,
} from './photo-variants.ts';

/**
 * The photo cache: every variant the site publishes, encoded once with sharp and kept in
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
const SOURCES_FILE = 'sources.json';

/** A content photo as the pipeline sees it: its hash, and its size once turned upright. */
export interface PhotoSource {
  file: string;
  hash: string;
  width: number;
  height: number;
}

interface SourceRecord {
  size: number;
  mtimeMs: number;
  hash: string;
  width: number;
  height: number;
}

export const photoCacheDir = (cacheDir: string) => path.join(cacheDir, PHOTO_CACHE);

function readIndex(dir: string): Record<string, SourceRecord> {
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

async function describe(file: string): Promise<Omit<SourceRecord, 'size' | 'mtimeMs'>> {
  const bytes = await readFile(file);
  const meta = await sharp(bytes).metadata();
  if (!meta.width || !meta.height) throw new Error(`${file}: not an image with a width and height`);
  // EXIF orientations 5 to 8 swap width and height once the photo is turned upright.
  const swapped = (meta.orientation ?? 1) >= 5;
  return {
    hash: sourceHash(bytes),
    width: swapped ? meta.height : meta.width,
    height: swapped ? meta.width : meta.height,
  };
}

/**
 * The hash and upright size of each photo file, from `sources.json` where the file is unchanged
 * and by reading it otherwise. `forget: true` drops every other file from `sources.json` (a full
 * build); a build of some appeals only (the early release) keeps them.
 */
export async function readPhotoSources(
  cacheDir: string,
  files: readonly string[],
  options: { forget?: boolean } = {},
): Promise<Map<string, PhotoSource>> {
  const dir = photoCacheDir(cacheDir);
  const index = readIndex(dir);
  const next: Record<string, SourceRecord> = options.forget ? {} : { ...index };
  let changed = options.forget === true && Object.keys(index).some((f) => !files.includes(f));
  const out = new Map<string, PhotoSource>();
  await inPool([...new Set(files)], 4, async (file) => {
    const { size, mtimeMs } = statSync(file);
    let record = index[file];
    if (!record || record.size !== size || record.mtimeMs !== mtimeMs) {
      record = { size, mtimeMs, ...(await describe(file)) };
      changed = true;
    }
    next[file] = record;
    out.set(file, { file, hash: record.hash, width: record.width, height: record.height });
  });
  if (changed) {
    mkdirSync(dir, { recursive: true });
    writeWhole(path.join(dir, SOURCES_FILE), JSON.stringify(next));
  }
  return out;
}

/** The photo file a source hash was last seen at (for the dev server, which encodes on request). */
export function sourceFileOf(cacheDir: string, hash: string): string | undefined {
  return Object.entries(readIndex(photoCacheDir(cacheDir))).find(([, r]) => r.hash === hash)?.[0];
}

export interface EncodeJob {
  source: PhotoSource;
  variants: readonly PhotoVariant[];
}

/**
 * Encodes the variants of one photo: turned upright, resized to the master width once, then each
 * variant from that. sharp writes no metadata unless asked (no EXIF, GPS, XMP or ICC profile), and
 * converts the pixels to sRGB first, which is what browsers assume without a profile.
 */
async function encodeSource(dir: string, job: EncodeJob): Promise<number> {
  const missing = job.variants.filter(
    (v) => !existsSync(path.join(dir, variantFileName(job.source.hash, v))),
  );
  if (missing.length === 0) return 0;
  const master = await sharp(job.source.file)
    .rotate()
    .resize({ width: MASTER_WIDTH, withoutEnlargement: true })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { raw: master.info };
  for (const variant of missing) {
    let image = sharp(master.data, raw).resize({ width: variant.width, withoutEnlargement: true });
    image =
      variant.format === 'webp'
        ? image.webp({ quality: variant.quality, effort: WEBP_EFFORT })
        : image.jpeg({ quality: variant.quality });
    writeWhole(path.join(dir, variantFileName(job.source.hash, variant)), await image.toBuffer());
  }
  return missing.length;
}

/** Encodes every missing variant, `concurrency` photos at a time; returns how many were encoded. */
export async function encodePhotoVariants(
  cacheDir: string,
  jobs: readonly EncodeJob[],
  concurrency = 2,
): Promise<number> {
  const dir = photoCacheDir(cacheDir);
  mkdirSync(dir, { recursive: true });
  let encoded = 0;
  await inPool(jobs, concurrency, async (job) => {
    try {
      const n = await encodeSource(dir, job);
      encoded += n;
    } catch (error) {
      throw new Error(`Photo ${job.source.file} could not be encoded: ${(error as Error).message}`);
    }
  });
  return encoded;
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
