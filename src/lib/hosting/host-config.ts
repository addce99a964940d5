/**
 * Configuration for the hosts that serve the built site: `_headers` and `_redirects` for Netlify and
 * Cloudflare Pages, and include files for nginx. Pure functions of their inputs (no file system), so
 * every rule is unit-tested; `src/integrations/host-headers.ts` and `scripts/nginx-config.ts` write them.
 *
 * Caching follows what each path holds:
 * - HTML pages (and anything else not listed below) are revalidated on every use, so a closed appeal's
 *   page is replaced by the neutral notice as soon as a release is published.
 * - `/_astro/` holds hashed scripts and styles, never personal data: cached for ever (`immutable`).
 * - `/_photos/` holds children's photos and `/pagefind/` a search index whose fragments hold their
 *   names: personal data, so never `immutable`; a CDN purge or a short lifetime must recall them.
 *
 * Closed appeals keep their URL and answer 410 Gone with the neutral notice where the host allows it:
 * - nginx: the build leaves an empty marker file `_gone/<id>` for each closed appeal; see
 *   `nginxServerConf`.
 * - Netlify: `_redirects` rewrites the closed URLs to the notice with status `410!`.
 * - Cloudflare Pages: `_redirects` cannot set 410 (it ignores those lines), so a closed URL answers
 *   200 with its built page, which is the notice itself, plus `X-Robots-Tag: noindex` from `_headers`.
 */
import { APPEAL_ID_PATTERN } from '../model/appeal-id.ts';
import { DEFAULT_LOCALE, LOCALES, localePath, type Locale } from '../i18n/locales.ts';
import {
  BASE_CONTENT_SECURITY_POLICY,
  DENY_FRAMING,
  EMBED_PATH,
  SECURITY_HEADERS,
  SHARED_SECURITY_HEADERS,
  embedFraming,
  embedSecurityHeaders,
} from './security-headers.ts';

export const CACHE_CONTROL = {
  /** HTML pages, feeds and everything not listed below: always revalidated. */
  revalidate: 'public, max-age=0, must-revalidate',
  /** Hashed scripts and styles in `/_astro/`: safe to keep for ever. */
  immutable: 'public, max-age=31536000, immutable',
  /** Photos: personal data, so a short lifetime and never immutable, so a purge can recall them. */
  photos: 'public, max-age=300, must-revalidate',
  /** The Pagefind index: its entry file must be fresh, and its fragments hold children's names. */
  search: 'public, max-age=0, must-revalidate',
} as const;

/** Where the neutral notice is built (src/pages/appeals/closed.astro); hosts serve it as the 410 body. */
export const CLOSED_NOTICE_PATH = '/appeals/closed/';
export const CLOSED_NOTICE_FILE = '/appeals/closed/index.html';
/** The notice's URL without its slash, which hosts answer with the same page. */
const CLOSED_NOTICE_BARE = CLOSED_NOTICE_PATH.slice(0, -1);

/**
 * Where each language's appeals are: English at `/appeals/`, Welsh at `/cy/appeals/`. A closure
 * takes an appeal off every one, and each answers 410 with the notice in its own language.
 */
export const APPEAL_LOCALES: ReadonlyArray<{ locale: Locale; prefix: string }> = LOCALES.map((locale) => ({
  locale,
  prefix: locale === DEFAULT_LOCALE ? '' : `/${locale}`,
}));

/** The notice's file in `locale` (`/cy/appeals/closed/index.html`). */
export function closedNoticeFile(locale: Locale): string {
  return localePath(locale, CLOSED_NOTICE_FILE);
}

/** The notice's file for a request path: the Welsh notice under `/cy/`, else the English one. */
export function closedNoticeFileFor(uri: string): string {
  const welsh = APPEAL_LOCALES.find((l) => l.prefix !== '' && uri.startsWith(`${l.prefix}/`));
  return closedNoticeFile(welsh?.locale ?? DEFAULT_LOCALE);
}

/** A closed appeal's pages in every language, as files of the build (`appeals/<id>/index.html`). */
export function closedAppealPages(id: string): string[] {
  return APPEAL_LOCALES.map(({ prefix }) => `${prefix.slice(1)}${prefix ? '/' : ''}appeals/${id}/index.html`);
}

