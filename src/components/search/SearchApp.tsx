import { useCallback, useEffect, useRef, useState } from 'react';
import {
  emptyFilters,
  FILTER_KEYS,
  type FilterKey,
  hasCriteria,
  pagefindOptions,
  parseSearchState,
  queryTrulyMatches,
  resultCountText,
  type SearchState,
  wordsAt,
  serialiseSearchState,
  type SortOrder,
  toggleFilter,
} from '../../lib/search/search-state.ts';
import { loadFilterCounts, loadPagefind, type PagefindResult, type PagefindResultData } from './pagefind.ts';

export interface SearchAppProps {
  filterLabels: Record<FilterKey, string>;
  /** Every value each filter can take, known at build, so the form renders before Pagefind loads. */
  filterValues: Record<FilterKey, string[]>;
  phones: { police: string; helpline: string; helplineName: string };
}

// Each result shown fetches its own small fragment, so show ten at a time.
const PAGE_SIZE = 10;
const DEBOUNCE_MS = 300;

const SORT_LABELS: Record<SortOrder, string> = {
  relevance: 'Best match',
  newest: 'Missing since (newest first)',
  oldest: 'Missing since (oldest first)',
  name: 'Name (A to Z)',
};

interface Outcome {
  state: SearchState;
  results: PagefindResult[];
  counts: Record<string, Record<string, number>>;
}

function ResultCard({ result }: { result: PagefindResult }) {
  const [data, setData] = useState<PagefindResultData | undefined>();
  useEffect(() => {
    let live = true;
    void result.data().then((d) => live && setData(d));
    return () => {
      live = false;
    };
  }, [result]);
  if (!data) return <li className="search-result search-result--loading" aria-busy="true" />;
  const { meta } = data;
  return (
    <li className="search-result">
      <article className="appeal-card">
        {meta.image && (
          <img
            className="appeal-card__photo"
            src={meta.image}
            alt=""
            width={112}
            height={149}
            loading="lazy"
            decoding="async"
          />
        )}
        <div className="appeal-card__body">
          <h3 className="appeal-card__name">
            <a href={data.url}>{meta.title}</a>
          </h3>
          <dl className="appeal-card__facts">
            <div>
              <dt>Age now</dt>
              <dd>{meta.age}</dd>
            </div>
            <div>
              <dt>Missing since</dt>
              <dd>{meta.missingSince}</dd>
            </div>
            <div>
              <dt>Last seen</dt>
              <dd>{meta.lastSeen}</dd>
            </div>
          </dl>
        </div>
      </article>
    </li>
  );
}

