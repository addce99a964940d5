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
  data(): Promise<PagefindResultData>;
}
export interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
  unfilteredResultCount: number;
}
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, options?: Record<string, unknown>): Promise<PagefindResponse | null>;
  debouncedSearch?: unknown;
}

let loading: Promise<Pagefind> | undefined;

/** Loads Pagefind on first use only: nobody who never searches downloads the index. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    // A runtime URL, not a bundled module: the index is written after the site is built.
    const url = '/pagefind/pagefind.js';
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.options({ baseUrl: '/' });
    await pagefind.init();
    return pagefind;
  })();
  return loading;
}

let filtersLoading: Promise<Record<string, Record<string, number>>> | undefined;

/**
 * Loads every filter's values and counts. At 10,000 appeals this is about 110 kB, so it waits
 * until someone uses the filters (or arrives with a filtered search), not the first query.
 */
export function loadFilterCounts(): Promise<Record<string, Record<string, number>>> {
  filtersLoading ??= loadPagefind().then((pagefind) => pagefind.filters());
  return filtersLoading;
}
