import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import {
  ASSET_DIRS,
  CLOSED_NOTICE_FILE,
  CLOUDFLARE_HEADER_RULE_LIMIT,
  GONE_DIR,
  HOST_FILES,
  headerRules,
  headersFile,
  netlifyRedirects,
} from '../lib/host-config.ts';

/** The top-level entries of a build that the HTML caching rule covers: all but assets and host files. */
export function topLevelHtmlPaths(outDir: string): string[] {
  const skip = new Set<string>([...Object.values(ASSET_DIRS), ...HOST_FILES, 'index.html', '404.html']);
  return readdirSync(outDir, { withFileTypes: true })
    .filter((entry) => !skip.has(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name))
    .sort();
}

/**
 * Writes `_headers`, `_redirects` and the `_gone/<id>` markers into `outDir` for these closed ids;
 * returns the number of `_headers` rules. Shared by the build and the takedown (src/lib/takedown.ts).
 */
export function writeHostFiles(outDir: string, closed: readonly string[], embedAllowedSites: readonly string[]): number {
  const input = { closedIds: closed, topLevelHtmlPaths: topLevelHtmlPaths(outDir), embedAllowedSites };
  writeFileSync(path.join(outDir, '_headers'), headersFile(input));
  writeFileSync(path.join(outDir, '_redirects'), netlifyRedirects(closed));
  const goneDir = path.join(outDir, GONE_DIR);
  mkdirSync(goneDir, { recursive: true });
  for (const id of closed) writeFileSync(path.join(goneDir, id), '');
  return headerRules(input).length;
}

/**
 * Writes what the hosts need beside the built site:
 * - `_headers` (Netlify, Cloudflare Pages): the strict CSP and security headers everywhere, and
 *   caching by kind of path; `X-Robots-Tag: noindex` on closed appeals.
 * - `_redirects` (Netlify): 410 Gone with the neutral notice at every closed appeal's URL.
 * - `_gone/<id>`: an empty marker per closed appeal, which nginx checks to answer 410. It lives in
 *   the release, so it switches atomically with the pages (see src/lib/host-config.ts).
 * The nginx configuration itself is not published; `scripts/nginx-config.ts` writes it.
 *
 * Closed ids come from the content validation integration's report, the source of truth for every page.
 */
export default function hostHeaders(options: { closedIds: () => string[]; embedAllowedSites: readonly string[] }): AstroIntegration {
  return {
    name: 'appeals:host-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const closed = options.closedIds();
        // Nothing half-published: every closed URL must have its notice page, and the 410 body must exist.
        const missing = [CLOSED_NOTICE_FILE, ...closed.map((id) => `/appeals/${id}/index.html`)].filter((file) => !existsSync(path.join(outDir, file)));
        if (missing.length > 0) throw new Error(`Host configuration: the build lacks ${missing.join(', ')}; refusing to publish closed appeals without their notice.`);

        const rules = writeHostFiles(outDir, closed, options.embedAllowedSites);
        if (rules > CLOUDFLARE_HEADER_RULE_LIMIT) {
          logger.warn(
            `_headers has ${rules} rules; Cloudflare Pages applies only the first ${CLOUDFLARE_HEADER_RULE_LIMIT}. ` +
              'Later closed appeals there lose the X-Robots-Tag header but keep the noindex meta tag in their page.',
          );
        }
        logger.info(`Wrote _headers, _redirects and ${closed.length} closed-appeal marker${closed.length === 1 ? '' : 's'} in ${GONE_DIR}/.`);
      },
    },
  };
}
