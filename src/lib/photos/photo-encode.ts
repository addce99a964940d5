import { existsSync, mkdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import {
  inPool,
  photoCacheDir,
  readIndex,
  SOURCES_FILE,
  writeWhole,
  type PhotoSource,
  type SourceRecord,
} from './photo-cache.ts';
import {
  MASTER_WIDTH,
  sourceHash,
  variantFileName,
  WEBP_EFFORT,
  type PhotoVariant,
} from './photo-variants.ts';

// The photo cache's work with sharp (photo-cache.ts has the rest, which publishing uses without
// loading sharp): learning each photo's hash and upright size, and encoding the missing variants.

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
      throw new Error(`Photo ${job.source.file} could not be encoded: ${(error as Error).message}`, {
        cause: error,
      });
    }
  });
  return encoded;
}
