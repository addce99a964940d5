// The built site in both languages (issue 22): every page has its twin, each says its language and
// links to the other, Welsh pages carry no English interface text, and the sitemap, feeds, search
// index and page budgets cover Welsh too. Reads the fixture build (tests/helpers/global-setup.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { pageWeight } from '../../scripts/lib/bench/page-weight.ts';

const dist = inject('fixtureDist');
const SITE = 'https://appeals.example.org';
const URGENT = { id: '2026-0101', name: 'Zephyrine Quillfeather' };
const CLOSED_ID = '2026-0103';
const STRINGS_DIR = path.resolve(import.meta.dirname, '../../src/lib/i18n/strings');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}
const read = (rel: string) => readFileSync(path.join(dist, rel), 'utf8');
const doc = (rel: string) => parse(read(rel));
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The site path of a built HTML file: "cy/help/index.html" → "/cy/help/". */
const urlPathOf = (rel: string) => (rel === '404.html' ? '/404/' : `/${rel.replace(/index\.html$/, '')}`);
/** The Welsh twin of an English page's file; the English 404 page is Astro's special `404.html`. */
const welshFileOf = (rel: string) => (rel === '404.html' ? 'cy/404/index.html' : `cy/${rel}`);

/** Every English interface string of more than 12 characters, from every area's dictionary. */
async function englishInterfaceStrings(): Promise<string[]> {
  const values: string[] = [];
  for (const file of readdirSync(STRINGS_DIR).filter((f) => f.endsWith('.ts'))) {
    const module = (await import(path.join(STRINGS_DIR, file))) as Record<string, unknown>;
    for (const exported of Object.values(module)) {
      const en = (exported as { en?: Record<string, unknown> }).en;
      if (!en) continue;
      for (const value of Object.values(en))
        if (typeof value === 'string' && value.trim().length > 12) values.push(squash(value));
    }
  }
  return values;
}

/** A page's visible text, without anything marked as English (`lang="en…"`), scripts and styles. */
function textOutsideEnglish(root: HTMLElement): string {
  const copy = parse(root.toString());
  for (const el of copy.querySelectorAll('script, style, [lang]'))
    if (
      el.tagName !== 'HTML' &&
      (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || /^en/i.test(el.getAttribute('lang') ?? ''))
    )
      el.remove();
  // The search page's template is real interface text: read its content too.
  return squash(copy.querySelector('body')?.textContent ?? '');
}

const englishLeftIn = (page: string, strings: readonly string[]) => strings.filter((s) => page.includes(s));

let htmlFiles: string[] = [];
let english: string[] = [];
beforeAll(async () => {
  htmlFiles = walk(dist)
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.relative(dist, f).split(path.sep).join('/'))
    .sort();
  english = await englishInterfaceStrings();
});

const englishPages = () => htmlFiles.filter((f) => !f.startsWith('cy/'));
const welshPages = () => htmlFiles.filter((f) => f.startsWith('cy/'));