/**
 * True for a path (as nginx's `$uri`) whose page is never indexed: the notice in every spelling of its
 * URL, in each language, and the 404 page. (Every 404 and 410 answer, and a closed appeal's own URL,
 * are noindex too.)
 */
export function noindexPage(uri: string): boolean {
  return (
    APPEAL_LOCALES.some(
      ({ prefix }) =>
        uri === `${prefix}${CLOSED_NOTICE_BARE}` || uri.startsWith(`${prefix}${CLOSED_NOTICE_PATH}`),
    ) || uri === '/404.html'
  );
}

/** The folder in the build holding one empty marker file per closed appeal id (nginx reads them). */
export const GONE_DIR = '_gone';

/** Top-level folders of the build whose caching is set by their own rule, not the HTML rule. */
export const ASSET_DIRS = { astro: '_astro', photos: '_photos', search: 'pagefind' } as const;

/** Top-level names in the build that are host configuration, never pages. */
export const HOST_FILES: readonly string[] = ['_headers', '_redirects', GONE_DIR];

/**
 * Matches an appeal URL (as nginx's normalised `$uri`) in either language and captures its id as `id`:
 * the page in any of its forms (`/appeals/<id>`, `/appeals/<id>/`, `/cy/appeals/<id>/index.html`) and
 * anything below it, so nothing under a closed appeal's URL can outlive it, in English or in Welsh.
 * A PCRE and a JavaScript regular expression alike.
 */
export const APPEAL_URI_REGEX = '^(?:/cy)?/appeals/(?<id>[0-9]{4}-[0-9]{4})(/.*)?$';

/** Cloudflare Pages applies at most this many `_headers` rules. */
export const CLOUDFLARE_HEADER_RULE_LIMIT = 100;

export interface HeadersFileInput {
  /** Ids of closed (found or withdrawn) appeals. Not personal data. */
  closedIds: readonly string[];
  /**
   * Top-level entries of the build that are pages or other revalidated files (not `_astro`, `_photos`,
   * `pagefind` or host files): folder names such as `appeals`, `search`, `help` become `/<name>/*`, and
   * file names such as `favicon.svg` become `/<name>`. `/`, `/index.html` and `/404.html` are always in.
   */
  topLevelHtmlPaths: readonly string[];
  /** Sites that may frame the embed (settings `embed.allowedSites`); `*` for any. */
  embedAllowedSites?: readonly string[];
}

function checkedIds(ids: readonly string[]): string[] {
  for (const id of ids) {
    if (!APPEAL_ID_PATTERN.test(id))
      throw new Error(`Closed appeal id: expected YYYY-NNNN, got ${JSON.stringify(id)}`);
  }
  return [...new Set(ids)].sort();
}

/** The languages served under a prefix of their own (`cy` for `/cy/`). */
const PREFIXED_LOCALES: readonly Locale[] = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE);

/** Each language's embed path (`/embed/`, `/cy/embed/`): the only paths other sites may frame. */
const EMBED_PATHS: readonly string[] = LOCALES.map((locale) => localePath(locale, EMBED_PATH));

/**
 * The `_headers` path patterns for the top-level HTML entries, in a stable order without repeats.
 * A language's folder (`cy/`) is listed by its children (`cy/appeals/`, `cy/embed/`), never whole:
 * the hosts join every matching rule, so a `/cy/*` rule denying framing would also reach
 * `/cy/embed/`, and no later rule could undo it. Its own `/cy/` and `/cy/index.html` are always in.
 */
