import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APPEAL_URI_REGEX,
  CACHE_CONTROL,
  closedNoticeFileFor,
  headerRules,
  headersFile,
  htmlPathPatterns,
  netlifyRedirects,
  nginxMainConf,
  nginxMapConf,
  nginxSecurityHeaders,
  nginxServerConf,
  nginxString,
  noindexPage,
} from '../../src/lib/hosting/host-config.ts';
import {
  BASE_CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  SHARED_SECURITY_HEADERS,
} from '../../src/lib/hosting/security-headers.ts';
import {
  PINNED_CSP,
  PINNED_CSP_WITHOUT_FRAMING,
  PINNED_DENY_FRAMING,
  PINNED_SHARED_HEADERS,
} from '../helpers/pinned-headers.ts';
import { topLevelHtmlPaths } from '../../src/lib/publishing/host-files.ts';

const input = {
  closedIds: ['2026-0103', '2025-0001'],
  topLevelHtmlPaths: ['appeals/', 'search/', 'help/', 'favicon.svg', 'embed/', 'feeds/'],
  embedAllowedSites: ['https://news.example.org', 'https://*.partner.example'],
};

/** Parses a `_headers` file back into rules, as Netlify and Cloudflare Pages read it. */
function parseHeaders(text: string): Array<{ path: string; headers: Array<[string, string]> }> {
  const rules: Array<{ path: string; headers: Array<[string, string]> }> = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const [name, ...value] = line.trim().split(':');
    rules.at(-1)!.headers.push([name!.trim(), value.join(':').trim()]);
  }
  return rules;
}

/** Every header a request path gets: like the hosts, the headers of every matching rule, joined. */
function headersFor(rules: ReturnType<typeof parseHeaders>, urlPath: string): Record<string, string[]> {
  const matches = (pattern: string) =>
    pattern.endsWith('*') ? urlPath.startsWith(pattern.slice(0, -1)) : urlPath === pattern;
  const out: Record<string, string[]> = {};
  for (const rule of rules.filter((r) => matches(r.path))) {
    for (const [name, value] of rule.headers) (out[name.toLowerCase()] ??= []).push(value);
  }
  return out;
}

describe('the security headers', () => {
  it('are exactly the pinned policy and headers', () => {
    expect(BASE_CONTENT_SECURITY_POLICY).toBe(PINNED_CSP_WITHOUT_FRAMING);
    expect(CONTENT_SECURITY_POLICY).toBe(PINNED_CSP);
    expect(SHARED_SECURITY_HEADERS).toEqual(PINNED_SHARED_HEADERS);
    expect(SECURITY_HEADERS).toEqual({
      'Content-Security-Policy': PINNED_CSP,
      ...PINNED_SHARED_HEADERS,
      'X-Frame-Options': 'DENY',
    });
  });
});

