import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { CLOUDFLARE_HEADER_RULE_LIMIT, GONE_DIR } from '../lib/hosting/host-config.ts';
import { missingNoticePages, writeHostFiles } from '../lib/publishing/host-files.ts';

/**
 * Writes what the hosts need beside the built site:
 * - `_headers` (Netlify, Cloudflare Pages): the strict CSP and security headers everywhere, and
 *   caching by kind of path; `X-Robots-Tag: noindex` on closed appeals.
 * - `_redirects` (Netlify): 410 Gone with the neutral notice at every closed appeal's URL.
 * - `_gone/<id>`: an empty marker per closed appeal, which nginx checks to answer 410. It lives in
 *   the release, so it switches atomically with the pages (see src/lib/hosting/host-config.ts).
 * The nginx configuration itself is not published; `scripts/nginx-config.ts` writes it.
 *
 * Closed ids come from the content validation integration's report, the source of truth for every page.
 */
export default function hostHeaders(options: {
  closedIds: () => string[];
  embedAllowedSites: readonly string[];
}): AstroIntegration {
  return {
    name: 'appeals:host-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const closed = options.closedIds();
        // Nothing half-published: every closed URL must have its notice page, and the 410 body must exist.
        const missing = missingNoticePages(outDir, closed);
        if (missing.length > 0)
          throw new Error(
            `Host configuration: the build lacks ${missing.join(', ')}; refusing to publish closed appeals without their notice.`,
          );

        const rules = writeHostFiles(outDir, closed, options.embedAllowedSites);
        if (rules > CLOUDFLARE_HEADER_RULE_LIMIT) {
          logger.warn(
            `_headers has ${rules} rules; Cloudflare Pages applies only the first ${CLOUDFLARE_HEADER_RULE_LIMIT}. ` +
              'Later closed appeals there lose the X-Robots-Tag header but keep the noindex meta tag in their page.',
          );
        }
        logger.info(
          `Wrote _headers, _redirects and ${closed.length} closed-appeal marker${closed.length === 1 ? '' : 's'} in ${GONE_DIR}/.`,
        );
      },
    },
  };
}
