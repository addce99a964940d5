// The Pagefind index, in shards (src/lib/search/search-shards.ts), written with Pagefind's Node API:
// by the build's integration, and by the stopgap releases, which re-index only the shards they change.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { ASSET_DIRS } from '../hosting/host-config.ts';
import {
  pageAppealId,
  parseShardLayout,
  shardCount,
  shardFolder,
  shardOf,
  SHARDS_FILE,
  type ShardLayout,
} from '../search/search-shards.ts';
import { linkTree } from './file-tree.ts';
import { DEFAULT_LOCALE, LOCALES } from '../i18n/locales.ts';

/** An HTML page to index: its path in the site (`appeals/<id>/index.html`) and its text. */
export interface SearchPage {
  sourcePath: string;
  content: string;
}

/** The Pagefind runtime the search page imports; every shard's own files sit in `s<k>/`. */
export const SEARCH_RUNTIME = 'pagefind.js';
/** What each shard keeps of Pagefind's output: its entry, metadata, engine and chunks. */
const SHARD_FILES = /^(pagefind-entry\.json|.*\.pf_meta|wasm\.[a-z-]+\.pagefind|index|fragment|filter)$/;

/** What we read of Pagefind's `pagefind-entry.json`. */
type PagefindEntry = { languages?: Record<string, { page_count?: number }> };

/** Pages indexed across every language in Pagefind's entry file. */
export function indexedPageCount(entry: PagefindEntry): number {
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

const shardEntry = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;

/** Pages indexed per language (Pagefind keeps an index per `<html lang>`: English and Welsh). */
export function pagesPerLanguage(entries: readonly PagefindEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries)
    for (const [language, index] of Object.entries(entry.languages ?? {}))
      counts.set(language, (counts.get(language) ?? 0) + (index.page_count ?? 0));
  return counts;
}

/** Where a language's appeal pages are in a built site: English at the root, the others under their code. */
const APPEAL_PAGE_DIRS = [
  'appeals',
  ...LOCALES.filter((l) => l !== DEFAULT_LOCALE).map((l) => `${l}/appeals`),
];

/** The shard layout of a built release, or undefined when it has none (built before shards). */
export function releaseShardLayout(releaseDir: string): ShardLayout | undefined {
  const file = path.join(releaseDir, ASSET_DIRS.search, SHARDS_FILE);
  return existsSync(file) ? parseShardLayout(readFileSync(file, 'utf8')) : undefined;
}

/**
 * The search shards a stopgap re-indexes: those of the appeals it changes, in the live release's
 * layout. A live release from before the index had shards is re-indexed whole.
 */
export function searchShards(
  liveDir: string,
  changedIds: readonly string[],
  activeCount: number,
): { count: number; shards: Set<number> } {
  const layout = releaseShardLayout(liveDir);
  if (!layout) {
    const count = shardCount(activeCount);
    return { count, shards: new Set(Array.from({ length: count }, (_, k) => k)) };
  }
  return { count: layout.count, shards: new Set(changedIds.map((id) => shardOf(id, layout.count))) };
}

/**
 * Every page of a built site marked for indexing (`data-pagefind-body`), except the appeals in
 * `without` and pages outside `shards`' appeals when `shards` is given (count, shard numbers).
 */
export function searchablePages(
  releaseDir: string,
  without: readonly string[] = [],
  shards?: { count: number; only: ReadonlySet<number> },
): SearchPage[] {
  const skip = new Set(without);
  return APPEAL_PAGE_DIRS.filter((dir) => existsSync(path.join(releaseDir, dir)))
    .flatMap((dir) =>
      readdirSync(path.join(releaseDir, dir))
        .filter((id) => !skip.has(id) && (!shards || shards.only.has(shardOf(id, shards.count))))
        .map((id) => `${dir}/${id}/index.html`),
    )
    .filter((file) => existsSync(path.join(releaseDir, file)))
    .map((sourcePath) => ({ sourcePath, content: readFileSync(path.join(releaseDir, sourcePath), 'utf8') }))
    .filter((page) => page.content.includes('data-pagefind-body'));
}

type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

async function createIndex(): Promise<Index> {
  // Each page goes in its own language's index, by its `<html lang>`; the search page loads its own.
  const { index, errors } = await pagefind.createIndex();
  if (!index || errors.length) throw new Error(`Search index could not be created: ${errors.join('; ')}`);
  return index;
}

