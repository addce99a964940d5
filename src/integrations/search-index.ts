import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** Pages indexed across every language in Pagefind's entry file. */
export function indexedPageCount(entry: { languages?: Record<string, { page_count?: number }> }): number {
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

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
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index || errors.length) throw new Error(`Search index could not be created: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length) throw new Error(`Search indexing failed: ${added.errors.join('; ')}`);
          const outputPath = path.join(outDir, 'pagefind');
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length) throw new Error(`Search index could not be written: ${written.errors.join('; ')}`);
          // addDirectory counts every HTML file it read; the entry file counts the pages indexed.
          const indexed = indexedPageCount(JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')));
          const expected = options.expectedPages();
          if (indexed !== expected) {
            throw new Error(`Search index holds ${indexed} pages but there are ${expected} active appeals; refusing to publish an incomplete index.`);
          }
          logger.info(`Indexed ${indexed} active appeals for search in ${Math.round(performance.now() - started)} ms.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
