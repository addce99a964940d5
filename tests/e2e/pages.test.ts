import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page, Response } from 'playwright-core';
import {
  countPdfPages,
  describeBrowser,
  formatViolations,
  launchBrowser,
  runAxe,
  watchPage,
  type PageProblems,
} from '../helpers/browser.ts';
import { describeNginx, startNginx, type RunningNginx } from '../helpers/nginx.ts';
import { PINNED_CSP, PINNED_SHARED_HEADERS } from '../helpers/pinned-headers.ts';

const URGENT = { id: '2026-0101', name: 'Zephyrine Quillfeather' };
const AGE_PROGRESSED = { id: '2025-0007', name: 'Odalys Fernhollow' };
const CLOSED_ID = '2026-0103';

// Served as in production, by nginx with the generated configuration: every page carries the real
// Content Security Policy and the other headers, so a page that breaks them (an inline script, a
// style attribute, a request elsewhere) shows up as a violation here. A closed appeal answers 410.
describeBrowser('built pages in Chromium', () => {
  describeNginx('served by nginx with the generated configuration and its headers', () => {
    builtPages();
  });
});

function builtPages(): void {
  let browser: Browser;
  let server: RunningNginx;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startNginx({ root: inject('fixtureDist') });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    await browser?.close();
    await server?.stop();
  });

  async function newPage(
    options: BrowserContextOptions = {},
  ): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    return { context, page, problems: watchPage(page, server.url) };
  }

  async function open(
    path: string,
    options: BrowserContextOptions = {},
  ): Promise<{ context: BrowserContext; page: Page; problems: PageProblems; response: Response | null }> {
    const opened = await newPage(options);
    const response = await opened.page.goto(server.url + path);
    return { ...opened, response };
  }

  /** Scrolls through the page so lazy images load too, then waits for the network to settle. */
  async function loadEverything(page: Page): Promise<void> {
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
        window.scrollTo(0, y);
        await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
      }
    });
    await page.waitForLoadState('networkidle');
  }

  /** Chromium's own /favicon.ico fetch; it has its own test below, so it is not reported twice. */
  const isFaviconError = (line: string): boolean => line.endsWith('/favicon.ico)');

  /**
   * Asserts a page did nothing wrong. `expectedErrors` are responses meant to fail, as `<status> <url>`:
   * a missing page's 404, a closed appeal's 410.
   */
  function expectNoProblems(problems: PageProblems, expectedErrors: string[] = []): void {
    const expected = (line: string): boolean =>
      expectedErrors.some((error) => {
        const [status, url] = error.split(' ') as [string, string];
        return line === error || (line.includes(`status of ${status} (`) && line.endsWith(`) (${url})`));
      });
    expect(problems.foreignRequests, 'requests to other origins').toEqual([]);
    expect(
      problems.consoleErrors.filter((line) => !isFaviconError(line) && !expected(line)),
      'console errors',
    ).toEqual([]);
    expect(problems.pageErrors, 'uncaught page errors').toEqual([]);
    expect(problems.cspViolations, 'CSP violations').toEqual([]);
    expect(problems.failedRequests, 'failed requests').toEqual([]);
    expect(
      problems.errorResponses.filter((line) => !expected(line)),
      'error responses',
    ).toEqual([]);
  }

  it('follows an appeal card from the home page and loads the main photo as AVIF or WebP', async () => {
    const { page, problems } = await open('/');
    const card = page.locator('.appeal-card').filter({ hasText: URGENT.name });
    await card.getByRole('link', { name: URGENT.name }).click();
    await page.waitForURL(`${server.url}/appeals/${URGENT.id}/`);

    await expect.poll(() => page.locator('h1').textContent()).toBe(URGENT.name);
    const img = page.locator('.appeal-photo--main picture img');
    await expect.poll(() => img.count()).toBe(1);
    await img.evaluate((element: HTMLImageElement) => (element.complete ? undefined : element.decode()));
    const photo = await img.evaluate((element: HTMLImageElement) => ({
      complete: element.complete,
      naturalWidth: element.naturalWidth,
      currentSrc: element.currentSrc,
    }));
    expect(photo.complete, 'main photo finished loading').toBe(true);
    expect(photo.naturalWidth, `main photo decoded (${photo.currentSrc})`).toBeGreaterThan(0);
    expect(photo.currentSrc, 'the browser picked a modern format').toMatch(/\.(avif|webp)$/);
    expectNoProblems(problems);
  });

  it('is served with the Content Security Policy and security headers, as pinned in the tests', async () => {
    for (const path of ['/', `/appeals/${URGENT.id}/`, `/appeals/${CLOSED_ID}/`, '/no-such-page/']) {
      const { response } = await open(path);
      const headers = response?.headers() ?? {};
      expect(headers['content-security-policy'], `CSP on ${path}`).toBe(PINNED_CSP);
      expect(headers['x-frame-options'], `X-Frame-Options on ${path}`).toBe('DENY');
      for (const [name, value] of Object.entries(PINNED_SHARED_HEADERS))
        expect(headers[name.toLowerCase()], `${name} on ${path}`).toBe(value);
    }
  });

  it('shows the name, what to do and the photo with JavaScript disabled', async () => {
    const { page, response } = await open(`/appeals/${URGENT.id}/`, { javaScriptEnabled: false });
    expect(response?.status()).toBe(200);
    const heading = page.getByRole('heading', { level: 1 });
    expect(await heading.textContent()).toBe(URGENT.name);
    expect(await heading.isVisible()).toBe(true);

    const whatToDo = page.getByRole('region', { name: 'What to do' });
    expect(await whatToDo.isVisible(), '"What to do" section visible').toBe(true);
    expect(await whatToDo.textContent()).toContain('999');

    const img = page.locator('.appeal-photo--main picture img');
    expect(await img.isVisible(), 'main photo visible').toBe(true);
    const photo = await img.evaluate((element: HTMLImageElement) => ({
      complete: element.complete,
      naturalWidth: element.naturalWidth,
      currentSrc: element.currentSrc,
    }));
    expect(
      photo.complete && photo.naturalWidth > 0,
      `main photo loaded without JS (${photo.currentSrc})`,
    ).toBe(true);
  });

  const axePages: Array<{ path: string; status: number }> = [
    { path: '/', status: 200 },
    { path: '/appeals/', status: 200 },
    { path: '/appeals/2/', status: 200 },
    { path: `/appeals/${URGENT.id}/`, status: 200 },
    { path: `/appeals/${AGE_PROGRESSED.id}/`, status: 200 },
    { path: '/help/', status: 200 },
    { path: '/alerts/', status: 200 },
    { path: '/alerts/check-your-email/', status: 200 },
    { path: `/appeals/${CLOSED_ID}/`, status: 410 },
    { path: '/no-such-page/', status: 404 },
  ];
  for (const { path, status } of axePages) {
    it(`has no WCAG 2.2 A/AA violations (axe-core): ${path}`, async () => {
      const { page, response } = await open(path);
      expect(response?.status(), `HTTP status of ${path}`).toBe(status);
      await loadEverything(page);
      const violations = await runAxe(page);
      expect(violations.length, `axe violations on ${path}:\n\n${formatViolations(violations)}`).toBe(0);
    });
  }

  // The map and the young person's page, in both languages, at a desktop and a phone width; and the
  // press page, whose long addresses once pushed a phone's page sideways (its Welsh twin below).
  for (const path of ['/map/', '/cy/map/', '/your-appeal/', '/cy/your-appeal/', '/press/'])
    for (const width of [1280, 375])
      it(`has no WCAG 2.2 A/AA violations (axe-core) at ${width} px: ${path}`, async () => {
        const { page, response, problems } = await open(path, { viewport: { width, height: 800 } });
        expect(response?.status(), `HTTP status of ${path}`).toBe(200);
        await loadEverything(page);
        const violations = await runAxe(page);
        expect(violations.length, `axe violations on ${path}:\n\n${formatViolations(violations)}`).toBe(0);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
        const name = `${path.replace(/\W+/g, '-').replace(/^-|-$/g, '')}-${width}`;
        await page.screenshot({ path: `/tmp/i22-map-e2e-${name}.png`, fullPage: true });
        expectNoProblems(problems);
      });

  it('opens a region’s listing from its square on the map, by keyboard, with no script', async () => {
    const { page } = await open('/map/', { javaScriptEnabled: false });
    const tile = page.getByRole('link', { name: /^London: 1 active appeal$/ });
    expect(await tile.count()).toBe(1);
    await tile.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/appeals/region/london/`);
  });

  it('keeps every appeal label clear of its value on a phone (390 px)', async () => {
    for (const id of [URGENT.id, AGE_PROGRESSED.id]) {
      const { page } = await open(`/appeals/${id}/`, { viewport: { width: 390, height: 844 } });
      const rows = await page.locator('main .facts div').evaluateAll((divs) =>
        divs.map((div) => {
          const box = (element: Element) => {
            // The text's own extent, which overflows its box when a word is too long for it.
            const range = document.createRange();
            range.selectNodeContents(element);
            const text = range.getBoundingClientRect();
            const own = element.getBoundingClientRect();
            return {
              left: Math.min(text.left, own.left),
              right: Math.max(text.right, own.right),
              top: own.top,
              bottom: own.bottom,
            };
          };
          const [dt, dd] = [div.querySelector('dt')!, div.querySelector('dd')!];
          return { label: dt.textContent?.trim() ?? '', dt: box(dt), dd: box(dd) };
        }),
      );
      if (id === URGENT.id) expect(rows.map((r) => r.label)).toContain('Distinguishing features');
      for (const { label, dt, dd } of rows) {
        const apart = dt.right <= dd.left || dt.bottom <= dd.top;
        expect(apart, `${id}: "${label}" runs into its value (${JSON.stringify({ dt, dd })})`).toBe(true);
        expect(dd.right, `${id}: "${label}" value inside the page`).toBeLessThanOrEqual(390);
      }
      if (id === URGENT.id)
        await page.screenshot({ path: '/tmp/i22-map-e2e-appeal-390.png', fullPage: true });
    }
  });

  // The Welsh pages, on a desktop and on a small phone.
  const welshAxePages = [
    '/cy/',
    '/cy/appeals/',
    `/cy/appeals/${URGENT.id}/`,
    `/cy/appeals/${AGE_PROGRESSED.id}/`,
    '/cy/search/',
    '/cy/help/',
    '/cy/alerts/',
    '/cy/press/',
  ];
  for (const width of [1280, 375])
    for (const path of welshAxePages) {
      it(`has no WCAG 2.2 A/AA violations (axe-core) at ${width} px: ${path}`, async () => {
        const { page, response } = await open(path, { viewport: { width, height: 800 } });
        expect(response?.status(), `HTTP status of ${path}`).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe('cy');
        await loadEverything(page);
        const violations = await runAxe(page);
        expect(violations.length, `axe violations on ${path}:\n\n${formatViolations(violations)}`).toBe(0);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `sideways scrolling on ${path}`).toBeLessThanOrEqual(0);
      });
    }

  it('focuses the skip link on the first Tab, and the link moves focus to main', async () => {
    const { page } = await open('/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      const box = element?.getBoundingClientRect();
      return {
        className: element?.className,
        text: element?.textContent?.trim(),
        href: element?.getAttribute('href'),
        inViewport: box
          ? box.width > 0 &&
            box.height > 0 &&
            box.left >= 0 &&
            box.top >= 0 &&
            box.right <= window.innerWidth &&
            box.bottom <= window.innerHeight
          : false,
      };
    });
    expect(focused.className).toBe('skip-link');
    expect(focused.text).toBe('Skip to main content');
    expect(focused.inViewport, 'focused skip link is on screen').toBe(true);

    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(focused.href?.slice(1));
  });

  it('makes no request outside its own origin and sets no cookies or storage, on any page', async () => {
    const { context, page, problems } = await newPage();
    // Crawl every page reachable by links from the home page, plus the closed appeal and a 404.
    const queue = ['/', `/appeals/${CLOSED_ID}/`, '/no-such-page/'];
    const seen = new Set<string>(queue);
    const statuses: Record<string, number | undefined> = {};
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (/\.(?!html$)[a-z0-9]+$/i.test(path)) {
        // A feed, an API file, an image: Chromium would show it in a viewer of its own, whose inline
        // styles the site's CSP blocks; those are not the site's violations. Fetched, not opened.
        statuses[path] = (await context.request.get(server.url + path)).status();
        continue;
      }
      const response = await page.goto(server.url + path);
      statuses[path] = response?.status();
      expect(response?.headers()['content-security-policy'], `CSP on ${path}`).toBe(PINNED_CSP);
      await loadEverything(page);
      const links = await page.locator('a[href]').evaluateAll((anchors) =>
        // Read the attribute: an SVG link's .href is not a string (the map's tiles are SVG links).
        anchors.map((anchor) => new URL(anchor.getAttribute('href')!, document.baseURI).href),
      );
      for (const link of links) {
        const url = new URL(link);
        if (url.origin !== server.url) continue; // tel:, mailto: and (there should be none) other sites
        if (!seen.has(url.pathname)) {
          seen.add(url.pathname);
          queue.push(url.pathname);
        }
      }
    }

    const expectedStatuses = Object.fromEntries(
      [...seen].map((path) => [
        path,
        path === '/no-such-page/' ? 404 : path === `/appeals/${CLOSED_ID}/` ? 410 : 200,
      ]),
    );
    expect(statuses, 'every linked page exists').toEqual(expectedStatuses);
    for (const path of [
      '/',
      '/appeals/',
      '/appeals/2/',
      '/help/',
      `/appeals/${URGENT.id}/`,
      `/appeals/${AGE_PROGRESSED.id}/`,
      '/appeals/2026-0102/',
      '/map/',
      '/your-appeal/',
    ]) {
      expect(seen.has(path), `crawl reached ${path}`).toBe(true);
    }
    expect(problems.requests.length).toBeGreaterThan(seen.size);
    expect(
      problems.requests.filter((url) => !url.startsWith(`${server.url}/`)),
      'requests that left the loopback origin',
    ).toEqual([]);
    expectNoProblems(problems, [
      `404 ${server.url}/no-such-page/`,
      `410 ${server.url}/appeals/${CLOSED_ID}/`,
      // No alerts service runs here: the push offer asks for its key, gets nginx's 503, stays hidden.
      `503 ${server.url}/alerts/push/key`,
    ]);

    expect(await context.cookies(), 'cookies').toEqual([]);
    const storage = await context.storageState();
    expect(storage.origins, 'localStorage').toEqual([]);
  });

  it('has a favicon, so browsers do not fetch the 404 page on every first visit', async () => {
    // Chromium fetches the declared icon, or /favicon.ico when none is declared, and remembers a
    // failure for the session; so check the file directly rather than watch for the fetch.
    const { context, page } = await open('/');
    // Read from the loaded document at once: a wait with a timeout here fell back to /favicon.ico
    // whenever the machine was slow.
    const declared = await page.evaluate(
      () => document.querySelector('link[rel~="icon"]')?.getAttribute('href') ?? null,
    );
    const iconUrl = new URL(declared ?? '/favicon.ico', page.url()).href;
    const response = await context.request.get(iconUrl);
    expect(`${response.status()} ${response.headers()['content-type']}`, `icon ${iconUrl}`).toMatch(
      /^200 image\//,
    );
  });

  for (const appeal of [URGENT, AGE_PROGRESSED]) {
    it(`prints ${appeal.id} on exactly one A4 page`, async () => {
      const { page } = await open(`/appeals/${appeal.id}/`);
      await loadEverything(page);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4' });
      const pages = countPdfPages(pdf);
      let detail = '';
      if (pages !== 1) {
        // Explain the overflow: lay the page out at the A4 printable width (210mm less 2 x 12mm
        // margins = 186mm = 703px) and list where each block of the appeal sits.
        await page.setViewportSize({ width: 703, height: 1032 });
        detail = await page.evaluate(() => {
          const pxToMm = 25.4 / 96;
          const blocks = document.querySelectorAll(
            'main article > *, .appeal__top > *, .appeal__summary > *',
          );
          return [...blocks]
            .map((element) => {
              const box = element.getBoundingClientRect();
              const name = `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`;
              return `${name}: top ${(box.top * pxToMm).toFixed(0)}mm, height ${(box.height * pxToMm).toFixed(0)}mm`;
            })
            .join('\n');
        });
      }
      expect(
        pages,
        `PDF page count for ${appeal.id} (A4 printable height with 12mm margins is 273mm)\n${detail}`,
      ).toBe(1);
    });
  }
}
