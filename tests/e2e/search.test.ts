// The search page in Chromium, served with the site's own strict CSP: words, filters, sort, URL
// state, history, the header search, keyboard use, accessibility, the no-JavaScript fallback, lazy
// loading of Pagefind, and that a closed appeal leaves nothing behind in the index or anywhere else.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import yaml from 'js-yaml';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import {
  describeBrowser,
  formatViolations,
  launchBrowser,
  runAxe,
  watchPage,
  type PageProblems,
} from '../helpers/browser.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { buildSite, FIXED_BUILD_DATE, PROJECT_ROOT } from '../helpers/build-site.ts';
import { FIXTURES, materialiseFixture } from '../helpers/fixture-content.ts';
import { parseMarkdownFile } from '../../src/lib/content/frontmatter.ts';
import { settingsSchema } from '../../src/lib/model/settings-schema.ts';
import { PINNED_SECURITY_HEADERS } from '../helpers/pinned-headers.ts';

// ---------------------------------------------------------------------------------------------
// What the fixture says, worked out here independently of the site's code, so the browser's
// answers are checked against the content rather than against the site's own arithmetic.

type FilterKey = 'region' | 'sex' | 'age' | 'year' | 'force';
const FILTER_KEYS: readonly FilterKey[] = ['region', 'sex', 'age', 'year', 'force'];

interface FixtureAppeal {
  id: string;
  name: string;
  regionId: string;
  town: string;
  /** `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`, so plain text order is time order. */
  missingSince: string;
  ageNowText: string;
  missingSinceText: string;
  reference: string;
  /** Everything Pagefind indexes for the appeal: name, other names, where last seen, description, circumstances. */
  words: string;
  filters: Record<FilterKey, string>;
}

const FIXTURE_DIR = path.join(FIXTURES, 'basic');
const SETTINGS = settingsSchema.parse(
  yaml.load(readFileSync(path.join(FIXTURE_DIR, 'settings.yaml'), 'utf8')),
);
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** YAML turns unquoted dates into Date objects (as Astro's loader does); bring them back to text. */
const dateText = (value: unknown): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value);

function completedYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

function ageBand(age: number): string {
  const band = SETTINGS.ageBands.find((b) => age >= b.min && age <= b.max);
  return band ? band.label : `${Math.max(...SETTINGS.ageBands.map((b) => b.max)) + 1} and over`;
}

function longDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

function missingSinceText(value: string): string {
  const [date, time] = value.split(' ') as [string, string | undefined];
  if (!time) return longDate(date);
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return `${longDate(date)} at ${hour % 12 === 0 ? 12 : hour % 12}:${String(minute).padStart(2, '0')}${hour < 12 ? 'am' : 'pm'}`;
}

function loadFixtureAppeals(): FixtureAppeal[] {
  const active: FixtureAppeal[] = [];
  const appealsDir = path.join(FIXTURE_DIR, 'appeals');
  for (const id of readdirSync(appealsDir).sort()) {
    const { data, body } = parseMarkdownFile(readFileSync(path.join(appealsDir, id, 'index.md'), 'utf8'));
    if (data.status !== 'active') continue;
    const lastSeen = data.lastSeen as { place: string; town: string; region: string };
    const force = data.force as { name: string; reference: string };
    const missingSince = String(
      data.missingSince instanceof Date ? dateText(data.missingSince) : data.missingSince,
    );
    const missingDate = missingSince.slice(0, 10);
    const region = SETTINGS.regions.find((r) => r.id === lastSeen.region);
    if (!region) throw new Error(`fixture ${id}: unknown region ${lastSeen.region}`);
    const ageNow =
      data.dateOfBirth !== undefined
        ? completedYears(dateText(data.dateOfBirth), FIXED_BUILD_DATE)
        : Number(data.ageAtDisappearance) + Math.max(0, completedYears(missingDate, FIXED_BUILD_DATE));
    const name = String(data.name);
    active.push({
      id,
      name,
      regionId: region.id,
      town: lastSeen.town,
      missingSince,
      ageNowText: data.dateOfBirth !== undefined ? String(ageNow) : `about ${ageNow}`,
      missingSinceText: missingSinceText(missingSince),
      reference: force.reference,
      words: [
        name,
        ...((data.knownAs as string[] | undefined) ?? []),
        lastSeen.place,
        lastSeen.town,
        region.name,
        ...Object.values((data.description as Record<string, string> | undefined) ?? {}),
        body,
      ].join(' '),
      filters: {
        region: region.name,
        sex: data.sex === 'female' ? 'Female' : 'Male',
        age: ageBand(ageNow),
        year: missingDate.slice(0, 4),
        force: force.name,
      },
    });
  }
  return active;
}

const ACTIVE = loadFixtureAppeals();
const byId = (id: string): FixtureAppeal => {
  const appeal = ACTIVE.find((a) => a.id === id);
  if (!appeal) throw new Error(`no active fixture appeal ${id}`);
  return appeal;
};
const ZEPHYRINE = byId('2026-0101');
const TOBIAH = byId('2026-0102');
const ODALYS = byId('2025-0007');

type Criteria = { q?: string } & Partial<Record<FilterKey, string[]>>;

/** Appeals a search should find: every word present (whole words), any value within a filter, every filter. */
function expectedMatches(criteria: Criteria): FixtureAppeal[] {
  const words = (criteria.q ?? '').trim().split(/\s+/).filter(Boolean);
  return ACTIVE.filter(
    (appeal) =>
      words.every((word) =>
        new RegExp(`\\b${word.replace(/[^\p{L}\p{N}]/gu, '')}\\b`, 'iu').test(appeal.words),
      ) && FILTER_KEYS.every((key) => !criteria[key]?.length || criteria[key].includes(appeal.filters[key])),
  );
}

