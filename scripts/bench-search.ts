// `npm run bench:search [-- --n 1000,10000]`: search index build time, size, and the bytes
// Chromium transfers for a first query, at N synthetic appeals. Prints a table; writes JSON.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildSearchIndex } from '../src/integrations/search-index.ts';
import { buildSite, PROJECT_ROOT } from './lib/build-site.ts';
import { launchChromium } from './lib/chromium.ts';
import { startStaticServer } from './lib/static-server.ts';
import { writeSyntheticAppealPages } from './lib/synthetic-search-pages.ts';

const { values } = parseArgs({ options: { n: { type: 'string', default: '1000,10000' }, runs: { type: 'string', default: '3' } } });
const sizes = values.n.split(',').map(Number);
const runs = Number(values.runs);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

const work = mkdtempSync(path.join(PROJECT_ROOT, 'test-output', 'bench-search-'));
console.error(`Building the demo site once for its search page (${work}) ...`);
const site = path.join(work, 'site');
const built = buildSite(path.join(PROJECT_ROOT, 'content'), site, { ASTRO_CACHE_DIR: path.join(PROJECT_ROOT, 'node_modules/.astro') });
if (built.status !== 0) throw new Error(`Demo build failed:\n${built.output}`);

interface Row { n: number; indexMs: number[]; indexBytes: number; indexFiles: number; pagefindBytes: number; pageBytesGz: number; totalBytes: number; requests: number }
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
      const { milliseconds } = await buildSearchIndex(pages, n);
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
    const context = await browser.newContext();
    const page = await context.newPage();
    // Playwright sees the Pagefind worker's fetches too (a page CDP session would miss them).
    const urls = new Map<string, string>();
    const bytes = new Map<string, number>();
    let next = 0;
    context.on('requestfinished', (request) => {
      const id = String(next++);
      urls.set(id, request.url());
      void request.sizes().then((sizes) => bytes.set(id, sizes.responseBodySize + sizes.responseHeadersSize));
    });
    const name = names[Math.floor(names.length / 2)]!;
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(name.split(' ')[0]!)}`);
    await page.waitForSelector('.search-result h3 a', { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    if (process.env.BENCH_DEBUG) for (const [id, url] of urls) console.error(`    ${bytes.get(id) ?? 0}\t${url}`);
    let pagefindBytes = 0;
    let totalBytes = 0;
    let pageBytesGz = 0;
    for (const [id, url] of urls) {
      const { pathname } = new URL(url);
      // Thumbnails of synthetic appeals do not exist; they are not part of the query's cost.
      if (pathname.startsWith('/_astro/photo-') || pathname === '/favicon.svg') continue;
      // The test server does not compress; a real host gzips text (HTML, CSS, JS, JSON), so count
      // those as their gzip size. Pagefind's index chunks are gzip files already: counted as sent.
      const file = pathname.endsWith('/') ? path.join(served, pathname, 'index.html') : path.join(served, pathname);
      const size = /\.(js|css|json|html)$/.test(file) ? gzipSync(readFileSync(file)).length : bytes.get(id) ?? 0;
      totalBytes += size;
      if (pathname.startsWith('/pagefind/')) pagefindBytes += size;
      else pageBytesGz += size;
    }
    await context.close();
    await server.close();
    rows.push({ n, indexMs, indexBytes, indexFiles: indexFilesList.length, pagefindBytes, pageBytesGz, totalBytes, requests: urls.size });
  }
} finally {
  await browser.close();
}

const table = [
  '| Appeals | Index build (median of ' + runs + ') | Index on disk | Index files | Pagefind bytes, first query | Search page HTML+CSS+JS | Total first query |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.n.toLocaleString('en-GB')} | ${(median(r.indexMs) / 1000).toFixed(2)} s (${r.indexMs.map((m) => (m / 1000).toFixed(2)).join(', ')}) | ${(r.indexBytes / 1e6).toFixed(2)} MB | ${r.indexFiles} | ${kB(r.pagefindBytes)} | ${kB(r.pageBytesGz)} | ${kB(r.totalBytes)} |`),
].join('\n');
console.log(table);
const result = { date: new Date().toISOString(), machine: { cpus: os.cpus().length, memoryGB: Math.round(os.totalmem() / 2 ** 30) }, rows };
mkdirSync(path.join(PROJECT_ROOT, 'bench-results'), { recursive: true });
writeFileSync(path.join(PROJECT_ROOT, 'bench-results', 'search.json'), `${JSON.stringify(result, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
