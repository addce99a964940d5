import type { APIRoute, GetStaticPaths } from 'astro';
import { loadAppeals, type ActiveAppeal } from '../../../site/appeals.ts';
import { siteSettings } from '../../../site/settings.ts';
import { buildCacheDir } from '../../../site/build-cache.ts';
import { photoSourceFile } from '../../../site/appeal-images.ts';
import { shareCardText } from '../../../lib/share-card-text.ts';
import { cachedShareCard, pruneShareCards } from '../../../lib/share-card-cache.ts';

// One 1200×630 card per active appeal; closed appeals get none, and their cached cards are deleted.
export const getStaticPaths = (async () => {
  const { active } = await loadAppeals();
  pruneShareCards(buildCacheDir(), active.map((a) => a.id));
  return active.map((appeal) => ({ params: { id: appeal.id }, props: { appeal } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { appeal } = props as { appeal: ActiveAppeal };
  const text = shareCardText(appeal, siteSettings, site!);
  const card = await cachedShareCard(buildCacheDir(), appeal.id, photoSourceFile(appeal.data.photos[0]!.src), text);
  return new Response(new Uint8Array(card), { headers: { 'Content-Type': 'image/jpeg' } });
};
