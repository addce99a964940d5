import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesUnder, linkTree } from '../../src/lib/publishing/file-tree.ts';
import { writeAtomically } from '../../src/lib/files/atomic-write.ts';
import { stageTakedown } from '../../src/lib/publishing/takedown.ts';
import {
  ownedByAppeal,
  removeAppealElements,
  removeJsonEntries,
  removeJsonTextEntries,
  removeXmlEntries,
} from '../../src/lib/release-files/appeal-removal.ts';

const card = (id: string, name: string) =>
  `<article class="appeal-card" data-appeal-id="${id}"><picture><img src="/_photos/00000000000${id.slice(-4)}0-0000000a.webp"></picture><h3><a href="/appeals/${id}/">${name}</a></h3></article>`;

describe('removeAppealElements', () => {
  const page = `<!doctype html><html><head><title>All</title><script type="module" src="/_astro/x.js"></script></head><body>
<ul class="card-list"><li>${card('2026-0001', 'Ada One')}</li><li>${card('2026-0002', 'Bo Two')}</li><li>${card('2026-0003', 'Cy Three')}</li></ul>
<p>Mentioned: <span data-appeal-id="2026-0002">Bo Two, <b>last seen</b> in Leeds</span>.</p></body></html>`;

  it('removes each card or mention of the closed appeal and its list item, leaving every other byte as it was', () => {
    const { html, removed } = removeAppealElements(page, ['2026-0002']);
    expect(removed).toBe(2);
    expect(html).not.toContain('Bo Two');
    expect(html).not.toContain('2026-0002');
    expect(html).toBe(
      page
        .replace(`<li>${card('2026-0002', 'Bo Two')}</li>`, '')
        .replace(`<span data-appeal-id="2026-0002">Bo Two, <b>last seen</b> in Leeds</span>`, ''),
    );
    expect(html).toContain('Ada One');
    expect(html).toContain('Cy Three');
  });

  it('keeps a list item that holds more than the removed element', () => {
    const html = `<ul><li>${card('2026-0002', 'Bo Two')}<p>Also: other text</p></li></ul>`;
    expect(removeAppealElements(html, ['2026-0002']).html).toBe('<ul><li><p>Also: other text</p></li></ul>');
  });

  it('leaves a page without the marker untouched, and does not match a longer id', () => {
    expect(removeAppealElements(page, ['2026-0009'])).toEqual({ html: page, removed: 0 });
    const other = `<div data-appeal-id="2026-00021">x</div>`;
    expect(removeAppealElements(other, ['2026-0002']).removed).toBe(0);
  });

  it('removes several appeals at once, and nested marked elements only once', () => {
    const nested = `<div data-appeal-id="2026-0001">A <span data-appeal-id="2026-0002">B</span></div><p>keep</p>`;
    expect(removeAppealElements(nested, ['2026-0001', '2026-0002'])).toEqual({
      html: '<p>keep</p>',
      removed: 1,
    });
  });

  it('refuses anything but an appeal id (it goes into a selector)', () => {
    expect(() => removeAppealElements(page, ['"] *'])).toThrow(/appeal id/);
  });
});

describe('removeXmlEntries', () => {
  it('removes RSS items, Atom entries and sitemap urls that link to the appeal, and nothing else', () => {
    const rss = `<?xml version="1.0"?><rss><channel><title>Appeals</title>
  <item><title>Bo Two</title><link>https://example.org/appeals/2026-0002/</link></item>
  <item><title>Ada One</title><link>https://example.org/appeals/2026-0001/</link></item>
</channel></rss>`;
    const out = removeXmlEntries(rss, ['2026-0002']);
    expect(out.removed).toBe(1);
    expect(out.xml).not.toContain('Bo Two');
    expect(out.xml).toContain('Ada One');
    const sitemap = `<urlset><url><loc>https://example.org/appeals/2026-0002/</loc></url><url><loc>https://example.org/appeals/2026-00021/</loc></url></urlset>`;
    expect(removeXmlEntries(sitemap, ['2026-0002']).xml).toBe(
      '<urlset><url><loc>https://example.org/appeals/2026-00021/</loc></url></urlset>',
    );
    const atom = `<feed><entry><title>Bo</title><link href="/appeals/2026-0002/"/></entry></feed>`;
    expect(removeXmlEntries(atom, ['2026-0002']).xml).toBe('<feed></feed>');
  });
});

