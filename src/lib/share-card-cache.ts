import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderShareCard, SHARE_CARD, type ShareCardText } from './share-card.ts';

/**
 * Share cards cost a photo decode and a JPEG encode each, so builds keep them in the build cache,
 * keyed by the photo's bytes and the card's text. Entries are named `<appeal id>.<key>.jpg`, so a
 * closed appeal's card can be found and deleted: `pruneShareCards` runs on every build.
 */

const CARD_VERSION = 1;
export const SHARE_CARD_CACHE = 'share-cards';

function cardKey(photo: Buffer, text: ShareCardText): string {
  return createHash('sha256').update(JSON.stringify({ v: CARD_VERSION, size: SHARE_CARD, text })).update(photo).digest('hex').slice(0, 20);
}

export async function cachedShareCard(cacheDir: string, id: string, photoFile: string, text: ShareCardText): Promise<Buffer> {
  const dir = path.join(cacheDir, SHARE_CARD_CACHE);
  const photo = readFileSync(photoFile);
  const file = path.join(dir, `${id}.${cardKey(photo, text)}.jpg`);
  if (existsSync(file)) return readFileSync(file);
  const card = await renderShareCard(photo, text);
  mkdirSync(dir, { recursive: true });
  // An older card for this appeal (new photo, new text) is out of date: remove it.
  for (const name of readdirSync(dir)) if (name.startsWith(`${id}.`)) rmSync(path.join(dir, name), { force: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, card);
  renameSync(partial, file);
  return card;
}

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
