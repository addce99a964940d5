import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  apiRemovals,
  appealRssItem,
  newestPublishedFirst,
  removalRssItem,
} from '../../src/lib/outputs/api-feeds.ts';
import { cardFonts } from '../../src/lib/photos/card-fonts.ts';
import {
  EMBED,
  embedCandidates,
  parseEmbedParams,
  pickEmbedCards,
} from '../../src/lib/outputs/embed-selection.ts';
import { inSitemap, robotsTxt } from '../../src/lib/outputs/robots.ts';
import { cachedShareCard, prepareShareCards } from '../../src/lib/photos/share-card-cache.ts';
import { pruneShareCards, SHARE_CARD_CACHE } from '../../src/lib/photos/cache-prune.ts';
import { removalsFeedFiles } from '../../src/lib/outputs/feed-files.ts';
import { shareLinks } from '../../src/lib/outputs/share-links.ts';
import { fitText, setText, textWidth, wrapText } from '../../src/lib/outputs/svg-text.ts';

const SITE = 'https://appeals.example.org';

describe('share card text', () => {
  // Atkinson Hyperlegible Next, the typeface that sets every line it can.
  const regular = cardFonts().regular[0]!;
  const bold = cardFonts().bold[0]!;

  it('measures wider text as wider, and scales with the size', () => {
    expect(textWidth(regular, 'MISSING', 40)).toBeGreaterThan(textWidth(regular, 'MISS', 40));
    expect(textWidth(bold, 'Name', 60)).toBeCloseTo(textWidth(bold, 'Name', 30) * 2, 5);
  });

  it('wraps at word boundaries within the width', () => {
    const lines = wrapText(regular, 'Last seen: Market Street near the bus station, Leeds', 30, 300);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Last seen: Market Street near the bus station, Leeds');
    for (const line of lines) expect(textWidth(regular, line, 30)).toBeLessThanOrEqual(300);
  });

  it('shrinks a long name to fit its lines, and cuts with an ellipsis only at the smallest size', () => {
    const fitted = fitText(bold, 'Zephyrine Quillfeather-Montgomery', {
      size: 64,
      minSize: 40,
      maxWidth: 670,
      maxLines: 2,
    });
    expect(fitted.lines.join(' ')).toBe('Zephyrine Quillfeather-Montgomery');
    const cut = fitText(bold, 'A very long name that cannot possibly fit on one short line', {
      size: 40,
      minSize: 30,
      maxWidth: 300,
      maxLines: 1,
    });
    expect(cut.size).toBe(30);
    expect(cut.lines).toHaveLength(1);
    expect(cut.lines[0]).toMatch(/…$/);
    expect(textWidth(bold, cut.lines[0]!, 30)).toBeLessThanOrEqual(300);
  });

  it('draws letters outside the Latin subset (Ł, ő) from the Latin Extended font, as well-formed path data', () => {
    const { d } = setText(regular, 'Łucja Erdős 0 (free)', 0, 50, 30);
    expect(d).toMatch(/^M/);
    // No two numbers run together (opentype.js's own serialiser can write "13.70").
    expect(d).not.toMatch(/\d+\.\d+\.\d/);
    expect(textWidth(regular, 'Ł', 30)).toBeGreaterThan(0);
  });
});

describe('share card cache', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'share-cards-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const text = {
    name: 'Test Child',
    facts: 'Age 10 now',
    lastSeen: 'Last seen: Park',
    seeNow: 'See this child now? Call 999',
    information: 'Call 101',
    address: 'appeals.example.org/appeals/2026-0001/',
    demonstration: true,
  };

  it('renders once, reuses the cached card, replaces it when the text changes, and prunes closed appeals', async () => {
    const photo = path.join(dir, 'photo.jpg');
    await sharp({ create: { width: 600, height: 800, channels: 3, background: '#8899aa' } })
      .jpeg()
      .toFile(photo);
    const first = await cachedShareCard(dir, '2026-0001', photo, text);
    expect((await sharp(first).metadata()).width).toBe(1200);
    const again = await cachedShareCard(dir, '2026-0001', photo, text);
    expect(again.equals(first)).toBe(true);
    await cachedShareCard(dir, '2026-0001', photo, { ...text, facts: 'Age 11 now' });
    await cachedShareCard(dir, '2026-0002', photo, text);
    const cards = () => readdirSync(path.join(dir, SHARE_CARD_CACHE)).sort();
    expect(cards().map((f) => f.split('.')[0])).toEqual(['2026-0001', '2026-0002']);
    expect(pruneShareCards(dir, ['2026-0002'])).toBe(1);
    expect(cards().map((f) => f.split('.')[0])).toEqual(['2026-0002']);
    expect(pruneShareCards(path.join(dir, 'nothing-here'), [])).toBe(0);
    // Prepared in a batch, one at a time: each appeal gets its own card, the same as one made alone.
    const batch = prepareShareCards(
      dir,
      ['2026-0003', '2026-0004', '2026-0002'].map((id) => ({ id, photoFile: photo, text })),
      1,
    );
    const made = (await Promise.all([...batch.values()])).map((file) => readFileSync(file));
    expect(made.map((card) => card.length > 1000)).toEqual([true, true, true]);
    expect(made[2]!.equals(await cachedShareCard(dir, '2026-0002', photo, text))).toBe(true);
    expect(existsSync(path.join(dir, 'nothing-here'))).toBe(false);
  });
});

