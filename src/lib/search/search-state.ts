/** The search page's state, kept in the URL so a search can be linked, reloaded and revisited with Back. */
export const FILTER_KEYS = ['region', 'sex', 'age', 'year', 'force'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
/** One sort key (missing since): each costs every first search about 2 kB per 1,000 appeals. */
export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORTS)[number];

export interface SearchState {
  q: string;
  filters: Record<FilterKey, string[]>;
  sort: SortOrder;
}

export function emptyFilters(): Record<FilterKey, string[]> {
  return { region: [], sex: [], age: [], year: [], force: [] };
}

export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters = emptyFilters();
  for (const key of FILTER_KEYS) filters[key] = [...new Set(params.getAll(key).filter(Boolean))];
  const sort = params.get('sort');
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as SortOrder) : 'relevance',
  };
}

export function serialiseSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of FILTER_KEYS) for (const value of state.filters[key]) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function hasCriteria(state: SearchState): boolean {
  return state.q.trim() !== '' || FILTER_KEYS.some((k) => state.filters[k].length > 0);
}

/** Pagefind's filter and sort options for a state: any of the values within a group, all groups. */
export function pagefindOptions(state: SearchState): {
  filters: Record<string, { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
} {
  const filters: Record<string, { any: string[] }> = {};
  for (const key of FILTER_KEYS) if (state.filters[key].length) filters[key] = { any: state.filters[key] };
  const sorts: Record<SortOrder, Record<string, 'asc' | 'desc'> | undefined> = {
    relevance: undefined,
    newest: { missing: 'desc' },
    oldest: { missing: 'asc' },
  };
  const sort = sorts[state.sort];
  // With no words, Pagefind needs a sort to list everything; newest first is the useful default.
  if (sort) return { filters, sort };
  return state.q.trim() ? { filters } : { filters, sort: { missing: 'desc' } };
}

export function toggleFilter(state: SearchState, key: FilterKey, value: string, on: boolean): SearchState {
  const current = state.filters[key].filter((v) => v !== value);
  return { ...state, filters: { ...state.filters, [key]: on ? [...current, value] : current } };
}

export function resultCountText(count: number, state: SearchState, locale: 'en' | 'cy' = 'en'): string {
  // Welsh counts with the singular noun after any number: "3 apêl".
  if (locale === 'cy')
    return state.q.trim() ? `Canfuwyd ${count} apêl ar gyfer “${state.q.trim()}”` : `Canfuwyd ${count} apêl`;
  const noun = count === 1 ? 'appeal' : 'appeals';
  return state.q.trim() ? `${count} ${noun} found for “${state.q.trim()}”` : `${count} ${noun} found`;
}

/** Lower-case words of a query or text, without punctuation. */
export function searchWords(text: string): string[] {
  return text
    .toLocaleLowerCase('en-GB')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Pagefind answers a word it does not know with matches for its longest known start: "tobiah"
 * becomes "to". For an appeals site that shows the wrong child as a match, so a query counts as
 * matched only if every query word shares its first four letters (all of a shorter word) with a
 * word the best result matched. Stemmed matches ("walking" for "walked") still pass.
 */
export function queryTrulyMatches(query: string, matchedWords: readonly string[]): boolean {
  const matched = matchedWords.flatMap(searchWords);
  return searchWords(query).every((term) => {
    const need = Math.min(term.length, 4);
    return matched.some((word) => commonPrefix(word, term) >= need);
  });
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The words of a Pagefind result's content at its matched locations. */
export function wordsAt(content: string, locations: readonly number[]): string[] {
  const words = content.split(/\s+/);
  return locations.map((i) => words[i] ?? '').filter(Boolean);
}
