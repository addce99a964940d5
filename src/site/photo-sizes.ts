import type { PhotoSource } from '../lib/photos/photo-cache.ts';
import {
  jpegFallback,
  MIME_TYPES,
  PHOTO_ROLES,
  variantFileName,
  variantSize,
  webpVariant,
  type PhotoRoleName,
  type PhotoVariant,
} from '../lib/photos/photo-variants.ts';

/**
 * How large each kind of photo shows in the layouts (the `sizes` attribute); the variants
 * themselves (widths, formats, quality) are the photo pipeline's, in src/lib/photos/photo-variants.ts.
 */
export const PHOTO_SIZES = {
  main: '(min-width: 45em) 360px, 90vw',
  secondary: '(min-width: 45em) 240px, 60vw',
  card: '112px',
  /** About 85 mm wide on A4: the main photo's variants are ample for a face. */
  poster: '(min-width: 45em) 85mm, 90vw',
  embed: '64px',
} as const;

// Under the site's base: a studio preview is built at /preview/<id>/ (with or without its final slash).
export const photoUrl = (source: PhotoSource, variant: PhotoVariant) =>
  `${import.meta.env.BASE_URL.replace(/\/$/, '')}/_photos/${variantFileName(source.hash, variant)}`;

export interface PictureData {
  sources: Array<{ type: string; srcset: string; sizes: string }>;
  img: { src: string; width: number; height: number };
}

/** A `<picture>` of one photo in one role: WebP at each width, the JPEG fallback in `<img>`. */
export function pictureData(source: PhotoSource, role: PhotoRoleName, sizes: string): PictureData {
  const spec = PHOTO_ROLES[role];
  // A photo narrower than a width is never enlarged: that width is the photo's own, listed once.
  const widths = new Map(spec.widths.map((w) => [variantSize(source, w).width, w]));
  const srcset = [...widths]
    .map(([actual, width]) => `${photoUrl(source, webpVariant(spec, width))} ${actual}w`)
    .join(', ');
  const fallback = jpegFallback(spec);
  return {
    sources: [{ type: MIME_TYPES.webp, srcset, sizes }],
    img: { src: photoUrl(source, fallback), ...variantSize(source, fallback.width) },
  };
}

/** The search result thumbnail: the card's smallest WebP, fetched only for results shown. */
export const searchThumbnail = (source: PhotoSource) =>
  photoUrl(source, webpVariant(PHOTO_ROLES.card, PHOTO_ROLES.card.widths[0]));

/** A small JPEG of the main photo for partners (the API), who may not handle WebP. */
export const partnerThumbnail = (source: PhotoSource) => photoUrl(source, jpegFallback(PHOTO_ROLES.card));

/** "Download photo": the main photo's largest JPEG, resized and without metadata. */
export function downloadablePhoto(source: PhotoSource): { src: string; width: number } {
  const variant = jpegFallback(PHOTO_ROLES.main);
  return { src: photoUrl(source, variant), width: variantSize(source, variant.width).width };
}