export function htmlPathPatterns(topLevelHtmlPaths: readonly string[]): string[] {
  const reserved = new Set<string>([...Object.values(ASSET_DIRS), ...HOST_FILES]);
  const patterns = ['/', '/index.html', '/404.html'];
  const entries = topLevelHtmlPaths.map((raw) => ({
    raw,
    name: raw.replace(/^\/+/, '').replace(/\/\*?$/, ''),
  }));
  const prefix = `(?:(?:${PREFIXED_LOCALES.join('|')})/)?`;
  const validName = new RegExp(`^${prefix}[A-Za-z0-9_][A-Za-z0-9._-]*$`);
  for (const { raw, name } of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (reserved.has(name)) throw new Error(`Top-level HTML path: "${name}" has caching rules of its own`);
    if ((PREFIXED_LOCALES as readonly string[]).includes(name))
      throw new Error(`Top-level HTML path: list the pages in "${name}/" one by one, not the whole folder`);
    if (!validName.test(name) || name.includes('..')) {
      throw new Error(
        `Top-level HTML path: expected a file or folder name at the top of the build or of a language's folder, got ${JSON.stringify(raw)}`,
      );
    }
    const locale = PREFIXED_LOCALES.find((l) => name.startsWith(`${l}/`));
    if (locale) {
      for (const root of [`/${locale}/`, `/${locale}/index.html`])
        if (!patterns.includes(root)) patterns.push(root);
    }
    const isFile = /\.[A-Za-z0-9]+$/.test(name) && !raw.endsWith('/') && !raw.endsWith('/*');
    const pattern = isFile ? `/${name}` : `/${name}/*`;
    if (!patterns.includes(pattern)) patterns.push(pattern);
  }
  return patterns;
}

export interface HeaderRule {
  path: string;
  headers: ReadonlyArray<readonly [string, string]>;
}

/**
 * The rules of `_headers`, in order. Netlify and Cloudflare Pages apply every rule whose path matches
 * and join repeated headers with commas, so each header comes from exactly one matching rule: security
 * headers only from `/*`, Cache-Control only from the one rule for the path's kind.
 */
export function headerRules({
  closedIds,
  topLevelHtmlPaths,
  embedAllowedSites = ['*'],
}: HeadersFileInput): HeaderRule[] {
  const ids = checkedIds(closedIds);
  const noindex = [['X-Robots-Tag', 'noindex']] as const;
  // The hosts join a header repeated by several matching rules into one comma-separated value,
  // which a browser reads as several policies, all enforced. So `/*` carries the policy without
  // framing, and each path's own rule adds its framing: denied everywhere but the embed.
  const deny = [
    ['Content-Security-Policy', DENY_FRAMING],
    ['X-Frame-Options', 'DENY'],
  ] as const;
  const embeds = EMBED_PATHS.map((path) => `${path}*`);
  const html = htmlPathPatterns(topLevelHtmlPaths).filter((path) => !embeds.includes(path));
  return [
    {
      path: '/*',
      headers: [
        ['Content-Security-Policy', BASE_CONTENT_SECURITY_POLICY],
        ...Object.entries(SHARED_SECURITY_HEADERS),
      ],
    },
    ...html.map((path) => ({
      path,
      headers: [['Cache-Control', CACHE_CONTROL.revalidate], ...deny] as const,
    })),
    ...embeds.map((path) => ({
      path,
      headers: [
        ['Cache-Control', CACHE_CONTROL.revalidate],
        ['Content-Security-Policy', embedFraming(embedAllowedSites)],
      ] as const,
    })),
    { path: `/${ASSET_DIRS.astro}/*`, headers: [['Cache-Control', CACHE_CONTROL.immutable], ...deny] },
    { path: `/${ASSET_DIRS.photos}/*`, headers: [['Cache-Control', CACHE_CONTROL.photos], ...deny] },
    { path: `/${ASSET_DIRS.search}/*`, headers: [['Cache-Control', CACHE_CONTROL.search], ...deny] },
    // One rule each: a splat also matches nothing, so `/x/*` covers `/x/` and `/x/index.html`. A
    // second rule for `/x/` would send `noindex, noindex` and spend Cloudflare's 100-rule budget.
    ...APPEAL_LOCALES.map(({ prefix }) => ({ path: `${prefix}${CLOSED_NOTICE_PATH}*`, headers: noindex })),
    // Cloudflare Pages cannot answer 410, so a closed URL is 200 with the notice and this header.
    ...ids.flatMap((id) =>
      APPEAL_LOCALES.map(({ prefix }) => ({ path: `${prefix}/appeals/${id}/*`, headers: noindex })),
    ),
  ];
}

