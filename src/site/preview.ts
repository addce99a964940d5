/** True in the studio's preview builds (src/lib/studio/preview-build.ts): every page says so and is never indexed. */
export const PREVIEW_BUILD = process.env.SITE_PREVIEW === '1';
