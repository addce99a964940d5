import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadAppeals, type ActiveAppeal } from '../../../site/appeals.ts';
import { siteSettings } from '../../../site/settings.ts';
import { buildCacheDir } from '../../../site/build-cache.ts';
import { photoSourceFile } from '../../../site/appeal-images.ts';
import { shareCardText } from '../../../lib/outputs/share-card-text.ts';
import { prepareShareCards, pruneShareCards } from '../../../lib/photos/share-card-cache.ts';

let cards: Map<string, Promise<string>> | undefined;

// One 1200×630 card per active appeal; closed appeals get none, and their cached cards are deleted.
// All cards start here, so they are made while the other pages render.
export const getStaticPaths = (async () => {
  const { active } = await loadAppeals();
  const cacheDir = buildCacheDir();
  pruneShareCards(
    cacheDir,
    active.map((a) => a.id),
  );
  cards = prepareShareCards(
    cacheDir,
    active.map((appeal) => ({
      id: appeal.id,
      photoFile: photoSourceFile(appeal.data.photos[0]!.src),
      text: shareCardText(appeal, siteSettings, siteSettings.baseUrl),
    })),
  );
  return active.map((appeal) => ({ params: { id: appeal.id }, props: { appeal } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { appeal } = props as { appeal: ActiveAppeal };
  const file = await cards?.get(appeal.id);
  if (!file) throw new Error(`No share card was prepared for appeal ${appeal.id}`);
  cards?.delete(appeal.id);
  return new Response(new Uint8Array(readFileSync(file)), { headers: { 'Content-Type': 'image/jpeg' } });
};
