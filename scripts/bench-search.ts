// `npm run bench:search [-- --n 1000,10000]`: search index build time, size, and the bytes
// Chromium transfers for a first query, at N synthetic appeals. Prints a table; writes JSON.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSearchIndex } from '../src/lib/publishing/search-index.ts';
import { shardCount } from '../src/lib/search/search-shards.ts';
import { buildSite, PROJECT_ROOT } from './lib/build-site.ts';
import { launchChromium } from './lib/chromium.ts';
import { startStaticServer } from './lib/static-server.ts';
import { firstSearchBytes } from './lib/bench/first-search.ts';
import { writeSyntheticAppealPages } from './lib/synthetic-search-pages.ts';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '1000,10000' }, runs: { type: 'string', default: '3' } },
});
const sizes = values.n.split(',').map(Number);
const runs = Number(values.runs);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

const work = mkdtempSync(path.join(PROJECT_ROOT, 'test-output', 'bench-search-'));
console.error(`Building the demo site once for its search page (${work}) ...`);
const site = path.join(work, 'site');
const built = buildSite(path.join(PROJECT_ROOT, 'content'), site, {
  ASTRO_CACHE_DIR: path.join(PROJECT_ROOT, 'node_modules/.astro'),
});
if (built.status !== 0) throw new Error(`Demo build failed:\n${built.output}`);

interface Row {
  n: number;
  indexMs: number[];
  indexBytes: number;
  indexFiles: number;
  pagefindBytes: number;
  pageBytesGz: number;
  totalBytes: number;
  requests: number;
}
const rows: Row[] = [];
const browser = await launchChromium();
try {
  for (const n of sizes) {
    console.error(`\n${n} appeals: writing synthetic pages ...`);
    const pages = path.join(work, `pages-${n}`);
    const { names } = writeSyntheticAppealPages(pages, n);
    const indexMs: number[] = [];
    for (let run = 1; run <= runs; run++) {
      rmSync(path.join(pages, 'pagefind'), { recursive: true, force: true });
      const { milliseconds } = await buildSearchIndex(pages, n, shardCount(n));
      indexMs.push(milliseconds);
      console.error(`  index build ${run}/${runs}: ${milliseconds} ms`);
    }
    const indexFilesList = walk(path.join(pages, 'pagefind'));
    const indexBytes = indexFilesList.reduce((sum, f) => sum + statSync(f).size, 0);

    // Serve the real built site with this index in place of its own.
    const served = path.join(work, `served-${n}`);
    rmSync(served, { recursive: true, force: true });
    cpSync(site, served, { recursive: true });
    rmSync(path.join(served, 'pagefind'), { recursive: true });
    cpSync(path.join(pages, 'pagefind'), path.join(served, 'pagefind'), { recursive: true });
    const server = await startStaticServer(served);
    const name = names[Math.floor(names.length / 2)]!;
    // Thumbnails of synthetic appeals do not exist; they are not part of the query's cost.
    const sent = await firstSearchBytes(browser, {
      origin: server.url,
      servedDir: served,
      query: name.split(' ')[0]!,
      ignore: (p) => p.startsWith('/_astro/photo-'),
      debug: !!process.env.BENCH_DEBUG,
    });
    const { pagefindBytes, totalBytes, requests } = sent;
    const pageBytesGz = sent.pageBytes + sent.imageBytes;
    await server.close();
    rows.push({
      n,
      indexMs,
      indexBytes,
      indexFiles: indexFilesList.length,
      pagefindBytes,
      pageBytesGz,
      totalBytes,
      requests,
    });
  }
} finally {
  await browser.close();
}

const table = [
  '| Appeals | Index build (median of ' +
    runs +
    ') | Index on disk | Index files | Pagefind bytes, first query | Search page HTML+CSS+JS | Total first query |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.n.toLocaleString('en-GB')} | ${(median(r.indexMs) / 1000).toFixed(2)} s (${r.indexMs.map((m) => (m / 1000).toFixed(2)).join(', ')}) | ${(r.indexBytes / 1e6).toFixed(2)} MB | ${r.indexFiles} | ${kB(r.pagefindBytes)} | ${kB(r.pageBytesGz)} | ${kB(r.totalBytes)} |`,
  ),
].join('\n');
console.log(table);
const result = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, memoryGB: Math.round(os.totalmem() / 2 ** 30) },
  rows,
};
mkdirSync(path.join(PROJECT_ROOT, 'bench-results'), { recursive: true });
writeFileSync(
  path.join(PROJECT_ROOT, 'bench-results', 'search.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
rmSync(work, { recursive: true, force: true });
