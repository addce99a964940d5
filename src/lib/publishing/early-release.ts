import {
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import path from 'node:path';
import { checkedAppealIds } from '../model/appeal-id.ts';
import { APPEALS_DIR, appealDir, appealsDir } from '../content/appeal-folder.ts';
import { assetReferences } from '../release-files/page-references.ts';
import { filesUnder, linkTree, REGENERATED } from './file-tree.ts';
import { PHOTO_CACHE } from '../photos/photo-cache.ts';
import { SHARE_CARD_CACHE } from '../photos/cache-prune.ts';
import { releaseName } from './releases.ts';
import { buildFailureLines, runSiteBuild, SUBSET_BUILD_ENV } from './site-build.ts';
import { searchablePages, searchShards, startSearchIndex } from './search-index.ts';
import { stepTimer } from './stage-clock.ts';
import { digestsOf, publishStopgap, type EarlyReleaseSummary, type StopgapContext } from './stopgap.ts';

/**
 * The early release of new appeals: a high-risk child's appeal must be live in seconds, but a full
 * build at 1,000 appeals takes half a minute. So the republish first builds a site of just the new
 * appeals (Astro's fixed cost, a few seconds), copies their pages, poster, share card, photos and any
 * missing script or style into a hard-linked copy of the live release, indexes them for search, and
 * verifies and publishes that in full. Listings, feeds, the API and the sitemap gain the new appeals
 * with the full build that follows.
 */

const checkedIds = (ids: readonly string[]) => checkedAppealIds(ids, 'Early release');

/**
 * Writes to `dest` a content folder holding only `ids`: every top-level file or folder of
 * `contentDir` (settings) except `appeals/`, and each appeal's own folder.
 */
export function subsetContent(contentDir: string, ids: readonly string[], dest: string): void {
  checkedIds(ids);
  mkdirSync(appealsDir(dest), { recursive: true });
  for (const entry of readdirSync(contentDir)) {
    if (entry !== APPEALS_DIR)
      cpSync(path.join(contentDir, entry), path.join(dest, entry), { recursive: true });
  }
  for (const id of ids) cpSync(appealDir(contentDir, id), appealDir(dest, id), { recursive: true });
}

/**
 * A build cache for the subset build that shares the photo and share-card caches with the main
 * one, so the full build that follows finds the new photos and cards already made (the subset
 * build prunes nothing: SUBSET_BUILD_ENV). Astro's data store stays apart.
 */
export function subsetCache(mainCacheDir: string, dest: string): void {
  mkdirSync(dest, { recursive: true });
  for (const shared of [PHOTO_CACHE, SHARE_CARD_CACHE]) {
    const dir = path.join(mainCacheDir, shared);
    mkdirSync(dir, { recursive: true });
    symlinkSync(dir, path.join(dest, shared), 'dir');
  }
}

/**
 * The candidate's first half, made while the subset build runs: a hard-linked copy of the live
 * release without the regenerated search index and host files. `liveFiles`, the live release's
 * files as its manifest lists them, spares walking it.
 */
export async function linkLiveRelease(
  liveDir: string,
  stagingDir: string,
  liveFiles?: readonly string[],
): Promise<string[]> {
  if (existsSync(stagingDir)) throw new Error(`Early release: ${stagingDir} already exists`);
  return linkTree(liveDir, stagingDir, REGENERATED, undefined, liveFiles);
}

/**
 * The candidate's second half: each new appeal's folder from the subset build in place of anything
 * the live release had there (a reopened appeal's notice), and the assets those pages use that the
 * live release lacks, hard-linked from the subset build (its photos and cards are links to the
 * cache). Returns the files it added, which are not links to the live release.
 */
export function addSubsetAppeals(
  stagingDir: string,
  subsetDir: string,
  appealIds: readonly string[],
): { writtenFiles: string[] } {
  const ids = checkedIds(appealIds);
  if (ids.length === 0) throw new Error('Early release: no appeal to add');
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
      linkSync(path.join(from, file), path.join(to, file));
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
    linkSync(source, target);
    writtenFiles.push(asset);
  }
  return { writtenFiles };
}

