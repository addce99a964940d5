import path from 'node:path';

/** The build cache folder, as astro.config.mjs sets it: photos and share cards are kept here between builds. */
export function buildCacheDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.ASTRO_CACHE_DIR ?? '.cache/astro');
}
