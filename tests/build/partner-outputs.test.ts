// The press and partner outputs of the built fixture: feeds parsed with a real XML parser, API files
// validated against their published JSON Schemas, share cards decoded, poster QR codes decoded, and
// the closed appeal (2026-0103) absent from all of it except the removals feeds.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import jsQR from 'jsqr';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { FIXED_BUILD_DATE } from '../helpers/build-site.ts';

const dist = inject('fixtureDist');
const SITE = 'https://appeals.example.org';
const ACTIVE = ['2026-0101', '2026-0102', '2025-0007'];
const CLOSED = '2026-0103';
const REGIONS = ['north-west', 'london', 'yorkshire-and-the-humber'];
const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');
const json = (file: string) => JSON.parse(read(file)) as Record<string, unknown>;
const appealUrl = (id: string) => `${SITE}/appeals/${id}/`;
/** `organisation.name` in tests/fixtures/basic/settings.yaml. */
const SETTINGS_ORGANISATION = 'Fixture Appeals (test)';

/** The parts of the feeds and sitemaps these tests read (each file has one of them). */
interface XmlDocument {
  rss: { channel: { item?: RssItem[] } };
  sitemapindex: { sitemap: Array<{ loc: string }> };
  urlset: { url: Array<{ loc: string }> };
}

function xml(file: string): XmlDocument {
  const text = read(file);
  expect(XMLValidator.validate(text), `${file} is well-formed XML`).toBe(true);
  return new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['item', 'url', 'sitemap', 'category'].includes(name),
  }).parse(text) as XmlDocument;
}

interface RssItem {
  title: string;
  link: string;
  guid: { '#text': string };
  pubDate: string;
  description: string;
  category?: string[];
}
const rssItems = (file: string): RssItem[] => xml(file).rss.channel.item ?? [];

function ajv() {
  // `format: uri` needs no plugin here: the schemas also pin every URL to ^https?://.
  return new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
}

describe('RSS feeds', () => {
  it('lists every active appeal, newest published first, with a link to its page', () => {
    const items = rssItems('feeds/appeals.xml');
    expect(items.map((i) => i.link)).toEqual(['2026-0102', '2026-0101', '2025-0007'].map(appealUrl));
    const dates = items.map((i) => Date.parse(i.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const zephyrine = items.find((i) => i.link === appealUrl('2026-0101'))!;
    expect(zephyrine.title).toBe('Missing: Zephyrine Quillfeather, 14, from Oldtown');
    expect(zephyrine.description).toContain('call 999');
    expect(zephyrine.description).toContain('FIX-2026-0101');
    expect(zephyrine.category).toContain('Urgent');
  });

  it('has one feed per region in the settings, each holding that region only', () => {
    expect(readdirSync(path.join(dist, 'feeds', 'regions')).sort()).toEqual(
      REGIONS.map((r) => `${r}.xml`).sort(),
    );
    expect(rssItems('feeds/regions/north-west.xml').map((i) => i.link)).toEqual([appealUrl('2026-0101')]);
    expect(rssItems('feeds/regions/london.xml').map((i) => i.link)).toEqual([appealUrl('2026-0102')]);
    expect(rssItems('feeds/regions/yorkshire-and-the-humber.xml').map((i) => i.link)).toEqual([
      appealUrl('2025-0007'),
    ]);
  });

  it('lists the closed appeal in the removals feed with its id, URL and closing date, and nothing else', () => {
    const items = rssItems('feeds/removals.xml');
    expect(items).toHaveLength(1);
    expect(items[0]!.link).toBe(appealUrl(CLOSED));
    expect(items[0]!.title).toBe(`Appeal ${CLOSED} is no longer active`);
    expect(new Date(items[0]!.pubDate).toISOString()).toBe('2026-10-01T00:00:00.000Z');
  });

  it('writes both removals feeds exactly as the one renderer the takedown uses writes them', async () => {
    const { removalsFeedFiles } = await import('../../src/lib/outputs/feed-files.ts');
    const files = await removalsFeedFiles({
      closed: [{ id: CLOSED, closedAt: '2026-10-01' }],
      site: SITE,
      generated: FIXED_BUILD_DATE,
      organisationName: SETTINGS_ORGANISATION,
    });
    for (const [file, text] of Object.entries(files)) expect(read(file), file).toBe(text);
  });
});

describe('JSON API', () => {
  it('validates appeals.json against its published schema', () => {
    const schema = json('api/v1/appeals.schema.json');
    const validate = ajv().compile(schema);
    const doc = json('api/v1/appeals.json');
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.$schema).toBe(`${SITE}/api/v1/appeals.schema.json`);
    expect(schema.$id).toBe(doc.$schema);
    const appeals = doc.appeals as Array<Record<string, unknown>>;
    expect(appeals.map((a) => a.id)).toEqual(['2026-0102', '2026-0101', '2025-0007']);
    expect(appeals.find((a) => a.id === '2026-0101')).toMatchObject({
      url: appealUrl('2026-0101'),
      name: 'Zephyrine Quillfeather',
      ageNow: 14,
      ageNowIsEstimate: false,
      sex: 'female',
      missingSince: '2026-05-01 18:30',
      town: 'Oldtown',
      region: { id: 'north-west', name: 'North West' },
      force: { reference: 'FIX-2026-0101' },
      urgent: true,
    });
  });

  it('points each thumbnail at a published, metadata-free JPEG', async () => {
    for (const appeal of json('api/v1/appeals.json').appeals as Array<{
      thumbnailUrl: string;
      shareCardUrl: string;
      id: string;
    }>) {
      const file = path.join(dist, new URL(appeal.thumbnailUrl).pathname);
      const meta = await sharp(file).metadata();
      expect(meta.format, appeal.id).toBe('jpeg');
      expect(meta.width, appeal.id).toBe(224);
      expect(meta.exif ?? meta.xmp ?? meta.iptc, appeal.id).toBeUndefined();
      expect(existsSync(path.join(dist, new URL(appeal.shareCardUrl).pathname)), appeal.id).toBe(true);
    }
  });

  it('validates removals.json against its schema: the closed appeal, with no personal data', () => {
    const validate = ajv().compile(json('api/v1/removals.schema.json'));
    const doc = json('api/v1/removals.json');
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.removals).toEqual([{ id: CLOSED, url: appealUrl(CLOSED), closedAt: '2026-10-01' }]);
  });

  it('rejects a document that breaks the schema, so the validation means something', () => {
    const validate = ajv().compile(json('api/v1/removals.schema.json'));
    const doc = json('api/v1/removals.json');
    expect(
      validate({
        ...doc,
        removals: [{ id: CLOSED, url: appealUrl(CLOSED), closedAt: '2026-10-01', name: 'A Child' }],
      }),
    ).toBe(false);
  });
});

