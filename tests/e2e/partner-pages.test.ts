// Posters, the embed, the press page and sharing in real Chromium, served with the site's CSP;
// and a real framing test: a page on another origin frames the embed (allowed) and an appeal page
// (refused) from nginx running the generated configuration.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import {
  countPdfPages,
  describeBrowser,
  formatViolations,
  launchBrowser,
  runAxe,
  watchPage,
  type PageProblems,
} from '../helpers/browser.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { nginxAvailable, startNginx, type RunningNginx } from '../helpers/nginx.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { PINNED_SECURITY_HEADERS } from '../helpers/pinned-headers.ts';

const ACTIVE = ['2026-0101', '2026-0102', '2025-0007'];
const CLOSED = '2026-0103';

describeBrowser('press and partner pages in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startStaticServer(inject('fixtureDist'), { headers: { ...PINNED_SECURITY_HEADERS } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
    await server?.close();
  });

  async function open(
    urlPath: string,
    permissions: string[] = [],
  ): Promise<{ page: Page; problems: PageProblems }> {
    const context = await browser.newContext();
    contexts.push(context);
    if (permissions.length > 0) await context.grantPermissions(permissions, { origin: server.url });
    const page = await context.newPage();
    const problems = watchPage(page, server.url);
    await page.goto(server.url + urlPath, { waitUntil: 'networkidle' });
    return { page, problems };
  }

  const expectClean = (problems: PageProblems, where: string) => {
    expect(problems.cspViolations, `${where}: CSP violations`).toEqual([]);
    expect(problems.consoleErrors, `${where}: console errors`).toEqual([]);
    expect(problems.pageErrors, `${where}: page errors`).toEqual([]);
    expect(problems.errorResponses, `${where}: error responses`).toEqual([]);
    expect(problems.foreignRequests, `${where}: requests to other sites`).toEqual([]);
  };

  for (const id of ACTIVE) {
    it(`prints the poster for ${id} on exactly one A4 page`, async () => {
      const { page, problems } = await open(`/appeals/${id}/poster/`);
      expectClean(problems, id);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(countPdfPages(pdf), `poster ${id}`).toBe(1);
      // The page size is A4 (595 x 842 points), from the poster's own @page rule.
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(Buffer.from(pdf).toString('latin1'));
      expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]);
      // Printed: the photo, the QR code and the numbers, but not the on-screen tools.
      expect(await page.locator('.poster-tools').isVisible()).toBe(false);
      expect(await page.locator('svg.qr-code').isVisible()).toBe(true);
      expect(
        await page
          .locator('.poster__photo')
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      ).toBe(true);
    });
  }

  for (const urlPath of ['/appeals/2026-0101/poster/', '/embed/latest/', '/press/']) {
    it(`axe finds no WCAG 2.2 A or AA violations on ${urlPath}`, async () => {
      const { page, problems } = await open(urlPath);
      expectClean(problems, urlPath);
      const violations = await runAxe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
    });
  }

  it('shows the print button on the poster once its script runs, and the closed poster address shows the notice', async () => {
    const { page } = await open('/appeals/2026-0101/poster/');
    expect(await page.getByRole('button', { name: 'Print poster' }).isVisible()).toBe(true);
    const closed = await open(`/appeals/${CLOSED}/poster/`);
    expect(await closed.page.locator('h1').textContent()).toBe('This appeal is no longer active');
    expect(await closed.page.locator('svg, img').count()).toBe(0);
  });

  it('applies ?region= and ?limit= in the embed', async () => {
    const shown = async (query: string) => {
      const { page, problems } = await open(`/embed/latest/${query}`);
      expectClean(problems, query);
      return page
        .locator('[data-embed-list] li:visible')
        .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.appealId));
    };
    expect(await shown('')).toEqual(['2026-0102', '2026-0101', '2025-0007']);
    expect(await shown('?limit=2')).toEqual(['2026-0102', '2026-0101']);
    expect(await shown('?region=london')).toEqual(['2026-0102']);
    expect(await shown('?region=north-west&limit=5')).toEqual(['2026-0101']);
    expect(await shown('?region=atlantis&limit=1')).toEqual(['2026-0102']);
    const { page } = await open('/embed/latest/?region=london');
    expect(await page.locator('[data-embed-more]').getAttribute('href')).toBe(
      'https://appeals.example.org/appeals/region/london/',
    );
  });

  it('copies the appeal link with the copy button, and announces it', async () => {
    const { page, problems } = await open('/appeals/2026-0101/', ['clipboard-read', 'clipboard-write']);
    expectClean(problems, 'appeal page');
    const copy = page.getByRole('button', { name: 'Copy link' });
    expect(await copy.isVisible()).toBe(true);
    await copy.click();
    await expect.poll(() => page.locator('[data-share-status]').textContent()).toBe('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'https://appeals.example.org/appeals/2026-0101/',
    );
    // The Web Share button appears only where the browser has a share sheet.
    const hasShare = await page.evaluate(() => typeof navigator.share === 'function');
    expect(await page.getByRole('button', { name: 'Share…' }).isVisible()).toBe(hasShare);
  });

  it('keeps the share links usable without JavaScript, and hides the buttons that need it', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/appeals/2026-0101/`);
    expect(await page.locator('.share__links a').count()).toBe(4);
    expect(await page.getByRole('button', { name: 'Copy link' }).count()).toBe(0);
  });

  it('lets another site frame the embed but not any other page (nginx with the generated configuration)', async (ctx) => {
    if (!nginxAvailable) {
      if (process.env.REQUIRE_BROWSER === '1') throw new Error('nginx is required for the framing test');
      ctx.skip();
    }
    let nginx: RunningNginx | undefined;
    let partner: StaticServer | undefined;
    const partnerDir = mkdtempSync(path.join(PROJECT_ROOT, 'test-output', 'partner-'));
    try {
      nginx = await startNginx({ root: inject('fixtureDist') });
      // The partner is another origin: the same loopback address on another port.
      writeFileSync(
        path.join(partnerDir, 'index.html'),
        `<!doctype html><html lang="en"><title>Partner news site</title>
        <iframe id="embed" title="embed" src="${nginx.url}/embed/latest/?limit=2"></iframe>
        <iframe id="page" title="page" src="${nginx.url}/appeals/"></iframe></html>`,
      );
      partner = await startStaticServer(partnerDir);
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      const refused: string[] = [];
      page.on('console', (message) => {
        if (/frame-ancestors|X-Frame-Options|Refused to display/i.test(message.text()))
          refused.push(message.text());
      });
      await page.goto(`${partner.url}/`, { waitUntil: 'networkidle' });
      const embedFrame = await (await page.$('#embed'))!.contentFrame();
      const pageFrame = await (await page.$('#page'))!.contentFrame();
      expect(await embedFrame!.locator('h1').textContent()).toBe('Missing children: latest appeals');
      expect(await embedFrame!.locator('[data-embed-list] li:visible').count()).toBe(2);
      // The refused frame holds Chromium's error page, not the site.
      expect(await pageFrame!.locator('h1', { hasText: 'Help find missing children' }).count()).toBe(0);
      expect(
        await pageFrame!.evaluate(() => document.querySelector('.site-header') !== null).catch(() => false),
      ).toBe(false);
      expect(refused.join('\n')).toMatch(/frame-ancestors|X-Frame-Options|Refused/);
    } finally {
      await partner?.close();
      await nginx?.stop();
      rmSync(partnerDir, { recursive: true, force: true });
    }
  });
});