const names = (appeals: readonly FixtureAppeal[]): string[] => appeals.map((a) => a.name);
const newestFirst = (appeals: readonly FixtureAppeal[]): FixtureAppeal[] =>
  [...appeals].sort((a, b) => b.missingSince.localeCompare(a.missingSince));

/** "1 appeal found for “zephyrine”", "2 appeals found". */
function countText(count: number, q = ''): string {
  const noun = count === 1 ? 'appeal' : 'appeals';
  return q.trim() ? `${count} ${noun} found for “${q.trim()}”` : `${count} ${noun} found`;
}

/** Every filter value among active appeals, as `key=value`. */
const ALL_FILTER_VALUES = [
  ...new Set(ACTIVE.flatMap((a) => FILTER_KEYS.map((key) => `${key}=${a.filters[key]}`))),
].sort();

/** Pagefind's counts: for each value, how many of the current results carry it. */
function expectedLabelCounts(results: readonly FixtureAppeal[]): Record<string, number> {
  return Object.fromEntries(
    ALL_FILTER_VALUES.map((kv) => {
      const [key, value] = kv.split(/=(.*)/s) as [FilterKey, string];
      return [kv, results.filter((a) => a.filters[key] === value).length];
    }),
  );
}

function searchUrl(criteria: Criteria & { sort?: string }): string {
  const params = new URLSearchParams();
  if (criteria.q) params.set('q', criteria.q);
  for (const key of FILTER_KEYS) for (const value of criteria[key] ?? []) params.append(key, value);
  if (criteria.sort) params.set('sort', criteria.sort);
  return `/search/?${params.toString()}`;
}

// ---------------------------------------------------------------------------------------------
// Reading the search page

const PROMPT = 'Type a name, place or description, or choose filters.';
/**
 * How long to wait for the page to catch up: a poll for a state, whose cap only ends a test that will
 * never pass; generous, as Pagefind's first load is slow on a busy 2-core machine.
 */
const WAIT = { timeout: 60_000, interval: 100 };

interface ResultsSnapshot {
  status: string | null;
  loading: number;
  names: string[];
}

function snapshot(page: Page): Promise<ResultsSnapshot> {
  return page.evaluate(() => {
    const statuses = [...document.querySelectorAll('#search-app [role="status"]')];
    const cards = [...document.querySelectorAll('#search-app li.search-result')];
    return {
      status:
        statuses.length === 1
          ? (statuses[0]!.textContent ?? '').trim()
          : `${statuses.length} status elements`,
      loading: cards.filter((card) => card.classList.contains('search-result--loading')).length,
      names: cards
        .filter((card) => !card.classList.contains('search-result--loading'))
        .map((card) => card.querySelector('h3 a')?.textContent?.trim() ?? '(card without an h3 link)'),
    };
  });
}

/** Waits until the page shows exactly these results (in this order when `ordered`) and this count. */
async function expectResults(
  page: Page,
  expected: { status: string; names: string[] },
  ordered = false,
): Promise<void> {
  const sortUnlessOrdered = (list: string[]) => (ordered ? list : [...list].sort());
  await expect
    .poll(async () => {
      const seen = await snapshot(page);
      return { ...seen, names: sortUnlessOrdered(seen.names) };
    }, WAIT)
    .toEqual({ status: expected.status, loading: 0, names: sortUnlessOrdered(expected.names) });
}

/**
 * Waits until the search for `q` has finished (the count names `q` and every card is drawn) and
 * returns what it shows, for a soft assertion that lets the rest of a test run.
 */
async function settledSnapshot(page: Page, q: string): Promise<ResultsSnapshot> {
  let seen: ResultsSnapshot = { status: null, loading: 0, names: [] };
  await expect
    .poll(async () => {
      seen = await snapshot(page);
      const count = /^(\d+) appeals? found/.exec(seen.status ?? '');
      return (
        !!count &&
        (seen.status ?? '').endsWith(`for “${q}”`) &&
        seen.loading === 0 &&
        (Number(count[1]) === 0) === (seen.names.length === 0)
      );
    }, WAIT)
    .toBe(true);
  return seen;
}

/** Expects what `criteria` should find in the fixture, with the count text. */
async function expectMatches(
  page: Page,
  criteria: Criteria,
  ordered?: FixtureAppeal[],
): Promise<FixtureAppeal[]> {
  const matches = ordered ?? expectedMatches(criteria);
  await expectResults(
    page,
    { status: countText(matches.length, criteria.q), names: names(matches) },
    ordered !== undefined,
  );
  return matches;
}

/** Each checkbox as `key=value`, with the count its label shows (null when it shows none). */
function labelCounts(page: Page): Promise<Record<string, number | null>> {
  return page.locator('#search-app input[type="checkbox"]').evaluateAll((inputs) =>
    Object.fromEntries(
      inputs.map((element) => {
        const input = element as HTMLInputElement;
        const label = input.labels?.[0]?.textContent ?? '';
        const match = /\((\d+)\)\s*$/.exec(label);
        return [`${input.name}=${input.value}`, match ? Number(match[1]) : null];
      }),
    ),
  );
}

function checkedBoxes(page: Page): Promise<string[]> {
  return page
    .locator('#search-app input[type="checkbox"]:checked')
    .evaluateAll((inputs) =>
      inputs
        .map((element) => `${(element as HTMLInputElement).name}=${(element as HTMLInputElement).value}`)
        .sort(),
    );
}

/** The URL's search state as sorted `key=value` pairs, so order does not matter. */
function urlState(url: string): string[] {
  return [...new URL(url).searchParams].map(([key, value]) => `${key}=${value}`).sort();
}

const pagefindRequests = (problems: PageProblems): string[] =>
  problems.requests.filter((url) => new URL(url).pathname.startsWith('/pagefind/'));

// ---------------------------------------------------------------------------------------------

