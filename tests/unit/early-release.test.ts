import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addSubsetAppeals,
  linkLiveRelease,
  subsetCache,
  subsetContent,
} from '../../src/lib/publishing/early-release.ts';
import { assetReferences } from '../../src/lib/release-files/page-references.ts';
import { filesUnder } from '../../src/lib/publishing/file-tree.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
const tmp = () => (dir = mkdtempSync(path.join(tmpdir(), 'early-release-')));
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};

describe('assetReferences', () => {
  it('finds the scripts, styles and photos a page uses, in src, srcset and href, once each', () => {
    const html = `<link rel="stylesheet" href="/_astro/site.Ab12Cd34.css"><script type="module" src="/_astro/share.Xy.js"></script>
<picture><source srcset="/_photos/ab12cd34ab12cd34-0000000a.webp 360w, /_photos/ab12cd34ab12cd34-0000000b.webp 720w"><img src="/_photos/ab12cd34ab12cd34-0000000c.jpg"></picture>
<a href="/appeals/2026-0001/">x</a><img src="/_photos/ab12cd34ab12cd34-0000000c.jpg"><a href="/_astro/site.Ab12Cd34.css?v=1">y</a>`;
    expect(assetReferences(html).sort()).toEqual([
      '_astro/share.Xy.js',
      '_astro/site.Ab12Cd34.css',
      '_photos/ab12cd34ab12cd34-0000000a.webp',
      '_photos/ab12cd34ab12cd34-0000000b.webp',
      '_photos/ab12cd34ab12cd34-0000000c.jpg',
    ]);
  });
});

describe('subsetContent and subsetCache', () => {
  it('copies the settings and only the named appeals', () => {
    const root = tmp();
    const content = path.join(root, 'content');
    write(path.join(content, 'settings.yaml'), 'siteName: x\n');
    for (const id of ['2026-0001', '2026-0002'])
      write(path.join(content, 'appeals', id, 'index.md'), `---\nid: ${id}\n---\n`);
    write(path.join(content, 'appeals', '2026-0002', 'photo-1.jpg'), 'jpeg');
    subsetContent(content, ['2026-0002'], path.join(root, 'subset'));
    expect(filesUnder(path.join(root, 'subset')).sort()).toEqual([
      'appeals/2026-0002/index.md',
      'appeals/2026-0002/photo-1.jpg',
      'settings.yaml',
    ]);
    expect(() => subsetContent(content, ['../etc'], path.join(root, 'bad'))).toThrow(/expected an appeal id/);
  });

  it('shares only the photo and share-card caches with the main cache', () => {
    const root = tmp();
    subsetCache(path.join(root, 'main'), path.join(root, 'subset'));
    expect(readdirSync(path.join(root, 'subset')).sort()).toEqual(['photos', 'share-cards']);
    for (const shared of ['photos', 'share-cards']) {
      expect(lstatSync(path.join(root, 'subset', shared)).isSymbolicLink()).toBe(true);
      expect(readlinkSync(path.join(root, 'subset', shared))).toBe(path.join(root, 'main', shared));
      expect(existsSync(path.join(root, 'main', shared))).toBe(true);
    }
  });
});

/** The candidate as the early release makes it (src/lib/publishing/early-release.ts): both halves, in order. */
async function stageCandidate(live: string, staging: string, subset: string, ids: string[]) {
  await linkLiveRelease(live, staging);
  return addSubsetAppeals(staging, subset, ids);
}