describe('sitemap and robots.txt', () => {
  it('lists active appeals and static pages only', () => {
    const index = xml('sitemap-index.xml');
    const sitemaps = index.sitemapindex.sitemap.map((s) => new URL(s.loc).pathname.slice(1));
    const locs = sitemaps.flatMap((file) => xml(file).urlset.url.map((u) => u.loc));
    for (const id of ACTIVE) expect(locs).toContain(appealUrl(id));
    for (const page of ['/', '/appeals/', '/help/', '/press/', '/search/'])
      expect(locs).toContain(`${SITE}${page}`);
    const paths = locs.map((l) => new URL(l).pathname);
    expect(paths.filter((p) => p.includes(CLOSED))).toEqual([]);
    expect(paths.filter((p) => /^\/(embed|404)|\/poster\/|^\/appeals\/closed\//.test(p))).toEqual([]);
  });

  it('points robots.txt at the sitemap and blocks nothing, so crawlers can see closed pages are noindex', () => {
    const robots = read('robots.txt');
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
    expect(robots).not.toMatch(/^Disallow:\s*\S/m);
  });
});

describe('share cards', () => {
  it('makes a 1200×630 JPEG without metadata for every active appeal, and none for the closed one', async () => {
    for (const id of ACTIVE) {
      const file = path.join(dist, 'appeals', id, 'share-card.jpg');
      const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height], id).toEqual([1200, 630]);
      const meta = await sharp(file).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.exif ?? meta.xmp ?? meta.iptc ?? meta.icc, `${id} carries metadata`).toBeUndefined();
      expect(readFileSync(file).includes('SECRET')).toBe(false);
      // The photo is on the left and the text on the right: the card is not blank.
      expect(new Set(data.subarray(0, 450 * 3 * 50)).size, id).toBeGreaterThan(20);
    }
    expect(existsSync(path.join(dist, 'appeals', CLOSED, 'share-card.jpg'))).toBe(false);
  });

  it('names the card in the page share metadata, with size and alt text', () => {
    const doc = parse(read('appeals/2026-0101/index.html'));
    const meta = (p: string) =>
      doc.querySelector(`meta[property="${p}"], meta[name="${p}"]`)?.getAttribute('content');
    expect(meta('og:image')).toBe(`${SITE}/appeals/2026-0101/share-card.jpg`);
    expect([meta('og:image:width'), meta('og:image:height')]).toEqual(['1200', '630']);
    expect(meta('og:image:alt')).toContain('Zephyrine Quillfeather');
    expect(meta('og:title')).toBe('Missing: Zephyrine Quillfeather');
    expect(meta('og:url')).toBe(appealUrl('2026-0101'));
    expect(meta('og:description')).toContain('call 999');
    expect(meta('twitter:card')).toBe('summary_large_image');
  });

  it('gives the closed appeal neutral share metadata and no image', () => {
    const doc = parse(read(`appeals/${CLOSED}/index.html`));
    expect(doc.querySelector('meta[property="og:image"]')).toBeNull();
    expect(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(
      'Appeal no longer active',
    );
    expect(doc.querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe('summary');
  });
});

async function decodeQr(svg: string): Promise<string | undefined> {
  const { data, info } = await sharp(Buffer.from(svg), { density: 300 })
    .resize(600)
    .flatten({ background: '#ffffff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)
    ?.data;
}

describe('posters', () => {
  for (const id of ACTIVE) {
    it(`poster ${id}: its QR code decodes to the appeal's URL`, async () => {
      const doc = parse(read(`appeals/${id}/poster/index.html`));
      const svg = doc.querySelector('svg.qr-code');
      expect(svg).not.toBeNull();
      expect(await decodeQr(svg!.toString())).toBe(appealUrl(id));
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(appealUrl(id));
      const body = doc.querySelector('main')!.textContent;
      const reference = (
        json('api/v1/appeals.json').appeals as Array<{ id: string; force: { reference: string } }>
      ).find((a) => a.id === id)!.force.reference;
      expect(body).toContain(`quoting ${reference}`);
      expect(body).toMatch(/999[\s\S]*101[\s\S]*116 000/);
    });
  }

  it('the decoder really reads the code: a code for another address decodes to that address', async () => {
    const { qrCodeSvg } = await import('../../src/lib/outputs/qr-code.ts');
    expect(await decodeQr(await qrCodeSvg(`${SITE}/appeals/2026-0999/`))).toBe(`${SITE}/appeals/2026-0999/`);
  });

  it('the closed appeal has no poster: its poster address shows only the notice', () => {
    const doc = parse(read(`appeals/${CLOSED}/poster/index.html`));
    expect(doc.querySelector('svg')).toBeNull();
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(doc.querySelector('h1')?.textContent.trim()).toBe('This appeal is no longer active');
  });

  it('links each appeal page to its poster and to a metadata-free download of its largest JPEG', async () => {
    const doc = parse(read('appeals/2026-0101/index.html'));
    expect(doc.querySelector('a[href="/appeals/2026-0101/poster/"]')).not.toBeNull();
    const download = doc.querySelector('a[download]');
    const file = path.join(dist, download!.getAttribute('href')!);
    const meta = await sharp(file).metadata();
    expect([meta.format, meta.width]).toEqual(['jpeg', 720]);
    expect(meta.exif ?? meta.xmp ?? meta.iptc).toBeUndefined();
  });
});

describe('embed and share links', () => {
  it('carries the newest active appeals only, each linking to its page in a new tab', () => {
    const doc = parse(read('embed/latest/index.html'));
    const items = doc.querySelectorAll('[data-embed-list] li');
    expect(items.map((li) => li.getAttribute('data-appeal-id'))).toEqual([
      '2026-0102',
      '2026-0101',
      '2025-0007',
    ]);
    for (const li of items) expect(li.querySelector('a')?.getAttribute('target')).toBe('_blank');
    expect(read('embed/latest/index.html')).not.toContain(CLOSED);
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
  });

  it('offers plain share links (no third-party scripts) on each appeal page', () => {
    const doc = parse(read('appeals/2026-0101/index.html'));
    const hrefs = doc.querySelectorAll('.share__links a').map((a) => a.getAttribute('href')!);
    const encoded = encodeURIComponent(appealUrl('2026-0101'));
    expect(hrefs.map((h) => new URL(h).protocol + (h.startsWith('mailto:') ? '' : new URL(h).host))).toEqual([
      'mailto:',
      'https:wa.me',
      'https:x.com',
      'https:www.facebook.com',
    ]);
    for (const href of hrefs) expect(href).toContain(encoded);
    const scripts = doc.querySelectorAll('script').map((s) => s.getAttribute('src') ?? 'inline');
    for (const src of scripts) expect(src).toMatch(/^\/_astro\//);
  });
});

describe('the closed appeal', () => {
  it('appears in no feed, sitemap, API file, embed or listing, except the removals feeds and host files', () => {
    const allowed = new Set(['api/v1/removals.json', 'feeds/removals.xml', '_headers', '_redirects']);
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
      );
    const mentioning = walk(dist)
      .map((f) => path.relative(dist, f))
      .filter(
        (f) =>
          /\.(html|xml|json|txt)$/.test(f) &&
          !f.startsWith(`appeals/${CLOSED}/`) &&
          !f.startsWith(`cy/appeals/${CLOSED}/`) &&
          !allowed.has(f),
      )
      .filter((f) => read(f).includes(CLOSED));
    expect(mentioning).toEqual([]);
    // The removals feeds do name it.
    for (const file of allowed) if (file.includes('removals')) expect(read(file)).toContain(CLOSED);
  });
});