describe('removeJsonEntries', () => {
  it('removes array entries whose id is closing, at any depth', () => {
    const feed = {
      version: 'x',
      items: [
        { id: '2026-0001', title: 'Ada One' },
        { id: '2026-0002', title: 'Bo Two' },
      ],
      removed: [{ id: '2025-0001' }],
      nested: { list: [{ id: '2026-0002' }] },
    };
    const { value, removed } = removeJsonEntries(feed, ['2026-0002']);
    expect(removed).toBe(2);
    expect(value).toEqual({
      version: 'x',
      items: [{ id: '2026-0001', title: 'Ada One' }],
      removed: [{ id: '2025-0001' }],
      nested: { list: [] },
    });
  });

  it('keeps the indentation of the file, and says when nothing changed', () => {
    const text = `${JSON.stringify({ items: [{ id: '2026-0001' }, { id: '2026-0002' }] }, null, 2)}\n`;
    expect(removeJsonTextEntries(text, ['2026-0002'])).toBe(
      `${JSON.stringify({ items: [{ id: '2026-0001' }] }, null, 2)}\n`,
    );
    expect(removeJsonTextEntries(text, ['2026-0009'])).toBeUndefined();
  });
});

describe('ownedByAppeal', () => {
  it('is the appeal pages and files or folders named after the id', () => {
    expect(ownedByAppeal('appeals/2026-0002/index.html', '2026-0002')).toBe(true);
    expect(ownedByAppeal('appeals/2026-0002/poster/index.html', '2026-0002')).toBe(true);
    expect(ownedByAppeal('share/2026-0002.png', '2026-0002')).toBe(true);
    expect(ownedByAppeal('embed/2026-0002/index.html', '2026-0002')).toBe(true);
    expect(ownedByAppeal('appeals/2026-00021/index.html', '2026-0002')).toBe(false);
    expect(ownedByAppeal('appeals/index.html', '2026-0002')).toBe(false);
    expect(ownedByAppeal('_photos/2026000200000000-0000000a.webp', '2026-0002')).toBe(false);
  });
});

