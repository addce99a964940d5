// The sharded search index (src/lib/search/search-shards.ts, src/lib/publishing/search-index.ts)
// with the real Pagefind: shards by a hash of the id, a re-index of some shards with the others
// hard-linked from the live release, empty shards left out, and the page count checked.
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
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  releaseShardLayout,
  searchablePages,
  startSearchIndex,
} from '../../src/lib/publishing/search-index.ts';
import { shardCount, shardOf } from '../../src/lib/search/search-shards.ts';

const roots: string[] = [];
afterAll(() => {
  for (const dir of roots) rmSync(dir, { recursive: true, force: true });
});

const IDS = ['2026-0001', '2026-0002', '2026-0003', '2026-0004', '2026-0005', '2026-0006'];
const page = (id: string) =>
  `<html lang="en"><body><main><article data-pagefind-body><h1>Name ${id.slice(-4)}</h1><p>Word${id.slice(-1)} appears here.</p></article></main></body></html>`;

function site(ids: readonly string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'search-index-'));
  roots.push(dir);
  for (const id of ids) {
    mkdirSync(path.join(dir, 'appeals', id), { recursive: true });
    writeFileSync(path.join(dir, 'appeals', id, 'index.html'), page(id));
  }
  mkdirSync(path.join(dir, 'appeals', 'closed'), { recursive: true });
  writeFileSync(path.join(dir, 'appeals', 'closed', 'index.html'), '<main>notice</main>');
  return dir;
}

