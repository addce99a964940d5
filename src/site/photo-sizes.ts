import type { ImageOutputFormat } from 'astro';

/**
 * The photo variants we publish. Widths follow the layouts: the appeal photo shows at up to
 * 360 CSS px (720 device px on a 2x phone); card thumbnails at 112 CSS px.
 */
export const MAIN_PHOTO = {
  widths: [320, 480, 720],
  sizes: '(min-width: 45em) 360px, 90vw',
  formats: ['avif', 'webp'] as ImageOutputFormat[],
  fallbackFormat: 'jpg' as const,
  quality: 70,
};

export const SECONDARY_PHOTO = { ...MAIN_PHOTO, widths: [240, 480], sizes: '(min-width: 45em) 240px, 60vw' };

export const CARD_PHOTO = {
  widths: [112, 224],
  sizes: '112px',
  formats: ['avif', 'webp'] as ImageOutputFormat[],
  fallbackFormat: 'jpg' as const,
  quality: 60,
};

/** The search result thumbnail: one small WebP, fetched only for results shown. */
export const SEARCH_THUMBNAIL = { width: 112, format: 'webp' as const, quality: 60 };

/**
 * The poster photo: about 85 mm wide on A4, where the main photo's largest width is ample for a
 * face. The same variants as the appeal page, so posters cost no extra encoding.
 */
export const POSTER_PHOTO = { ...MAIN_PHOTO, sizes: '(min-width: 45em) 85mm, 90vw' };
