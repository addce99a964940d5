import { getCollection, type CollectionEntry } from 'astro:content';
import type { ImageMetadata } from 'astro';
import type { ActiveAppealData } from '../lib/model/appeal-schema.ts';
import { buildDate } from '../lib/model/build-date.ts';
import { appealFacts, type AppealFacts } from '../lib/model/appeal-view.ts';
import { newestFirst } from '../lib/model/appeal-order.ts';
import { siteSettings } from './settings.ts';
import { NAIVE_BASELINE } from './photo-sizes.ts';

type Entry = CollectionEntry<'appeals'>;
export type ActiveAppeal = {
  id: string;
  entry: Entry;
  data: ActiveAppealData<ImageMetadata>;
  facts: AppealFacts;
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

/** Every appeal, split by status, loaded once per build: getCollection re-resolves images on each call. */
export function loadAppeals(): Promise<AppealSet> {
  // The naive baseline (npm run bench -- --baseline) calls getCollection on every page, as a first site would.
  if (NAIVE_BASELINE) cached = undefined;
  cached ??= (async () => {
    const entries = await getCollection('appeals');
    const today = buildDate();
    const active: ActiveAppeal[] = [];
    const closed: ClosedAppeal[] = [];
    for (const entry of entries) {
      if (entry.data.status === 'active') {
        const data = entry.data as unknown as ActiveAppealData<ImageMetadata>;
        active.push({
          id: entry.id,
          entry,
          data,
          facts: appealFacts(data, siteSettings, today),
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