/** The appeal ids each shard's fragments name. */
function shardContents(dir: string): Record<string, string[]> {
  const root = path.join(dir, 'pagefind');
  const out: Record<string, string[]> = {};
  for (const shard of readdirSync(root).filter((n) => /^s\d+$/.test(n))) {
    out[shard] = readdirSync(path.join(root, shard, 'fragment'))
      .map(
        (f) =>
          JSON.parse(
            gunzipSync(readFileSync(path.join(root, shard, 'fragment', f)))
              .subarray(12)
              .toString(),
          ) as { url: string },
      )
      .map((fragment) => /\/appeals\/([^/]+)\//.exec(fragment.url)![1]!)
      .sort();
  }
  return out;
}

describe('search shards', () => {
  it('put each appeal in the shard its id hashes to, whatever the other appeals', () => {
    expect(shardCount(1)).toBe(1);
    expect(shardCount(2500)).toBe(1);
    expect(shardCount(2501)).toBe(2);
    expect(shardCount(10_000)).toBe(4);
    expect(shardCount(0)).toBe(1);
    expect(shardCount(6, 2)).toBe(3);
    expect(() => shardCount(6, 0)).toThrow(/whole number/);
    for (const id of IDS) expect(shardOf(id, 3)).toBe(shardOf(id, 3));
    // Roughly even over many ids.
    const counts = [0, 0, 0, 0];
    for (let i = 1; i <= 4000; i++) counts[shardOf(`2026-${String(i).padStart(4, '0')}`, 4)]!++;
    for (const c of counts) expect(c).toBeGreaterThan(800);
  });

  it("searchablePages is every appeal page marked for indexing but the given appeals'", () => {
    const dir = site(['2026-0001', '2026-0002']);
    writeFileSync(path.join(dir, 'appeals', '2026-0002', 'index.html'), '<main>notice</main>');
    expect(searchablePages(dir, ['2026-0001'])).toEqual([]);
    expect(searchablePages(dir).map((p) => p.sourcePath)).toEqual(['appeals/2026-0001/index.html']);
    const only = new Set([shardOf('2026-0001', 3)]);
    expect(
      searchablePages(dir, [], { count: 3, only: new Set([(shardOf('2026-0001', 3) + 1) % 3]) }),
    ).toEqual([]);
    expect(searchablePages(dir, [], { count: 3, only })).toHaveLength(1);
  });

  it('writes a full index in shards, then re-indexes one shard with the others linked from the live release', async () => {
    const live = site(IDS);
    expect(await buildSearchIndex(live, IDS.length, 3)).toMatchObject({ pages: IDS.length, shards: 3 });
    const layout = releaseShardLayout(live)!;
    expect(layout.count).toBe(3);
    const expected: Record<string, string[]> = {};
    for (const id of IDS) (expected[`s${shardOf(id, 3)}`] ??= []).push(id);
    expect(layout.shards.sort()).toEqual(Object.keys(expected).sort());
    expect(shardContents(live)).toEqual(expected);
    // Each shard keeps only what the browser needs; the runtime sits once at the top.
    expect(existsSync(path.join(live, 'pagefind', 'pagefind.js'))).toBe(true);
    for (const shard of layout.shards)
      expect(
        readdirSync(path.join(live, 'pagefind', shard)).filter((f) => /ui|worker|pagefind\.js/.test(f)),
      ).toEqual([]);

    // A takedown of one appeal: only its shard is indexed again, from the remaining pages.
    const closing = IDS[0]!;
    const shard = shardOf(closing, 3);
    const candidate = site(IDS.filter((id) => id !== closing));
    const index = await startSearchIndex(
      3,
      [shard],
      searchablePages(live, [closing], { count: 3, only: new Set([shard]) }),
    );
    await index.write(candidate, { expectedPages: IDS.length - 1, others: live });
    const after = shardContents(candidate);
    expect(Object.values(after).flat()).not.toContain(closing);
    expect(Object.values(after).flat().sort()).toEqual(IDS.slice(1));
    for (const other of layout.shards.filter((s) => s !== `s${shard}`)) {
      const fragment = readdirSync(path.join(live, 'pagefind', other, 'fragment'))[0]!;
      const at = (dir: string) => statSync(path.join(dir, 'pagefind', other, 'fragment', fragment)).ino;
      expect(at(candidate), `${other} is linked, not rewritten`).toBe(at(live));
    }
  });

  it('leaves an emptied shard out of the layout, and refuses an index that lacks a page', async () => {
    const live = site(IDS);
    await buildSearchIndex(live, IDS.length, 6);
    const alone = IDS.find((id) =>
      IDS.every((other) => other === id || shardOf(other, 6) !== shardOf(id, 6)),
    )!;
    expect(alone, 'some appeal is alone in its shard').toBeDefined();
    const shard = shardOf(alone, 6);
    const candidate = site(IDS.filter((id) => id !== alone));
    const index = await startSearchIndex(6, [shard], []);
    await index.write(candidate, { expectedPages: IDS.length - 1, others: live });
    expect(releaseShardLayout(candidate)!.shards).not.toContain(`s${shard}`);
    expect(existsSync(path.join(candidate, 'pagefind', `s${shard}`))).toBe(false);

    const short = await startSearchIndex(6, [shard], []);
    await expect(short.write(site([]), { expectedPages: IDS.length, others: live })).rejects.toThrow(
      /holds 5 pages but there are 6 active appeals/,
    );
  });

  it('indexes Welsh pages under /cy/ in an index of their own, and refuses a language that lacks a page', async () => {
    const dir = site(IDS.slice(0, 3));
    for (const id of IDS.slice(0, 3)) {
      mkdirSync(path.join(dir, 'cy', 'appeals', id), { recursive: true });
      writeFileSync(
        path.join(dir, 'cy', 'appeals', id, 'index.html'),
        page(id).replace('lang="en"', 'lang="cy"'),
      );
    }
    expect(searchablePages(dir).map((p) => p.sourcePath)).toEqual([
      ...IDS.slice(0, 3).map((id) => `appeals/${id}/index.html`),
      ...IDS.slice(0, 3).map((id) => `cy/appeals/${id}/index.html`),
    ]);
    await buildSearchIndex(dir, 3, 1);
    const entry = JSON.parse(
      readFileSync(path.join(dir, 'pagefind', 's0', 'pagefind-entry.json'), 'utf8'),
    ) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.fromEntries(Object.entries(entry.languages).map(([l, i]) => [l, i.page_count]))).toEqual({
      en: 3,
      cy: 3,
    });
    // Each language's engine is kept: the Welsh index has no stemmer, so it uses Pagefind's "unknown" one.
    expect(
      readdirSync(path.join(dir, 'pagefind', 's0'))
        .filter((f) => f.startsWith('wasm.'))
        .sort(),
    ).toEqual(['wasm.en.pagefind', 'wasm.unknown.pagefind']);
    // A Welsh page missing is an incomplete index, even with every English page there.
    rmSync(path.join(dir, 'cy', 'appeals', IDS[0]!), { recursive: true });
    await expect(buildSearchIndex(dir, 3, 1)).rejects.toThrow(
      /holds 2 pages but there are 3 active appeals \(pages in cy\)/,
    );
  });
});
