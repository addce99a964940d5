import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from '../lib/publishing/search-index.ts';

/**
 * Builds the Pagefind index from the finished HTML, after every page is written.
 * Only pages marked `data-pagefind-body` (active appeals) are indexed. Any error fails the
 * build: a site without a working search index must never publish silently.
 */
export default function searchIndex(options: { expectedPages: () => number }): AstroIntegration {
  return {
    name: 'appeals:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, milliseconds } = await buildSearchIndex(fileURLToPath(dir), options.expectedPages());
        logger.info(`Indexed ${pages} active appeals for search in ${milliseconds} ms.`);
      },
    },
  };
}
