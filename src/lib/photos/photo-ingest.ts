import sharp from 'sharp';

/** Photos smaller than this on the short side are too small to recognise a child from. */
export const MIN_SHORT_SIDE = 600;
/** Larger originals only cost build time: nothing on the site shows more than this. */
export const MAX_LONG_SIDE = 1600;

/**
 * No phone camera makes more than this; a file that claims more is a decompression bomb (a small
 * file that would expand to gigabytes) and is refused from its header, before it is decoded.
 */
export const MAX_PIXELS = 50_000_000;
/** The formats a photo may arrive in (sharp's names; AVIF reads as `heif`). SVG, TIFF, PDF and GIF are refused. */
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'heif']);

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
  let meta;
  try {
    // Reading the header decodes nothing; the size is checked below, before any decoding.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new PhotoRejectedError(
      `expected a JPEG, PNG, WebP or AVIF image, but it could not be read (${(error as Error).message})`,
    );
  }
  if (!ACCEPTED_FORMATS.has(meta.format ?? '')) {
    throw new PhotoRejectedError(
      `expected a JPEG, PNG, WebP or AVIF image, got a ${String(meta.format).toUpperCase()} file`,
    );
  }
  if (!meta.width || !meta.height) throw new PhotoRejectedError('expected an image with a width and height');
  if (meta.width * meta.height > MAX_PIXELS) {
    throw new PhotoRejectedError(
      `expected a photo of at most ${MAX_PIXELS / 1_000_000} megapixels, got ${meta.width}×${meta.height} px; this file may be damaged or made to overload the computer`,
    );
  }
  // EXIF orientations 5-8 swap width and height once the photo is turned upright.
  const swapped = (meta.orientation ?? 1) >= 5;
  const width = swapped ? meta.height : meta.width;
  const height = swapped ? meta.width : meta.height;
  if (Math.min(width, height) < MIN_SHORT_SIDE) {
    throw new PhotoRejectedError(
      `expected at least ${MIN_SHORT_SIDE} px on the short side, got ${width}×${height} px; ask for a larger photo`,
    );
  }
  const info = await sharp(input, { limitInputPixels: MAX_PIXELS })
    .rotate()
    .resize({ width: MAX_LONG_SIDE, height: MAX_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 88, mozjpeg: true })
    .toFile(outputFile);
  return { width: info.width, height: info.height, bytes: info.size };
}
