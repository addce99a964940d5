// The search page's behaviour, as a plain module script: the markup is the page's own (the
// `#search-ui` template in src/pages/search.astro); this fills in results, counts and the address.
// No framework, so a first search downloads only the page, Pagefind and the results.
import {
  emptyFilters,
  FILTER_KEYS,
  hasCriteria,
  pagefindOptions,
  parseSearchState,
  resultCountText,
  serialiseSearchState,
  SORTS,
  toggleFilter,
  type FilterKey,
  type SearchState,
  type SortOrder,
} from '../../lib/search/search-state.ts';
import { orderedList, type OrderedResults } from '../../lib/search/merge-results.ts';
import {
  loadFilterCounts,
  preloadSearch,
  searchAll,
  type PagefindResult,
  type PagefindResultData,
} from './pagefind.ts';

// Each result shown fetches its own small fragment, so show ten at a time.
const PAGE_SIZE = 10;
const DEBOUNCE_MS = 300;

const container = document.getElementById('search-app');
const template = document.getElementById('search-ui');
// The words come from the page (src/views/SearchPage.astro), in its language: no dictionary in the script.
const words = container?.dataset ?? {};
const PROMPT = words.prompt ?? '';
const FAILED = words.failed ?? '';
const LOCALE = document.documentElement.lang === 'cy' ? 'cy' : 'en';

interface Outcome {
  state: SearchState;
  results: OrderedResults<PagefindResult>;
  counts: Record<string, Record<string, number>>;
}

if (container && template instanceof HTMLTemplateElement) mount(container, template);

function element<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`search page: no ${selector}`);
  return found;
}

