// The map of appeals by region and the young person's page, read from the built fixture site:
// the map's counts against the region listings the build also wrote, the map's links and names,
// nothing fetched from elsewhere and no script, and the Welsh twins (its weight: i18n-output.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { settingsSchema } from '../../src/lib/model/settings-schema.ts';
import { regionMapStrings } from '../../src/lib/i18n/strings/region-map.ts';
import { yourAppealStrings } from '../../src/lib/i18n/strings/your-appeal.ts';
import { parseMarkdownFile } from '../../src/lib/content/frontmatter.ts';

const dist = inject('fixtureDist');
const contentDir = inject('fixtureContentDir');
const settings = settingsSchema.parse(
  yaml.load(readFileSync(path.join(contentDir, 'settings.yaml'), 'utf8')),
);

const file = (urlPath: string) => path.join(dist, urlPath, 'index.html');
const page = (urlPath: string): HTMLElement => parse(readFileSync(file(urlPath), 'utf8'));
const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The fixture's active appeals, read from the content, not from the site's code. */
function activeAppeals(): Array<{ id: string; name: string; town: string; place: string; region: string }> {
  const dir = path.join(contentDir, 'appeals');
  return ['2025-0007', '2026-0101', '2026-0102', '2026-0103']
    .map((id) => ({ id, data: parseMarkdownFile(readFileSync(path.join(dir, id, 'index.md'), 'utf8')).data }))
    .filter(({ data }) => (data as { status: string }).status === 'active')
    .map(({ id, data }) => {
      const d = data as { name: string; lastSeen: { town: string; place: string; region: string } };
      return { id, name: d.name, ...d.lastSeen };
    });
}

/** How many appeal cards a region's listing shows, over all its pages. */
function listedInRegion(id: string): number {
  let total = 0;
  for (let n = 1; ; n++) {
    const urlPath = n === 1 ? `appeals/region/${id}/` : `appeals/region/${id}/${n}/`;
    if (!existsSync(file(urlPath))) return total;
    total += page(urlPath).querySelectorAll('main .appeal-card').length;
  }
}

