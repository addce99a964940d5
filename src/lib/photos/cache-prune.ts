import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { prunePhotoCache } from './photo-cache.ts';
import { sourceOfVariant } from './photo-variants.ts';

// Pruning the photo caches, without sharp: publishing runs it after every switch.

/** The share cards' folder in the build cache (share-card-cache.ts makes them). */
export const SHARE_CARD_CACHE = 'share-cards';

/** Deletes every cached card not belonging to an active appeal. Returns how many were deleted. */
export function pruneShareCards(cacheDir: string, activeIds: readonly string[]): number {
  const dir = path.join(cacheDir, SHARE_CARD_CACHE);
  if (!existsSync(dir)) return 0;
  const active = new Set(activeIds);
  let pruned = 0;
  for (const name of readdirSync(dir)) {
    if (!active.has(name.split('.')[0]!) || name.endsWith('.partial')) {
      rmSync(path.join(dir, name), { force: true });
      pruned++;
    }
  }
  return pruned;
}

/**
 * Prunes the photo and share-card caches to what a published release shows: every variant whose
 * photo none of its `_photos/` files derives from, and the cards of appeals it does not show. Run
 * after every switch, so a closed child's photos leave the cache with the release that closes it.
 */
export function pruneCachesToRelease(
  cacheDir: string,
  releaseDir: string,
  activeIds: readonly string[],
): number {
  const photos = path.join(releaseDir, '_photos');
  const keep = new Set(
    (existsSync(photos) ? readdirSync(photos) : []).flatMap((name) => sourceOfVariant(name) ?? []),
  );
  return prunePhotoCache(cacheDir, keep) + pruneShareCards(cacheDir, activeIds);
}
