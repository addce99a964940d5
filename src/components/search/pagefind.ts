import { mergeOrdered, orderedList, type OrderedResults } from '../../lib/search/merge-results.ts';
import { SORT_META } from '../../lib/search/search-facets.ts';
import { queryTrulyMatches, wordsAt } from '../../lib/search/search-state.ts';
import type { ShardLayout } from '../../lib/search/search-shards.ts';

/** The slice of Pagefind's browser API the search page uses. */
export interface PagefindResultData {
  url: string;
  meta: Record<string, string | undefined>;
  content?: string;
  /** Word positions in `content` that matched the query. */
  locations?: number[];
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
export interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, options?: Record<string, unknown>): Promise<PagefindResponse | null>;
}

/** The synthetic filter naming each result's shard (Pagefind's `mergeFilter`). */
const SHARD_FILTER = 'shard';

/** The shards of the index, merged into one Pagefind (undefined when no appeal is indexed). */
interface SearchIndex {
  pagefind: Pagefind | undefined;
  shards: string[];
}

let loading: Promise<SearchIndex> | undefined;

/**
 * Loads Pagefind on first use only: nobody who never searches downloads the index. Each shard
 * (src/lib/search/search-shards.ts) is a Pagefind bundle of its own; the first is the primary and
 * the others are merged into it, sharing its engine. Pagefind runs on the page rather than in a
 * web worker, which would cost every first search another download of its code.
 */
function loadPagefind(): Promise<SearchIndex> {
  loading ??= (async () => {
    // Runtime URLs, not bundled modules: the index is written after the site is built.
    const response = await fetch('/pagefind/shards.json');
    if (!response.ok) throw new Error(`shards.json: ${response.status}`);
    const { shards } = (await response.json()) as ShardLayout;
    const runtime = '/pagefind/pagefind.js';
    const pagefind = (await import(/* @vite-ignore */ runtime)) as Pagefind;
    const [first, ...others] = shards;
    if (!first) return { pagefind: undefined, shards };
    await pagefind.options({
      baseUrl: '/',
      basePath: `/pagefind/${first}/`,
      noWorker: true,
      mergeFilter: { [SHARD_FILTER]: first },
    });
    await pagefind.init();
    await Promise.all(
      others.map((shard) =>
        pagefind.mergeIndex(`/pagefind/${shard}/`, { mergeFilter: { [SHARD_FILTER]: shard } }),
      ),
    );
    return { pagefind, shards };
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** Loads Pagefind and the index's entry files, ready for the first query (on the first focus). */
export const preloadSearch = (): Promise<void> => loadPagefind().then(() => undefined);

let filtersLoading: Promise<Record<string, Record<string, number>>> | undefined;

/**
 * Loads every filter's values and counts. At 10,000 appeals this is about 110 kB, so it waits
 * until someone uses the filters (or arrives with a filtered search), not the first query.
 */
export function loadFilterCounts(): Promise<Record<string, Record<string, number>>> {
  filtersLoading ??= loadPagefind().then((index) => index.pagefind?.filters() ?? {});
  return filtersLoading;
}

export interface SearchOutcome {
  results: OrderedResults<PagefindResult>;
  /** Per filter value, how many of the results have it. */
  counts: Record<string, Record<string, number>>;
}

async function search(pagefind: Pagefind, term: string | null, options: Record<string, unknown>) {
  const response = await pagefind.search(term, options);
  if (!response) throw new Error('Pagefind returned no response');
  return response;
}

/**
 * Whether a shard's results truly match the query. Pagefind answers a word its index does not
 * know with matches for a shorter start of it ("tobiah" becomes "to"), so a shard without the word
 * would offer unrelated children: its best result must have matched every query word.
 */
async function trulyMatches(response: PagefindResponse, term: string | null): Promise<boolean> {
  const best = response.results[0];
  if (!best) return false;
  if (!term) return true;
  const data = await best.data();
  return queryTrulyMatches(term, wordsAt(data.content ?? '', data.locations ?? []));
}

/** Filter counts summed over the shards whose results stand; every value the shards know is listed. */
function sumCounts(responses: ReadonlyArray<{ response: PagefindResponse; stands: boolean }>) {
  const sum: Record<string, Record<string, number>> = {};
  for (const { response, stands } of responses)
    for (const [key, values] of Object.entries(response.filters)) {
      const into = (sum[key] ??= {});
      for (const [value, n] of Object.entries(values)) into[value] = (into[value] ?? 0) + (stands ? n : 0);
    }
  return sum;
}

/**
 * Searches every shard on its own (through Pagefind's synthetic shard filter), keeps the shards
 * whose results truly match, and merges them: by relevance as Pagefind would, or, for a sorted
 * search, by the sort key (merge-results.ts), since each shard is sorted only within itself.
 */
export async function searchAll(
  term: string | null,
  options: { filters: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> },
): Promise<SearchOutcome> {
  const { pagefind, shards } = await loadPagefind();
  if (!pagefind) return { results: orderedList([]), counts: {} };
  const responses = await Promise.all(
    shards.map(async (shard) => {
      const response = await search(pagefind, term, {
        ...options,
        filters: { ...options.filters, [SHARD_FILTER]: shard },
      });
      return { response, stands: await trulyMatches(response, term) };
    }),
  );
  const standing = responses.filter((r) => r.stands).map((r) => r.response.results);
  const counts = sumCounts(responses);
  const [sortKey, direction] = Object.entries(options.sort ?? {})[0] ?? [];
  if (!sortKey || !direction)
    return { counts, results: orderedList(standing.flat().sort((a, b) => b.score - a.score)) };
  const metaKey = SORT_META[sortKey as keyof typeof SORT_META];
  return {
    counts,
    results: mergeOrdered(standing, async (result) => (await result.data()).meta[metaKey] ?? '', direction),
  };
}