describe('stageTakedown on a release tree', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  function writeTree(base: string, files: Record<string, string>): void {
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(base, file)), { recursive: true });
      writeFileSync(path.join(base, file), content);
    }
  }

  const notice =
    '<html><head><meta name="robots" content="noindex"></head><body><main><h1>This appeal is no longer active</h1></main></body></html>';
  const appealPage = (name: string, hash: string) =>
    `<html><body><main><h1>${name}</h1><img src="/_photos/${hash}-0000001a.jpg" srcset="/_photos/${hash}-0000001b.webp 320w"></main></body></html>`;

  function liveRelease(): string {
    root = mkdtempSync(path.join(tmpdir(), 'takedown-'));
    const live = path.join(root, 'live');
    writeTree(live, {
      'index.html': `<ul><li>${card('2026-0001', 'Ada One')}</li><li>${card('2026-0002', 'Bo Two')}</li></ul>`,
      'appeals/closed/index.html': notice,
      'appeals/2026-0001/index.html': appealPage('Ada One', 'aaaaaaaaaaaaaaaa'),
      'appeals/2026-0002/index.html': appealPage('Bo Two', 'bbbbbbbbbbbbbbbb'),
      'appeals/2026-0002/poster/index.html': '<p>Bo Two poster</p>',
      '_photos/aaaaaaaaaaaaaaaa-0000001a.jpg': 'a1',
      '_photos/aaaaaaaaaaaaaaaa-0000001b.webp': 'a2',
      '_photos/bbbbbbbbbbbbbbbb-0000001a.jpg': 'b1',
      '_photos/bbbbbbbbbbbbbbbb-0000001b.webp': 'b2',
      '_photos/bbbbbbbbbbbbbbbb-0000009c.jpg': 'b3',
      'share/2026-0002.png': 'card',
      'feed.xml':
        '<rss><channel><item><link>/appeals/2026-0002/</link><title>Bo Two</title></item><item><link>/appeals/2026-0001/</link></item></channel></rss>',
      'feed.json': JSON.stringify({ items: [{ id: '2026-0002', title: 'Bo Two' }, { id: '2026-0001' }] }),
      '_astro/site.css': 'body{}',
      'pagefind/pagefind.js': 'old index',
      _headers: 'old',
      '_gone/2025-0001': '',
    });
    return live;
  }

  it('cuts the appeal out of a hard-linked copy without touching the live release', async () => {
    const live = liveRelease();
    const before = Object.fromEntries(
      filesUnder(live).map((f) => [f, readFileSync(path.join(live, f), 'utf8')]),
    );
    const staging = path.join(root!, 'staging');
    const result = await stageTakedown({ liveDir: live, stagingDir: staging, closingIds: ['2026-0002'] });

    // The live release is byte for byte what it was.
    expect(
      Object.fromEntries(filesUnder(live).map((f) => [f, readFileSync(path.join(live, f), 'utf8')])),
    ).toEqual(before);

    const files = filesUnder(staging).sort();
    expect(files).toEqual([
      '_astro/site.css',
      '_photos/aaaaaaaaaaaaaaaa-0000001a.jpg',
      '_photos/aaaaaaaaaaaaaaaa-0000001b.webp',
      'appeals/2026-0001/index.html',
      'appeals/2026-0002/index.html',
      'appeals/closed/index.html',
      'feed.json',
      'feed.xml',
      'index.html',
    ]);
    expect(readFileSync(path.join(staging, 'appeals/2026-0002/index.html'), 'utf8')).toBe(notice);
    for (const file of files)
      expect(readFileSync(path.join(staging, file), 'utf8'), file).not.toMatch(/Bo Two/);
    expect(readFileSync(path.join(staging, 'index.html'), 'utf8')).toContain('Ada One');
    // Every photo of the closed appeal goes, including a variant its page did not list.
    expect(result.removedFiles).toEqual(
      expect.arrayContaining([
        '_photos/bbbbbbbbbbbbbbbb-0000009c.jpg',
        'share/2026-0002.png',
        'appeals/2026-0002/poster/index.html',
      ]),
    );
    // Unchanged files are shared with the live release; changed ones are new files.
    expect(statSync(path.join(staging, '_astro/site.css')).ino).toBe(
      statSync(path.join(live, '_astro/site.css')).ino,
    );
    expect(statSync(path.join(staging, 'index.html')).ino).not.toBe(
      statSync(path.join(live, 'index.html')).ino,
    );
    expect(result.rewrittenFiles.sort()).toEqual([
      'appeals/2026-0002/index.html',
      'feed.json',
      'feed.xml',
      'index.html',
    ]);
  });

  it('refuses when the live release lacks the notice page or the appeal page, leaving no staging folder', async () => {
    const live = liveRelease();
    await expect(
      stageTakedown({ liveDir: live, stagingDir: path.join(root!, 's1'), closingIds: ['2026-0009'] }),
    ).rejects.toThrow(/no page for 2026-0009/);
    expect(existsSync(path.join(root!, 's1'))).toBe(false);
    rmSync(path.join(live, 'appeals/closed/index.html'));
    await expect(
      stageTakedown({ liveDir: live, stagingDir: path.join(root!, 's2'), closingIds: ['2026-0002'] }),
    ).rejects.toThrow(/closed\/index.html/);
  });

  it('linkTree and writeAtomically never change the original of a link', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'takedown-'));
    writeTree(path.join(root, 'a'), { 'x/y.txt': 'one', 'skip/z.txt': 'z' });
    expect(await linkTree(path.join(root, 'a'), path.join(root, 'b'), new Set(['skip']))).toEqual([
      path.join('x', 'y.txt'),
    ]);
    expect(existsSync(path.join(root, 'b/skip'))).toBe(false);
    writeAtomically(path.join(root, 'b/x/y.txt'), 'two');
    expect(readFileSync(path.join(root, 'a/x/y.txt'), 'utf8')).toBe('one');
    expect(readFileSync(path.join(root, 'b/x/y.txt'), 'utf8')).toBe('two');
    // No temporary file is left beside it.
    expect(readdirSync(path.join(root, 'b/x'))).toEqual(['y.txt']);
  });
});