/** The `_headers` file (Netlify and Cloudflare Pages format). */
export function headersFile(input: HeadersFileInput): string {
  const blocks = headerRules(input).map((rule) =>
    [rule.path, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
  );
  return `# Generated by the build (src/lib/hosting/host-config.ts); do not edit.\n${blocks.join('\n\n')}\n`;
}

/**
 * `_redirects` lines (Netlify format) that answer 410 Gone with the neutral notice at every form of a
 * closed appeal's URL. `!` forces the rule although the appeal's own page exists. Cloudflare Pages
 * ignores these lines (it allows only redirects and 200), and serves the built notice page instead.
 */
export function netlifyRedirects(closedIds: readonly string[]): string {
  const lines = ['# Generated by the build (src/lib/hosting/host-config.ts); do not edit.'];
  for (const id of checkedIds(closedIds)) {
    for (const { locale, prefix } of APPEAL_LOCALES)
      for (const from of [
        `${prefix}/appeals/${id}`,
        `${prefix}/appeals/${id}/`,
        `${prefix}/appeals/${id}/index.html`,
        `${prefix}/appeals/${id}/*`,
      ]) {
        lines.push(`${from}  ${closedNoticeFile(locale)}  410!`);
      }
  }
  // The nginx markers are no business of anyone else's.
  lines.push(`/${GONE_DIR}/*  /404.html  404!`);
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// nginx

/** A double-quoted nginx string. Refuses what nginx would read as a variable or an escape. */
export function nginxString(value: string): string {
  if (/["\\$\n\r]/.test(value)) throw new Error(`Cannot put ${JSON.stringify(value)} in an nginx string`);
  return `"${value}"`;
}

function addHeader(name: string, value: string): string {
  // `always`, so 404 and 410 responses carry the header too.
  return `add_header ${name} ${nginxString(value)} always;`;
}

/**
 * The security headers as nginx `add_header` lines. nginx applies a level's `add_header` only when
 * the location declares none of its own, so every location below repeats these.
 */
export function nginxSecurityHeaders(headers: Record<string, string> = SECURITY_HEADERS): string {
  return Object.entries(headers)
    .map(([name, value]) => addHeader(name, value))
    .join('\n');
}

/**
 * The http-level include (`appeals-map.conf`): `$appeal_id` is the appeal id in the request's URL, or
 * empty. Keep this map free of release data: the list of closed ids lives in the release itself.
 */
export function nginxMapConf(): string {
  return `# Generated by scripts/nginx-config.ts (src/lib/hosting/host-config.ts); do not edit.
# Include at http level, before the server that includes appeals-server.conf.
map $uri $appeal_id {
    "~${APPEAL_URI_REGEX}" $id;
    default "";
}
`;
}

function indent(text: string, by = '    '): string {
  return text
    .split('\n')
    .map((line) => (line ? by + line : line))
    .join('\n');
}

function location(match: string, body: string[]): string {
  return `location ${match} {\n${indent(body.join('\n'))}\n}`;
}

/**
 * The server-level include (`appeals-server.conf`). The including server sets `root` to the
 * published release, normally a symlink such as `/srv/appeals/current` that the publisher switches
 * atomically (rename of a new symlink over the old) to a folder holding one complete build.
 *
 * How a closed appeal answers 410: the build writes an empty file `_gone/<id>` into the release for
 * each closed appeal. The appeal location checks `-f <release>/_gone/$appeal_id` and returns 410;
 * `error_page 410` then serves the neutral notice (`/appeals/closed/index.html`) with the status kept
 * at 410. The markers live inside the release folder, so they switch together with the pages in the
 * same atomic rename. A list of closed ids in nginx's own configuration (a map) would need a reload,
 * which cannot happen at the same instant as the switch; for a moment the old pages would be served
 * with the new list or the reverse.
 *
 * One request, one release: `$realpath_root` resolves the `root` symlink at the start of the request,
 * and every location serves files from that resolved folder, so a switch mid-request cannot mix the
 * marker check of one release with the files of another. Only the error pages (the notice, 404),
 * reached by an internal redirect, resolve it afresh; every release holds them alike.
 */
export function nginxServerConf(
  options: { embedAllowedSites?: readonly string[]; alertsUpstream?: string } = {},
): string {
  const security = nginxSecurityHeaders().split('\n');
  const served = (cacheControl: string, ...extra: string[]): string[] => [
    'root $appeals_release;',
    ...security,
    addHeader('Cache-Control', cacheControl),
    ...extra,
  ];
  const embedHeaders = nginxSecurityHeaders(embedSecurityHeaders(options.embedAllowedSites ?? ['*'])).split(
    '\n',
  );
  const pages = 'try_files $uri $uri/index.html =404;';
  const files = 'try_files $uri =404;';
  const blocks = [
    location('/', [...served(CACHE_CONTROL.revalidate), pages]),
    ...APPEAL_LOCALES.flatMap(({ locale, prefix }) => [
      location(`${prefix}/appeals/`, [
        ...served(CACHE_CONTROL.revalidate),
        '# A closed appeal: its marker is in this release. `return` is safe inside `if`.',
        `if (-f $appeals_release/${GONE_DIR}/$appeal_id) {`,
        '    return 410;',
        '}',
        // A location's own error_page replaces the server's, so the Welsh one repeats them all.
        ...(locale === DEFAULT_LOCALE
          ? []
          : [
              `# The 410 body in this language; the others as the server's.`,
              `error_page 410 ${closedNoticeFile(locale)};`,
              'error_page 404 /404.html;',
              'error_page 403 =404 /404.html;',
            ]),
        pages,
      ]),
      location(`^~ ${prefix}${CLOSED_NOTICE_PATH}`, [
        '# The neutral notice; also the body of every 410 (status kept by error_page).',
        ...served(CACHE_CONTROL.revalidate, addHeader('X-Robots-Tag', 'noindex')),
        pages,
      ]),
      location(`= ${prefix}${CLOSED_NOTICE_BARE}`, [
        '# The notice without its slash: the same page, so the same noindex (noindexPage).',
        ...served(CACHE_CONTROL.revalidate, addHeader('X-Robots-Tag', 'noindex')),
        pages,
      ]),
    ]),
    ...EMBED_PATHS.map((embedPath) =>
      location(`^~ ${embedPath}`, [
        '# The one path other sites may frame, in each language (settings: embed.allowedSites).',
        'root $appeals_release;',
        ...embedHeaders,
        addHeader('Cache-Control', CACHE_CONTROL.revalidate),
        pages,
      ]),
    ),
    location('= /404.html', [
      ...served(CACHE_CONTROL.revalidate, addHeader('X-Robots-Tag', 'noindex')),
      files,
    ]),
    location(`^~ /${ASSET_DIRS.astro}/`, [
      '# Hashed scripts and styles: never personal data.',
      ...served(CACHE_CONTROL.immutable),
      files,
    ]),
    location(`^~ /${ASSET_DIRS.photos}/`, [
      '# Personal data: never immutable, so a purge can recall them.',
      ...served(CACHE_CONTROL.photos),
      files,
    ]),
    location(`^~ /${ASSET_DIRS.search}/`, [
      "# The entry file must be fresh; fragments hold children's names.",
      ...served(CACHE_CONTROL.search),
      files,
    ]),
    location(`^~ /${GONE_DIR}/`, ['internal;']),
    location('= /_headers', ['internal;']),
    location('= /_redirects', ['internal;']),
    alertsLocation(options.alertsUpstream ?? DEFAULT_ALERTS_UPSTREAM),
  ];
  return `# Generated by scripts/nginx-config.ts (src/lib/hosting/host-config.ts); do not edit.
# Include in the server block that serves the site, after its \`root\` (the release symlink).
# Needs appeals-map.conf at http level.
#
# Closed appeals answer 410 Gone with the neutral notice. The build writes an empty marker file
# ${GONE_DIR}/<id> into the release for each closed appeal. The markers switch atomically with the
# release symlink; a map of closed ids in this file would need an nginx reload, which is not atomic
# with the switch.

# Follow the release symlink (the default, stated because the scheme depends on it).
disable_symlinks off;
server_tokens off;
charset utf-8;
absolute_redirect off;

# The release folder behind \`root\`, resolved when the request starts: the marker check and the files
# served come from one whole release even if the symlink is switched meanwhile. (An error page is
# served after an internal redirect, which resolves it afresh; every release holds the same pages.)
set $appeals_release $realpath_root;

error_page 404 /404.html;
# The status stays 410: error_page without "=" keeps it. recursive_error_pages is off, so an error
# while serving the notice cannot loop.
error_page 410 ${CLOSED_NOTICE_FILE};
# A folder without index.html is not listed; it is simply not there.
error_page 403 =404 /404.html;

${blocks.join('\n\n')}
`;
}

/** Where `npm run alerts` listens unless ALERTS_PORT says otherwise. */
export const DEFAULT_ALERTS_UPSTREAM = '127.0.0.1:4323';

/** The static page of the site nginx answers with when the alerts service cannot be reached. */
export const ALERTS_UNAVAILABLE_FILE = '/alerts/unavailable/index.html';

/**
 * The alerts service's endpoints (issue 21), proxied to it on loopback; every other page under
 * /alerts/ is a static page of the release (and the same under /cy/, where Welsh emails link). The
 * service sends the security headers itself. When it is down, nginx answers 503 with the site's "could not be reached" page, so no page breaks.
 */
function alertsLocation(upstream: string): string {
  if (!/^127\.0\.0\.1:\d{1,5}$/.test(upstream))
    throw new Error(`Alerts service: expected 127.0.0.1:<port>, got ${JSON.stringify(upstream)}`);
  return location('~ ^(/cy)?/alerts/(subscribe|confirm|unsubscribe|push/(key|subscribe|unsubscribe))/?$', [
    '# The alerts service (npm run alerts); the forms and the web push button on the site post here.',
    'root $appeals_release;',
    `proxy_pass http://${upstream};`,
    'proxy_set_header Host $host;',
    '# The client, for its rate limits (ALERTS_TRUST_PROXY=1); a value the client sent is replaced.',
    'proxy_set_header X-Real-IP $remote_addr;',
    'proxy_set_header X-Forwarded-For $remote_addr;',
    'proxy_set_header X-Forwarded-Proto $scheme;',
    'client_max_body_size 16k;',
    'proxy_connect_timeout 5s;',
    'proxy_read_timeout 30s;',
    `error_page 502 503 504 =503 ${ALERTS_UNAVAILABLE_FILE};`,
  ]);
}

export interface NginxMainConfOptions {
  /** The published release: the deploy's `current` symlink, or a `dist` folder. */
  root: string;
  /** What to listen on, e.g. `127.0.0.1:8080`. */
  listen: string;
  /** The folder holding appeals-map.conf and appeals-server.conf. */
  includeDir: string;
  pidFile: string;
  errorLog: string;
  /** Folder for nginx's temporary files (request bodies and the unused proxy caches). */
  tempDir: string;
  /** The worker user, when nginx starts as root. */
  user?: string;
  /** Run in the foreground (for tests and local use). */
  foreground?: boolean;
  mimeTypes?: string;
}

/** A complete standalone `nginx.conf` that serves one release with both includes, for local use and tests. */
export function nginxMainConf(options: NginxMainConfOptions): string {
  const path = (value: string): string => nginxString(value);
  const lines = [
    '# Generated by scripts/nginx-config.ts for local use and tests. In production, include',
    '# appeals-map.conf at http level and appeals-server.conf in your own server block instead.',
    ...(options.foreground ? ['daemon off;'] : []),
    'master_process on;',
    'worker_processes 1;',
    ...(options.user ? [`user ${options.user};`] : []),
    `pid ${path(options.pidFile)};`,
    `error_log ${path(options.errorLog)} warn;`,
    '',
    'events {',
    '    worker_connections 256;',
    '}',
    '',
    'http {',
    `    include ${path(options.mimeTypes ?? '/etc/nginx/mime.types')};`,
    '    default_type application/octet-stream;',
    '    access_log off;',
    '    sendfile on;',
    `    client_body_temp_path ${path(`${options.tempDir}/client_body`)};`,
    `    proxy_temp_path ${path(`${options.tempDir}/proxy`)};`,
    `    fastcgi_temp_path ${path(`${options.tempDir}/fastcgi`)};`,
    `    uwsgi_temp_path ${path(`${options.tempDir}/uwsgi`)};`,
    `    scgi_temp_path ${path(`${options.tempDir}/scgi`)};`,
    `    include ${path(`${options.includeDir}/appeals-map.conf`)};`,
    '',
    '    server {',
    `        listen ${options.listen};`,
    `        root ${path(options.root)};`,
    `        include ${path(`${options.includeDir}/appeals-server.conf`)};`,
    '    }',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
