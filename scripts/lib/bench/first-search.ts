// The bytes Chromium transfers for a first search: the search page at /search/?q=<query> until the
// first results are on screen, including what Pagefind's web worker fetches.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export interface FirstSearchBytes {
  pagefindBytes: number;
  /** The search page's HTML, CSS and JS (gzip). */
  pageBytes: number;
  /** Result thumbnails and other images. */
  imageBytes: number;
  totalBytes: number;
  requests: number;
}

export async function firstSearchBytes(
  browser: Browser,
  options: {
    origin: string;
    servedDir: string;
    query: string;
    /** The search page: `/search/`, or `/cy/search/` for the Welsh index. */
    searchPath?: string;
    ignore?: (pathname: string) => boolean;
    debug?: boolean;
  },
): Promise<FirstSearchBytes> {
  const context = await browser.newContext();
  try {
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
    await page.goto(
      `${options.origin}${options.searchPath ?? '/search/'}?q=${encodeURIComponent(options.query)}`,
    );
    await page.waitForSelector('.search-result h3 a', { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const result: FirstSearchBytes = {
      pagefindBytes: 0,
      pageBytes: 0,
      imageBytes: 0,
      totalBytes: 0,
      requests: urls.size,
    };
    for (const [id, url] of urls) {
      const { pathname } = new URL(url);
      if (options.debug) console.error(`    ${bytes.get(id) ?? 0}\t${url}`);
      if (pathname === '/favicon.svg' || options.ignore?.(pathname)) continue;
      // The test server does not compress; a real host gzips text (HTML, CSS, JS, JSON), so count
      // those as their gzip size. Pagefind's index chunks are gzip files already: counted as sent.
      const file = pathname.endsWith('/')
        ? path.join(options.servedDir, pathname, 'index.html')
        : path.join(options.servedDir, pathname);
      const size = /\.(js|css|json|html)$/.test(file)
        ? gzipSync(readFileSync(file)).length
        : (bytes.get(id) ?? 0);
      result.totalBytes += size;
      if (pathname.startsWith('/pagefind/')) result.pagefindBytes += size;
      else if (/\.(avif|webp|jpe?g|png|gif)$/.test(pathname)) result.imageBytes += size;
      else result.pageBytes += size;
    }
    return result;
  } finally {
    await context.close();
  }
}
