import { getCollection, type CollectionEntry } from 'astro:content';
import type { ActiveAppealData } from '../lib/model/appeal-schema.ts';
import { buildDate } from '../lib/model/build-date.ts';
import { appealFacts, type AppealFacts } from '../lib/model/appeal-view.ts';
import { newestFirst } from '../lib/model/appeal-order.ts';
import { contentDirectory } from '../lib/content/content-location.ts';
import type { PhotoSource } from '../lib/photos/photo-cache.ts';
import { readPhotoSources } from '../lib/photos/photo-encode.ts';
import { photoFile } from '../lib/photos/photo-step.ts';
import { siteSettings } from './settings.ts';
import type { Locale } from '../lib/i18n/locales.ts';
import { buildCacheDir } from './build-cache.ts';
import { operatorEnv } from './operator-env.ts';

type Entry = CollectionEntry<'appeals'>;
export type AppealPhoto = ActiveAppealData['photos'][number] & { source: PhotoSource };
export type ActiveAppeal = {
  id: string;
  entry: Entry;
  data: ActiveAppealData;
  /** `data.photos` with each photo's hash and size, which name and size its variants. */
  photos: AppealPhoto[];
  /** The English facts, for language-neutral outputs (the API, search filters). */
  facts: AppealFacts;
  /** The facts in each language, for pages. */
  factsIn: Readonly<Record<Locale, AppealFacts>>;
  missingSince: string;
  urgent: boolean;
};
/** A closed appeal keeps only what the removals feed may say: no name, photo or place. */
export type ClosedAppeal = {
  id: string;
  status: 'found' | 'withdrawn';
  closedAt?: string | undefined;
  updated?: string | undefined;
};

export interface AppealSet {
  active: ActiveAppeal[];
  closed: ClosedAppeal[];
}

let cached: Promise<AppealSet> | undefined;

/** Every appeal, split by status, loaded once per build. */
export function loadAppeals(): Promise<AppealSet> {
  cached ??= (async () => {
    const entries = await getCollection('appeals');
    const today = buildDate(operatorEnv);
    const contentDir = contentDirectory(operatorEnv);
    const fileOf = (id: string, src: string) => photoFile(contentDir, id, src);
    const activeEntries = entries.filter((e) => e.data.status === 'active');
    // The photo step (src/integrations/photos.ts) has read these already: this is its index.
    const sources = await readPhotoSources(
      buildCacheDir(),
      activeEntries.flatMap((e) => (e.data as ActiveAppealData).photos.map((p) => fileOf(e.id, p.src))),
    );
    const active: ActiveAppeal[] = [];
    const closed: ClosedAppeal[] = [];
    for (const entry of entries) {
      if (entry.data.status === 'active') {
        const data = entry.data as ActiveAppealData;
        const factsIn = {
          en: appealFacts(data, siteSettings, today, 'en'),
          cy: appealFacts(data, siteSettings, today, 'cy'),
        };
        active.push({
          id: entry.id,
          entry,
          data,
          photos: data.photos.map((p) => ({ ...p, source: sources.get(fileOf(entry.id, p.src))! })),
          facts: factsIn.en,
          factsIn,
          missingSince: data.missingSince,
          urgent: data.urgent,
        });
      } else {
        closed.push({
          id: entry.id,
          status: entry.data.status,
          closedAt: entry.data.closedAt,
          updated: entry.data.updated,
        });
      }
    }
    return { active: newestFirst(active), closed };
  })();
  return cached;
}

/**
 * Static paths for every page at an appeal's URL (the appeal, its poster): active appeals with
 * their data; closed ones keep the URL but get only the neutral notice, so no data is passed.
 */
export async function appealPagePaths(): Promise<
  Array<{ params: { id: string }; props: { appeal: ActiveAppeal | undefined } }>
> {
  const { active, closed } = await loadAppeals();
  return [
    ...active.map((appeal) => ({ params: { id: appeal.id }, props: { appeal } })),
    ...closed.map((appeal) => ({ params: { id: appeal.id }, props: { appeal: undefined } })),
  ];
}