function make(tag: string, className?: string, text?: string): HTMLElement {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A result card, drawn as the appeal cards on listings are, once its fragment has loaded. */
function fillCard(item: HTMLElement, data: PagefindResultData): void {
  const { meta } = data;
  const card = make('article', 'appeal-card');
  if (meta.image) {
    const img = document.createElement('img');
    Object.assign(img, {
      className: 'appeal-card__photo',
      src: meta.image,
      alt: '',
      width: 112,
      height: 149,
    });
    img.loading = 'lazy';
    img.decoding = 'async';
    card.append(img);
  }
  const body = make('div', 'appeal-card__body');
  const heading = make('h3', 'appeal-card__name');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = meta.title ?? '';
  heading.append(link);
  const facts = make('dl', 'appeal-card__facts');
  for (const [term, value] of [
    [words.ageNow ?? '', meta.age],
    [words.missingSince ?? '', meta.missingSince],
    [words.lastSeen ?? '', meta.lastSeen],
  ] as const) {
    const row = make('div');
    row.append(make('dt', undefined, term), make('dd', undefined, value ?? ''));
    facts.append(row);
  }
  body.append(heading, facts);
  card.append(body);
  item.classList.remove('search-result--loading');
  item.removeAttribute('aria-busy');
  item.replaceChildren(card);
}

function mount(root: HTMLElement, ui: HTMLTemplateElement): void {
  root.replaceChildren(ui.content.cloneNode(true));
  const layout = element<HTMLElement>(root, '.search-layout');
  const form = element<HTMLFormElement>(root, 'form');
  const query = element<HTMLInputElement>(root, '#search-q');
  const filterArea = element<HTMLElement>(root, '.search-filters');
  const boxes = [...root.querySelectorAll<HTMLInputElement>('.search-filters input[type="checkbox"]')];
  const clear = element<HTMLButtonElement>(root, '[data-clear-filters]');
  const status = element<HTMLElement>(root, '[role="status"]');
  const sort = element<HTMLSelectElement>(root, '#search-sort');
  const list = element<HTMLElement>(root, '.card-list--results');
  const more = element<HTMLButtonElement>(root, '[data-show-more]');
  const help = element<HTMLElement>(root, '.search-help');
  const failed = element<HTMLElement>(root, '[data-search-failed]');

  let state = parseSearchState(window.location.search);
  // Pagefind loads only once someone searches: a linked search, or the first focus on the form.
  let engaged = hasCriteria(state);
  // Filter counts cost a download of their own: fetch them once the filters are in use.
  let wantCounts = FILTER_KEYS.some((key) => state.filters[key].length > 0);
  let outcome: Outcome | undefined;
  let shown = PAGE_SIZE;
  let error: string | undefined;
  let searchTicket = 0;
  let drawTicket = 0;
  let timer: number | undefined;
  /** Result cards by result id, so showing more keeps the cards already drawn. */
  let cards = new Map<string, HTMLElement>();

  const showForm = () => {
    if (query.value !== state.q) query.value = state.q;
    for (const box of boxes) box.checked = state.filters[box.name as FilterKey].includes(box.value);
    sort.value = state.sort;
    clear.hidden = !hasCriteria({ ...state, q: '' });
  };

  const draw = async () => {
    const searched = outcome !== undefined && hasCriteria(outcome.state);
    const total = outcome?.results.total ?? 0;
    status.textContent =
      error ?? (searched ? resultCountText(total, outcome!.state, LOCALE) : outcome ? PROMPT : '');
    for (const box of boxes) {
      const count = box.labels?.[0]?.querySelector('.checkbox__count');
      const n = outcome?.counts[box.name]?.[box.value];
      if (count) count.textContent = n === undefined ? '' : ` (${n})`;
    }
    failed.hidden = error === undefined;
    help.hidden = !(searched && total === 0);
    more.hidden = !(searched && total > shown);
    list.hidden = !(searched && total > 0);
    const ticket = ++drawTicket;
    if (!searched || total === 0) return list.replaceChildren();
    const results = await outcome!.results.take(shown);
    if (ticket !== drawTicket) return;
    list.replaceChildren(
      ...results.map((result) => {
        let item = cards.get(result.id);
        if (!item) {
          item = make('li', 'search-result search-result--loading');
          item.setAttribute('aria-busy', 'true');
          const drawn = item;
          void result.data().then((data) => fillCard(drawn, data));
          cards.set(result.id, item);
        }
        return item;
      }),
    );
  };

  const run = async (next: SearchState) => {
    const ticket = ++searchTicket;
    try {
      const allCounts = wantCounts ? await loadFilterCounts() : {};
      let found: Outcome;
      if (!hasCriteria(next)) {
        await preloadSearch();
        found = { state: next, results: orderedList([]), counts: allCounts };
      } else {
        found = { state: next, ...(await searchAll(next.q.trim() || null, pagefindOptions(next))) };
      }
      if (ticket !== searchTicket) return;
      outcome = found;
      cards = new Map();
      shown = PAGE_SIZE;
      error = undefined;
    } catch {
      if (ticket !== searchTicket) return;
      error = FAILED;
    }
    void draw();
  };

  /** After every change of what to search: record it in the address and search, typing debounced. */
  const changed = () => {
    showForm();
    if (!engaged) return;
    window.clearTimeout(timer);
    const wait = outcome ? DEBOUNCE_MS : 0;
    const next = state;
    timer = window.setTimeout(() => {
      const search = serialiseSearchState(next);
      // The first run only tidies the address it arrived with; later changes are the user's, for Back.
      if (search !== window.location.search)
        window.history[outcome ? 'pushState' : 'replaceState'](
          null,
          '',
          `${window.location.pathname}${search}`,
        );
      void run(next);
    }, wait);
  };
  const update = (next: SearchState) => {
    state = next;
    changed();
  };
  const engage = () => {
    if (engaged) return;
    engaged = true;
    changed();
  };
  const countsWanted = () => {
    if (wantCounts) return;
    wantCounts = true;
    changed();
  };

  layout.addEventListener('focusin', engage);
  layout.addEventListener('pointerdown', engage, true);
  filterArea.addEventListener('focusin', countsWanted);
  filterArea.addEventListener('pointerdown', countsWanted, true);
  query.addEventListener('input', () => update({ ...state, q: query.value }));
  for (const box of boxes)
    box.addEventListener('change', () =>
      update(toggleFilter(state, box.name as FilterKey, box.value, box.checked)),
    );
  sort.addEventListener('change', () => {
    const value = sort.value as SortOrder;
    if ((SORTS as readonly string[]).includes(value)) update({ ...state, sort: value });
  });
  clear.addEventListener('click', () => update({ ...state, filters: emptyFilters() }));
  more.addEventListener('click', () => {
    shown += PAGE_SIZE;
    void draw();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(state);
  });
  window.addEventListener('popstate', () => update(parseSearchState(window.location.search)));
  changed();
}
