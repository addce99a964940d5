import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { acquireLock, LockBusyError, withSwitchLock } from './deploy-lock.ts';
import { archivedNames } from '../lifecycle/appeal-archive.ts';
import { formatProblem } from '../content/content-errors.ts';
import { idsByStatus } from '../content/content-report.ts';
import { loadSettings } from '../content/load-settings.ts';
import { validateContent } from '../content/validate-content.ts';
import { formatCalendarDate, type CalendarDate } from '../model/calendar-date.ts';
import { removalsFeedFiles } from '../outputs/feed-files.ts';
import { currentRelease, liveManifest, releasesDir } from './releases.ts';
import { clearLeftovers } from './leftovers.ts';
import { scanAppeals } from './content-scan.ts';
import { describeChange, releaseChange, type ReleaseChange } from './release-change.ts';
import { vanishedAppeals, vanishedProblem } from './vanished-appeals.ts';
import type { PublishContext } from './publish-release.ts';
import {
  stage,
  StageError,
  type RepublishStep,
  type Stage,
  type StageClock,
  type StepState,
} from './stage-clock.ts';
import { digestsOf, type EarlyReleaseSummary, type TakedownSummary } from './stopgap.ts';
import { takeDownClosed } from './takedown.ts';
import { readRetractions, recordRetractions, retractedSince } from './retractions.ts';
import { earlyRelease } from './early-release.ts';
import { fullRelease } from './full-release.ts';

/** The lock every republish holds, from the command line or the studio: one at a time. */
export const publishLockDir = (deployDir: string) => path.join(deployDir, '.lock');

export interface RepublishOptions {
  projectRoot: string;
  contentDir: string;
  deployDir: string;
  archiveDir: string;
  cacheDir: string;
  publicDir: string;
  /** Keep this many newest releases (never fewer than the live one). */
  keep: number;
  wait: boolean;
  /** A shell command given the changed URLs as JSON on stdin, after the switch. */
  purgeHook?: string | undefined;
  /** The date the content is checked and the removals feeds dated for, as the build's: `buildDate()`. */
  today: CalendarDate;
  /** Take newly closed appeals down from the live release before the full build (`NO_TAKEDOWN=1`: no). */
  takedown: boolean;
  /** Publish newly added appeals early, before the full build (`NO_EARLY_RELEASE=1`: no). */
  earlyRelease: boolean;
  /** Only take closed appeals still live down, and publish nothing else: a rollback's first step. */
  takedownOnly?: boolean | undefined;
  log?: (line: string) => void;
  /** Told as each stage (and the takedown or early release before the build) starts and ends: the studio shows them live. */
  onStep?: (step: RepublishStep, state: StepState) => void;
}

export interface RepublishSummary {
  release: string;
  /** When the full release went live (the switch). */
  liveAt: Date;
  previous?: string | undefined;
  active: number;
  closed: number;
  changedUrls: string[];
  removedReleases: string[];
  prunedCacheFiles: number;
  stageMs: Partial<Record<Stage, number>>;
  /** What it changed since the release live before (closing, added, edited ids). */
  change: ReleaseChange;
  /** The immediate takedown before the full build, when the republish closed appeals. */
  takedown?: TakedownSummary | undefined;
  /** The early release before the full build, when the republish added appeals. */
  early?: EarlyReleaseSummary | undefined;
}

/**
 * [takedown] → lock → validate → [early release] → build → verify → release → switch → purge hook.
 * The live site changes only at a switch: the takedown's, the early release's, the full release's.
 * The takedown comes first, before the lock: a closure never waits for a build.
 */