/**
 * The early release of new appeals: a build of just the new appeals,
 * merged into a hard-linked copy of the live release, verified in full and switched to. If anything
 * fails, nothing is published and the full build publishes the new appeals as usual.
 */
export async function earlyRelease(context: StopgapContext): Promise<EarlyReleaseSummary> {
  const { live, liveDir, log } = context;
  const addedIds = context.change.added;
  const timer = stepTimer();
  const name = releaseName(new Date());
  const staging = path.join(context.deployDir, `.staging-${name}`);
  // Under a `.staging-` name, so a killed republish's leftovers are cleared like any build's.
  const work = path.join(context.deployDir, `.staging-${name}-subset`);
  const added = new Set(addedIds);
  const activeIds = [...new Set([...live.activeIds, ...addedIds])].sort();
  let index: Awaited<ReturnType<typeof startSearchIndex>> | undefined;
  let linking: Promise<string[]> | undefined;
  try {
    log(`Publishing ${addedIds.join(', ')} early, before the full build...`);
    subsetContent(context.contentDir, addedIds, path.join(work, 'content'));
    subsetCache(context.cacheDir, path.join(work, 'cache'));
    // The build of the new appeals, the copy of the live release and the indexing of its pages run together.
    const building = runSiteBuild({
      projectRoot: context.projectRoot,
      contentDir: path.join(work, 'content'),
      outDir: path.join(work, 'out'),
      env: { ASTRO_CACHE_DIR: path.join(work, 'cache'), [SUBSET_BUILD_ENV]: '1' },
    });
    linking = linkLiveRelease(liveDir, staging, Object.keys(live.files));
    linking.catch(() => undefined);
    const { count, shards } = searchShards(liveDir, addedIds, activeIds.length);
    index = await startSearchIndex(
      count,
      shards,
      searchablePages(liveDir, addedIds, { count, only: shards }),
    );
    const built = await building;
    const linked = await linking;
    if (!built.ok)
      throw new Error(
        `the build of the new appeals failed (${built.ended}): ${buildFailureLines(built.output, 3).join(' ')}`,
      );
    timer.step('build of the new appeals');
    const { writtenFiles } = addSubsetAppeals(staging, path.join(work, 'out'), addedIds);
    const replaced = new Set(writtenFiles);
    const isNew = (f: string) => replaced.has(f) || addedIds.some((id) => f.startsWith(`appeals/${id}/`));
    timer.step('copy');
    index.add(searchablePages(path.join(work, 'out')));
    await index.write(staging, { expectedPages: activeIds.length, others: liveDir });
    index = undefined;
    timer.step('search index');
    const published = await publishStopgap(
      context,
      {
        kind: 'early release',
        dir: staging,
        name,
        activeIds,
        // A reopened appeal shows its page again, no longer the notice.
        closedIds: live.closedIds.filter((id) => !added.has(id)),
        appeals: digestsOf(activeIds, context.digests, live.appeals),
        change: { closing: [], added: addedIds, edited: [] },
        unchanged: new Set(linked.filter((f) => !isNew(f))),
      },
      timer,
    );
    log('Now rebuilding the whole site, so listings, feeds and the sitemap show the new appeals too.');
    return { addedIds, release: name, liveAt: published.liveAt, ms: timer.elapsed(), steps: timer.steps };
  } catch (error) {
    await index?.close();
    // The copy may still be running: let it end before deleting it.
    await linking?.catch(() => undefined);
    rmSync(staging, { recursive: true, force: true });
    const reason = (error as Error).message;
    log(`Early release not published (${reason}); the full build publishes the new appeals instead.`);
    return { addedIds, ms: timer.elapsed(), fellBack: reason };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
