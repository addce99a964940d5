import { readFileSync, statSync } from 'node:fs';
import sharp, { type Sharp } from 'sharp';
import type { PhotoEdit } from './photo-edit.ts';
import { isHeic, MAX_MEGAPIXELS, photoFacts, photoProblem } from './photo-rules.ts';

/** Larger originals only cost build time: nothing on the site shows more than this. */
export const MAX_LONG_SIDE = 1600;

export class PhotoRejectedError extends Error {}

export interface IngestedPhoto {
  width: number;
  height: number;
  bytes: number;
}

const MAX_PIXELS = MAX_MEGAPIXELS * 1_000_000;

function unreadable(error: unknown): PhotoRejectedError {
  return new PhotoRejectedError(
    `expected a whole photo that can be read, but it could not be decoded (${(error as Error).message})`,
  );
}

/**
 * An iPhone HEIC photo as plain pixels for sharp, whose prebuilt binaries cannot read HEVC:
 * libheif compiled to WebAssembly (heic-decode), loaded only when an HEIC photo arrives. The
 * header's size was checked first; the decoded size is checked again, should the header lie.
 */
async function decodeHeic(bytes: Buffer): Promise<Sharp> {
  const { default: decode } = await import('heic-decode');
  const image = await decode({ buffer: bytes }).catch((error: unknown) => {
    throw unreadable(error);
  });
  if (image.width * image.height > MAX_PIXELS)
    throw new PhotoRejectedError(
      photoProblem({ bytes: bytes.length, format: 'heif', width: image.width, height: image.height }),
    );
  return sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
    raw: { width: image.width, height: image.height, channels: 4 },
  });
}

/**
 * Makes a photo safe to keep in the content tree: turned upright from its EXIF orientation,
 * resized to at most 1600 px, re-encoded as JPEG, with all metadata (EXIF, GPS, XMP, ICC) dropped.
 * iPhone HEIC photos are converted the same way.
 */
export async function ingestPhoto(input: string | Buffer, outputFile: string): Promise<IngestedPhoto> {
  const meta = await sharp(input, { limitInputPixels: false })
    .metadata()
    .catch(() => undefined);
  const facts = photoFacts(meta, typeof input === 'string' ? statSync(input).size : input.length);
  const heic = isHeic(facts);
  // An HEIC photo meets every other rule: its size, pixels and short side are checked from the header.
  const problem = photoProblem(heic ? { ...facts, compression: undefined } : facts);
  if (problem) throw new PhotoRejectedError(problem);
  // The header was checked above; decoding stops at the same bound, should the header lie.
  const source = heic
    ? await decodeHeic(typeof input === 'string' ? readFileSync(input) : input)
    : sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'truncated' }).rotate();
  const info = await source
    .resize({ width: MAX_LONG_SIDE, height: MAX_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 88, mozjpeg: true })
    .toFile(outputFile)
    .catch((error: unknown) => {
      throw unreadable(error);
    });
  return { width: info.width, height: info.height, bytes: info.size };
}

/**
 * A stored photo turned and cropped as `edit` says (checked by parsePhotoEdit), written to
 * `outputFile` through ingestPhoto, so the result meets the same rules and carries no metadata.
 */
export async function editPhoto(
  inputFile: string,
  edit: PhotoEdit,
  outputFile: string,
): Promise<IngestedPhoto> {
  // Turned first, then cropped: the crop box is in the pixels of the photo as it looks once turned.
  let pixels = await sharp(inputFile, { limitInputPixels: MAX_PIXELS })
    .autoOrient()
    .rotate(edit.rotate)
    .png({ compressionLevel: 0 })
    .toBuffer()
    .catch((error: unknown) => {
      throw unreadable(error);
    });
  if (edit.crop) pixels = await sharp(pixels).extract(edit.crop).png({ compressionLevel: 0 }).toBuffer();
  return ingestPhoto(pixels, outputFile);
}