describe('both languages', () => {
  it('builds a Welsh twin under /cy/ for every English page, and nothing Welsh without an English twin', () => {
    expect(englishPages().length).toBeGreaterThan(15);
    const missing = englishPages().filter((f) => !htmlFiles.includes(welshFileOf(f)));
    expect(missing, 'English pages without a Welsh twin').toEqual([]);
    const orphans = welshPages().filter(
      (f) => !htmlFiles.includes(f === 'cy/404/index.html' ? '404.html' : f.slice(3)),
    );
    expect(orphans, 'Welsh pages without an English twin').toEqual([]);
    expect(welshPages()).toHaveLength(englishPages().length);
  });

  it('marks each page with its language: en-GB in English, cy in Welsh', () => {
    // Nothing stray before the page itself (text in <head> would show at the top of every page).
    for (const f of htmlFiles)
      expect(
        read(f)
          .split('<body')[0]!
          .replace(/<title>.*?<\/title>/, ''),
        f,
      ).not.toMatch(/>\s*[^<\s]/);
    for (const f of htmlFiles)
      expect(doc(f).querySelector('html')?.getAttribute('lang'), f).toBe(
        f.startsWith('cy/') ? 'cy' : 'en-GB',
      );
  });

  it('links every page to both twins with hreflang, English as x-default, and switches to the other language', () => {
    let checked = 0;
    for (const f of htmlFiles) {
      const page = doc(f);
      const select = page.querySelector('.language-select');
      // The poster and the embed have no site header: they are printed or framed elsewhere.
      if (!select) continue;
      checked++;
      const welsh = f.startsWith('cy/');
      const unlocalised = welsh ? urlPathOf(f).slice(3) : urlPathOf(f);
      // The not-found page is served at any missing address: it points to the home pages.
      const englishPath = unlocalised === '/404/' ? '/' : unlocalised;
      const welshPath = `/cy${englishPath}`;
      const alternates: Record<string, string | undefined> = Object.fromEntries(
        page
          .querySelectorAll('link[rel="alternate"][hreflang]')
          .map((l) => [l.getAttribute('hreflang') ?? '', l.getAttribute('href')]),
      );
      expect(alternates, f).toEqual({
        'en-GB': `${SITE}${englishPath}`,
        cy: `${SITE}${welshPath}`,
        'x-default': `${SITE}${englishPath}`,
      });
      const link = select.querySelectorAll('a');
      expect(link, `${f}: one link, to the other language`).toHaveLength(1);
      expect(link[0]!.getAttribute('href'), f).toBe(welsh ? englishPath : welshPath);
      expect(link[0]!.getAttribute('hreflang'), f).toBe(welsh ? 'en-GB' : 'cy');
      expect(link[0]!.getAttribute('lang'), f).toBe(welsh ? 'en-GB' : 'cy');
      expect(squash(select.querySelector('[aria-current]')?.textContent ?? ''), f).toBe(
        welsh ? 'Cymraeg' : 'English',
      );
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('the English-string check finds English on English pages (so it can fail)', () => {
    expect(english.length).toBeGreaterThan(100);
    expect(englishLeftIn(textOutsideEnglish(doc('index.html')), english).length).toBeGreaterThan(5);
    expect(
      englishLeftIn(textOutsideEnglish(doc(`appeals/${URGENT.id}/index.html`)), english).length,
    ).toBeGreaterThan(10);
  });

  it('leaves no English interface text on a Welsh page, outside text marked lang="en"', () => {
    const found = welshPages().flatMap((f) =>
      englishLeftIn(textOutsideEnglish(doc(f)), english).map((s) => `${f}: "${s}"`),
    );
    expect(found).toEqual([]);
  });

  it('shows an appeal on its Welsh page in Welsh, with the English appeal text marked and a notice', () => {
    const page = doc(`cy/appeals/${URGENT.id}/index.html`);
    const facts = Object.fromEntries(
      page
        .querySelectorAll('.facts div')
        .map((row) => [
          squash(row.querySelector('dt')?.textContent ?? ''),
          squash(row.querySelector('dd')?.textContent ?? ''),
        ]),
    );
    expect(facts).toMatchObject({
      'Oed pan aeth ar goll': '14 oed',
      'Oed nawr': '14 oed',
      Rhyw: 'Benyw',
      'Ar goll ers': '1 Mai 2026 am 6:30yh',
      'Ar goll am': '212 diwrnod',
      Taldra: '5 ft 2 in (157 cm)',
    });
    const circumstances = page.querySelector('.appeal__circumstances')!;
    expect(squash(circumstances.querySelector('[lang="en"]')?.textContent ?? '')).toContain(
      'did not arrive at her friend’s house',
    );
    expect(squash(circumstances.querySelector('.appeal-text__notice')?.textContent ?? '')).toMatch(/Gymraeg/);
    for (const dd of page.querySelectorAll('.facts--description dd'))
      expect(dd.getAttribute('lang')).toBe('en');
    expect(page.querySelector('.appeal-photo--main img')?.getAttribute('lang')).toBe('en');
    // The English page marks nothing: it is all in the page's language.
    const englishPage = doc(`appeals/${URGENT.id}/index.html`);
    expect(englishPage.querySelector('.appeal__circumstances [lang]')).toBeNull();
    expect(englishPage.querySelector('.appeal-text__notice')).toBeNull();
  });

  it('names a region in Welsh on Welsh pages where the settings give a Welsh name, else in English marked so', () => {
    // The fixture's settings give North West a Welsh name and London none.
    const WELSH = 'Gogledd-orllewin Lloegr';
    const link = (rel: string, selector: string) => {
      const el = doc(rel).querySelector(selector);
      return { text: squash(el?.textContent ?? ''), lang: el?.getAttribute('lang') };
    };
    for (const [page, north, london] of [
      ['map/index.html', '[data-region="north-west"] a', '[data-region="london"] a'],
      ['search/index.html', '.region-list a[href$="/north-west/"]', '.region-list a[href$="/london/"]'],
      ['alerts/index.html', 'label[for="region-north-west"]', 'label[for="region-london"]'],
      ['press/index.html', 'a[href$="/regions/north-west.xml"]', 'a[href$="/regions/london.xml"]'],
    ] as const) {
      expect(link(`cy/${page}`, north), page).toEqual({ text: WELSH, lang: undefined });
      expect(link(`cy/${page}`, london), page).toEqual({ text: 'London', lang: 'en' });
      expect(link(page, north), page).toEqual({ text: 'North West', lang: undefined });
      expect(link(page, london), page).toEqual({ text: 'London', lang: undefined });
    }
    expect(squash(doc('cy/appeals/region/north-west/index.html').querySelector('h1')!.textContent)).toContain(
      WELSH,
    );
    expect(squash(doc('appeals/region/north-west/index.html').querySelector('h1')!.textContent)).toContain(
      'North West',
    );
    expect(squash(doc(`cy/appeals/${URGENT.id}/index.html`).querySelector('main')!.textContent)).toContain(
      WELSH,
    );
    expect(read(`appeals/${URGENT.id}/index.html`)).not.toContain(WELSH);
    // The search filter by region offers the Welsh name on the Welsh page, matching the Welsh index.
    expect(read('cy/search/index.html')).toContain(`name="region" value="${WELSH}"`);
    expect(read('search/index.html')).toContain('name="region" value="North West"');
    // Welsh RSS categories and titles in Welsh; English RSS and the JSON API keep the English name.
    expect(read('cy/feeds/appeals.xml')).toContain(`<category>${WELSH}</category>`);
    expect(read('cy/feeds/regions/north-west.xml')).toContain(WELSH);
    expect(read('feeds/appeals.xml')).toContain('<category>North West</category>');
    const api = JSON.parse(read('api/v1/appeals.json')) as {
      appeals: Array<{ id: string; region: { name: string } }>;
    };
    expect(api.appeals.find((a) => a.id === URGENT.id)?.region.name).toBe('North West');
    expect(JSON.stringify(api)).not.toContain(WELSH);
  });

  it('serves the closed notice in Welsh at a closed appeal’s Welsh address and at /cy/appeals/closed/', () => {
    for (const f of [`cy/appeals/${CLOSED_ID}/index.html`, 'cy/appeals/closed/index.html']) {
      const page = doc(f);
      expect(squash(page.querySelector('h1')?.textContent ?? ''), f).toBe(
        'Nid yw’r apêl hon yn weithredol mwyach',
      );
      expect(page.querySelector('meta[name="robots"]')?.getAttribute('content'), f).toBe('noindex');
      expect(page.querySelector('.closed-notice a')?.getAttribute('href'), f).toBe('/cy/appeals/');
    }
  });

  it('keeps the appeal page under 20 kB gzip (HTML, CSS and JS) in both languages', () => {
    for (const p of [`/appeals/${URGENT.id}/`, `/cy/appeals/${URGENT.id}/`]) {
      const weight = pageWeight(dist, p);
      expect(weight.total, `${p}: ${JSON.stringify(weight)}`).toBeLessThan(20_000);
    }
  });

  it('keeps the map of appeals by region under 30 kB gzip (HTML, CSS and JS) in both languages', () => {
    for (const p of ['/map/', '/cy/map/']) {
      const weight = pageWeight(dist, p);
      expect(weight.total, `${p}: ${JSON.stringify(weight)}`).toBeLessThan(30_000);
    }
  });

  it('posts the chosen language with an alerts sign-up', () => {
    for (const [f, language] of [
      ['alerts/index.html', 'en'],
      ['cy/alerts/index.html', 'cy'],
    ] as const)
      expect(doc(f).querySelector('form input[name="language"]')?.getAttribute('value'), f).toBe(language);
  });
});

describe('outputs in both languages', () => {
  it('lists both languages in the sitemap, each with its twin as an alternate, and never a closed appeal', () => {
    const xml = read('sitemap-0.xml');
    const entries = [...xml.matchAll(/<url><loc>([^<]+)<\/loc>(.*?)<\/url>/g)].map((m) => ({
      loc: m[1]!,
      alternates: Object.fromEntries(
        [...m[2]!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((a) => [a[1]!, a[2]!]),
      ),
    }));
    const byLoc = new Map(entries.map((e) => [e.loc, e]));
    for (const p of ['/', '/help/', `/appeals/${URGENT.id}/`, '/appeals/region/north-west/']) {
      for (const loc of [`${SITE}${p}`, `${SITE}/cy${p}`]) {
        expect(byLoc.get(loc)?.alternates, loc).toEqual({ 'en-GB': `${SITE}${p}`, cy: `${SITE}/cy${p}` });
      }
    }
    const paths = entries.map((e) => new URL(e.loc).pathname);
    expect(
      paths.filter(
        (p) => p.includes(CLOSED_ID) || /\/(embed|404|poster)\//.test(p) || p.includes('/appeals/closed/'),
      ),
    ).toEqual([]);
    expect(paths.filter((p) => p.startsWith('/cy/'))).toHaveLength(
      paths.filter((p) => !p.startsWith('/cy/')).length,
    );
  });

  it('writes Welsh RSS feeds under /cy/feeds/, linking to the Welsh pages', () => {
    const welsh = read('cy/feeds/appeals.xml');
    expect(welsh).toContain('<title>Plant coll: apeliadau gweithredol');
    expect(welsh).toContain(`<link>${SITE}/cy/appeals/${URGENT.id}/</link>`);
    expect(welsh).toContain(`Ar goll: ${URGENT.name}, 14 oed, o Oldtown`);
    expect(welsh).not.toContain(CLOSED_ID);
    expect(read('cy/feeds/regions/north-west.xml')).toContain(`${SITE}/cy/appeals/${URGENT.id}/`);
    const englishFeed = read('feeds/appeals.xml');
    expect(englishFeed).toContain(`<link>${SITE}/appeals/${URGENT.id}/</link>`);
    expect(englishFeed).toContain(`Missing: ${URGENT.name}, 14, from Oldtown`);
  });

  it('indexes each language for search on its own, every active appeal in both', () => {
    const shards = JSON.parse(read('pagefind/shards.json')) as { shards: string[] };
    const counts: Record<string, number> = {};
    for (const shard of shards.shards) {
      const entry = JSON.parse(read(`pagefind/${shard}/pagefind-entry.json`)) as {
        languages: Record<string, { page_count: number }>;
      };
      for (const [language, index] of Object.entries(entry.languages))
        counts[language] = (counts[language] ?? 0) + index.page_count;
    }
    expect(counts).toEqual({ 'en-gb': 3, cy: 3 });
  });
});
