// The built fixture site served by a real nginx with the generated configuration: closed appeals
// answer 410 with the neutral notice, caching follows the kind of file, and every response carries
// the security headers. Also checks the host files the build writes for Netlify and Cloudflare Pages.
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { headersFile, netlifyRedirects } from '../../src/lib/hosting/host-config.ts';
import {
  BASE_CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
} from '../../src/lib/hosting/security-headers.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { describeNginx, startNginx, type RunningNginx } from '../helpers/nginx.ts';

const dist = inject('fixtureDist');
const CLOSED_ID = '2026-0103';
const ACTIVE_IDS = ['2026-0101', '2026-0102', '2025-0007'];
const NOTICE = 'This appeal is no longer active';

interface Fetched {
  status: number;
  headers: Headers;
  body: string;
}

async function get(base: string, urlPath: string): Promise<Fetched> {
  const response = await fetch(base + urlPath, { redirect: 'manual' });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

function expectSecurityHeaders(response: Fetched, where: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect(response.headers.get(name), `${name} on ${where}`).toBe(value);
}

const firstMatch = (text: string, re: RegExp, what: string): string => {
  const found = re.exec(text)?.[0];
  if (!found) throw new Error(`no ${what} found`);
  return found;
};

describe('host files in the build', () => {
  it('writes a marker for the closed appeal only', () => {
    expect(statSync(path.join(dist, '_gone', CLOSED_ID)).size).toBe(0);
    for (const id of ACTIVE_IDS) expect(existsSync(path.join(dist, '_gone', id)), id).toBe(false);
  });

  it('writes _headers and _redirects as generated from the closed ids', () => {
    expect(readFileSync(path.join(dist, '_redirects'), 'utf8')).toBe(netlifyRedirects([CLOSED_ID]));
    const headers = readFileSync(path.join(dist, '_headers'), 'utf8');
    expect(headers).toBe(
      headersFile({
        closedIds: [CLOSED_ID],
        topLevelHtmlPaths: [
          'api/',
          'appeals/',
          'embed/',
          'favicon.svg',
          'feeds/',
          'help/',
          'press/',
          'robots.txt',
          'search/',
          'sitemap-0.xml',
          'sitemap-index.xml',
        ],
      }),
    );
    for (const id of ACTIVE_IDS) expect(headers).not.toContain(id);
  });

  it('builds the neutral notice page that serves as the 410 body', () => {
    const html = readFileSync(path.join(dist, 'appeals', 'closed', 'index.html'), 'utf8');
    expect(html).toContain(NOTICE);
    expect(html).toContain('<meta name="robots" content="noindex">');
  });

  it('publishes no nginx configuration inside the site', () => {
    expect(existsSync(path.join(dist, '_nginx'))).toBe(false);
  });
});

describeNginx('the built site served by nginx', () => {
  let nginx: RunningNginx;
  let activePage: string;

  beforeAll(async () => {
    nginx = await startNginx({ root: dist });
    activePage = readFileSync(path.join(dist, 'appeals', ACTIVE_IDS[0]!, 'index.html'), 'utf8');
  });

  afterAll(async () => {
    await nginx?.stop();
  });

  for (const form of [
    `/appeals/${CLOSED_ID}/`,
    `/appeals/${CLOSED_ID}`,
    `/appeals/${CLOSED_ID}/index.html`,
  ]) {
    it(`answers 410 Gone with the neutral notice at ${form}`, async () => {
      const response = await get(nginx.url, form);
      expect(response.status).toBe(410);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.body).toContain(NOTICE);
      expect(response.body).toContain('<meta name="robots" content="noindex">');
      expect(response.body).toBe(readFileSync(path.join(dist, 'appeals', 'closed', 'index.html'), 'utf8'));
      expect(response.headers.get('x-robots-tag')).toBe('noindex');
      expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
      expectSecurityHeaders(response, form);
    });
  }

  it('serves active appeals with the CSP and no caching', async () => {
    for (const id of ACTIVE_IDS) {
      const response = await get(nginx.url, `/appeals/${id}/`);
      expect(response.status, id).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('cache-control')).toMatch(/max-age=0/);
      expect(response.headers.get('x-robots-tag')).toBeNull();
      expect(response.body).toBe(readFileSync(path.join(dist, 'appeals', id, 'index.html'), 'utf8'));
      expectSecurityHeaders(response, id);
    }
  });

  it('serves the other pages without caching', async () => {
    for (const urlPath of ['/', '/appeals/', '/appeals/2/', '/search/', '/help/']) {
      const response = await get(nginx.url, urlPath);
      expect(response.status, urlPath).toBe(200);
      expect(response.headers.get('cache-control'), urlPath).toBe('public, max-age=0, must-revalidate');
      expectSecurityHeaders(response, urlPath);
    }
  });

  it('caches hashed styles for ever', async () => {
    const css = firstMatch(activePage, /\/_astro\/[^"]+\.css/, 'stylesheet');
    const response = await get(nginx.url, css);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/css/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(response, css);
  });

  it('serves photos of active appeals briefly cached and never immutable', async () => {
    const photo = firstMatch(activePage, /\/_photos\/[^"\s,]+\.(avif|webp|jpe?g)/, 'photo');
    const response = await get(nginx.url, photo);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\//);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
    expect(response.headers.get('cache-control')).not.toContain('immutable');
  });

  it('keeps the search index fresh and never immutable', async () => {
    for (const file of ['/pagefind/pagefind-entry.json', '/pagefind/pagefind.js']) {
      const response = await get(nginx.url, file);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('cache-control'), file).toBe('public, max-age=0, must-revalidate');
    }
    const entry = JSON.parse((await get(nginx.url, '/pagefind/pagefind-entry.json')).body) as {
      languages: Record<string, { hash: string }>;
    };
    const fragment = readdirSync(path.join(dist, 'pagefind', 'fragment'))[0]!;
    // The metadata file is named by the index hash; fragments hold children's names.
    for (const file of [
      `/pagefind/pagefind.${Object.values(entry.languages)[0]!.hash}.pf_meta`,
      `/pagefind/fragment/${fragment}`,
      '/pagefind/wasm.en.pagefind',
    ]) {
      const response = await get(nginx.url, file);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('cache-control'), file).toBe('public, max-age=0, must-revalidate');
    }
  });

  it('hides the markers and host files', async () => {
    for (const urlPath of [`/_gone/${CLOSED_ID}`, '/_gone/', '/_headers', '/_redirects']) {
      const response = await get(nginx.url, urlPath);
      expect(response.status, urlPath).toBe(404);
      expect(response.body, urlPath).toContain('Page not found');
    }
  });

  it('answers unknown pages with 404 and the 404 page, headers included', async () => {
    for (const urlPath of [
      '/no-such-page/',
      '/appeals/2026-9999/',
      '/_astro/missing.css',
      '/_photos/',
      '/pagefind/missing.pf_fragment',
    ]) {
      const response = await get(nginx.url, urlPath);
      expect(response.status, urlPath).toBe(404);
      expect(response.body, urlPath).toBe(readFileSync(path.join(dist, '404.html'), 'utf8'));
      expect(response.headers.get('cache-control'), urlPath).toBe('public, max-age=0, must-revalidate');
      expectSecurityHeaders(response, urlPath);
    }
  });

  it('serves the notice on its own URL as a noindex page', async () => {
    const response = await get(nginx.url, '/appeals/closed/');
    expect(response.status).toBe(200);
    expect(response.body).toContain(NOTICE);
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
  });

  it("answers 410 under a closed appeal's URL too: its poster and any old share card address", async () => {
    for (const urlPath of [`/appeals/${CLOSED_ID}/poster/`, `/appeals/${CLOSED_ID}/share-card.jpg`]) {
      const response = await get(nginx.url, urlPath);
      expect(response.status, urlPath).toBe(410);
      expect(response.body, urlPath).toContain(NOTICE);
    }
    for (const id of ACTIVE_IDS) {
      const card = await fetch(`${nginx.url}/appeals/${id}/share-card.jpg`);
      expect(`${card.status} ${card.headers.get('content-type')}`, id).toBe('200 image/jpeg');
    }
  });

  it('lets only the embed be framed', async () => {
    const embed = await get(nginx.url, '/embed/latest/');
    expect(embed.status).toBe(200);
    expect(embed.headers.get('content-security-policy')).toBe(
      `${BASE_CONTENT_SECURITY_POLICY}; frame-ancestors *`,
    );
    expect(embed.headers.get('x-frame-options')).toBeNull();
    for (const urlPath of [
      '/',
      '/appeals/',
      `/appeals/${ACTIVE_IDS[0]}/`,
      `/appeals/${ACTIVE_IDS[0]}/poster/`,
      '/press/',
      '/feeds/appeals.xml',
    ]) {
      const response = await get(nginx.url, urlPath);
      expect(response.headers.get('x-frame-options'), urlPath).toBe('DENY');
      expect(response.headers.get('content-security-policy'), urlPath).toContain("frame-ancestors 'none'");
    }
  });

  it('sends HSTS on every kind of response, pages, assets, the embed, 404 and 410 alike', async () => {
    // Literal, so a weakened header fails here (it is never read from the code under test).
    for (const urlPath of [
      '/',
      `/appeals/${ACTIVE_IDS[0]}/`,
      `/appeals/${CLOSED_ID}/`,
      '/embed/latest/',
      '/no-such-page/',
      '/favicon.svg',
      '/pagefind/pagefind-entry.json',
    ]) {
      const response = await get(nginx.url, urlPath);
      expect(response.headers.get('strict-transport-security'), urlPath).toBe(
        'max-age=31536000; includeSubDomains',
      );
    }
    const photo = firstMatch(activePage, /\/_photos\/[^"'\s,)]+/, 'photo');
    const script = firstMatch(activePage, /\/_astro\/[^"'\s]+\.css/, 'stylesheet');
    for (const asset of [photo, script])
      expect((await get(nginx.url, asset)).headers.get('strict-transport-security'), asset).toBe(
        'max-age=31536000; includeSubDomains',
      );
  });

  it('serves the feeds, API files, sitemap and robots.txt with their types', async () => {
    const types: Record<string, RegExp> = {
      '/feeds/appeals.xml': /xml/,
      '/feeds/removals.xml': /xml/,
      '/feeds/regions/london.xml': /xml/,
      '/sitemap-index.xml': /xml/,
      '/api/v1/appeals.json': /^application\/json/,
      '/api/v1/removals.json': /^application\/json/,
      '/robots.txt': /^text\/plain/,
    };
    for (const [urlPath, type] of Object.entries(types)) {
      const response = await get(nginx.url, urlPath);
      expect(response.status, urlPath).toBe(200);
      expect(response.headers.get('content-type'), urlPath).toMatch(type);
      expect(response.headers.get('cache-control'), urlPath).toBe('public, max-age=0, must-revalidate');
    }
  });

  it('logs no errors or warnings', () => {
    expect(
      nginx
        .errorLog()
        .split('\n')
        .filter(
          (line) =>
            /\[(warn|error|crit|alert|emerg)\]/.test(line) &&
            !/open\(\) .* failed \(2: No such file or directory\)/.test(line),
        ),
    ).toEqual([]);
  });
});

describeNginx('nginx serving a release symlink that is switched atomically', () => {
  let nginx: RunningNginx;
  let workDir: string;
  const current = () => path.join(workDir, 'current');

  /** Points `current` at `releases/<name>` the way the publisher does: a new symlink renamed over the old. */
  function switchTo(name: string): void {
    const temp = path.join(workDir, `.current-${name}`);
    symlinkSync(path.join('releases', name), temp);
    renameSync(temp, current());
  }

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(PROJECT_ROOT, 'test-output', 'nginx-releases-'));
    cpSync(dist, path.join(workDir, 'releases', 'a'), { recursive: true });
    // Release b closes 2026-0102 too: its page becomes the notice and its marker appears.
    const b = path.join(workDir, 'releases', 'b');
    cpSync(dist, b, { recursive: true });
    writeFileSync(path.join(b, '_gone', '2026-0102'), '');
    cpSync(
      path.join(b, 'appeals', CLOSED_ID, 'index.html'),
      path.join(b, 'appeals', '2026-0102', 'index.html'),
    );
    switchTo('a');
    nginx = await startNginx({ root: current() });
  });

  afterAll(async () => {
    await nginx?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('answers 410 for an appeal closed by the switch, and 200 again after switching back, with no reload', async () => {
    expect((await get(nginx.url, '/appeals/2026-0102/')).status).toBe(200);
    switchTo('b');
    const closed = await get(nginx.url, '/appeals/2026-0102/');
    expect(closed.status).toBe(410);
    expect(closed.body).toContain(NOTICE);
    expect(closed.headers.get('x-robots-tag')).toBe('noindex');
    expect((await get(nginx.url, '/appeals/2026-0101/')).status).toBe(200);
    switchTo('a');
    const reopened = await get(nginx.url, '/appeals/2026-0102/');
    expect(reopened.status).toBe(200);
    expect(reopened.body).not.toContain(NOTICE);
  });
});
