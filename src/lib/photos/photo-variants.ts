import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * The resized copies of a content photo that the site publishes, and their names. A variant is
 * named by what it is made from and how, never by anything about the child:
 * `<source hash>-<variant key>.<ext>`, where the source hash is of the photo's bytes and the key of
 * the variant's settings. So a name is also its cache key: the same photo and settings always give
 * the same file, and a changed photo or setting gives a new name.
 */

export type VariantFormat = 'webp' | 'jpeg';

export interface PhotoVariant {
  width: number;
  format: VariantFormat;
  quality: number;
}

/** Bump to re-encode every photo (a new resizing or encoder step). */
const PIPELINE_VERSION = 1;
/** WebP at effort 2 encodes in half the time of the default 4, for a few per cent in size. */
export const WEBP_EFFORT = 2;

const EXTENSIONS: Record<VariantFormat, string> = { webp: 'webp', jpeg: 'jpg' };
export const MIME_TYPES: Record<VariantFormat, string> = { webp: 'image/webp', jpeg: 'image/jpeg' };

/** The hash of a photo's bytes that names its variants: 16 hex characters. */
export function sourceHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

export function variantKey(variant: PhotoVariant): string {
  const effort = variant.format === 'webp' ? WEBP_EFFORT : 0;
  const spec = { v: PIPELINE_VERSION, master: MASTER_WIDTH, effort, ...variant };
  return createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 8);
}

export function variantFileName(source: string, variant: PhotoVariant): string {
  return `${source}-${variantKey(variant)}.${EXTENSIONS[variant.format]}`;
}

const VARIANT_NAME = /^([0-9a-f]{16})-([0-9a-f]{8})\.(webp|jpg)$/;

/** The source hash a variant file is made from, or undefined for any other file name. */
export function sourceOfVariant(fileName: string): string | undefined {
  return VARIANT_NAME.exec(fileName)?.[1];
}

/** The source hash of a published photo, by its path or URL in the site (`_photos/<variant>`). */
export function photoSource(file: string): string | undefined {
  return sourceOfVariant(path.basename(file));
}

/** A variant's pixel size for a source of this size: never enlarged, the aspect ratio kept. */
export function variantSize(
  source: { width: number; height: number },
  width: number,
): { width: number; height: number } {
  const w = Math.min(width, source.width);
  return { width: w, height: Math.max(1, Math.round((source.height * w) / source.width)) };
}

/**
 * The variants the layouts use, chosen from the layouts and measured with `npm run bench`:
 * - widths: the appeal photo shows at up to 360 CSS px (720 device px on a 2x phone, and what a
 *   3x phone at 90vw also gets), other photos at up to 240, card thumbnails at 112;
 * - WebP at every width, with one JPEG at the largest width as the fallback for the rare browser
 *   without WebP (and for partners, the poster print and "download photo"). AVIF at sharp's default
 *   effort took ~2.8 s per 720 px photo and was no smaller than WebP on photos; see BENCHMARKS.md.
 */
export interface PhotoRole {
  widths: readonly number[];
  quality: number;
}

export const PHOTO_ROLES = {
  main: { widths: [360, 720], quality: 60 },
  secondary: { widths: [240, 480], quality: 60 },
  // Thumbnails are small enough that a lower quality does not show: every search result fetches one.
  card: { widths: [112, 224], quality: 50 },
} as const satisfies Record<string, PhotoRole>;
export type PhotoRoleName = keyof typeof PHOTO_ROLES;

/** The widest variant anything asks for: every variant is resized from one copy of this width. */
export const MASTER_WIDTH = Math.max(...Object.values(PHOTO_ROLES).flatMap((role) => role.widths));

export const webpVariant = (role: PhotoRole, width: number): PhotoVariant => ({
  width,
  format: 'webp',
  quality: role.quality,
});

/** The JPEG fallback of a role: one, at its largest width. */
export const jpegFallback = (role: PhotoRole): PhotoVariant => ({
  width: Math.max(...role.widths),
  format: 'jpeg',
  quality: role.quality,
});

export function roleVariants(role: PhotoRole): PhotoVariant[] {
  return [...role.widths.map((w) => webpVariant(role, w)), jpegFallback(role)];
}

/** The roles an appeal's photo appears in: the first is the main photo, shown on cards too. */
export function rolesOfPhoto(index: number): PhotoRoleName[] {
  return index === 0 ? ['main', 'card'] : ['secondary'];
}

/** Every variant of an appeal's photo at `index` (its position in `photos`). */
export function variantsOfPhoto(index: number): PhotoVariant[] {
  return rolesOfPhoto(index).flatMap((role) => roleVariants(PHOTO_ROLES[role]));
}

/** Every variant the site can publish, for finding a variant by its key (the dev server). */
export const ALL_VARIANTS: readonly PhotoVariant[] = [
  ...new Map(
    Object.values(PHOTO_ROLES)
      .flatMap((role) => roleVariants(role))
      .map((v) => [variantKey(v), v]),
  ).values(),
];