describe('linkLiveRelease, then addSubsetAppeals', () => {
  const page = (name: string, photo: string) =>
    `<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.Ab12Cd34.css"></head><body data-pagefind-body><h1>${name}</h1><img src="/_photos/${photo}"></body></html>`;

  function releases(root: string) {
    const live = path.join(root, 'live');
    write(path.join(live, 'index.html'), '<p>home</p>');
    write(path.join(live, '_astro', 'site.Ab12Cd34.css'), 'body{}');
    write(
      path.join(live, 'appeals', '2026-0001', 'index.html'),
      page('Ada One', 'aaaaaaaaaaaaaaaa-0000000a.webp'),
    );
    write(path.join(live, '_photos', 'aaaaaaaaaaaaaaaa-0000000a.webp'), 'webp-a');
    write(
      path.join(live, 'appeals', '2026-0003', 'index.html'),
      '<main><h1>This appeal is no longer active</h1></main>',
    );
    write(path.join(live, 'pagefind', 'pagefind-entry.json'), '{}');
    write(path.join(live, '_headers'), 'old');
    const subset = path.join(root, 'subset');
    write(path.join(subset, 'index.html'), '<p>home with one appeal</p>');
    write(path.join(subset, '_astro', 'site.Ab12Cd34.css'), 'body{}');
    write(path.join(subset, '_astro', 'poster.Zz99Yy88.css'), '@page{}');
    for (const [id, name, photo] of [
      ['2026-0002', 'Bo Two', 'bbbbbbbbbbbbbbbb-0000000b.webp'],
      ['2026-0003', 'Cy Three', 'cccccccccccccccc-0000000c.webp'],
    ] as const) {
      write(path.join(subset, 'appeals', id, 'index.html'), page(name, photo));
      write(
        path.join(subset, 'appeals', id, 'poster', 'index.html'),
        `<link rel="stylesheet" href="/_astro/poster.Zz99Yy88.css"><img src="/_photos/${photo}">`,
      );
      write(path.join(subset, 'appeals', id, 'share-card.jpg'), `card ${id}`);
      write(path.join(subset, '_photos', photo), `webp ${id}`);
    }
    return { live, subset, staging: path.join(root, 'staging') };
  }

  it('adds each new appeal’s files and the assets they lack to a hard-linked copy of the live release', async () => {
    const { live, subset, staging } = releases(tmp());
    const { writtenFiles } = await stageCandidate(live, staging, subset, ['2026-0002', '2026-0003']);
    expect(writtenFiles.sort()).toEqual([
      '_astro/poster.Zz99Yy88.css',
      '_photos/bbbbbbbbbbbbbbbb-0000000b.webp',
      '_photos/cccccccccccccccc-0000000c.webp',
      'appeals/2026-0002/index.html',
      'appeals/2026-0002/poster/index.html',
      'appeals/2026-0002/share-card.jpg',
      'appeals/2026-0003/index.html',
      'appeals/2026-0003/poster/index.html',
      'appeals/2026-0003/share-card.jpg',
    ]);
    // The live release's own files are links, not copies; the subset's home page is not taken.
    expect(statSync(path.join(staging, 'index.html')).ino).toBe(statSync(path.join(live, 'index.html')).ino);
    expect(statSync(path.join(staging, '_astro', 'site.Ab12Cd34.css')).ino).toBe(
      statSync(path.join(live, '_astro', 'site.Ab12Cd34.css')).ino,
    );
    expect(readFileSync(path.join(staging, 'index.html'), 'utf8')).toBe('<p>home</p>');
    // The new appeal's files are hard links too, to the subset build's (whose photos and cards are
    // links to the photo cache): never copies.
    for (const file of ['_photos/bbbbbbbbbbbbbbbb-0000000b.webp', 'appeals/2026-0002/share-card.jpg'])
      expect(statSync(path.join(staging, file)).ino, file).toBe(statSync(path.join(subset, file)).ino);
    // A reopened appeal's notice is replaced by its page.
    expect(readFileSync(path.join(staging, 'appeals', '2026-0003', 'index.html'), 'utf8')).toContain(
      'Cy Three',
    );
    // The search index and host files are left for the caller to regenerate.
    expect(existsSync(path.join(staging, 'pagefind'))).toBe(false);
    expect(existsSync(path.join(staging, '_headers'))).toBe(false);
    // The live release is untouched.
    expect(readFileSync(path.join(live, 'appeals', '2026-0003', 'index.html'), 'utf8')).toContain(
      'no longer active',
    );
    expect(existsSync(path.join(live, 'appeals', '2026-0002'))).toBe(false);
  });

  it('refuses when the subset build lacks the new page or an asset it uses', async () => {
    const root = tmp();
    const { live, subset, staging } = releases(root);
    await expect(stageCandidate(live, staging, subset, ['2026-0009'])).rejects.toThrow(
      /no page for 2026-0009/,
    );
    rmSync(staging, { recursive: true, force: true });
    rmSync(path.join(subset, '_photos', 'bbbbbbbbbbbbbbbb-0000000b.webp'));
    await expect(stageCandidate(live, staging, subset, ['2026-0002'])).rejects.toThrow(
      /_photos\/bbbbbbbbbbbbbbbb-0000000b\.webp, used by a new page, is not in the subset build/,
    );
    await expect(stageCandidate(live, staging, subset, ['2026-0002'])).rejects.toThrow(/already exists/);
  });
});
