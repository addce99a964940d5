import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from '../lib/publishing/search-index.ts';
import { SHARD_SIZE, shardCount } from '../lib/search/search-shards.ts';
import { operatorEnv } from '../site/operator-env.ts';

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
        if (operatorEnv.subsetBuild) return;
        const expected = options.expectedPages();
        const count = shardCount(expected, operatorEnv.searchShardSize ?? SHARD_SIZE);
        const { pages, milliseconds } = await buildSearchIndex(fileURLToPath(dir), expected, count);
        logger.info(
          `Indexed ${pages} appeal pages (every language) for search in ${count} shard${count === 1 ? '' : 's'} in ${milliseconds} ms.`,
        );
      },
    },
  };
}
