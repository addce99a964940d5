/**
 * The search index is split into shards, each its own Pagefind bundle under `/pagefind/s<k>/`, which
 * the browser merges with Pagefind's `mergeIndex`. Pagefind cannot drop a page from an index, so a
 * closure re-indexes only the shard that held the appeal, and a new appeal only the shard it joins.
 * An appeal's shard is a hash of its id, so shards stay the same size and an appeal stays in its
 * shard from build to build while their number does not change.
 *
 * Every shard costs a first search one index chunk (Pagefind's chunks are about 12 kB whatever the
 * index's size), so there are as few as the re-indexing time allows: one per SHARD_SIZE appeals.
 */

/** Appeals per shard: re-indexing this many takes about 2 s on 2 cores (see BENCHMARKS.md). `SEARCH_SHARD_SIZE` overrides it (tests use 1, to have several). */
export const SHARD_SIZE = 2500;

/** The file beside the shards that lists them, for the browser and for the next stopgap release. */
export const SHARDS_FILE = 'shards.json';

export interface ShardLayout {
  /** How many shards appeals are hashed into. */
  count: number;
  /** The folders (`s0`, `s3`, …) of the shards that hold pages; an empty shard has none. */
  shards: string[];
}

export const shardFolder = (shard: number) => `s${shard}`;

export function shardCount(pages: number, shardSize = SHARD_SIZE): number {
  if (!Number.isInteger(shardSize) || shardSize < 1)
    throw new Error(`Search shard size: expected a whole number of at least 1, got ${shardSize}`);
  return Math.max(1, Math.ceil(pages / shardSize));
}

/** The shard of an appeal: FNV-1a of its id, so it never depends on the other appeals. */
export function shardOf(id: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
}

/** The appeal id of an indexed page, from its path in the site (`appeals/<id>/index.html`, `cy/appeals/<id>/index.html`). */
export function pageAppealId(sourcePath: string): string {
  const id = /^(?:cy\/)?appeals\/([^/]+)\/index\.html$/.exec(sourcePath)?.[1];
  if (!id)
    throw new Error(`Search index: ${sourcePath} is not an appeal page; only appeal pages are indexed`);
  return id;
}

export function parseShardLayout(text: string): ShardLayout {
  const layout = JSON.parse(text) as Partial<ShardLayout>;
  if (
    !Number.isInteger(layout.count) ||
    !Array.isArray(layout.shards) ||
    !layout.shards.every((s) => typeof s === 'string' && /^s\d+$/.test(s))
  )
    throw new Error(`${SHARDS_FILE}: expected {"count": n, "shards": ["s0", …]}`);
  return { count: layout.count!, shards: layout.shards };
}