describe('the map of appeals by region', () => {
  const map = page('map/');
  const rows = map.querySelectorAll('table.region-counts tbody tr');

  it('lists every region with the same count as its listing pages, and the total of all appeals', () => {
    expect(rows.map((row) => text(row.querySelector('th')))).toEqual(settings.regions.map((r) => r.name));
    const active = activeAppeals();
    for (const region of settings.regions) {
      const row = rows.find((r) => r.getAttribute('data-region') === region.id)!;
      const shown = Number(text(row.querySelector('td')));
      expect(shown, `${region.name}: map against listing`).toBe(listedInRegion(region.id));
      expect(shown, `${region.name}: map against content`).toBe(
        active.filter((a) => a.region === region.id).length,
      );
      expect(row.querySelector('a')?.getAttribute('href')).toBe(`/appeals/region/${region.id}/`);
    }
    expect(text(map.querySelector('table.region-counts tfoot td'))).toBe(String(active.length));
  });

  it('puts the table first, then the map, each region a link with its name and count, showing the number', () => {
    const html = readFileSync(file('map/'), 'utf8');
    expect(html.indexOf('<table')).toBeGreaterThan(-1);
    expect(html.indexOf('<table')).toBeLessThan(html.indexOf('<svg'));
    const links = map.querySelectorAll('svg.region-map__svg a');
    expect(links).toHaveLength(settings.regions.length);
    for (const region of settings.regions) {
      const count = activeAppeals().filter((a) => a.region === region.id).length;
      const link = links.find((a) => a.getAttribute('href') === `/appeals/region/${region.id}/`);
      expect(link, region.id).toBeDefined();
      expect(link!.getAttribute('aria-label')).toBe(regionMapStrings.en.tileName(region.name, count));
      expect(text(link!.querySelectorAll('text').at(-1))).toBe(String(count));
      expect(link!.querySelector('rect')?.getAttribute('stroke')).toBe('#0b0c0c');
    }
    // Regions with a square in the settings sit there; Yorkshire, without one, goes in the row below.
    const rect = (id: string) =>
      links.find((a) => a.getAttribute('href') === `/appeals/region/${id}/`)!.querySelector('rect')!;
    expect([rect('north-west').getAttribute('x'), rect('north-west').getAttribute('y')]).toEqual([
      '120',
      '0',
    ]);
    expect([rect('london').getAttribute('x'), rect('london').getAttribute('y')]).toEqual(['240', '120']);
    expect([
      rect('yorkshire-and-the-humber').getAttribute('x'),
      rect('yorkshire-and-the-humber').getAttribute('y'),
    ]).toEqual(['0', '240']);
    expect(map.querySelectorAll('.region-map__legend li').length).toBeGreaterThanOrEqual(2);
  });

  it('needs no script and fetches nothing from elsewhere', () => {
    expect(map.querySelectorAll('script')).toHaveLength(0);
    expect(map.querySelectorAll('img, image, iframe, object, embed, use')).toHaveLength(0);
    const fetched = [
      ...map
        .querySelectorAll('link[rel~="stylesheet"], link[rel~="icon"]')
        .map((l) => l.getAttribute('href')),
    ];
    for (const href of fetched) expect(href).toMatch(/^\/[^/]/);
    expect(readFileSync(file('map/'), 'utf8')).not.toMatch(/url\(\s*['"]?https?:/);
  });

  it('never shows a child: no name, town or place from any appeal', () => {
    const body = text(map.querySelector('main'));
    for (const appeal of activeAppeals()) {
      expect(body).not.toContain(appeal.name);
      expect(body).not.toContain(appeal.town);
      expect(body).not.toContain(appeal.place);
    }
  });

  it('has a Welsh twin with Welsh text and Welsh links', () => {
    const cy = page('cy/map/');
    expect(text(cy.querySelector('h1'))).toBe(regionMapStrings.cy.title);
    const links = cy.querySelectorAll('svg a');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(
      expect.arrayContaining(settings.regions.map((r) => `/cy/appeals/region/${r.id}/`)),
    );
    expect(cy.querySelector('html')?.getAttribute('lang')).toBe('cy');
    // Each Welsh square leads to the Welsh listing, which shows the same number of appeals.
    for (const region of settings.regions) {
      expect(existsSync(file(`cy/appeals/region/${region.id}/`)), region.id).toBe(true);
      expect(page(`cy/appeals/region/${region.id}/`).querySelectorAll('main .appeal-card').length).toBe(
        listedInRegion(region.id),
      );
    }
    const counts = cy.querySelectorAll('table.region-counts tbody td').map((td) => text(td));
    expect(counts).toEqual(rows.map((row) => text(row.querySelector('td'))));
    const main = text(cy.querySelector('main'));
    for (const [key, value] of Object.entries(regionMapStrings.en))
      if (typeof value === 'string' && key !== 'mapHeading') expect(main, key).not.toContain(value);
  });

  it('is linked from the home page and the appeal listings, in both languages', () => {
    for (const urlPath of ['', 'appeals/', 'appeals/region/london/']) {
      expect(page(urlPath).querySelector('main a[href="/map/"]'), urlPath || 'home').not.toBeNull();
      expect(page(`cy/${urlPath}`).querySelector('main a[href="/cy/map/"]'), `cy/${urlPath}`).not.toBeNull();
    }
  });
});

describe('the page for the young person in an appeal', () => {
  it('says they are not in trouble, why the appeal is there, how long it stays, and how to get help', () => {
    const doc = page('your-appeal/');
    const body = text(doc.querySelector('main'));
    for (const key of ['notInTroubleHeading', 'notInTrouble', 'why', 'howLong', 'confidential'] as const)
      expect(body).toContain(yourAppealStrings.en[key]);
    // Every number and name from the settings.
    const { phones, youngPeople } = settings;
    expect(body).toContain(yourAppealStrings.en.help(phones.helplineName));
    expect(body).toContain(yourAppealStrings.en.messageHome(youngPeople.messageService!));
    const hrefs = doc.querySelectorAll('main a').map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(
      expect.arrayContaining([
        'tel:116000',
        'sms:116000',
        `mailto:${youngPeople.email}`,
        'tel:999',
        'tel:101',
      ]),
    );
    expect(youngPeople.email).toBe('young-people@example.org');
  });

  it('has a Welsh twin with no English text of its own left in it', () => {
    const cy = page('cy/your-appeal/');
    expect(cy.querySelector('html')?.getAttribute('lang')).toBe('cy');
    expect(text(cy.querySelector('h1'))).toBe(yourAppealStrings.cy.heading);
    const main = text(cy.querySelector('main'));
    for (const [key, value] of Object.entries(yourAppealStrings.en))
      if (typeof value === 'string' && !['call', 'text', 'email'].includes(key))
        expect(main, key).not.toContain(value);
  });

  it('is linked from every active appeal page in plain words', () => {
    for (const appeal of activeAppeals()) {
      const link = page(`appeals/${appeal.id}/`).querySelector('main a[href="/your-appeal/"]');
      expect(text(link), appeal.id).toBe('Is this you? You are not in trouble.');
    }
    for (const appeal of activeAppeals()) {
      const link = page(`cy/appeals/${appeal.id}/`).querySelector('main a[href="/cy/your-appeal/"]');
      expect(text(link), `cy/${appeal.id}`).toBe(yourAppealStrings.cy.link);
    }
  });
});