export default function SearchApp({ filterLabels, filterValues, phones }: SearchAppProps) {
  const [arrival] = useState(() => parseSearchState(window.location.search));
  const [state, setState] = useState<SearchState>(arrival);
  // Pagefind loads only once someone searches: a linked search, or the first focus on the form.
  const [engaged, setEngaged] = useState(() => hasCriteria(arrival));
  const engage = () => setEngaged(true);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [shown, setShown] = useState(PAGE_SIZE);
  const [error, setError] = useState<string | undefined>();
  const latest = useRef(0);
  // Filter counts cost a download of their own: fetch them once the filters are in use.
  const [wantCounts, setWantCounts] = useState(() => FILTER_KEYS.some((k) => arrival.filters[k].length > 0));

  const wantCountsRef = useRef(wantCounts);
  wantCountsRef.current = wantCounts;

  const run = useCallback(async (next: SearchState) => {
    const ticket = ++latest.current;
    try {
      const pagefind = await loadPagefind();
      const allCounts = wantCountsRef.current ? await loadFilterCounts() : {};
      if (!hasCriteria(next)) {
        if (ticket === latest.current) setOutcome({ state: next, results: [], counts: allCounts });
        return;
      }
      const response = await pagefind.search(next.q.trim() || null, pagefindOptions(next));
      if (ticket !== latest.current || !response) return;
      let results = response.results;
      // Pagefind's fallback for unknown words would show unrelated children; see queryTrulyMatches.
      if (next.q.trim() && results[0]) {
        const best = await results[0].data();
        if (!queryTrulyMatches(next.q, wordsAt(best.content ?? '', best.locations ?? []))) results = [];
      }
      if (ticket !== latest.current) return;
      setOutcome({ state: next, results, counts: response.filters });
      setShown(PAGE_SIZE);
      setError(undefined);
    } catch {
      if (ticket !== latest.current) return;
      setError('Search is not working at the moment. Browse all appeals or appeals by region instead.');
    }
  }, []);

  // Debounced: typing runs one search once the user pauses, and records one history entry.
  useEffect(() => {
    if (!engaged) return undefined;
    const query = serialiseSearchState(state);
    const timer = window.setTimeout(
      () => {
        // The first run only tidies the address it arrived with; later changes are the user's, for Back.
        if (query !== window.location.search)
          window.history[outcome ? 'pushState' : 'replaceState'](
            null,
            '',
            `${window.location.pathname}${query}`,
          );
        void run(state);
      },
      outcome ? DEBOUNCE_MS : 0,
    );
    return () => window.clearTimeout(timer);
    // `outcome` only decides whether the first run waits, so it is deliberately not a dependency.
  }, [state, run, engaged, wantCounts]);

  useEffect(() => {
    const onPop = () => setState(parseSearchState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const searched = outcome && hasCriteria(outcome.state);
  const count = outcome?.results.length ?? 0;
  const status =
    error ??
    (searched
      ? resultCountText(count, outcome.state)
      : outcome
        ? 'Type a name, place or description, or choose filters.'
        : '');

  return (
    <div className="search-layout" onFocusCapture={engage} onPointerDownCapture={engage}>
      <form
        className="search-form"
        role="search"
        action="/search/"
        method="get"
        onSubmit={(e) => {
          e.preventDefault();
          void run(state);
        }}
      >
        <label className="search-form__label" htmlFor="search-q">
          Search by name, place or description
        </label>
        <div className="search-form__row">
          <input
            id="search-q"
            name="q"
            type="search"
            value={state.q}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setState({ ...state, q: e.target.value })}
          />
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </form>
      <div className="search-columns">
        <div
          className="search-filters"
          onFocusCapture={() => setWantCounts(true)}
          onPointerDownCapture={() => setWantCounts(true)}
        >
          <h2>Filter</h2>
          {FILTER_KEYS.map((key) => (
            <fieldset key={key} className="search-filters__group">
              <legend>{filterLabels[key]}</legend>
              {filterValues[key].map((value) => {
                const id = `filter-${key}-${value.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
                const n = outcome?.counts[key]?.[value];
                return (
                  <div className="checkbox" key={value}>
                    <input
                      type="checkbox"
                      id={id}
                      name={key}
                      value={value}
                      checked={state.filters[key].includes(value)}
                      onChange={(e) => setState(toggleFilter(state, key, value, e.target.checked))}
                    />
                    <label htmlFor={id}>
                      {value}
                      {n !== undefined && <span className="checkbox__count"> ({n})</span>}
                    </label>
                  </div>
                );
              })}
            </fieldset>
          ))}
          {hasCriteria({ ...state, q: '' }) && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setState({ ...state, filters: emptyFilters() })}
            >
              Clear filters
            </button>
          )}
        </div>
        <div className="search-results">
          <div className="search-results__bar">
            <p className="search-results__count" role="status" aria-live="polite" aria-atomic="true">
              {status}
            </p>
            <div className="search-results__sort">
              <label htmlFor="search-sort">Sort by</label>
              <select
                id="search-sort"
                name="sort"
                value={state.sort}
                onChange={(e) => setState({ ...state, sort: e.target.value as SortOrder })}
              >
                {(Object.keys(SORT_LABELS) as SortOrder[]).map((sort) => (
                  <option key={sort} value={sort}>
                    {SORT_LABELS[sort]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {searched && count > 0 && (
            <ul className="card-list card-list--results">
              {outcome.results.slice(0, shown).map((result) => (
                <ResultCard key={result.id} result={result} />
              ))}
            </ul>
          )}
          {searched && count > shown && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setShown(shown + PAGE_SIZE)}
            >
              Show more appeals
            </button>
          )}
          {searched && count === 0 && (
            <div className="search-help">
              <h2>No appeals match your search</h2>
              <p>Improve your search results by:</p>
              <ul>
                <li>checking the spelling of names and places</li>
                <li>removing filters</li>
                <li>searching for something less specific, such as a town or a first name</li>
              </ul>
              <p>
                If you think you have seen a missing child, call the police on {phones.police}, or{' '}
                {phones.helplineName} on {phones.helpline} (free, confidential).
              </p>
            </div>
          )}
          {error && (
            <p>
              <a href="/appeals/">Browse all appeals</a>
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
