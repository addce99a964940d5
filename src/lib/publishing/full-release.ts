import { rmSync } from 'node:fs';
import path from 'node:path';
import { currentRelease, releaseName, releasesBeyond, stopgapReleases } from './releases.ts';
import { buildFailureLines, runSiteBuild } from './site-build.ts';
import {
  ClosedMeanwhile,
  publishRelease,
  type Candidate,
  type PublishContext,
  type PublishedRelease,
} from './publish-release.ts';
import { stage, StageError, stepTimer, type StageClock } from './stage-clock.ts';
import { cutRelease } from './takedown.ts';
import { filesUnder } from './file-tree.ts';

/** What the full release needs of the republish's options. */
interface FullReleaseInput {
  projectRoot: string;
  contentDir: string;
  deployDir: string;
  cacheDir: string;
  /** Keep this many newest releases (never fewer than the live one). */
  keep: number;
  clock: StageClock;
  log: (line: string) => void;
  publishing: Omit<PublishContext, 'stage'>;
  candidate: Pick<Candidate, 'activeIds' | 'closedIds' | 'appeals' | 'change'>;
  /** The takedown or early release this republish put live: stopgaps, deleted once it is live. */
  stopgaps: readonly string[];
  /** The removals feeds as the content says now, for a release that appeals closed during. */
  removals: () => Promise<Record<string, string>>;
}

type FullRelease = Pick<
  PublishedRelease,
  'liveAt' | 'changedUrls' | 'removedReleases' | 'prunedCacheFiles'
> & {
  release: string;
};

/**
 * The full release: build → the shared final step (verify → release → switch → clean-up → purge
 * hook), each on the republish's clock. A failure after the switch (the purge hook) names the
 * release, which is live.
 */
export async function fullRelease(input: FullReleaseInput): Promise<FullRelease> {
  const { clock, log } = input;
  const name = releaseName(new Date());
  const staging = path.join(input.deployDir, `.staging-${name}`);
  let candidate: Candidate = { kind: 'full build', dir: staging, name, ...input.candidate };
  try {
    await stage('build', clock, async () => {
      log('Building...');
      const result = await runSiteBuild({
        projectRoot: input.projectRoot,
        contentDir: input.contentDir,
        outDir: staging,
        env: { ASTRO_CACHE_DIR: input.cacheDir },
      });
      if (!result.ok)
        throw new StageError(
          'build',
          `The build failed (${result.ended}); nothing was published. The build said:\n${buildFailureLines(
            result.output,
          )
            .map((line) => `  ${line}`)
            .join('\n')}`,
        );
    });
    // Appeals closed while it built or verified: cut them out as a takedown would, and verify
    // again with the names closed now, until nothing was closed between verifying and switching.
    let published: PublishedRelease | undefined;
    while (!published) {
      try {
        published = await publishRelease(
          { ...input.publishing, stage: (stageName, run) => stage(stageName, clock, run) },
          candidate,
          {
            // A takedown or early release was a stopgap (its listings are stale): never a rollback target.
            retire: (live) => [
              ...input.stopgaps,
              ...stopgapReleases(input.deployDir, live),
              ...releasesBeyond(input.deployDir, input.keep, live),
            ],
            onLive: () => log(`Live: release ${candidate.name}.`),
          },
        );
      } catch (error) {
        if (!(error instanceof ClosedMeanwhile)) throw error;
        candidate = await cutClosed(input, candidate, error.ids);
      }
    }
    return {
      release: candidate.name,
      liveAt: published.liveAt,
      changedUrls: published.changedUrls,
      removedReleases: published.removedReleases,
      prunedCacheFiles: published.prunedCacheFiles,
    };
  } catch (error) {
    if (error instanceof StageError && currentRelease(input.deployDir) === candidate.name)
      error.released = candidate.name;
    throw error;
  }
}

/** A new candidate: `candidate` less `ids` (none: the same, to verify again), its old folder gone. */
async function cutClosed(input: FullReleaseInput, candidate: Candidate, ids: string[]): Promise<Candidate> {
  if (ids.length === 0) {
    input.log('Appeals were closed while the release was being checked: checking it again.');
    return candidate;
  }
  input.log(`Appeal(s) ${ids.join(', ')} closed during the build: taking them out of the new release...`);
  const name = releaseName(new Date());
  const dir = path.join(input.deployDir, `.staging-${name}`);
  try {
    const { activeIds } = await cutRelease({
      baseDir: candidate.dir,
      baseFiles: filesUnder(candidate.dir),
      activeIds: candidate.activeIds,
      closingIds: ids,
      stagingDir: dir,
      removals: input.removals,
      timer: stepTimer(),
    });
    const closing = new Set(ids);
    return {
      ...candidate,
      dir,
      name,
      activeIds,
      closedIds: [...new Set([...candidate.closedIds, ...ids])].sort(),
      appeals: Object.fromEntries(Object.entries(candidate.appeals).filter(([id]) => !closing.has(id))),
      change: { ...candidate.change, closing: [...new Set([...candidate.change.closing, ...ids])].sort() },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new StageError(
      'verify',
      `Could not take ${ids.join(', ')} out of the new release: ${(error as Error).message}`,
    );
  } finally {
    rmSync(candidate.dir, { recursive: true, force: true });
  }
}
