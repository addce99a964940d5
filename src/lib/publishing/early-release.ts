import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import path from 'node:path';
import { checkedAppealIds } from '../model/appeal-id.ts';
import { filesUnder } from './file-tree.ts';
import { ASSET_DIRS } from '../hosting/host-config.ts';
import { linkTree, REGENERATED } from './takedown.ts';
import { escapeRe } from '../model/name-matching.ts';

/**
 * The early release of new appeals: a high-risk child's appeal must be live in seconds, but a full
 * build at 1,000 appeals takes half a minute. So the republish first builds a site of just the new
 * appeals (Astro's fixed cost, a few seconds), copies their pages, poster, share card, photos and any
 * missing script or style into a hard-linked copy of the live release, indexes them for search, and
 * verifies and publishes that in full. Listings, feeds, the API and the sitemap gain the new appeals
 * with the full build that follows.
 */

const checkedIds = (ids: readonly string[]) => checkedAppealIds(ids, 'Early release');

/** Appeals active now that the live release does not show; empty if anything it shows has closed. */
export function addedAppeals(liveActiveIds: readonly string[], activeIds: readonly string[]): string[] {
  const now = new Set(activeIds);
  if (!liveActiveIds.every((id) => now.has(id))) return [];
  const live = new Set(liveActiveIds);
  return activeIds.filter((id) => !live.has(id)).sort();
}

/**
 * Writes to `dest` a content folder holding only `ids`: every top-level file or folder of
 * `contentDir` (settings) except `appeals/`, and each appeal's own folder.
 */
export function subsetContent(contentDir: string, ids: readonly string[], dest: string): void {
  checkedIds(ids);
  mkdirSync(path.join(dest, 'appeals'), { recursive: true });
  for (const entry of readdirSync(contentDir)) {
    if (entry !== 'appeals')
      cpSync(path.join(contentDir, entry), path.join(dest, entry), { recursive: true });
  }
  for (const id of ids)
    cpSync(path.join(contentDir, 'appeals', id), path.join(dest, 'appeals', id), { recursive: true });
}

/**
 * A build cache for the subset build that shares the image cache (`assets/`) with the main one, so
 * the full build that follows finds the new photos already encoded. Everything else (Astro's data
 * store, share cards, which the build prunes to the appeals it sees) stays apart.
 */
export function subsetCache(mainCacheDir: string, dest: string): void {
  const assets = path.join(mainCacheDir, 'assets');
  mkdirSync(assets, { recursive: true });
  mkdirSync(dest, { recursive: true });
  symlinkSync(assets, path.join(dest, 'assets'), 'dir');
}

/** Site-relative paths of the scripts, styles and photos a page uses (`_astro/…`, `_photos/…`). */
export function assetReferences(html: string): string[] {
  const dirs = [ASSET_DIRS.astro, ASSET_DIRS.photos].map(escapeRe).join('|');
  return [
    ...new Set([...html.matchAll(new RegExp(`/((?:${dirs})/[^"'\\s,)<>?#]+)`, 'g'))].map((m) => m[1]!)),
  ];
}

export interface EarlyReleaseInput {
  liveDir: string;
  /** Where to make the candidate; must not exist yet. */
  stagingDir: string;
  /** The output of the build of just the new appeals. */
  subsetDir: string;
  ids: readonly string[];
}

/**
 * Makes the candidate: a hard-linked copy of the live release (without the regenerated search
 * index and host files), each new appeal's folder from the subset build in place of anything the
 * live release had there (a reopened appeal's notice), and the assets those pages use that the live
 * release lacks. Returns the files it wrote, which are not links to the live release.
 */
export async function stageEarlyRelease(input: EarlyReleaseInput): Promise<{ writtenFiles: string[] }> {
  checkedIds(input.ids);
  if (input.ids.length === 0) throw new Error('Early release: no appeal to add');
  await linkLiveRelease(input.liveDir, input.stagingDir);
  return addSubsetAppeals(input.stagingDir, input.subsetDir, input.ids);
}

/** The first half of `stageEarlyRelease`, which the republish runs while the subset build runs. */
export async function linkLiveRelease(liveDir: string, stagingDir: string): Promise<void> {
  if (existsSync(stagingDir)) throw new Error(`Early release: ${stagingDir} already exists`);
  await linkTree(liveDir, stagingDir, REGENERATED);
}

/** The second half of `stageEarlyRelease`: the new appeals' files and the assets they need. */
export function addSubsetAppeals(
  stagingDir: string,
  subsetDir: string,
  appealIds: readonly string[],
): { writtenFiles: string[] } {
  const ids = checkedIds(appealIds);
  const writtenFiles: string[] = [];
  const assets = new Set<string>();
  for (const id of ids) {
    const from = path.join(subsetDir, 'appeals', id);
    if (!existsSync(path.join(from, 'index.html')))
      throw new Error(`Early release: the subset build has no page for ${id}`);
    const to = path.join(stagingDir, 'appeals', id);
    rmSync(to, { recursive: true, force: true });
    for (const file of filesUnder(from)) {
      mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
      copyFileSync(path.join(from, file), path.join(to, file));
      writtenFiles.push(path.join('appeals', id, file));
      if (file.endsWith('.html'))
        for (const ref of assetReferences(readFileSync(path.join(from, file), 'utf8'))) assets.add(ref);
    }
  }
  for (const asset of assets) {
    const target = path.join(stagingDir, asset);
    if (existsSync(target)) continue;
    const source = path.join(subsetDir, asset);
    if (!existsSync(source))
      throw new Error(`Early release: ${asset}, used by a new page, is not in the subset build`);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(source, target);
    writtenFiles.push(asset);
  }
  return { writtenFiles };
}
