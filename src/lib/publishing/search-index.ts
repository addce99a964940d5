// The Pagefind index, written with its Node API: by the build's integration and by the stopgap releases.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** Pages indexed across every language in Pagefind's entry file. */
export function indexedPageCount(entry: { languages?: Record<string, { page_count?: number }> }): number {
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

async function createIndex(): Promise<Index> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index || errors.length) throw new Error(`Search index could not be created: ${errors.join('; ')}`);
  return index;
}

/** Writes the index into `outDir/pagefind` and throws unless it holds exactly `expectedPages` pages. */
async function writeChecked(index: Index, outDir: string, expectedPages: number): Promise<number> {
  const outputPath = path.join(outDir, 'pagefind');
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length)
    throw new Error(`Search index could not be written: ${written.errors.join('; ')}`);
  // addDirectory counts every HTML file it read; the entry file counts the pages indexed.
  const indexed = indexedPageCount(
    JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')),
  );
  if (indexed !== expectedPages) {
    throw new Error(
      `Search index holds ${indexed} pages but there are ${expectedPages} active appeals; refusing to publish an incomplete index.`,
    );
  }
  return indexed;
}

/**
 * Indexes the built site in `outDir` into `outDir/pagefind` with Pagefind's Node API, and throws
 * unless it holds exactly `expectedPages` pages. Shared by the build and the benchmark.
 */
export async function buildSearchIndex(
  outDir: string,
  expectedPages: number,
): Promise<{ pages: number; milliseconds: number }> {
  const started = performance.now();
  try {
    const index = await createIndex();
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Search indexing failed: ${added.errors.join('; ')}`);
    const pages = await writeChecked(index, outDir, expectedPages);
    return { pages, milliseconds: Math.round(performance.now() - started) };
  } finally {
    await pagefind.close();
  }
}

/**
 * Starts indexing the given pages at once (Pagefind works in its own process meanwhile), for the
 * takedown: `write` then writes the index into `outDir/pagefind` and throws unless it holds exactly
 * `expectedPages` pages, like `buildSearchIndex`. `sourcePath` is the page's path in the site
 * (`appeals/2026-0042/index.html`), from which Pagefind makes its URL as `addDirectory` does.
 */
export async function startSearchIndex(
  pages: ReadonlyArray<{ sourcePath: string; content: string }>,
): Promise<{
  /** Sends more pages, for instance ones built after the index was started. */
  add(pages: ReadonlyArray<{ sourcePath: string; content: string }>): void;
  write(outDir: string, expectedPages: number): Promise<{ pages: number; milliseconds: number }>;
  close(): Promise<void>;
}> {
  const started = performance.now();
  let index: Index;
  try {
    index = await createIndex();
  } catch (error) {
    await pagefind.close();
    throw error;
  }
  // Sent now; awaited only when writing, so the caller can work while Pagefind indexes.
  const adding: Array<Promise<Array<{ errors: string[] }>>> = [];
  const add = (more: ReadonlyArray<{ sourcePath: string; content: string }>) => {
    const sent = Promise.all(more.map((page) => index.addHTMLFile(page)));
    sent.catch(() => undefined);
    adding.push(sent);
  };
  add(pages);
  return {
    add,
    async write(outDir, expectedPages) {
      try {
        const failed = (await Promise.all(adding)).flat().flatMap((a) => a.errors);
        if (failed.length) throw new Error(`Search indexing failed: ${failed.join('; ')}`);
        const indexed = await writeChecked(index, outDir, expectedPages);
        return { pages: indexed, milliseconds: Math.round(performance.now() - started) };
      } finally {
        await pagefind.close();
      }
    },
    close: async () => {
      await pagefind.close();
    },
  };
}
