/** What the site accepts as a photo of a child: the same rules for `npm run check` and photo ingest. */

/** Photos smaller than this on the short side are too small to recognise a child from. */
export const MIN_SHORT_SIDE = 600;
/** Larger than any camera photo: a bigger image is almost certainly a decompression bomb. */
export const MAX_MEGAPIXELS = 50;
/** A phone or camera photo is a few megabytes; a larger file only slows every build. */
export const MAX_BYTES = 40 * 1024 * 1024;

/** What a photo's header says (sharp's metadata), and its size on disk. */
export interface PhotoFacts {
  bytes: number;
  unreadable?: boolean;
  format?: string | undefined;
  /** For HEIF files: `av1` is AVIF; `hevc` is an iPhone HEIC photo. */
  compression?: string | undefined;
  width?: number | undefined;
  height?: number | undefined;
  orientation?: number | undefined;
}

/** The facts from sharp's metadata (or its failure to read any), with the size on disk. */
export function photoFacts(
  meta:
    | { format?: string; compression?: string; width?: number; height?: number; orientation?: number }
    | undefined,
  bytes: number,
): PhotoFacts {
  if (!meta) return { bytes, unreadable: true };
  const { format, compression, width, height, orientation } = meta;
  return { bytes, format, compression, width, height, orientation };
}

const ACCEPTED = 'a JPEG, PNG, WebP or AVIF photo';

/** The width and height as the photo is seen, once turned upright from its EXIF orientation. */
export function uprightSize(facts: PhotoFacts): { width: number; height: number } {
  const [w, h] = [facts.width ?? 0, facts.height ?? 0];
  // EXIF orientations 5 to 8 swap width and height once the photo is turned upright.
  return (facts.orientation ?? 1) >= 5 ? { width: h, height: w } : { width: w, height: h };
}

/** An iPhone HEIC photo: the studio and `npm run appeal -- new` convert it; the site cannot show it as it is. */
export function isHeic(facts: PhotoFacts): boolean {
  return facts.format === 'heif' && facts.compression === 'hevc';
}

/** What is wrong with a photo for the site, in plain words; undefined when it is fine. */
export function photoProblem(facts: PhotoFacts): string | undefined {
  if (facts.bytes === 0) return `expected ${ACCEPTED}, but the file is empty (0 bytes)`;
  if (facts.bytes > MAX_BYTES) {
    return `expected a photo of at most ${MAX_BYTES / 1024 / 1024} MB, got ${(facts.bytes / 1024 / 1024).toFixed(0)} MB; resize it or use \`npm run appeal -- new\`, which does`;
  }
  if (facts.unreadable || !facts.format)
    return `expected ${ACCEPTED}, but the file is not an image that can be read`;
  if (isHeic(facts)) {
    return `expected ${ACCEPTED}, got an HEIC photo (as iPhones save them); add it in the studio or with \`npm run appeal -- new\`, which convert it`;
  }
  if (!['jpeg', 'png', 'webp', 'heif'].includes(facts.format)) {
    return `expected ${ACCEPTED}, got ${facts.format === 'svg' ? 'an SVG drawing, which can carry scripts and links' : `a ${facts.format.toUpperCase()} file`}`;
  }
  const { width, height } = uprightSize(facts);
  if (!width || !height) return `expected ${ACCEPTED} with a width and height`;
  if (width * height > MAX_MEGAPIXELS * 1_000_000) {
    return `expected a photo of at most ${MAX_MEGAPIXELS} megapixels, got ${width}×${height} px (${Math.round((width * height) / 1_000_000)} megapixels); resize it first`;
  }
  if (Math.min(width, height) < MIN_SHORT_SIDE) {
    return `expected at least ${MIN_SHORT_SIDE} px on the short side, got ${width}×${height} px; ask for a larger photo`;
  }
  return undefined;
}
