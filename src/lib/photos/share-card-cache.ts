import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { renderShareCard, SHARE_CARD, type ShareCardText } from './share-card.ts';
import { writeWhole } from './photo-cache.ts';
import { SHARE_CARD_CACHE } from './cache-prune.ts';

/**
 * Share cards cost a photo decode and a JPEG encode each, so builds keep them in the build cache,
 * keyed by the photo's bytes and the card's text. Entries are named `<appeal id>.<key>.jpg`, so a
 * closed appeal's card can be found and deleted: `pruneShareCards` runs on every build.
 */

// 2: Atkinson Hyperlegible Next, with Noto Sans for letters it lacks (issue 19).
const CARD_VERSION = 2;

function cardKey(photo: Buffer, text: ShareCardText): string {
  return createHash('sha256')
    .update(JSON.stringify({ v: CARD_VERSION, size: SHARE_CARD, text }))
    .update(photo)
    .digest('hex')
    .slice(0, 20);
}

/** The cached card's file, made first if it is missing or out of date. */
export async function shareCardFile(
  cacheDir: string,
  id: string,
  photoFile: string,
  text: ShareCardText,
): Promise<string> {
  const dir = path.join(cacheDir, SHARE_CARD_CACHE);
  const photo = readFileSync(photoFile);
  const file = path.join(dir, `${id}.${cardKey(photo, text)}.jpg`);
  if (existsSync(file)) return file;
  const card = await renderShareCard(photo, text);
  mkdirSync(dir, { recursive: true });
  // An older card for this appeal (new photo, new text) is out of date: remove it.
  for (const name of readdirSync(dir))
    if (name.startsWith(`${id}.`)) rmSync(path.join(dir, name), { force: true });
  writeWhole(file, card);
  return file;
}

export async function cachedShareCard(
  cacheDir: string,
  id: string,
  photoFile: string,
  text: ShareCardText,
): Promise<Buffer> {
  return readFileSync(await shareCardFile(cacheDir, id, photoFile, text));
}

export interface ShareCardJob {
  id: string;
  photoFile: string;
  text: ShareCardText;
}

/**
 * Starts every card at once, at most `concurrency` at a time, and returns a promise per appeal of
 * its cached file (not its bytes: at 10,000 appeals, holding every card would cost gigabytes).
 * The build calls this while it lists its pages, so the cards are made on sharp's threads while
 * Astro renders the other pages, instead of one by one when each card's turn comes.
 */
export function prepareShareCards(
  cacheDir: string,
  jobs: readonly ShareCardJob[],
  concurrency = 2,
): Map<string, Promise<string>> {
  const cards = new Map<string, Promise<string>>();
  let running = 0;
  const waiting: Array<() => void> = [];
  const slot = async () => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  for (const job of jobs) {
    const card = slot().then(() => shareCardFile(cacheDir, job.id, job.photoFile, job.text).finally(release));
    // The endpoint awaits it; an unhandled rejection before then must not crash the build early.
    card.catch(() => undefined);
    cards.set(job.id, card);
  }
  return cards;
}
