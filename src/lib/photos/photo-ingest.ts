import { statSync } from 'node:fs';
import sharp from 'sharp';
import { MAX_MEGAPIXELS, photoFacts, photoProblem } from './photo-rules.ts';

/** Larger originals only cost build time: nothing on the site shows more than this. */
export const MAX_LONG_SIDE = 1600;

export class PhotoRejectedError extends Error {}

export interface IngestedPhoto {
  width: number;
  height: number;
  bytes: number;
}

/**
 * Makes a photo safe to keep in the content tree: turned upright from its EXIF orientation,
 * resized to at most 1600 px, re-encoded as JPEG, with all metadata (EXIF, GPS, XMP, ICC) dropped.
 */
export async function ingestPhoto(input: string | Buffer, outputFile: string): Promise<IngestedPhoto> {
  const meta = await sharp(input, { limitInputPixels: false })
    .metadata()
    .catch(() => undefined);
  const problem = photoProblem(
    photoFacts(meta, typeof input === 'string' ? statSync(input).size : input.length),
  );
  if (problem) throw new PhotoRejectedError(problem);
  // The header was checked above; decoding stops at the same bound, should the header lie.
  const info = await sharp(input, { limitInputPixels: MAX_MEGAPIXELS * 1_000_000, failOn: 'truncated' })
    .rotate()
    .resize({ width: MAX_LONG_SIDE, height: MAX_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 88, mozjpeg: true })
    .toFile(outputFile)
    .catch((error: unknown) => {
      throw new PhotoRejectedError(
        `expected a whole photo that can be read, but it could not be decoded (${(error as Error).message})`,
      );
    });
  return { width: info.width, height: info.height, bytes: info.size };
}
