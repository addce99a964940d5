import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from '../lib/publishing/search-index.ts';
import { shardCount, shardSizeFrom } from '../lib/search/search-shards.ts';
import { SUBSET_BUILD_ENV } from '../lib/publishing/site-build.ts';

/**
 * Builds the Pagefind index from the finished HTML, after every page is written, in shards
 * (src/lib/search/search-shards.ts). Only pages marked `data-pagefind-body` (active appeals) are
 * indexed. Any error fails the build: a site without a working search index must never publish silently.
 */
export default function searchIndex(options: { expectedPages: () => number }): AstroIntegration {
  return {
    name: 'appeals:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // The early release's build of its new appeals: the early release indexes them itself.
        if (process.env[SUBSET_BUILD_ENV] === '1') return;
        const expected = options.expectedPages();
        const count = shardCount(expected, shardSizeFrom(process.env));
        const { pages, milliseconds } = await buildSearchIndex(fileURLToPath(dir), expected, count);
        logger.info(
          `Indexed ${pages} active appeals for search in ${count} shard${count === 1 ? '' : 's'} in ${milliseconds} ms.`,
        );
      },
    },
  };
}