describeBrowser('search in Chromium, with the strict CSP', () => {
  let browser: Browser;
  let server: StaticServer;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startStaticServer(inject('fixtureDist'), { headers: { ...PINNED_SECURITY_HEADERS } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    await browser?.close();
    await server?.close();
  });

  async function newPage(
    origin: string,
    options: BrowserContextOptions = {},
  ): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    return { context, page, problems: watchPage(page, origin) };
  }

  async function open(
    urlPath: string,
    options: BrowserContextOptions = {},
  ): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
    const opened = await newPage(server.url, options);
    const response = await opened.page.goto(server.url + urlPath);
    expect(response?.status(), `HTTP status of ${urlPath}`).toBe(200);
    return opened;
  }

  function expectNoProblems(problems: PageProblems): void {
    expect(problems.cspViolations, 'CSP violations').toEqual([]);
    expect(problems.consoleErrors, 'console errors').toEqual([]);
    expect(problems.pageErrors, 'uncaught page errors').toEqual([]);
    expect(problems.foreignRequests, 'requests to other origins').toEqual([]);
    // ERR_ABORTED is the test navigating away while a request (a favicon, a fragment) was in flight;
    // a request the CSP blocks fails as ERR_BLOCKED_BY_CSP and is reported in the console too.
    expect(
      problems.failedRequests.filter((line) => !line.endsWith(': net::ERR_ABORTED')),
      'failed requests',
    ).toEqual([]);
    expect(problems.errorResponses, 'error responses').toEqual([]);
  }

  it('finds an appeal by name, with its thumbnail, age, missing since and last seen on the card', async () => {
    const { page, problems } = await open('/search/');
    await page.fill('#search-q', 'Zephyrine');
    const matches = await expectMatches(page, { q: 'Zephyrine' });
    expect(matches[0]?.id).toBe(ZEPHYRINE.id);
    await expect.poll(() => page.url(), WAIT).toBe(`${server.url}/search/?q=Zephyrine`);

    const card = page.locator('li.search-result').first();
    expect(await card.locator('h3 a').textContent()).toBe(ZEPHYRINE.name);
    expect(await card.locator('h3 a').getAttribute('href')).toBe(`/appeals/${ZEPHYRINE.id}/`);

    const img = card.locator('img');
    expect(await img.count(), 'one thumbnail on the card').toBe(1);
    await img.scrollIntoViewIfNeeded();
    await expect
      .poll(
        () => img.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0),
        WAIT,
      )
      .toBe(true);
    const thumbnail = await img.evaluate((element: HTMLImageElement) => ({
      src: new URL(element.currentSrc || element.src).pathname,
      naturalWidth: element.naturalWidth,
    }));
    // A small optimised WebP from the site's own build output (not the 900 px original).
    expect(thumbnail.src, 'an optimised WebP thumbnail').toMatch(/^\/_[a-z]+\/[^/]+\.webp$/);
    expect(thumbnail.src, 'no name in the photo file name').not.toMatch(/zephyrine|quillfeather/i);
    expect(thumbnail.naturalWidth).toBeGreaterThan(0);
    expect(thumbnail.naturalWidth, 'a thumbnail, not the full photo').toBeLessThanOrEqual(240);

    const facts = await card
      .locator('.appeal-card__facts > div')
      .evaluateAll(
        (rows) =>
          Object.fromEntries(
            rows.map((row) => [
              row.querySelector('dt')?.textContent?.trim(),
              row.querySelector('dd')?.textContent?.trim(),
            ]),
          ) as Record<string, string | undefined>,
      );
    expect(facts).toEqual({
      'Age now': ZEPHYRINE.ageNowText,
      'Missing since': ZEPHYRINE.missingSinceText,
      'Last seen': `${ZEPHYRINE.town}, ${ZEPHYRINE.filters.region}`,
    });
    expectNoProblems(problems);
  });

  it('searches in Welsh on /cy/search/: the Welsh index, Welsh words on the card, links to the Welsh page', async () => {
    const { page, problems } = await open('/cy/search/');
    const indexes: string[] = [];
    page.on('request', (request) => {
      const meta = /pagefind\.([a-z-]+)_[0-9a-f]+\.pf_meta$/.exec(new URL(request.url()).pathname);
      if (meta) indexes.push(meta[1]!);
    });
    await page.fill('#search-q', 'Zephyrine');
    const status = page.locator('.search-results__count');
    await expect.poll(() => status.textContent(), WAIT).toBe('Canfuwyd 1 apêl ar gyfer “Zephyrine”');
    await expect.poll(() => page.url(), WAIT).toBe(`${server.url}/cy/search/?q=Zephyrine`);
    const card = page.locator('li.search-result').first();
    await card.locator('h3 a').waitFor(WAIT);
    expect(await card.locator('h3 a').textContent()).toBe(ZEPHYRINE.name);
    expect(await card.locator('h3 a').getAttribute('href')).toBe(`/cy/appeals/${ZEPHYRINE.id}/`);
    const facts = await card
      .locator('.appeal-card__facts > div')
      .evaluateAll((rows) =>
        rows.map((row) => [
          row.querySelector('dt')?.textContent?.trim(),
          row.querySelector('dd')?.textContent?.trim(),
        ]),
      );
    expect(Object.fromEntries(facts)).toEqual({
      'Oed nawr': '14 oed',
      'Ar goll ers': '1 Mai 2026 am 6:30yh',
      // The region by its Welsh name where the settings give one.
      'Gwelwyd ddiwethaf': `${ZEPHYRINE.town}, ${SETTINGS.regions.find((r) => r.id === ZEPHYRINE.regionId)?.welshName ?? ZEPHYRINE.filters.region}`,
    });
    // Only the Welsh index was loaded, from every shard.
    expect(indexes.length).toBeGreaterThan(0);
    expect([...new Set(indexes)]).toEqual(['cy']);
    // The filters are in Welsh too, and filter the Welsh index.
    await page.locator('label', { hasText: 'Benyw' }).first().click();
    await expect.poll(() => page.url(), WAIT).toContain('sex=Benyw');
    await expect.poll(() => status.textContent(), WAIT).toBe('Canfuwyd 1 apêl ar gyfer “Zephyrine”');
    expectNoProblems(problems);
  });

  it('finds appeals by town and by region, in words or with the region filter', async () => {
    const { page, problems } = await open(searchUrl({ q: 'Brambleford' }));
    const byTown = await expectMatches(page, { q: 'Brambleford' });
    expect(byTown.map((a) => a.id)).toEqual([TOBIAH.id]);

    await page.fill('#search-q', 'Hollowmere');
    const byOtherTown = await expectMatches(page, { q: 'Hollowmere' });
    expect(byOtherTown.map((a) => a.id)).toEqual([ODALYS.id]);

    for (const regionWord of ['London', 'Yorkshire']) {
      await page.fill('#search-q', regionWord);
      const inRegion = await expectMatches(page, { q: regionWord });
      expect(inRegion.length, `fixture has an appeal in ${regionWord}`).toBeGreaterThan(0);
    }

    const region = ZEPHYRINE.filters.region;
    await page.goto(server.url + searchUrl({ region: [region] }));
    const byFilter = await expectMatches(page, { region: [region] });
    expect(byFilter.map((a) => a.id)).toEqual([ZEPHYRINE.id]);
    expect(await checkedBoxes(page)).toEqual([`region=${region}`]);
    expectNoProblems(problems);
  });

  it('finds nothing for a name that is on no appeal, rather than an unrelated child', async () => {
    const { page, problems } = await open('/search/');
    // Common first names that no fixture appeal contains, even as the start of a word. Each
    // begins with a short word that is in the appeals ("is", "the", "to").
    for (const q of ['Isabella', 'Theodore', 'Tommy']) {
      // Pagefind matches each word as a prefix (typing "Zeph" finds Zephyrine), so the fair
      // expectation is appeals with a word starting with every query word: none, for these.
      const prefixMatches = ACTIVE.filter((a) =>
        a.words
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .some((word) => word.startsWith(q.toLowerCase())),
      );
      expect(prefixMatches, `no fixture word starts with "${q}"`).toEqual([]);
      await page.fill('#search-q', q);
      expect
        .soft(await settledSnapshot(page, q), `search for "${q}"`)
        .toEqual({ status: countText(0, q), loading: 0, names: [] });
    }
    expectNoProblems(problems);
  });

  it('counts each filter against the content, and shows per-value counts of the current results', async () => {
    const { page, problems } = await open('/search/');
    // Focusing the form loads Pagefind; once the filters are in use (here, focused) each value
    // shows its total before any search.
    await page.focus('#search-q');
    await expectResults(page, { status: PROMPT, names: [] });
    await page.focus('#search-app input[type="checkbox"]');
    await expect.poll(() => labelCounts(page), WAIT).toEqual(expectedLabelCounts(ACTIVE));

    const single: Criteria[] = [
      { sex: ['Female'] },
      { sex: ['Male'] },
      { region: ['London'] },
      { year: ['2026'] },
      { force: ['Fixture Police'] },
      { age: ['12 to 14'] },
      { age: ['15 to 17'] },
    ];
    // Spot-check the fixture arithmetic against the numbers, so a fixture edit is noticed.
    expect(single.map((criteria) => expectedMatches(criteria).length)).toEqual([2, 1, 1, 2, 1, 1, 2]);
    const combined: Criteria[] = [
      { sex: ['Female'], age: ['15 to 17'] }, // all groups must match
      { region: ['London', 'North West'] }, // any value within a group
      { q: 'fictional', year: ['2019'] }, // words and filters together
    ];
    for (const criteria of [...single, ...combined]) {
      await page.goto(server.url + searchUrl(criteria));
      const matches = await expectMatches(page, criteria);
      await expect.poll(() => labelCounts(page), WAIT).toEqual(expectedLabelCounts(matches));
      const wanted = FILTER_KEYS.flatMap((key) =>
        (criteria[key] ?? []).map((value) => `${key}=${value}`),
      ).sort();
      expect(await checkedBoxes(page), `checked boxes for ${searchUrl(criteria)}`).toEqual(wanted);
    }

    // Now by clicking: the URL follows each box.
    await page.goto(`${server.url}/search/`);
    await page.check('#search-app input[name="sex"][value="Female"]');
    await expect.poll(() => urlState(page.url()), WAIT).toEqual(['sex=Female']);
    await expectMatches(page, { sex: ['Female'] });
    await page.check('#search-app input[name="year"][value="2026"]');
    await expect.poll(() => urlState(page.url()), WAIT).toEqual(['sex=Female', 'year=2026']);
    const both = await expectMatches(page, { sex: ['Female'], year: ['2026'] });
    expect(both.map((a) => a.id)).toEqual([ZEPHYRINE.id]);
    await page.uncheck('#search-app input[name="sex"][value="Female"]');
    await expect.poll(() => urlState(page.url()), WAIT).toEqual(['year=2026']);
    await expectMatches(page, { year: ['2026'] });

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.url(), WAIT).toBe(`${server.url}/search/`);
    await expectResults(page, { status: PROMPT, names: [] });
    expect(await checkedBoxes(page)).toEqual([]);
    expectNoProblems(problems);
  });

  it('sorts by missing since, newest or oldest first, across the shards of the index', async () => {
    const q = 'fictional';
    const all = expectedMatches({ q });
    expect(all.length, `every fixture appeal says "${q}"`).toBe(ACTIVE.length);
    const newest = newestFirst(all);
    expect(
      newest.map((a) => a.id),
      'fixture order by missing since',
    ).toEqual([TOBIAH.id, ZEPHYRINE.id, ODALYS.id]);
    // The order must come from merging shards: the test build has one shard per appeal.
    const layout = JSON.parse(
      readFileSync(path.join(inject('fixtureDist'), 'pagefind', 'shards.json'), 'utf8'),
    ) as { shards: string[] };
    expect(layout.shards.length, 'a search index in several shards').toBeGreaterThan(1);

    const { page, problems } = await open(searchUrl({ q, sort: 'newest' }));
    await expectMatches(page, { q }, newest);
    expect(await page.inputValue('#search-sort')).toBe('newest');

    await page.selectOption('#search-sort', 'oldest');
    await expect.poll(() => urlState(page.url()), WAIT).toEqual([`q=${q}`, 'sort=oldest']);
    await expectMatches(page, { q }, [...newest].reverse());

    // Sorting by name was dropped (each sort key weighs on every first search); old links fall back.
    await page.goto(server.url + searchUrl({ q, sort: 'name' }));
    await expectMatches(page, { q });
    expect(await page.inputValue('#search-sort')).toBe('relevance');
    expect(await page.locator('#search-sort option').allTextContents()).toEqual([
      'Best match',
      'Missing since (newest first)',
      'Missing since (oldest first)',
    ]);

    // Sorting applies to filter-only searches too.
    await page.goto(server.url + searchUrl({ sex: ['Female'], sort: 'oldest' }));
    await expectMatches(
      page,
      { sex: ['Female'] },
      [...newestFirst(expectedMatches({ sex: ['Female'] }))].reverse(),
    );
    expectNoProblems(problems);
  });

  it('restores a search from its URL on reload, and Back returns to the previous query', async () => {
    const criteria: Criteria & { sort: string } = { q: 'fictional', sex: ['Female'], sort: 'oldest' };
    const expected = newestFirst(expectedMatches(criteria)).reverse();
    const { page, problems } = await open(searchUrl(criteria));
    const check = async () => {
      await expectMatches(page, criteria, expected);
      expect(await page.inputValue('#search-q')).toBe(criteria.q);
      expect(await checkedBoxes(page)).toEqual(['sex=Female']);
      expect(await page.inputValue('#search-sort')).toBe('oldest');
    };
    await check();
    await page.waitForLoadState('networkidle');
    await page.reload();
    await check();
    expect(urlState(page.url())).toEqual(urlState(server.url + searchUrl(criteria)));

    await page.goto(server.url + searchUrl({ q: 'Zephyrine' }));
    await expectMatches(page, { q: 'Zephyrine' });
    await page.fill('#search-q', 'Tobiah');
    await expect.poll(() => page.url(), WAIT).toBe(`${server.url}/search/?q=Tobiah`);
    await expectMatches(page, { q: 'Tobiah' });
    await page.waitForLoadState('networkidle');

    await page.goBack();
    await expect.poll(() => page.url(), WAIT).toBe(`${server.url}/search/?q=Zephyrine`);
    await expectMatches(page, { q: 'Zephyrine' });
    expect(await page.inputValue('#search-q')).toBe('Zephyrine');

    await page.goForward();
    await expect.poll(() => page.url(), WAIT).toBe(`${server.url}/search/?q=Tobiah`);
    await expectMatches(page, { q: 'Tobiah' });
    expect(await page.inputValue('#search-q')).toBe('Tobiah');
    expectNoProblems(problems);
  });

  it('adds no history entry of its own when opening a linked search, so Back leaves the search page', async () => {
    const { page, problems } = await open('/');
    // The same search written in another order, and one with a trailing space from the header box.
    for (const linked of ['/search/?sort=oldest&q=fictional', '/search/?q=Brambleford+']) {
      await page.goto(`${server.url}/`);
      await page.goto(server.url + linked);
      await expect.poll(async () => (await snapshot(page)).status, WAIT).toMatch(/found/);
      await page.waitForLoadState('networkidle');
      await page.goBack();
      // Back lands on the home page; with an entry of the search's own, it would stay on the search.
      await expect
        .poll(() => page.url(), {
          ...WAIT,
          message: `URL after Back from ${linked} (opened from the home page)`,
        })
        .toBe(`${server.url}/`);
      await page.locator('#header-search-q').waitFor();
    }
    expectNoProblems(problems);
  });

  it('sends the header search on the home page to /search/?q=… with results', async () => {
    const { page, problems } = await open('/');
    await page.fill('#header-search-q', 'Brambleford');
    await page.press('#header-search-q', 'Enter');
    await page.waitForURL(`${server.url}/search/?q=Brambleford`);
    const matches = await expectMatches(page, { q: 'Brambleford' });
    expect(matches.map((a) => a.id)).toEqual([TOBIAH.id]);
    expect(await page.inputValue('#search-q')).toBe('Brambleford');
    // The header form is on every page, the search page included.
    expect(
      await page
        .locator('form.header-search[action="/search/"][method="get"] #header-search-q[name="q"]')
        .count(),
    ).toBe(1);
    expectNoProblems(problems);
  });

  it('works from the keyboard alone, announcing the count in the status element', async () => {
    const { page, problems } = await open('/search/');
    const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
    let presses = 0;
    while ((await activeId()) !== 'search-q') {
      expect(presses++, 'Tab reaches the search input').toBeLessThan(40);
      await page.keyboard.press('Tab');
    }
    const q = 'fictional';
    await page.keyboard.type(q, { delay: 40 });
    const status = page.locator('#search-app').getByRole('status');
    expect(await status.count(), 'one status element').toBe(1);
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await expectMatches(page, { q });

    presses = 0;
    while (
      !(await page.evaluate(
        () =>
          document.activeElement instanceof HTMLInputElement && document.activeElement.type === 'checkbox',
      ))
    ) {
      expect(presses++, 'Tab reaches a filter checkbox').toBeLessThan(10);
      await page.keyboard.press('Tab');
    }
    const box = await page.evaluate(() => {
      const input = document.activeElement as HTMLInputElement;
      return { id: input.id, key: input.name as FilterKey, value: input.value };
    });
    await page.keyboard.press('Space');
    const criteria: Criteria = { q, [box.key]: [box.value] };
    const matches = expectedMatches(criteria);
    expect(matches.length, 'the first filter narrows the results').toBeLessThan(
      expectedMatches({ q }).length,
    );
    await expectMatches(page, criteria);
    expect((await status.textContent())?.trim()).toBe(countText(matches.length, q));
    expect(await activeId(), 'focus stays on the checkbox').toBe(box.id);
    expect(await page.isChecked(`#${box.id}`)).toBe(true);
    await expect.poll(() => urlState(page.url()), WAIT).toEqual([`${box.key}=${box.value}`, `q=${q}`].sort());
    expectNoProblems(problems);
  });

  it('on a phone (390 px), shows a name search’s first result on the first screen, with the filters behind “Filter”', async () => {
    const { page, problems } = await open(searchUrl({ q: ZEPHYRINE.name.split(' ')[0]! }), {
      viewport: { width: 390, height: 844 },
    });
    await expectMatches(page, { q: ZEPHYRINE.name.split(' ')[0]! });
    const firstTop = await page
      .locator('#search-app .card-list--results > li')
      .first()
      .evaluate((card) => card.getBoundingClientRect().top + window.scrollY);
    expect(firstTop, 'first result, in px from the top of the page').toBeLessThan(900);

    const toggle = page.locator('#search-app summary', { hasText: 'Filter' });
    const box = page.locator('#search-app input[name="sex"][value="Female"]');
    expect(await toggle.isVisible(), '“Filter” control shown').toBe(true);
    expect(await box.isVisible(), 'filters folded away').toBe(false);
    // The control is a native <details>: the keyboard opens it, with no script of the site's.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => box.isVisible(), WAIT).toBe(true);
    await box.check();
    await expect.poll(() => urlState(page.url()), WAIT).toEqual(['q=Zephyrine', 'sex=Female']);
    await expectMatches(page, { q: 'Zephyrine', sex: ['Female'] });

    // A search that arrives with filters shows them.
    await page.goto(server.url + searchUrl({ region: ['London'] }));
    await expectMatches(page, { region: ['London'] });
    expect(await page.locator('#search-app input[name="region"][value="London"]').isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/i22-map-e2e-search-390.png', fullPage: true });
    expectNoProblems(problems);
  });

  it('on a phone (375 px), never scrolls sideways in either language, however long the sort names', async () => {
    for (const path of ['/search/?q=Zephyrine', '/cy/search/?q=Zephyrine']) {
      const { page, problems } = await open(path, { viewport: { width: 375, height: 800 } });
      await page.locator('#search-app .card-list--results > li').first().waitFor({ timeout: 60_000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `sideways scrolling on ${path}`).toBeLessThanOrEqual(0);
      expectNoProblems(problems);
    }
  });

  it('on a wide screen, shows the filters beside the results with no control to open', async () => {
    const { page, problems } = await open(searchUrl({ q: 'fictional' }), {
      viewport: { width: 1280, height: 800 },
    });
    await expectMatches(page, { q: 'fictional' });
    expect(await page.locator('#search-app summary', { hasText: 'Filter' }).isVisible()).toBe(false);
    const box = page.locator('#search-app input[name="sex"][value="Female"]');
    expect(await box.isVisible()).toBe(true);
    const filters = await page.locator('#search-app .search-filters__group').first().boundingBox();
    const results = await page.locator('#search-app .search-results').boundingBox();
    expect(filters!.x + filters!.width, 'filters to the left of the results').toBeLessThanOrEqual(results!.x);
    expectNoProblems(problems);
  });

  const axePages: Array<{ path: string; ready: (page: Page) => Promise<void> }> = [
    {
      path: searchUrl({ q: 'fictional' }),
      ready: async (page) => void (await expectMatches(page, { q: 'fictional' })),
    },
    {
      path: searchUrl({ q: 'nomatchxyz' }),
      ready: async (page) => {
        await expectResults(page, { status: countText(0, 'nomatchxyz'), names: [] });
        const help = page.locator('.search-help');
        expect(await help.isVisible(), 'no-results help is shown').toBe(true);
        const text = (await help.textContent()) ?? '';
        expect(text).toContain(SETTINGS.phones.police);
        expect(text).toContain(SETTINGS.phones.helpline);
      },
    },
    {
      path: '/appeals/region/london/',
      ready: async (page) => {
        const listed = await page.locator('main .appeal-card__name a').allTextContents();
        expect(listed.map((t) => t.trim())).toEqual(names(ACTIVE.filter((a) => a.regionId === 'london')));
      },
    },
  ];
  for (const { path: urlPath, ready } of axePages) {
    it(`has no WCAG 2.2 A/AA violations (axe-core): ${urlPath}`, async () => {
      const { page, problems } = await open(urlPath);
      await ready(page);
      await page.evaluate(async () => {
        for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
          window.scrollTo(0, y);
          await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
        }
      });
      await page.waitForLoadState('networkidle');
      const violations = await runAxe(page);
      expect(violations.length, `axe violations on ${urlPath}:\n\n${formatViolations(violations)}`).toBe(0);
      expectNoProblems(problems);
    });
  }

  it('works without JavaScript: a working form, a link to all appeals and to every region listing', async () => {
    const { page, problems } = await open('/search/', { javaScriptEnabled: false });
    const form = page.locator('#search-app form[role="search"]');
    expect(await form.getAttribute('action')).toBe('/search/');
    expect((await form.getAttribute('method'))?.toLowerCase()).toBe('get');
    const input = form.locator('input[name="q"]');
    expect(await input.isVisible()).toBe(true);
    const inputId = await input.getAttribute('id');
    expect(await page.locator(`label[for="${inputId}"]`).textContent()).toMatch(/\S/);

    expect(await page.locator('#search-app a[href="/appeals/"]').count(), 'link to all appeals').toBe(1);
    const regionLinks = await page.locator('#search-app a[href^="/appeals/region/"]').evaluateAll((anchors) =>
      anchors.map((a) => ({
        href: a.getAttribute('href'),
        text: a.textContent?.trim(),
        item: a.closest('li')?.textContent?.replace(/\s+/g, ' ').trim(),
      })),
    );
    expect(regionLinks).toEqual(
      SETTINGS.regions.map((region) => {
        const count = ACTIVE.filter((a) => a.regionId === region.id).length;
        return {
          href: `/appeals/region/${region.id}/`,
          text: region.name,
          item: `${region.name} (${count})`,
        };
      }),
    );

    await input.fill('Zephyrine');
    await input.press('Enter');
    await page.waitForURL(`${server.url}/search/?q=Zephyrine`);
    expect(await page.locator('#search-app form[role="search"] input[name="q"]').isVisible()).toBe(true);

    for (const region of SETTINGS.regions) {
      await page.goto(`${server.url}/search/`);
      await page.click(`#search-app a[href="/appeals/region/${region.id}/"]`);
      await page.waitForURL(`${server.url}/appeals/region/${region.id}/`);
      const listed = await page
        .locator('main .appeal-card__name a')
        .evaluateAll((anchors) =>
          anchors.map((a) => ({ name: a.textContent?.trim(), href: a.getAttribute('href') })),
        );
      const expected = newestFirst(ACTIVE.filter((a) => a.regionId === region.id));
      expect(listed, `appeals listed in ${region.name}`).toEqual(
        expected.map((a) => ({ name: a.name, href: `/appeals/${a.id}/` })),
      );
      expect(await page.locator('h1').textContent()).toContain(region.name);
    }
    expectNoProblems(problems);
  });

  it('loads Pagefind only once the search form is used, and never on the home page', async () => {
    const { page, problems } = await open('/');
    await page.waitForLoadState('networkidle');
    // The home page runs no script that could fetch Pagefind, now or later.
    const homeScripts = problems.requests.filter((url) => /\.m?js(\?|$)/.test(url));
    for (const script of homeScripts)
      expect(await (await page.request.get(script)).text(), script).not.toContain('pagefind');
    await page.focus('#header-search-q');
    await page.keyboard.type('Zephyrine');
    // The home page's life, typing included, ends when the header search is sent: everything it
    // requested comes before the search page it goes to, which then searches with Pagefind.
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/search/?q=Zephyrine`);
    await expectMatches(page, { q: 'Zephyrine' });
    const searchPage = problems.requests.indexOf(`${server.url}/search/?q=Zephyrine`);
    expect(searchPage, 'the search page was requested').toBeGreaterThan(0);
    expect(
      pagefindRequests({ ...problems, requests: problems.requests.slice(0, searchPage) }),
      'Pagefind requests on the home page',
    ).toEqual([]);
    expect(pagefindRequests(problems).length, 'Pagefind requests for the linked search').toBeGreaterThan(0);

    const start = problems.requests.length;
    await page.goto(`${server.url}/search/`);
    await page.waitForLoadState('networkidle');
    // The page's header search box is not the search form: focusing it loads nothing either.
    await page.focus('#header-search-q');
    // A sentinel request, sent once the page's timers queued by the focus have run (the form
    // searches on a zero-delay timer): anything the load or the focus started is requested before it.
    const sentinel = `${server.url}/robots.txt?sentinel`;
    await page.evaluate(async (url) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await fetch(url);
    }, sentinel);
    // The prompt shows once Pagefind has loaded for the form.
    await page.focus('#search-q');
    await expectResults(page, { status: PROMPT, names: [] });
    const search = problems.requests.slice(start);
    const marked = search.indexOf(sentinel);
    expect(marked, 'the sentinel was requested').toBeGreaterThan(0);
    expect(
      pagefindRequests({ ...problems, requests: search.slice(0, marked) }),
      'Pagefind requests before the form is used, its header box focused',
    ).toEqual([]);
    expect(
      pagefindRequests({ ...problems, requests: search.slice(marked) }).length,
      'Pagefind requests once the form is used',
    ).toBeGreaterThan(0);
    expectNoProblems(problems);
  });

  it(
    'indexes no closed appeal: a republish after closing one leaves no trace in search or in dist',
    { timeout: 300_000 },
    async () => {
      mkdirSync(path.join(PROJECT_ROOT, 'test-output'), { recursive: true });
      const workDir = mkdtempSync(path.join(PROJECT_ROOT, 'test-output', 'search-closed-'));
      let closedServer: StaticServer | undefined;
      try {
        const contentDir = await materialiseFixture('basic', workDir);
        const dist = path.join(workDir, 'dist');
        const first = buildSite(contentDir, dist);
        expect(first.status, `first build:\n${first.output}`).toBe(0);

        const needles = [
          TOBIAH.name.split(' ')[0]!,
          TOBIAH.name.split(' ')[1]!,
          TOBIAH.town,
          TOBIAH.reference,
        ];
        expect(needles).toEqual(['Tobiah', 'Wrenfield', 'Brambleford', 'FIX-2026-0102']);

        // Open: he is found, and the scanner sees him (so a clean scan later means something).
        closedServer = await startStaticServer(dist, { headers: { ...PINNED_SECURITY_HEADERS } });
        const before = await newPage(closedServer.url);
        await before.page.goto(`${closedServer.url}/search/?q=Tobiah`);
        await expectMatches(before.page, { q: 'Tobiah' });
        const thumbnail = await before.page.locator('li.search-result img').getAttribute('src');
        expect(thumbnail).toMatch(/^\/_[a-z]+\/[^/]+\.webp$/);
        await before.page.goto(`${closedServer.url}/appeals/${TOBIAH.id}/`);
        const photoUrls = await before.page
          .locator('main picture img, main picture source')
          .evaluateAll((elements) =>
            elements
              .flatMap((element) => [
                element.getAttribute('src'),
                ...(element.getAttribute('srcset') ?? '')
                  .split(',')
                  .map((part) => part.trim().split(/\s+/)[0]),
              ])
              .filter((url): url is string => !!url),
          );
        expect(photoUrls.length).toBeGreaterThan(0);
        expectNoProblems(before.problems);
        await before.context.close();

        const firstScan = scanDist(dist, needles);
        for (const needle of ['Tobiah', 'Wrenfield', 'Brambleford']) {
          expect(
            firstScan.pagefindHits.some((hit) => hit.needle === needle),
            `scanner finds "${needle}" in the open appeal's index`,
          ).toBe(true);
        }
        for (const needle of needles)
          expect(
            firstScan.hits.some((hit) => hit.needle === needle),
            `scanner finds "${needle}" in dist`,
          ).toBe(true);

        // Close the appeal as staff do: a tombstone, and the photos deleted. Republish into the same dist.
        const appealDir = path.join(contentDir, 'appeals', TOBIAH.id);
        for (const file of readdirSync(appealDir)) rmSync(path.join(appealDir, file));
        writeFileSync(
          path.join(appealDir, 'index.md'),
          '---\nstatus: found\nclosedAt: 2026-11-29\npublished: 2026-09-15\nupdated: 2026-11-29\n---\n',
        );
        const second = buildSite(contentDir, dist);
        expect(second.status, `rebuild after closing ${TOBIAH.id}:\n${second.output}`).toBe(0);

        const after = await newPage(closedServer.url);
        for (const q of ['Tobiah', 'Wrenfield', 'Brambleford']) {
          await after.page.goto(`${closedServer.url}${searchUrl({ q })}`);
          // Soft, so that the index and dist scans below still run and report.
          expect
            .soft(await settledSnapshot(after.page, q), `search for "${q}" after ${TOBIAH.id} closed`)
            .toEqual({ status: countText(0, q), loading: 0, names: [] });
        }
        // His filter values are gone from the index too.
        await after.page.goto(`${closedServer.url}${searchUrl({ region: [TOBIAH.filters.region] })}`);
        await expectResults(after.page, { status: countText(0), names: [] });
        await after.page.goto(`${closedServer.url}${searchUrl({ q: 'fictional' })}`);
        await expectResults(after.page, {
          status: countText(ACTIVE.length - 1, 'fictional'),
          names: names(ACTIVE.filter((a) => a.id !== TOBIAH.id)),
        });
        expectNoProblems(after.problems);

        // The URL stays, as a neutral notice.
        const tombstone = await after.context.request.get(`${closedServer.url}/appeals/${TOBIAH.id}/`);
        expect(tombstone.status()).toBe(200);
        // And none of his photos or thumbnails is still served.
        const stillServed: string[] = [];
        for (const url of [thumbnail!, ...photoUrls]) {
          const response = await after.context.request.get(closedServer.url + url);
          if (response.status() !== 404) stillServed.push(`${response.status()} ${url}`);
        }
        expect(stillServed, 'photos of the closed appeal still in dist').toEqual([]);

        const secondScan = scanDist(dist, needles);
        expect(secondScan.pagefindFiles, 'Pagefind files checked').toBeGreaterThan(5);
        expect(
          secondScan.badPagefindFiles,
          'Pagefind .pf_ files that are not gzip with the pagefind_dcd signature',
        ).toEqual([]);
        expect(secondScan.pagefindHits, 'closed appeal in the Pagefind index').toEqual([]);
        expect(secondScan.hits, 'closed appeal anywhere in dist').toEqual([]);
        const fragments = readdirSync(path.join(dist, 'pagefind'))
          .filter((name) => /^s\d+$/.test(name))
          .flatMap((shard) => readdirSync(path.join(dist, 'pagefind', shard, 'fragment')));
        // One per active appeal in each language: its English and its Welsh page.
        expect(
          fragments.length,
          `one Pagefind fragment per active appeal and language (${fragments.join(', ')})`,
        ).toBe((ACTIVE.length - 1) * 2);
      } finally {
        await closedServer?.close();
        rmSync(workDir, { recursive: true, force: true });
      }
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Scanning a built site for strings