describe('feeds', () => {
  it('lists removals most recently closed first, falling back to the update or build date, with no name', () => {
    const removals = apiRemovals(
      [
        { id: '2026-0001', closedAt: '2026-10-01' },
        { id: '2026-0002', updated: '2026-11-01' },
        { id: '2026-0003' },
      ],
      SITE,
      '2026-11-29',
    );
    expect(removals).toEqual([
      { id: '2026-0003', url: `${SITE}/appeals/2026-0003/`, closedAt: '2026-11-29' },
      { id: '2026-0002', url: `${SITE}/appeals/2026-0002/`, closedAt: '2026-11-01' },
      { id: '2026-0001', url: `${SITE}/appeals/2026-0001/`, closedAt: '2026-10-01' },
    ]);
    const item = removalRssItem(removals[2]!);
    expect(item.title).toBe('Appeal 2026-0001 is no longer active');
    expect(item.pubDate.toISOString()).toBe('2026-10-01T00:00:00.000Z');
  });

  it('orders feeds by publication date, newest first, then by id', () => {
    const order = newestPublishedFirst([
      { id: '2026-0001', data: { published: '2026-01-01' } },
      { id: '2026-0003', data: { published: '2026-02-01' } },
      { id: '2026-0002', data: { published: '2026-02-01' } },
    ]);
    expect(order.map((a) => a.id)).toEqual(['2026-0003', '2026-0002', '2026-0001']);
  });

  it('describes an appeal in RSS with whom to call', () => {
    const facts = {
      ageNow: 'about 15',
      missingSince: '14 September 2026',
      lastSeen: 'Coach station, Brambleford, London',
      seeNow: 'If you see T now, call 999.',
      haveInformation: 'Call 101 quoting R1.',
      regionName: 'London',
    };
    const item = appealRssItem(
      {
        id: '2026-0102',
        data: { name: 'T', published: '2026-09-15', urgent: false, lastSeen: { town: 'Brambleford' } },
        facts,
      } as never,
      SITE,
    );
    expect(item).toMatchObject({
      title: 'Missing: T, about 15, from Brambleford',
      link: `${SITE}/appeals/2026-0102/`,
      categories: ['London'],
    });
    expect(item.description).toContain('call 999');
  });
});

describe('embed selection', () => {
  const regions = ['london', 'north-west'];
  it('reads region and limit, falling back to the defaults for unknown or bad values', () => {
    expect(parseEmbedParams('?region=london&limit=2', regions)).toEqual({ region: 'london', limit: 2 });
    expect(parseEmbedParams('?region=atlantis&limit=abc', regions)).toEqual({
      region: undefined,
      limit: EMBED.defaultLimit,
    });
    expect(parseEmbedParams('?limit=500', regions).limit).toBe(EMBED.maxLimit);
    expect(parseEmbedParams('?limit=0', regions).limit).toBe(EMBED.defaultLimit);
  });

  it('picks the newest cards of a region up to the limit', () => {
    const cards = [
      { id: 'a', region: 'london' },
      { id: 'b', region: 'north-west' },
      { id: 'c', region: 'london' },
      { id: 'd', region: 'london' },
    ];
    expect(pickEmbedCards(cards, { region: 'london', limit: 2 })).toEqual(['a', 'c']);
    expect(pickEmbedCards(cards, { limit: 3 })).toEqual(['a', 'b', 'c']);
  });

  it('carries enough cards for any region and limit, and no more', () => {
    const appeals = Array.from({ length: 40 }, (_, i) => ({
      id: `x${i}`,
      region: i < 30 ? 'london' : 'north-west',
    }));
    const carried = embedCandidates(appeals);
    expect(carried.filter((c) => c.region === 'london')).toHaveLength(EMBED.maxLimit);
    expect(carried.filter((c) => c.region === 'north-west')).toHaveLength(EMBED.maxLimit);
    expect(carried.slice(0, EMBED.maxLimit).map((c) => c.id)).toEqual(
      appeals.slice(0, EMBED.maxLimit).map((a) => a.id),
    );
  });
});