export interface ShardedIndex {
  /** Sends more pages (built after the index was started); each must fall in a started shard. */
  add(pages: readonly SearchPage[]): void;
  /**
   * Writes the started shards into `outDir/pagefind/`, hard-links the other shards from `others`
   * (the live release), writes the runtime and `shards.json`, and throws unless the index holds
   * exactly `expectedPages` pages.
   */
  write(
    outDir: string,
    options: { expectedPages: number; others?: string },
  ): Promise<{ pages: number; milliseconds: number; shards: number }>;
  close(): Promise<void>;
}

/**
 * Starts indexing `shards` (of `count`) with `pages` at once: Pagefind works in its own process
 * while the caller does other work, and `write` finishes it.
 */
export async function startSearchIndex(
  count: number,
  shards: Iterable<number>,
  pages: readonly SearchPage[],
): Promise<ShardedIndex> {
  const started = performance.now();
  const indexes = new Map<number, Index>();
  try {
    for (const shard of new Set(shards)) indexes.set(shard, await createIndex());
  } catch (error) {
    await pagefind.close();
    throw error;
  }
  // Sent now; awaited only when writing, so the caller can work while Pagefind indexes.
  const adding: Array<Promise<Array<{ errors: string[] }>>> = [];
  const add = (more: readonly SearchPage[]) => {
    const sent = Promise.all(
      more.map((page) => {
        const shard = shardOf(pageAppealId(page.sourcePath), count);
        const index = indexes.get(shard);
        if (!index) throw new Error(`Search index: ${page.sourcePath} is in shard ${shard}, not re-indexed`);
        return index.addHTMLFile(page);
      }),
    );
    sent.catch(() => undefined);
    adding.push(sent);
  };
  add(pages);
  return {
    add,
    async write(outDir, { expectedPages, others }) {
      try {
        const failed = (await Promise.all(adding)).flat().flatMap((a) => a.errors);
        if (failed.length) throw new Error(`Search indexing failed: ${failed.join('; ')}`);
        const root = path.join(outDir, ASSET_DIRS.search);
        mkdirSync(root, { recursive: true });
        const layout: ShardLayout = { count, shards: [] };
        const entries: PagefindEntry[] = [];
        for (let shard = 0; shard < count; shard++) {
          const dir = path.join(root, shardFolder(shard));
          const index = indexes.get(shard);
          if (index) {
            const written = await index.writeFiles({ outputPath: dir });
            if (written.errors.length)
              throw new Error(`Search index could not be written: ${written.errors.join('; ')}`);
            if (!existsSync(path.join(root, SEARCH_RUNTIME)))
              copyFileSync(path.join(dir, SEARCH_RUNTIME), path.join(root, SEARCH_RUNTIME));
            for (const name of readdirSync(dir))
              if (!SHARD_FILES.test(name)) rmSync(path.join(dir, name), { recursive: true, force: true });
          } else {
            const from = others && path.join(others, ASSET_DIRS.search, shardFolder(shard));
            if (!from || !existsSync(from)) continue;
            await linkTree(from, dir);
          }
          const entry = shardEntry(dir);
          // An empty shard has no language index, which the browser could not load: leave it out.
          if (indexedPageCount(entry) === 0) rmSync(dir, { recursive: true, force: true });
          else layout.shards.push(shardFolder(shard));
          entries.push(entry);
        }
        const perLanguage = pagesPerLanguage(entries);
        if (expectedPages > 0 && perLanguage.size === 0) perLanguage.set('any language', 0);
        // Every language must hold every active appeal: a missing Welsh page is an incomplete index too.
        for (const [language, pages] of perLanguage) {
          if (pages !== expectedPages)
            throw new Error(
              `Search index holds ${pages} pages but there are ${expectedPages} active appeals (pages in ${language}); refusing to publish an incomplete index.`,
            );
        }
        const total = [...perLanguage.values()].reduce((sum, pages) => sum + pages, 0);
        writeFileSync(path.join(root, SHARDS_FILE), `${JSON.stringify(layout)}\n`);
        return { pages: total, milliseconds: Math.round(performance.now() - started), shards: indexes.size };
      } finally {
        await pagefind.close();
      }
    },
    close: async () => {
      await pagefind.close();
    },
  };
}

/**
 * Indexes the built site in `outDir` into `outDir/pagefind/` in `count` shards, and throws unless it
 * holds exactly `expectedPages` pages. Shared by the build and the search benchmark.
 */
export async function buildSearchIndex(
  outDir: string,
  expectedPages: number,
  count: number,
): Promise<{ pages: number; milliseconds: number; shards: number }> {
  rmSync(path.join(outDir, ASSET_DIRS.search), { recursive: true, force: true });
  const all = Array.from({ length: count }, (_, shard) => shard);
  const index = await startSearchIndex(count, all, searchablePages(outDir));
  return index.write(outDir, { expectedPages });
}
