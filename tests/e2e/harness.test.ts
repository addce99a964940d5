// Checks the browser-test harness itself, so a green e2e run cannot come from a blind helper.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { countPdfPages, describeBrowser, launchBrowser, runAxe, watchPage } from '../helpers/browser.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'";

/** A raw GET, so paths reach the server exactly as written (fetch would normalise `..`). */
function rawGet(
  url: string,
  rawPath: string,
): Promise<{ status: number; type: string | undefined; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'],
          headers: res.headers,
          body,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

let root: string;
let server: StaticServer;

beforeAll(async () => {
  const base = mkdtempSync(path.join(tmpdir(), 'static-server-'));
  root = path.join(base, 'dist');
  mkdirSync(path.join(root, 'appeals', '2026-0001'), { recursive: true });
  writeFileSync(path.join(base, 'secret.txt'), 'outside the root');
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Home</title><h1>Home</h1>');
  writeFileSync(
    path.join(root, '404.html'),
    '<!doctype html><title>Not found</title><h1>Page not found</h1>',
  );
  writeFileSync(
    path.join(root, 'appeals', '2026-0001', 'index.html'),
    '<!doctype html><title>Appeal</title>',
  );
  for (const ext of ['css', 'js', 'avif', 'webp', 'jpg', 'png', 'svg', 'json', 'xml', 'txt', 'wasm']) {
    writeFileSync(path.join(root, `file.${ext}`), 'x');
  }
  server = await startStaticServer(root, { headers: { 'Content-Security-Policy': STRICT_CSP } });
});

afterAll(async () => {
  await server?.close();
  rmSync(path.dirname(root), { recursive: true, force: true });
});

describe('static server', () => {
  it('listens on loopback at an ephemeral port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves index.html for directory URLs, with and without the slash', async () => {
    expect(await rawGet(server.url, '/')).toMatchObject({
      status: 200,
      type: 'text/html; charset=utf-8',
      body: expect.stringContaining('<h1>Home</h1>') as string,
    });
    expect((await rawGet(server.url, '/appeals/2026-0001/')).status).toBe(200);
    expect((await rawGet(server.url, '/appeals/2026-0001')).status).toBe(200);
    expect((await rawGet(server.url, '/?q=1')).status).toBe(200);
  });

  it('answers unknown paths with 404 and the 404 page', async () => {
    const response = await rawGet(server.url, '/no-such-page/');
    expect(response).toMatchObject({
      status: 404,
      type: 'text/html; charset=utf-8',
      body: expect.stringContaining('Page not found') as string,
    });
  });

  it.each([
    ['css', 'text/css; charset=utf-8'],
    ['js', 'text/javascript; charset=utf-8'],
    ['avif', 'image/avif'],
    ['webp', 'image/webp'],
    ['jpg', 'image/jpeg'],
    ['png', 'image/png'],
    ['svg', 'image/svg+xml'],
    ['json', 'application/json; charset=utf-8'],
    ['xml', 'application/xml; charset=utf-8'],
    ['txt', 'text/plain; charset=utf-8'],
    ['wasm', 'application/wasm'],
  ])('serves .%s as %s', async (ext, type) => {
    expect(await rawGet(server.url, `/file.${ext}`)).toMatchObject({ status: 200, type });
  });

  it('sends the extra headers on every response', async () => {
    expect((await rawGet(server.url, '/')).headers['content-security-policy']).toBe(STRICT_CSP);
    expect((await rawGet(server.url, '/nope')).headers['content-security-policy']).toBe(STRICT_CSP);
  });

  it.each([
    '/../secret.txt',
    '/appeals/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00',
  ])('rejects path traversal: %s', async (rawPath) => {
    const response = await rawGet(server.url, rawPath);
    expect(response.status).toBe(403);
    expect(response.body).not.toContain('outside the root');
  });
});

describeBrowser('browser helpers', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runAxe works under a strict CSP and finds a known violation', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchPage(page, server.url);
    await page.goto(`${server.url}/`);
    // An image with no alt text: axe rule `image-alt` (WCAG 1.1.1).
    await page.evaluate(() =>
      document.body.append(Object.assign(document.createElement('img'), { src: '/file.png' })),
    );
    const violations = await runAxe(page);
    expect(violations.map((violation) => violation.id)).toContain('image-alt');
    expect(violations.find((violation) => violation.id === 'image-alt')?.nodes[0]?.target).toBe('img');
    // The page CSP applied (the served headers) yet did not block axe.
    expect(problems.foreignRequests).toEqual([]);
    await context.close();
  });

  it('watchPage reports CSP violations, foreign requests and console errors', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('http://192.0.2.1/**', (route) => route.abort()); // never touch the network
    const problems = watchPage(page, server.url);
    await page.goto(`${server.url}/`);
    await page.evaluate(() => {
      const style = document.createElement('style'); // inline style: blocked by the CSP
      style.textContent = 'body { color: red }';
      document.head.append(style);
      document.body.append(
        Object.assign(document.createElement('img'), { src: 'http://192.0.2.1/tracker.gif', alt: '' }),
      );
      console.error('boom');
    });
    await expect.poll(() => problems.cspViolations.length).toBeGreaterThanOrEqual(2);
    // A request the CSP blocks still counts: the page tried to leave the origin.
    await expect.poll(() => problems.foreignRequests).toEqual(['http://192.0.2.1/tracker.gif']);
    expect(problems.consoleErrors.some((line) => line.startsWith('boom'))).toBe(true);
    await context.close();
  });

  it('countPdfPages counts pages, not the page tree', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent('<p>one</p>');
    expect(countPdfPages(await page.pdf({ format: 'A4' }))).toBe(1);
    await page.setContent(
      '<p>one</p><p style="break-before: page">two</p><p style="break-before: page">three</p>',
    );
    expect(countPdfPages(await page.pdf({ format: 'A4' }))).toBe(3);
    await context.close();
  });
});