describe('sitemap and robots.txt', () => {
  it('keeps closed appeals, anything under them, the notice, posters, the embed and 404 out of the sitemap', () => {
    const closed = ['2026-0103'];
    for (const p of [
      '/',
      '/appeals/',
      '/appeals/2/',
      '/appeals/2026-0101/',
      '/press/',
      '/appeals/region/london/',
    ])
      expect(inSitemap(SITE + p, closed), p).toBe(true);
    for (const p of [
      '/appeals/2026-0103/',
      '/appeals/2026-0103/poster/',
      '/appeals/closed/',
      '/embed/latest/',
      '/404/',
      '/appeals/2026-0101/poster/',
    ])
      expect(inSitemap(SITE + p, closed), p).toBe(false);
  });

  it('allows everything and names the sitemap', () => {
    expect(robotsTxt(SITE)).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap-index.xml\n`);
  });
});

describe('share links', () => {
  it("builds each network's own share address, with the appeal URL encoded once", () => {
    const url = `${SITE}/appeals/2026-0101/`;
    const links = Object.fromEntries(
      shareLinks({ name: 'Zoë Ó Briain', town: 'Oldtown' }, url).map((l) => [l.network, new URL(l.href)]),
    );
    expect(links.facebook!.searchParams.get('u')).toBe(url);
    expect(links.x!.searchParams.get('url')).toBe(url);
    expect(links.x!.searchParams.get('text')).toBe('Please share: Zoë Ó Briain is missing from Oldtown.');
    expect(links.whatsapp!.searchParams.get('text')).toBe(
      `Please share: Zoë Ó Briain is missing from Oldtown. ${url}`,
    );
    expect(links.email!.protocol).toBe('mailto:');
    expect(decodeURIComponent(links.email!.href)).toContain(url);
  });
});

describe('the removals feeds, from one renderer for the build and the takedown', () => {
  const closed = [
    { id: '2026-0103', closedAt: '2026-10-01' },
    { id: '2026-0102', closedAt: '2026-11-30' },
    { id: '2025-0009', updated: '2026-02-03' },
    { id: '2025-0001' },
  ];
  const render = () =>
    removalsFeedFiles({ closed, site: SITE, generated: '2026-12-01', organisationName: 'Fixture Appeals' });

  it('lists every closed appeal, most recently closed first, in JSON and RSS, and says the same twice', async () => {
    const files = await render();
    expect(Object.keys(files).sort()).toEqual(['api/v1/removals.json', 'feeds/removals.xml']);
    const doc = JSON.parse(files['api/v1/removals.json']) as {
      count: number;
      generated: string;
      removals: Array<{ id: string; url: string; closedAt: string }>;
    };
    // A tombstone with no closing date was closed by the build date at the latest.
    expect(doc.removals).toEqual([
      { id: '2025-0001', url: `${SITE}/appeals/2025-0001/`, closedAt: '2026-12-01' },
      { id: '2026-0102', url: `${SITE}/appeals/2026-0102/`, closedAt: '2026-11-30' },
      { id: '2026-0103', url: `${SITE}/appeals/2026-0103/`, closedAt: '2026-10-01' },
      { id: '2025-0009', url: `${SITE}/appeals/2025-0009/`, closedAt: '2026-02-03' },
    ]);
    expect([doc.count, doc.generated]).toEqual([4, '2026-12-01']);
    const { XMLParser, XMLValidator } = await import('fast-xml-parser');
    const rss = files['feeds/removals.xml'];
    expect(XMLValidator.validate(rss)).toBe(true);
    const parsed = new XMLParser({ isArray: (n) => n === 'item' }).parse(rss) as {
      rss: { channel: { item: Array<{ link: string; pubDate: string }> } };
    };
    const items = parsed.rss.channel.item;
    expect(items.map((i) => i.link)).toEqual(doc.removals.map((r) => r.url));
    expect(new Date(items[1]!.pubDate).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    // The same input always gives the same bytes: what the takedown writes, the full build writes.
    expect(await render()).toEqual(files);
  });
});
