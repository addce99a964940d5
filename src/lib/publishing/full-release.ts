import path from 'node:path';
import { currentRelease, releaseName, releasesBeyond, stopgapReleases } from './releases.ts';
import { buildFailureLines, runSiteBuild } from './site-build.ts';
import {
  publishRelease,
  type Candidate,
  type PublishContext,
  type PublishedRelease,
} from './publish-release.ts';
import { stage, StageError, type StageClock } from './stage-clock.ts';

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
    const published = await publishRelease(
      { ...input.publishing, stage: (stageName, run) => stage(stageName, clock, run) },
      { kind: 'full build', dir: staging, name, ...input.candidate },
      {
        // A takedown or early release was a stopgap (its listings are stale): never a rollback target.
        retire: (live) => [
          ...input.stopgaps,
          ...stopgapReleases(input.deployDir, live),
          ...releasesBeyond(input.deployDir, input.keep, live),
        ],
        onLive: () => log(`Live: release ${name}.`),
      },
    );
    return {
      release: name,
      liveAt: published.liveAt,
      changedUrls: published.changedUrls,
      removedReleases: published.removedReleases,
      prunedCacheFiles: published.prunedCacheFiles,
    };
  } catch (error) {
    if (error instanceof StageError && currentRelease(input.deployDir) === name) error.released = name;
    throw error;
  }
}
