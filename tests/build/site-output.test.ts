import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { METADATA_MARKERS } from '../helpers/fixture-content.ts';

const dist = inject('fixtureDist');
const contentDir = inject('fixtureContentDir');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}
const page = (urlPath: string): HTMLElement =>
  parse(readFileSync(path.join(dist, urlPath, urlPath.endsWith('.html') ? '' : 'index.html'), 'utf8'));
const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const IMAGE_RE = /\.(avif|webp|jpe?g|png|gif|svg)$/i;

/** The metadata markers (tests/helpers/fixture-content.ts) found in a file, as text or UTF-16 (ICC). */
const hasMarker = (bytes: Buffer) =>
  METADATA_MARKERS.filter(
    (m) => bytes.includes(Buffer.from(m, 'latin1')) || bytes.includes(Buffer.from(m, 'utf16le').swap16()),
  );
let files: string[] = [];
let htmlFiles: string[] = [];
beforeAll(() => {
  files = walk(dist);
  htmlFiles = files.filter((f) => f.endsWith('.html'));
});

describe('pages', () => {
  it('builds the home, listing, appeal, closed, help and 404 pages', () => {
    const rel = htmlFiles.map((f) => path.relative(dist, f)).sort();
    expect(rel).toEqual(
      expect.arrayContaining([
        'index.html',
        'appeals/index.html',
        'appeals/2/index.html',
        'appeals/2026-0101/index.html',
        'appeals/2026-0102/index.html',
        'appeals/2025-0007/index.html',
        'appeals/2026-0103/index.html',
        'help/index.html',
        '404.html',
      ]),
    );
  });

  it('shows everything an appeal needs on its page', () => {
    const doc = page('appeals/2026-0101/');
    const body = text(doc.querySelector('main'));
    expect(text(doc.querySelector('h1'))).toBe('Zephyrine Quillfeather');
    expect(body).toContain('Also known as Zeph');
    const facts = Object.fromEntries(
      doc
        .querySelectorAll('.facts div')
        .map((row) => [text(row.querySelector('dt')), text(row.querySelector('dd'))]),
    );
    expect(facts).toMatchObject({
      'Age when missing': '14', // born 29 February 2012, missing 1 May 2026
      'Age now': '14',
      Sex: 'Female',
      'Missing since': '1 May 2026 at 6:30pm',
      'Missing for': '212 days',
      'Last seen': 'Outside the library on Park Road, Oldtown, North West',
      Height: '5 ft 2 in (157 cm)',
      'Last seen wearing': 'Navy school blazer, grey skirt, white trainers',
      'Distinguishing features': 'Small scar above her left eyebrow',
      'Police force': 'Fixture Constabulary',
      'Police reference': 'FIX-2026-0101',
    });
    expect(body).toContain('If you see Zephyrine Quillfeather now, call 999.');
    expect(body).toContain(
      'If you have information, call 101 quoting FIX-2026-0101, or Missing People on 116 000 (free, confidential).',
    );
    expect(text(doc.querySelector('.appeal__circumstances'))).toContain(
      'did not arrive at her friend’s house in Oldtown',
    );
    expect(body).toContain('Last updated 3 May 2026');
    expect(body).toContain('Urgent appeal');
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe('en-GB');
  });

  it('estimates age now when only an age was given, and counts years for long-missing children', () => {
    const older = page('appeals/2025-0007/');
    const facts = Object.fromEntries(
      older
        .querySelectorAll('.facts div')
        .map((row) => [text(row.querySelector('dt')), text(row.querySelector('dd'))]),
    );
    expect(facts['Missing for']).toBe('6 years');
    expect(facts['Age when missing']).toBe('9');
    expect(facts['Age now']).toBe('16');
    const estimated = page('appeals/2026-0102/');
    const estimatedFacts = Object.fromEntries(
      estimated
        .querySelectorAll('.facts div')
        .map((row) => [text(row.querySelector('dt')), text(row.querySelector('dd'))]),
    );
    expect(estimatedFacts['Age now']).toBe('about 15');
  });

  it('renders photos as plain WebP pictures with a resized JPEG fallback, main photo first and eager', () => {
    const doc = page('appeals/2025-0007/');
    const figures = doc.querySelectorAll('figure.appeal-photo');
    expect(figures).toHaveLength(2);
    const [main, progressed] = figures as [HTMLElement, HTMLElement];
    const sources = main.querySelectorAll('source');
    expect(sources.map((s) => s.getAttribute('type'))).toEqual(['image/webp']);
    expect(sources[0]!.getAttribute('srcset')).toMatch(
      /^\/_photos\/\S+\.webp 360w, \/_photos\/\S+\.webp 720w$/,
    );
    expect(sources[0]!.getAttribute('sizes')).toBe('(min-width: 45em) 360px, 90vw');
    const img = main.querySelector('img')!;
    expect(img.getAttribute('loading')).toBe('eager');
    expect(img.getAttribute('fetchpriority')).toBe('high');
    // The fixture photo is 900×1200: the 720 px variant keeps its 3:4 shape.
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['720', '960']);
    expect(img.getAttribute('alt')).toBe('Fictional test portrait of a young girl with red hair');
    expect(img.getAttribute('src')).toMatch(/^\/_photos\/[0-9a-f]{16}-[0-9a-f]{8}\.jpg$/);
    const other = progressed.querySelector('img')!;
    expect(other.getAttribute('loading')).toBe('lazy');
    expect(other.getAttribute('fetchpriority')).not.toBe('high');
    expect(progressed.querySelector('source')!.getAttribute('srcset')).toMatch(/ 240w, .* 480w$/);
    expect(text(progressed.querySelector('figcaption'))).toContain('Age-progressed image');
    // Cards: small WebP variants, lazy, with their size.
    const card = page('appeals/').querySelector('.appeal-card img')!;
    expect(card.getAttribute('loading')).toBe('lazy');
    expect([card.getAttribute('width'), card.getAttribute('height')]).toEqual(['224', '299']);
    expect(page('appeals/').querySelector('.appeal-card source')!.getAttribute('srcset')).toMatch(
      / 112w, .* 224w$/,
    );
  });

  it('shows urgent appeals first on the home page, then the newest', () => {
    const doc = page('');
    expect(doc.querySelectorAll('.urgent-section .appeal-card__name').map(text)).toEqual([
      'Zephyrine Quillfeather',
    ]);
    const latest = doc
      .querySelectorAll('section[aria-labelledby="latest-heading"] .appeal-card__name')
      .map(text);
    expect(latest).toEqual(['Tobiah Wrenfield', 'Odalys Fernhollow']);
  });

  it('lists active appeals newest first across paginated pages', () => {
    const first = page('appeals/').querySelectorAll('.appeal-card__name').map(text);
    const second = page('appeals/2/').querySelectorAll('.appeal-card__name').map(text);
    expect([...first, ...second]).toEqual([
      'Tobiah Wrenfield',
      'Zephyrine Quillfeather',
      'Odalys Fernhollow',
    ]);
    expect(page('appeals/').querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/appeals/2/');
  });

  it('gives a closed appeal only the neutral, noindex notice and leaves it out of listings', () => {
    const doc = page('appeals/2026-0103/');
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(doc.querySelectorAll('main h1, main p').map(text)).toEqual([
      'This appeal is no longer active',
      'This appeal is no longer active. Thank you to everyone who shared it.',
      'Please remove any copies you made: posters, posts, articles.',
      'See the appeals that are active now',
    ]);
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(text(doc.querySelector('main'))).not.toMatch(/found/i);
    for (const listing of ['', 'appeals/', 'appeals/2/']) {
      expect(
        page(listing)
          .querySelectorAll('a')
          .map((a) => a.getAttribute('href')),
      ).not.toContain('/appeals/2026-0103/');
    }
  });

  it('marks the 404 page noindex and shows the demonstration banner', () => {
    expect(page('404.html').querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(text(page('').querySelector('.demo-banner'))).toContain('Demonstration content');
  });
});

describe('privacy and CSP baseline', () => {
  it('has no inline scripts, inline styles or style attributes, and nothing from other sites', () => {
    for (const file of htmlFiles) {
      const doc = parse(readFileSync(file, 'utf8'));
      const where = path.relative(dist, file);
      expect(doc.querySelectorAll('script:not([src])'), where).toHaveLength(0);
      expect(doc.querySelectorAll('style'), where).toHaveLength(0);
      expect(doc.querySelectorAll('[style]'), where).toHaveLength(0);
      const urls = [
        ...doc.querySelectorAll('[src]').map((e) => e.getAttribute('src')!),
        ...doc.querySelectorAll('link[href], script[src]').map((e) => e.getAttribute('href') ?? ''),
      ];
      for (const url of urls.filter(Boolean)) {
        // The canonical link names our own public address; everything loaded is same-origin.
        if (url.startsWith('https://appeals.example.org/')) continue;
        expect(url, where).toMatch(/^\//);
      }
    }
  });
});

describe('no React on the public site', () => {
  it('has no island on any page and no React code in any script (React is for the studio only)', () => {
    for (const file of htmlFiles)
      expect(readFileSync(file, 'utf8'), path.relative(dist, file)).not.toContain('<astro-island');
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(file, 'utf8');
      // Strings every React DOM build contains.
      expect(code, path.relative(dist, file)).not.toMatch(/react-dom|__reactFiber|react\.element/);
    }
  });
});

describe('published images', () => {
  it('publishes WebP variants with JPEG fallbacks (AVIF cost too much build time for its size; see BENCHMARKS.md)', () => {
    const images = files.filter((f) => IMAGE_RE.test(f));
    expect(images.some((f) => f.endsWith('.webp'))).toBe(true);
    expect(images.some((f) => f.endsWith('.jpg'))).toBe(true);
    expect(images.some((f) => f.endsWith('.avif'))).toBe(false);
  });

  it('strips EXIF, GPS, XMP and ICC profiles from every image, and never copies a source photo', async () => {
    const sources = walk(path.join(contentDir, 'appeals')).filter((f) => IMAGE_RE.test(f));
    expect(sources.length).toBeGreaterThan(0);
    // The fixture photos really do carry metadata naming someone, so a pass here means the
    // pipeline removed it.
    const sourceMeta = await sharp(sources[0]).metadata();
    expect(sourceMeta.exif).toBeDefined();
    expect(sourceMeta.xmp).toBeDefined();
    expect(sourceMeta.icc).toBeDefined();
    expect(hasMarker(readFileSync(sources[0]!))).toEqual(METADATA_MARKERS);
    const sourceHashes = new Set(sources.map(sha));
    const images = files.filter((f) => IMAGE_RE.test(f));
    expect(images.length).toBeGreaterThan(10);
    for (const file of images) {
      const meta = await sharp(file).metadata();
      const where = path.relative(dist, file);
      expect(meta.width, where).toBeGreaterThan(0);
      expect(meta.exif, `${where} has EXIF`).toBeUndefined();
      expect(meta.xmp, `${where} has XMP`).toBeUndefined();
      expect(meta.iptc, `${where} has IPTC`).toBeUndefined();
      // Browsers treat an image without a profile as sRGB, which is what the pipeline converts to.
      expect(meta.icc, `${where} has an ICC profile`).toBeUndefined();
      expect(sourceHashes.has(sha(file)), `${where} is a copy of a source photo`).toBe(false);
      expect(hasMarker(readFileSync(file)), where).toEqual([]);
      // No published image is the full-size original: nothing wider than the largest variant
      // (a share card is 1200×630, with the photo in a 450 px wide panel).
      if (where.endsWith('/share-card.jpg')) expect([meta.width, meta.height], where).toEqual([1200, 630]);
      else expect(meta.width, where).toBeLessThanOrEqual(720);
    }
  });

  it('names every photo by hashes alone, and hard-links each photo and share card from the photo cache', () => {
    const photos = files.filter((f) => f.includes(`${path.sep}_photos${path.sep}`));
    expect(photos.length).toBe(3 * 6 + 3); // three main photos in six variants, one other in three
    const cache = path.join(path.dirname(dist), '.astro-cache');
    for (const file of photos) {
      const name = path.basename(file);
      expect(name).toMatch(/^[0-9a-f]{16}-[0-9a-f]{8}\.(webp|jpg)$/);
      expect(statSync(file).ino, name).toBe(statSync(path.join(cache, 'photos', name)).ino);
    }
    const cards = readdirSync(path.join(cache, 'share-cards'));
    for (const id of ['2025-0007', '2026-0101', '2026-0102']) {
      const card = statSync(path.join(dist, 'appeals', id, 'share-card.jpg'));
      const cached = cards.filter((c) => c.startsWith(`${id}.`));
      expect(cached).toHaveLength(1);
      expect(card.ino, id).toBe(statSync(path.join(cache, 'share-cards', cached[0]!)).ino);
    }
    // Nothing the bundler emitted is an image: no photo went through it.
    expect(files.filter((f) => f.includes(`${path.sep}_astro${path.sep}`) && IMAGE_RE.test(f))).toEqual([]);
  });

  it("puts no part of any child's name in any published file name", () => {
    const nameParts = [
      'zephyrine',
      'quillfeather',
      'zeph',
      'tobiah',
      'wrenfield',
      'odalys',
      'fernhollow',
      'dali',
      'lys',
    ];
    for (const file of files) {
      const base = path.relative(dist, file).toLowerCase();
      for (const part of nameParts) expect(base.includes(part), `${base} contains "${part}"`).toBe(false);
    }
    expect(statSync(dist).isDirectory()).toBe(true);
  });
});
