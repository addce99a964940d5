import type { ImageOutputFormat } from 'astro';

/**
 * `NAIVE_BASELINE=1` builds the site the naive way for `npm run bench -- --baseline`: Astro's
 * default image settings (default quality and encoder effort, AVIF and WebP at two widths, the
 * source format as fallback), so the benchmark can say what our choices below are worth.
 */
export const NAIVE_BASELINE = process.env.NAIVE_BASELINE === '1';

/** Props given to `<Picture>` for one kind of photo. */
export interface PictureSize {
  widths: number[];
  sizes: string;
  formats: ImageOutputFormat[];
  fallbackFormat?: 'jpg';
  quality?: number;
}

const naive = (widths: number[], sizes: string): PictureSize => ({
  widths,
  sizes,
  formats: ['avif', 'webp'],
});

/**
 * The photo variants we publish, chosen from the layouts and measured with `npm run bench`:
 * - Widths: the appeal photo shows at up to 360 CSS px (720 device px on a 2x phone, and what a
 *   3x phone at 90vw also gets); card thumbnails at 112 CSS px.
 * - WebP only as the modern format: on photo-like images it is smaller than AVIF at sharp's fast
 *   efforts, and AVIF at the default effort took ~2.8 s per 720 px photo, which dominated builds.
 *   Every current browser decodes WebP; the JPEG fallback is for the few that do not.
 */
export const MAIN_PHOTO: PictureSize = NAIVE_BASELINE
  ? naive([360, 720], '(min-width: 45em) 360px, 90vw')
  : {
      widths: [360, 720],
      sizes: '(min-width: 45em) 360px, 90vw',
      formats: ['webp'],
      fallbackFormat: 'jpg',
      quality: 60,
    };

export const SECONDARY_PHOTO: PictureSize = NAIVE_BASELINE
  ? naive([240, 480], '(min-width: 45em) 240px, 60vw')
  : { ...MAIN_PHOTO, widths: [240, 480], sizes: '(min-width: 45em) 240px, 60vw' };

export const CARD_PHOTO: PictureSize = NAIVE_BASELINE
  ? naive([112, 224], '112px')
  : { widths: [112, 224], sizes: '112px', formats: ['webp'], fallbackFormat: 'jpg', quality: 60 };

/** The search result thumbnail: one small WebP, fetched only for results shown. */
export const SEARCH_THUMBNAIL = NAIVE_BASELINE
  ? { width: 112 }
  : { width: 112, format: 'webp' as const, quality: 60 };

/**
 * The poster photo: about 85 mm wide on A4, where the main photo's largest width is ample for a
 * face. The same variants as the appeal page, so posters cost no extra encoding.
 */
export const POSTER_PHOTO: PictureSize = { ...MAIN_PHOTO, sizes: '(min-width: 45em) 85mm, 90vw' };

/** The `<Picture>` props for a size (the largest width as `width`); `sizes` may be overridden where the layout differs. */
export function pictureProps(size: PictureSize, sizes = size.sizes) {
  return {
    widths: size.widths,
    width: Math.max(...size.widths),
    sizes,
    formats: size.formats,
    ...(size.fallbackFormat ? { fallbackFormat: size.fallbackFormat } : {}),
    ...(size.quality !== undefined ? { quality: size.quality } : {}),
  };
}