export async function republish(options: RepublishOptions): Promise<RepublishSummary> {
  const log = options.log ?? (() => undefined);
  const clock: StageClock = { timings: {}, onStep: options.onStep ?? (() => undefined) };
  const { deployDir, contentDir, today } = options;
  mkdirSync(deployDir, { recursive: true });

  // Closing appeals: take them down from the live release first, holding only the switch lock, so
  // even while another republish builds. Then validate and rebuild everything. The takedown runs
  // whatever the full validation would find: it only removes, and a closed child must never stay
  // online while every photo is checked, or because another appeal has a typo, or a build runs.
  const takeDown = () =>
    options.takedown || options.takedownOnly
      ? takeDownClosed({ ...options, log, onStep: clock.onStep })
      : undefined;
  let takenDownNow = await takeDown();
  // A rollback's first step stops here: the takedown, if any, is all it publishes.
  if (options.takedownOnly) {
    const before = takenDownNow?.before.manifest ?? liveManifest(deployDir, currentRelease(deployDir), log);
    const takedown = takenDownNow?.summary;
    const gone = takedown?.release ? takedown.closingIds.length : 0;
    return {
      release: currentRelease(deployDir) ?? '',
      liveAt: takedown?.liveAt ?? new Date(),
      previous: before?.name,
      active: (before?.activeIds.length ?? 0) - gone,
      closed: (before?.closedIds.length ?? 0) + gone,
      changedUrls: [],
      removedReleases: [],
      prunedCacheFiles: 0,
      stageMs: clock.timings,
      change: { closing: takedown?.closingIds ?? [], added: [], edited: [] },
      takedown,
    };
  }
  if (takenDownNow?.summary.release) log('Now rebuilding the whole site.');
  const wentLive = (summary: TakedownSummary | undefined) =>
    summary?.release ? { release: summary.release, ids: summary.closingIds } : undefined;
  let waited = false;
  const unlock = await stage('lock', clock, () =>
    acquireLock(publishLockDir(deployDir), {
      wait: options.wait,
      onWait: (pid) => {
        waited = true;
        log(
          `Another republish (${pid > 0 ? `pid ${pid}` : 'just starting'}) is running; waiting for it to finish...`,
        );
      },
    }).catch((error: unknown) => {
      throw Object.assign(
        new StageError('lock', error instanceof LockBusyError ? error.message : String(error)),
        { takenDown: wentLive(takenDownNow?.summary) },
      );
    }),
  );
  try {
    await withSwitchLock(deployDir, () => clearLeftovers(deployDir));
    // Closed (with --no-publish, say) while this one waited, and not yet taken down by its own command.
    if (waited) takenDownNow = (await takeDown()) ?? takenDownNow;
    const takedown = takenDownNow?.summary;
    const current = currentRelease(deployDir);
    // What this republish changes is counted from the release live before its own takedown, so
    // the change and the purge hook's URLs cover the closure again.
    const ownTakedownLive = takedown?.release !== undefined && current === takedown.release;
    const liveNow = liveManifest(deployDir, current, log);
    const live = ownTakedownLive ? takenDownNow!.before.manifest : liveNow;
    const previous = ownTakedownLive ? live?.name : current;
    // What this republish changes, worked out once from a quick read of the content (content-scan.ts)
    // and handed to every stage below.
    const scanned = scanAppeals(contentDir);
    const shown = scanned.filter((a) => !a.closed);
    const digests = Object.fromEntries(shown.map((a) => [a.id, a.digest]));
    const change = releaseChange(live, {
      activeIds: shown.map((a) => a.id),
      closedIds: scanned.filter((a) => a.closed).map((a) => a.id),
      appeals: digests,
    });
    if (live) log(`Changes since the live release: ${describeChange(change)}.`);
    const { settings } = loadSettings(contentDir);
    // A name or photo taken off an active appeal is recorded before anything is published without it.
    const retracted = live
      ? recordRetractions(
          options.archiveDir,
          contentDir,
          // The release live now: its own takedown has deleted the one before.
          retractedSince(
            path.join(releasesDir(deployDir), (liveNow ?? live).name),
            contentDir,
            change.edited,
          ),
        )
      : readRetractions(options.archiveDir);
    const publishing: Omit<PublishContext, 'stage'> = {
      deployDir,
      cacheDir: options.cacheDir,
      publicDir: options.publicDir,
      purgeHook: options.purgeHook,
      // Read when each release is verified, and again just before it switches.
      closedNames: () => archivedNames(options.archiveDir),
      activeNames: Object.fromEntries(shown.map((a) => [a.id, a.names])),
      retracted,
      embedAllowedSites: settings?.embed.allowedSites ?? ['*'],
      since: live && {
        manifest: live,
        dir: ownTakedownLive ? takenDownNow!.before.dir : path.join(releasesDir(deployDir), live.name),
      },
      log,
    };
    // A stopgap is made from the release live now.
    const stopgap = liveNow && {
      ...options,
      live: liveNow,
      liveDir: path.join(releasesDir(deployDir), liveNow.name),
      change,
      digests,
      publishing,
      log,
    };
    let early: EarlyReleaseSummary | undefined;
    const report = await stage('validate', clock, () => validateContent(contentDir, { today }));
    const { activeIds, closedIds } = idsByStatus(report);
    const problems = [
      ...report.problems,
      ...vanishedAppeals(contentDir, live?.activeIds ?? []).map((id) =>
        vanishedProblem(contentDir, id, 'active'),
      ),
      ...vanishedAppeals(contentDir, live?.closedIds ?? []).map((id) =>
        vanishedProblem(contentDir, id, 'closed'),
      ),
    ];
    // From here on, what is published is the validated content.
    const validated = {
      ...publishing,
      activeNames: Object.fromEntries(
        report.appeals.flatMap((a) =>
          a.status === 'active' ? [[a.id, [a.data.name, ...a.data.knownAs]]] : [],
        ),
      ),
    };
    const adding = change.added.length > 0 && change.closing.length === 0;
    if (problems.length === 0 && stopgap && adding && options.earlyRelease) {
      clock.onStep('early release', 'running');
      early = await earlyRelease({ ...stopgap, publishing: validated });
      clock.onStep('early release', early.release ? 'done' : 'skipped');
    }
    const takenDown = wentLive(takedown);
    const publishedEarly = early?.release ? { release: early.release, ids: early.addedIds } : undefined;
    try {
      if (problems.length > 0)
        throw new StageError(
          'validate',
          `${problems.length} content problem(s); nothing${takenDown ? ' else' : ''} was published:\n${problems.map(formatProblem).join('\n')}`,
        );
      const full = await fullRelease({
        ...options,
        clock,
        log,
        publishing: validated,
        candidate: { activeIds, closedIds, appeals: digestsOf(activeIds, digests), change },
        stopgaps: [takenDown?.release, publishedEarly?.release].filter((r): r is string => r !== undefined),
        removals: () => {
          const now = scanAppeals(contentDir).filter((a) => a.closed);
          return settings
            ? removalsFeedFiles({
                closed: now,
                site: settings.baseUrl,
                generated: formatCalendarDate(today),
                organisationName: settings.organisation.name,
              })
            : Promise.resolve({});
        },
      });
      return {
        ...full,
        previous,
        active: activeIds.length,
        closed: closedIds.length,
        change,
        stageMs: clock.timings,
        takedown,
        early,
      };
    } catch (error) {
      // What went live before the failure, for `describeFailure` to tell.
      if (error instanceof StageError) Object.assign(error, { takenDown, publishedEarly });
      throw error;
    }
  } finally {
    // Under the lock every staging folder is ours or a dead build's: none may outlive the republish,
    // since each holds copies of children's photos. (An orphaned build held the build lock until
    // our build could start, so its output is here by now.)
    await withSwitchLock(deployDir, () => clearLeftovers(deployDir));
    unlock();
  }
}