interface Hit {
  needle: string;
  file: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/**
 * Looks for each needle (case-insensitively: Pagefind stores words in lower case) in every file
 * under `dist` and in its path, decompressing gzip files first. Pagefind's `.pf_*` files must be
 * gzip and start with `pagefind_dcd` once decompressed.
 */
function scanDist(
  dist: string,
  needles: readonly string[],
): { hits: Hit[]; pagefindHits: Hit[]; pagefindFiles: number; badPagefindFiles: string[] } {
  const hits: Hit[] = [];
  const pagefindHits: Hit[] = [];
  const badPagefindFiles: string[] = [];
  let pagefindFiles = 0;
  for (const file of walk(dist)) {
    const relative = path.relative(dist, file);
    const inPagefind = relative.startsWith(`pagefind${path.sep}`);
    let bytes: Buffer = readFileSync(file);
    const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
    if (gzipped) {
      try {
        bytes = gunzipSync(bytes);
      } catch {
        if (inPagefind) badPagefindFiles.push(`${relative}: gzip header but does not decompress`);
      }
    }
    if (inPagefind) {
      pagefindFiles += 1;
      if (
        /\.pf_[a-z]+$/.test(file) &&
        (!gzipped || !bytes.subarray(0, 12).toString('latin1').startsWith('pagefind_dcd'))
      ) {
        badPagefindFiles.push(relative);
      }
    }
    const text = `${relative}\n${bytes.toString('latin1')}`.toLowerCase();
    for (const needle of needles) {
      if (!text.includes(needle.toLowerCase())) continue;
      hits.push({ needle, file: relative });
      if (inPagefind) pagefindHits.push({ needle, file: relative });
    }
  }
  return { hits, pagefindHits, pagefindFiles, badPagefindFiles };
}