describe('_headers', () => {
  const text = headersFile(input);
  const rules = parseHeaders(text);

  it('puts the security headers, and only those, on /*, with framing left to each path', () => {
    const all = rules.find((r) => r.path === '/*')!;
    expect(Object.fromEntries(all.headers)).toEqual({
      'Content-Security-Policy': PINNED_CSP_WITHOUT_FRAMING,
      ...PINNED_SHARED_HEADERS,
    });
    expect(all.headers.map(([name]) => name.toLowerCase())).not.toContain('cache-control');
    expect(rules.filter((r) => r.path === '/*')).toHaveLength(1);
  });

  it('sends HSTS from /* only, so every path gets it exactly once (pinned as literal text)', () => {
    expect(text).toContain('/*\n');
    const all = rules.find((r) => r.path === '/*')!;
    expect(all.headers).toContainEqual(['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']);
    for (const urlPath of ['/', '/appeals/2026-0103/', '/embed/latest/', '/_photos/x.webp', '/pagefind/x'])
      expect(headersFor(rules, urlPath)['strict-transport-security'], urlPath).toEqual([
        'max-age=31536000; includeSubDomains',
      ]);
    expect(nginxSecurityHeaders()).toContain(
      'add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;',
    );
  });

  it('gives every path exactly one Cache-Control, so the hosts never join two', () => {
    const samples = [
      '/',
      '/index.html',
      '/404.html',
      '/appeals/',
      '/appeals/2/',
      '/appeals/2026-0101/',
      '/appeals/2026-0103/',
      '/appeals/region/north-west/',
      '/search/',
      '/help/',
      '/favicon.svg',
      '/_astro/Base.abc123.css',
      '/_astro/client.abc.js',
      '/_photos/photo-1.abc_def.avif',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-entry.json',
      '/pagefind/fragment/en_abc.pf_fragment',
      '/pagefind/index/en_abc.pf_index',
    ];
    for (const urlPath of samples) {
      const headers = headersFor(rules, urlPath);
      expect(headers['cache-control'], urlPath).toHaveLength(1);
      // Joined by the host into one value, which browsers enforce as two policies.
      expect(headers['content-security-policy'], urlPath).toEqual([
        PINNED_CSP_WITHOUT_FRAMING,
        PINNED_DENY_FRAMING,
      ]);
      expect(headers['x-frame-options'], urlPath).toEqual(['DENY']);
    }
  });

  it('lets only the embed be framed, by the sites in the settings', () => {
    for (const urlPath of ['/embed/latest/', '/embed/latest/index.html']) {
      const headers = headersFor(rules, urlPath);
      expect(headers['content-security-policy'], urlPath).toEqual([
        PINNED_CSP_WITHOUT_FRAMING,
        'frame-ancestors https://news.example.org https://*.partner.example',
      ]);
      expect(headers['x-frame-options'], urlPath).toBeUndefined();
      expect(headers['cache-control'], urlPath).toEqual([CACHE_CONTROL.revalidate]);
    }
    const anySite = parseHeaders(headersFile({ ...input, embedAllowedSites: undefined }));
    expect(headersFor(anySite, '/embed/latest/')['content-security-policy']).toEqual([
      PINNED_CSP_WITHOUT_FRAMING,
      'frame-ancestors *',
    ]);
    for (const urlPath of ['/feeds/appeals.xml', '/appeals/2026-0101/poster/', '/embedded/']) {
      expect(headersFor(rules, urlPath)['x-frame-options'], urlPath).toEqual(
        urlPath === '/embedded/' ? undefined : ['DENY'],
      );
    }
  });

  it('lets the Welsh embed be framed like the English one, and no other Welsh page', () => {
    // As the build lists them: the Welsh folder by its children (src/lib/publishing/host-files.ts).
    const welsh = {
      ...input,
      topLevelHtmlPaths: [
        ...input.topLevelHtmlPaths,
        'cy/404.html',
        'cy/appeals/',
        'cy/embed/',
        'cy/feeds/',
        'cy/help/',
        'cy/search/',
      ],
    };
    const cyRules = parseHeaders(headersFile(welsh));
    for (const urlPath of ['/cy/embed/latest/', '/cy/embed/latest/index.html', '/embed/latest/']) {
      const headers = headersFor(cyRules, urlPath);
      expect(headers['content-security-policy'], urlPath).toEqual([
        PINNED_CSP_WITHOUT_FRAMING,
        'frame-ancestors https://news.example.org https://*.partner.example',
      ]);
      expect(headers['x-frame-options'], urlPath).toBeUndefined();
      expect(headers['cache-control'], urlPath).toEqual([CACHE_CONTROL.revalidate]);
    }
    for (const urlPath of [
      '/cy/',
      '/cy/index.html',
      '/cy/404.html',
      '/cy/appeals/',
      '/cy/appeals/2026-0101/',
      '/cy/appeals/2026-0101/poster/',
      '/cy/feeds/appeals.xml',
      '/cy/help/',
      '/cy/search/',
    ]) {
      const headers = headersFor(cyRules, urlPath);
      expect(headers['x-frame-options'], urlPath).toEqual(['DENY']);
      expect(headers['content-security-policy'], urlPath).toEqual([
        PINNED_CSP_WITHOUT_FRAMING,
        PINNED_DENY_FRAMING,
      ]);
      expect(headers['cache-control'], urlPath).toHaveLength(1);
    }
    // One rule per Welsh child, never one for the whole folder, which would reach /cy/embed/ too.
    expect(cyRules.map((r) => r.path)).not.toContain('/cy/*');
    expect(headerRules(welsh).length - headerRules(input).length).toBe(7);
  });

  it('lists a built Welsh folder by its children, so its embed gets a rule of its own', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'host-paths-'));
    try {
      for (const folder of ['appeals', 'embed/latest', '_astro', 'cy/appeals', 'cy/embed/latest', 'cy/help'])
        mkdirSync(path.join(dir, folder), { recursive: true });
      for (const file of ['index.html', '404.html', 'favicon.svg', 'cy/index.html', 'cy/404.html'])
        writeFileSync(path.join(dir, file), '');
      const paths = topLevelHtmlPaths(dir);
      expect(paths).toEqual([
        'appeals/',
        'cy/404.html',
        'cy/appeals/',
        'cy/embed/',
        'cy/help/',
        'embed/',
        'favicon.svg',
      ]);
      const framing = parseHeaders(headersFile({ ...input, topLevelHtmlPaths: paths }));
      expect(headersFor(framing, '/cy/embed/latest/')['x-frame-options']).toBeUndefined();
      expect(headersFor(framing, '/cy/help/')['x-frame-options']).toEqual(['DENY']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes one language prefix, and never a language folder whole', () => {
    expect(htmlPathPatterns(['help/', 'cy/help/', 'cy/press.xml'])).toEqual([
      '/',
      '/index.html',
      '/404.html',
      '/cy/',
      '/cy/index.html',
      '/cy/help/*',
      '/cy/press.xml',
      '/help/*',
    ]);
    expect(() => htmlPathPatterns(['cy/'])).toThrow(/one by one/);
    expect(() => htmlPathPatterns(['cy/cy/help/'])).toThrow(/expected a file or folder name/);
    expect(() => htmlPathPatterns(['fr/help/'])).toThrow(/expected a file or folder name/);
    expect(() => htmlPathPatterns(['cy/../etc'])).toThrow(/expected a file or folder name/);
  });

  it('caches pages for no time, scripts and styles for ever, photos and search briefly and never immutably', () => {
    const cache = (urlPath: string) => headersFor(rules, urlPath)['cache-control']?.[0];
    for (const page of [
      '/',
      '/index.html',
      '/404.html',
      '/appeals/',
      '/appeals/2026-0101/',
      '/search/',
      '/help/',
    ])
      expect(cache(page), page).toBe(CACHE_CONTROL.revalidate);
    expect(cache('/_astro/Base.abc123.css')).toBe('public, max-age=31536000, immutable');
    expect(cache('/_photos/photo-1.abc_def.avif')).toBe('public, max-age=300, must-revalidate');
    for (const file of [
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind.js',
      '/pagefind/fragment/en_abc.pf_fragment',
    ]) {
      expect(cache(file), file).toBe('public, max-age=0, must-revalidate');
    }
    const immutable = rules.filter((r) =>
      r.headers.some(([name, value]) => name === 'Cache-Control' && value.includes('immutable')),
    );
    expect(immutable.map((r) => r.path)).toEqual(['/_astro/*']);
  });

  it('marks every form of a closed appeal URL, and the notice itself, noindex', () => {
    for (const urlPath of [
      '/appeals/2026-0103/',
      '/appeals/2026-0103/index.html',
      '/appeals/2025-0001/',
      '/appeals/closed/',
      '/appeals/closed/index.html',
    ]) {
      expect(headersFor(rules, urlPath)['x-robots-tag'], urlPath).toEqual(['noindex']);
    }
    expect(headersFor(rules, '/appeals/2026-0101/')['x-robots-tag']).toBeUndefined();
    expect(headersFor(rules, '/appeals/')['x-robots-tag']).toBeUndefined();
    expect(text).toContain('/appeals/2026-0103/*\n  X-Robots-Tag: noindex\n');
  });

  it('derives HTML path rules from top-level names and refuses asset folders or odd names', () => {
    expect(htmlPathPatterns(['search/', 'appeals', '/help/*', 'feed.xml', 'appeals/'])).toEqual([
      '/',
      '/index.html',
      '/404.html',
      '/appeals/*',
      '/feed.xml',
      '/help/*',
      '/search/*',
    ]);
    expect(() => htmlPathPatterns(['_astro/'])).toThrow(/caching rules of its own/);
    expect(() => htmlPathPatterns(['pagefind'])).toThrow(/caching rules of its own/);
    expect(() => htmlPathPatterns(['a b'])).toThrow(/expected a file or folder name/);
    expect(() => htmlPathPatterns(['../etc'])).toThrow(/expected a file or folder name/);
  });

  it('refuses an id that is not YYYY-NNNN, so nothing odd reaches a host file', () => {
    expect(() => headersFile({ ...input, closedIds: ['2026-0103\n/*'] })).toThrow(/expected YYYY-NNNN/);
    expect(() => netlifyRedirects(['amy-smith'])).toThrow(/expected YYYY-NNNN/);
  });

  it('has few rules: one per closed appeal and language on top of a fixed set (Cloudflare applies 100 at most)', () => {
    const base = headerRules({ closedIds: [], topLevelHtmlPaths: input.topLevelHtmlPaths }).length;
    expect(base).toBeLessThan(20);
    // Its English and its Welsh address.
    expect(headerRules(input)).toHaveLength(base + 4);
  });

  it('marks a closed appeal noindex at its Welsh address too, and the Welsh notice', () => {
    const paths = headerRules(input)
      .filter((r) => r.headers.some(([name]) => name === 'X-Robots-Tag'))
      .map((r) => r.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/appeals/2026-0103/*',
        '/cy/appeals/2026-0103/*',
        '/appeals/closed/*',
        '/cy/appeals/closed/*',
      ]),
    );
  });
});

describe('_redirects', () => {
  it('answers 410 with the neutral notice at every form of a closed appeal URL, forced over the page', () => {
    const lines = netlifyRedirects(['2026-0103'])
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual(
      expect.arrayContaining([
        '/appeals/2026-0103  /appeals/closed/index.html  410!',
        '/appeals/2026-0103/  /appeals/closed/index.html  410!',
        '/appeals/2026-0103/index.html  /appeals/closed/index.html  410!',
      ]),
    );
    expect(
      lines
        .filter((l) => l.startsWith('/appeals/2026-0103'))
        .every((l) => l.endsWith('  /appeals/closed/index.html  410!')),
    ).toBe(true);
    // Every Welsh address answers with the Welsh notice.
    expect(lines.filter((l) => l.startsWith('/cy/appeals/2026-0103'))).toEqual([
      '/cy/appeals/2026-0103  /cy/appeals/closed/index.html  410!',
      '/cy/appeals/2026-0103/  /cy/appeals/closed/index.html  410!',
      '/cy/appeals/2026-0103/index.html  /cy/appeals/closed/index.html  410!',
      '/cy/appeals/2026-0103/*  /cy/appeals/closed/index.html  410!',
    ]);
    expect(lines.filter((l) => l.includes('2026-0103'))).toHaveLength(8);
    expect(lines).toContain('/_gone/*  /404.html  404!');
  });

  it('names no active appeal', () => {
    expect(netlifyRedirects([])).not.toMatch(/\/appeals\/\d/);
  });
});

describe('nginx map', () => {
  const regex = new RegExp(APPEAL_URI_REGEX);
  const id = (uri: string) => regex.exec(uri)?.groups?.id;

  it('captures the id from every form of an appeal URL and anything below it', () => {
    expect(id('/appeals/2026-0103/')).toBe('2026-0103');
    expect(id('/appeals/2026-0103')).toBe('2026-0103');
    expect(id('/appeals/2026-0103/index.html')).toBe('2026-0103');
    expect(id('/appeals/2026-0103/poster.pdf')).toBe('2026-0103');
    expect(id('/cy/appeals/2026-0103/')).toBe('2026-0103');
    expect(id('/cy/appeals/2026-0103')).toBe('2026-0103');
    expect(id('/cy/appeals/2026-0103/poster/')).toBe('2026-0103');
  });

  it('gives the Welsh notice for a Welsh address, and says both notices are never indexed', () => {
    expect(closedNoticeFileFor('/cy/appeals/2026-0103/')).toBe('/cy/appeals/closed/index.html');
    expect(closedNoticeFileFor('/appeals/2026-0103/')).toBe('/appeals/closed/index.html');
    expect(closedNoticeFileFor('/cymru/appeals/2026-0103/')).toBe('/appeals/closed/index.html');
    for (const uri of ['/cy/appeals/closed', '/cy/appeals/closed/', '/appeals/closed/index.html'])
      expect(noindexPage(uri), uri).toBe(true);
    expect(noindexPage('/cy/appeals/')).toBe(false);
  });

  it('matches nothing else', () => {
    for (const uri of [
      '/appeals/',
      '/appeals/2/',
      '/appeals/closed/',
      '/appeals/closed/index.html',
      '/appeals/region/north-west/',
      '/appeals/2026-01033/',
      '/appeals/2026-103/',
      '/appeals/2026-0103x/',
      '/x/appeals/2026-0103/',
      '/cy/appeals/closed/',
      '/cy/x/appeals/2026-0103/',
      '/cymraeg/appeals/2026-0103/',
      '/_gone/2026-0103',
      '/appeals2026-0103/',
      '/',
    ]) {
      expect(id(uri), uri).toBeUndefined();
    }
  });

  it('puts the same expression in the map, with an empty default', () => {
    const conf = nginxMapConf();
    expect(conf).toContain(`map $uri $appeal_id {\n    "~${APPEAL_URI_REGEX}" $id;\n    default "";\n}`);
  });
});

describe('nginx server include', () => {
  const conf = nginxServerConf();
  const locations = [...conf.matchAll(/^location ([^{]+) \{\n([\s\S]*?)^\}/gm)].map((m) => ({
    match: m[1]!.trim(),
    body: m[2]!,
  }));
  const body = (match: string) => locations.find((l) => l.match === match)?.body ?? '';

  it('serves the neutral notice as the 410 body and the 404 page for 404s', () => {
    expect(conf).toContain('error_page 404 /404.html;');
    expect(conf).toContain('error_page 410 /appeals/closed/index.html;');
    expect(conf).not.toMatch(/error_page 410 =/);
  });

  it('serves the Welsh notice as the 410 body of a Welsh address, keeping the 404 page', () => {
    const welsh = body('/cy/appeals/');
    expect(welsh).toContain('error_page 410 /cy/appeals/closed/index.html;');
    expect(welsh).toContain('error_page 404 /404.html;');
    expect(welsh).toContain('error_page 403 =404 /404.html;');
    expect(welsh).toMatch(/if \(-f \$appeals_release\/_gone\/\$appeal_id\) \{\n\s+return 410;/);
    expect(body('/appeals/'), 'English keeps the server-level pages').not.toContain('error_page');
    expect(body('^~ /cy/appeals/closed/')).toContain('X-Robots-Tag "noindex"');
    expect(body('= /cy/appeals/closed')).toContain('X-Robots-Tag "noindex"');
  });

  it('answers 410 for an appeal whose marker is in the release, before trying its files', () => {
    const appeals = body('/appeals/');
    expect(appeals).toContain('if (-f $appeals_release/_gone/$appeal_id) {\n        return 410;\n    }');
    expect(appeals.indexOf('return 410')).toBeLessThan(appeals.indexOf('try_files'));
    expect(appeals).toContain('try_files $uri $uri/index.html =404;');
  });

  it('proxies only the alerts service endpoints to it on loopback, with a static page when it is down', () => {
    const alerts = body(
      '~ ^(/cy)?/alerts/(subscribe|confirm|unsubscribe|push/(key|subscribe|unsubscribe))/?$',
    );
    expect(alerts).toContain('proxy_pass http://127.0.0.1:4323;');
    expect(alerts).toContain('proxy_set_header X-Real-IP $remote_addr;');
    expect(alerts).toContain('client_max_body_size 16k;');
    expect(alerts).toContain('error_page 502 503 504 =503 /alerts/unavailable/index.html;');
    // The service sends the security headers itself: none added twice.
    expect(alerts).not.toContain('add_header');
    expect(nginxServerConf({ alertsUpstream: '127.0.0.1:5000' })).toContain(
      'proxy_pass http://127.0.0.1:5000;',
    );
    expect(() => nginxServerConf({ alertsUpstream: 'evil.example:80' })).toThrow(/127\.0\.0\.1/);
  });

  it('reads each request from one resolved release', () => {
    expect(conf).toContain('set $appeals_release $realpath_root;');
    expect(conf).toContain('disable_symlinks off;');
    for (const l of locations.filter((l) => !l.body.includes('internal;')))
      expect(l.body, l.match).toContain('root $appeals_release;');
  });

  it('lets only /embed/ be framed, by the sites given, with no X-Frame-Options there', () => {
    const embed =
      [
        ...nginxServerConf({ embedAllowedSites: ['https://news.example.org'] }).matchAll(
          /^location \^~ \/embed\/ \{\n([\s\S]*?)^\}/gm,
        ),
      ][0]?.[1] ?? '';
    expect(embed).toContain(
      `add_header Content-Security-Policy "${PINNED_CSP_WITHOUT_FRAMING}; frame-ancestors https://news.example.org" always;`,
    );
    expect(embed).not.toContain('X-Frame-Options');
    expect(embed).toContain('try_files $uri $uri/index.html =404;');
    expect(body('^~ /embed/')).toContain('frame-ancestors *');
    expect(body('^~ /cy/embed/')).toBe(body('^~ /embed/'));
  });

  it('repeats every security header, with always, in every location that adds headers', () => {
    const served = locations.filter(
      (l) => l.body.includes('add_header') && !['^~ /embed/', '^~ /cy/embed/'].includes(l.match),
    );
    expect(served.length).toBeGreaterThanOrEqual(7);
    for (const l of served) {
      for (const line of nginxSecurityHeaders().split('\n')) expect(l.body, l.match).toContain(line);
      expect(l.body.match(/add_header Cache-Control/g), l.match).toHaveLength(1);
      for (const line of l.body.split('\n').filter((x) => x.includes('add_header')))
        expect(line, l.match).toMatch(/ always;$/);
    }
    expect(nginxSecurityHeaders().split('\n')).toEqual([
      `add_header Content-Security-Policy "${PINNED_CSP}" always;`,
      ...Object.entries(PINNED_SHARED_HEADERS).map(
        ([name, value]) => `add_header ${name} "${value}" always;`,
      ),
      'add_header X-Frame-Options "DENY" always;',
    ]);
  });

  it('caches like _headers: immutable only under /_astro/', () => {
    expect(body('^~ /_astro/')).toContain(`add_header Cache-Control "${CACHE_CONTROL.immutable}" always;`);
    expect(body('^~ /_photos/')).toContain(`add_header Cache-Control "${CACHE_CONTROL.photos}" always;`);
    expect(body('^~ /pagefind/')).toContain(`add_header Cache-Control "${CACHE_CONTROL.search}" always;`);
    const immutable = locations.filter((l) => /add_header Cache-Control "[^"]*immutable/.test(l.body));
    expect(immutable.map((l) => l.match)).toEqual(['^~ /_astro/']);
  });

  it('marks the notice noindex and hides the markers and host files', () => {
    expect(body('^~ /appeals/closed/')).toContain('add_header X-Robots-Tag "noindex" always;');
    // Without its slash the notice is the same page: a location of its own, or it would go without.
    expect(body('= /appeals/closed')).toContain('add_header X-Robots-Tag "noindex" always;');
    expect(body('^~ /_gone/')).toContain('internal;');
    expect(body('= /_headers')).toContain('internal;');
    expect(body('= /_redirects')).toContain('internal;');
  });

  it('quotes nginx strings safely', () => {
    expect(nginxString("default-src 'self'")).toBe(`"default-src 'self'"`);
    expect(() => nginxString('$host')).toThrow();
    expect(() => nginxString('a"b')).toThrow();
  });

  it('writes a standalone nginx.conf that includes both files', () => {
    const main = nginxMainConf({
      root: '/srv/appeals/current',
      listen: '127.0.0.1:8080',
      includeDir: '/etc/appeals',
      pidFile: '/run/a.pid',
      errorLog: '/var/log/a.log',
      tempDir: '/tmp/a',
    });
    expect(main).toContain('include "/etc/appeals/appeals-map.conf";');
    expect(main).toContain(
      'root "/srv/appeals/current";\n        include "/etc/appeals/appeals-server.conf";',
    );
    expect(main).toContain('listen 127.0.0.1:8080;');
    expect(main).not.toContain('user ');
    expect(main.indexOf('appeals-map.conf')).toBeLessThan(main.indexOf('server {'));
  });
});
