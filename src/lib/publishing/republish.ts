import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { acquireLock, LockBusyError } from './deploy-lock.ts';
import { archivedNames } from '../lifecycle/appeal-archive.ts';
import { buildDate } from '../model/build-date.ts';
import { readOperatorEnv } from '../config/operator-env.ts';
import { formatProblem } from '../content/content-errors.ts';
import {
  currentLink,
  currentRelease,
  listReleases,
  ManifestError,
  readManifest,
  releaseName,
  releasesBeyond,
  releasesDir,
  switchCurrent,
  type ReleaseManifest,
} from './releases.ts';
import { buildFailureLines, runSiteBuild, SUBSET_BUILD_ENV } from './site-build.ts';
import { addSubsetAppeals, linkLiveRelease, subsetCache, subsetContent } from './early-release.ts';
import { removalsFeedFiles } from '../outputs/feed-files.ts';
import { formatCalendarDate } from '../model/calendar-date.ts';
import { ownedByAppeal, replaceFile, stageTakedown, type TakedownResult } from './takedown.ts';
import { releaseShardLayout, searchablePages, startSearchIndex } from './search-index.ts';
import { pageAppealId, shardCount, shardOf } from '../search/search-shards.ts';
import type { Finding } from './verify-release.ts';
import {
  describeFindings,
  PublishError,
  publishRelease,
  type Candidate,
  type PublishContext,
  type PublishStage,
} from './publish-release.ts';
import { describeChange, releaseChange, type ReleaseChange } from './release-change.ts';
import { scanAppeals } from './content-scan.ts';
import { vanishedAppeals, vanishedProblem } from './vanished-appeals.ts';
import { activeNamesOf, idsByStatus, loadSettings, validateContent } from '../content/validate-content.ts';

/** The stages of a republish, in order. A failure names its stage; its exit code is 10 + index. */
export const STAGES = ['lock', 'validate', 'build', 'verify', 'release', 'switch', 'purge-hook'] as const;
export type Stage = (typeof STAGES)[number];

/** The lock every republish holds, from the command line or the studio: one at a time. */
export const publishLockDir = (deployDir: string) => path.join(deployDir, '.lock');

export class StageError extends Error {
  readonly stage: Stage;
  /** A takedown release that went live before this failure: the closed appeals are gone even so. */
  takenDown?: { release: string; ids: string[] } | undefined;
  constructor(stage: Stage, message: string) {
    super(message);
    this.stage = stage;
  }
  get exitCode(): number {
    return 10 + STAGES.indexOf(this.stage);
  }
}

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
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
  /** Told as each stage (and the takedown or early release before the build) starts and ends: the studio shows them live. */
  onStep?: (step: RepublishStep, state: StepState) => void;
}

/** What `onStep` reports: the stages, and the stopgap release that may come before the build. */
export type RepublishStep = Stage | 'takedown' | 'early release';
/** `skipped`: a stopgap that was not published (the full build publishes the change instead). */
export type StepState = 'running' | 'done' | 'failed' | 'skipped';

/** Where a stage's time goes, and who hears that it started and ended. */
interface StageClock {
  timings: Partial<Record<Stage, number>>;
  onStep: (step: RepublishStep, state: StepState) => void;
}

export interface RepublishSummary {
  release: string;
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

/** A stopgap release made from the live one before the full build: the takedown, the early release. */
interface StopgapSummary {
  /** The verified stopgap release that went live, if it did. */
  release?: string | undefined;
  /** `performance.now()` when it went live, to compare with the command's start. */
  liveAt?: number | undefined;
  ms: number;
  /** Milliseconds per step of the stopgap, for the summary. */
  steps?: Record<string, number> | undefined;
  /** Why there was no stopgap release; the full build publishes the change instead. */
  fellBack?: string | undefined;
}

export interface TakedownSummary extends StopgapSummary {
  closingIds: string[];
  /**
   * Verification findings the takedown went live with: problems outside the closed appeals' own
   * addresses, in files the live release published too, which the full build must clear.
   */
  unresolved?: string[] | undefined;
}

export interface EarlyReleaseSummary extends StopgapSummary {
  addedIds: string[];
}

async function stage<T>(name: Stage, clock: StageClock, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  clock.onStep(name, 'running');
  try {
    const result = await run();
    clock.onStep(name, 'done');
    return result;
  } catch (error) {
    clock.onStep(name, 'failed');
    if (error instanceof StageError) throw error;
    if (error instanceof PublishError) throw new StageError(error.stage, error.message);
    throw new StageError(name, (error as Error).message);
  } finally {
    clock.timings[name] = Math.round(performance.now() - started);
  }
}

/** Clears what a killed republish can leave behind: build folders and half-made symlinks. */
function clearLeftovers(deployDir: string): void {
  for (const name of readdirSync(deployDir)) {
    if (name.startsWith('.staging-') || name.startsWith('.current-'))
      rmSync(path.join(deployDir, name), { recursive: true, force: true });
  }
  const releases = releasesDir(deployDir);
  if (existsSync(releases)) {
    for (const e of readdirSync(releases, { withFileTypes: true })) {
      // A release folder without its manifest was never completed.
      if (e.isDirectory() && !existsSync(path.join(releases, `${e.name}.json`)))
        rmSync(path.join(releases, e.name), { recursive: true, force: true });
    }
  }
}

interface StopgapContext {
  options: RepublishOptions;
  /** The live release, which the stopgap is made from. */
  live: ReleaseManifest;
  liveDir: string;
  change: ReleaseChange;
  /** Each active appeal's content digest, now. */
  digests: Record<string, string>;
  publishing: Omit<PublishContext, 'stage'>;
  log: (line: string) => void;
}

/**
 * The search shards a stopgap re-indexes: those of the appeals it changes, in the live release's
 * layout. A live release from before the index had shards is re-indexed whole.
 */
function searchShards(
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

/** Times the named steps of a stopgap release, for its log line and summary. */
function stepTimer(): {
  step(name: string): void;
  steps: Record<string, number>;
  elapsed(): number;
  describe(): string;
} {
  const started = performance.now();
  const steps: Record<string, number> = {};
  let mark = started;
  return {
    steps,
    step(name) {
      const now = performance.now();
      steps[name] = Math.round(now - mark);
      mark = now;
    },
    elapsed: () => Math.round(performance.now() - started),
    describe: () =>
      Object.entries(steps)
        .map(([k, v]) => `${k} ${v} ms`)
        .join(', '),
  };
}

/** The shared step's stages, run for a stopgap: no stage of the republish's own (it has its timer). */
const untimed = async <T>(_name: PublishStage, run: () => T | Promise<T>) => run();

/** A stopgap's end: the shared final step, announcing it with its steps' timings once it is live. */
function publishStopgap(
  context: StopgapContext,
  candidate: Omit<Candidate, 'kind'> & { kind: 'takedown' | 'early release' },
  timer: ReturnType<typeof stepTimer>,
  tolerable?: (finding: Finding) => boolean,
) {
  return publishRelease({ ...context.publishing, stage: untimed }, candidate, {
    tolerable,
    onLive: () => {
      timer.step('verify, release and switch');
      // "takedown release" or "early release": the words the benchmark and the tests wait for.
      const label = candidate.kind === 'takedown' ? 'takedown release' : candidate.kind;
      context.log(`Live: ${label} ${candidate.name} (${timer.elapsed()} ms: ${timer.describe()}).`);
    },
  });
}

/** The shown appeals' digests, by id. */
const digestsOf = (ids: readonly string[], ...sources: Array<Record<string, string> | undefined>) =>
  Object.fromEntries(
    ids.flatMap((id) => {
      const digest = sources.map((s) => s?.[id]).find((d) => d !== undefined);
      return digest === undefined ? [] : [[id, digest]];
    }),
  );

/**
 * The immediate takedown: the live release minus the newly closed appeals, released and switched
 * to within seconds, before the full build. It shows what the live release shows less those
 * appeals: any other change in the content waits for the full build.
 *
 * It is verified in full like any build, but a finding outside the closed appeals' own addresses
 * does not hold it back: the takedown only deletes and cuts (every file is the live release's, a
 * copy of its notice page, or made from its files less the closed appeals), so it cannot add a
 * problem, and whatever it cannot clean the live site shows already. Holding it back would leave
 * the child's whole appeal online for a rule about another file. Only a finding about its own work
 * holds it back (a closed appeal's address not showing exactly the notice, or an active appeal's
 * page gone); then, or if anything unexpected happens, nothing is published and the full build
 * publishes the closure instead.
 */
async function takedownRelease(
  context: StopgapContext,
  removals: () => Promise<Record<string, string>>,
): Promise<TakedownSummary> {
  const { options, live, liveDir, log } = context;
  const closingIds = context.change.closing;
  const timer = stepTimer();
  const closing = new Set(closingIds);
  const activeIds = live.activeIds.filter((id) => !closing.has(id));
  const ownWork = (f: Finding) =>
    f.kind === 'active-page' || closingIds.some((id) => f.file.startsWith(`appeals/${id}/`));
  const name = releaseName(new Date());
  const staging = path.join(options.deployDir, `.staging-${name}`);
  try {
    log(`Taking down ${closingIds.join(', ')} from the live release...`);
    // Pagefind re-indexes the closing appeals' shards in its own process while the copy is made
    // and cut; the other shards are linked from the live release.
    const { count, shards } = searchShards(liveDir, closingIds, activeIds.length);
    let index = await startSearchIndex(
      count,
      shards,
      searchablePages(liveDir, closingIds, { count, only: shards }),
    );
    let cut: TakedownResult;
    try {
      cut = await stageTakedown({
        liveDir,
        liveFiles: Object.keys(live.files),
        stagingDir: staging,
        closingIds,
      });
      // Both removals feeds, by the renderer the build's endpoints use (the same bytes).
      for (const [file, text] of Object.entries(await removals())) {
        if (!existsSync(path.join(staging, file))) continue;
        replaceFile(path.join(staging, file), text);
        cut.rewrittenFiles.push(file);
      }
    } catch (error) {
      await index.close();
      throw error;
    }
    timer.step('copy and cut');
    // An indexed page the cut changed would make its shard stale: index the candidate's pages then.
    const stale = cut.rewrittenFiles.filter(
      (f) =>
        f.endsWith('.html') &&
        !closingIds.some((id) => ownedByAppeal(f, id)) &&
        readFileSync(path.join(staging, f), 'utf8').includes('data-pagefind-body'),
    );
    if (stale.length > 0) {
      await index.close();
      const only = new Set([...shards, ...stale.map((f) => shardOf(pageAppealId(f), count))]);
      index = await startSearchIndex(count, only, searchablePages(staging, [], { count, only }));
    }
    await index.write(staging, { expectedPages: activeIds.length, others: liveDir });
    timer.step('search index');
    const published = await publishStopgap(
      context,
      {
        kind: 'takedown',
        dir: staging,
        name,
        activeIds,
        closedIds: [...new Set([...live.closedIds, ...closingIds])].sort(),
        appeals: digestsOf(activeIds, live.appeals),
        change: { closing: closingIds, added: [], edited: [] },
        unchanged: new Set(cut.unchanged),
      },
      timer,
      (f) => !ownWork(f),
    );
    const { unresolved } = published;
    if (unresolved.length > 0)
      log(
        `The takedown went live without ${closingIds.join(', ')}, but verification still finds ${unresolved.length} problem(s) elsewhere, in files the previous release published too; the full build must clear them:\n${describeFindings(
          unresolved,
        )
          .map((line) => `  ${line}`)
          .join('\n')}`,
      );
    log('Now rebuilding the whole site.');
    return {
      closingIds,
      release: name,
      liveAt: published.liveAt,
      ms: timer.elapsed(),
      steps: timer.steps,
      unresolved: unresolved.length > 0 ? describeFindings(unresolved) : undefined,
    };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    const reason = (error as Error).message;
    log(`Takedown not published (${reason}); the full build publishes the closure instead.`);
    return { closingIds, ms: timer.elapsed(), fellBack: reason };
  }
}

/**
 * The early release of new appeals (src/lib/publishing/early-release.ts): a build of just the new appeals,
 * merged into a hard-linked copy of the live release, verified in full and switched to. If anything
 * fails, nothing is published and the full build publishes the new appeals as usual.
 */
async function earlyRelease(context: StopgapContext): Promise<EarlyReleaseSummary> {
  const { options, live, liveDir, log } = context;
  const addedIds = context.change.added;
  const timer = stepTimer();
  const name = releaseName(new Date());
  const staging = path.join(options.deployDir, `.staging-${name}`);
  // Under a `.staging-` name, so a killed republish's leftovers are cleared like any build's.
  const work = path.join(options.deployDir, `.staging-${name}-subset`);
  const added = new Set(addedIds);
  const activeIds = [...new Set([...live.activeIds, ...addedIds])].sort();
  let index: Awaited<ReturnType<typeof startSearchIndex>> | undefined;
  let linking: Promise<string[]> | undefined;
  try {
    log(`Publishing ${addedIds.join(', ')} early, before the full build...`);
    subsetContent(options.contentDir, addedIds, path.join(work, 'content'));
    subsetCache(options.cacheDir, path.join(work, 'cache'));
    // The build of the new appeals, the copy of the live release and the indexing of its pages run together.
    const building = runSiteBuild({
      projectRoot: options.projectRoot,
      contentDir: path.join(work, 'content'),
      outDir: path.join(work, 'out'),
      env: { ...options.env, ASTRO_CACHE_DIR: path.join(work, 'cache'), [SUBSET_BUILD_ENV]: '1' },
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

/** validate → build → verify → release → switch → purge hook, under a lock. The live site changes only at the switch. */
export async function republish(options: RepublishOptions): Promise<RepublishSummary> {
  const log = options.log ?? (() => undefined);
  const timings: Partial<Record<Stage, number>> = {};
  const clock: StageClock = { timings, onStep: options.onStep ?? (() => undefined) };
  mkdirSync(options.deployDir, { recursive: true });
  const unlock = await stage('lock', clock, () =>
    acquireLock(publishLockDir(options.deployDir), {
      wait: options.wait,
      onWait: (pid) =>
        log(
          `Another republish (${pid > 0 ? `pid ${pid}` : 'just starting'}) is running; waiting for it to finish...`,
        ),
    }).catch((error: unknown) => {
      throw new StageError('lock', error instanceof LockBusyError ? error.message : String(error));
    }),
  );
  try {
    clearLeftovers(options.deployDir);
    const today = buildDate(readOperatorEnv(options.env));
    const previous = currentRelease(options.deployDir);
    const previousManifest = liveManifest(options.deployDir, previous, log);
    // What this republish changes, worked out once from a quick read of the content (content-scan.ts)
    // and handed to every stage below.
    const scanned = scanAppeals(options.contentDir);
    const shown = scanned.filter((a) => !a.closed);
    const digests = Object.fromEntries(shown.map((a) => [a.id, a.digest]));
    const change = releaseChange(previousManifest, {
      activeIds: shown.map((a) => a.id),
      closedIds: scanned.filter((a) => a.closed).map((a) => a.id),
      appeals: digests,
    });
    if (previousManifest) log(`Changes since the live release: ${describeChange(change)}.`);
    const { settings } = loadSettings(options.contentDir);
    const publishing: Omit<PublishContext, 'stage'> = {
      deployDir: options.deployDir,
      cacheDir: options.cacheDir,
      publicDir: options.publicDir,
      purgeHook: options.purgeHook,
      forbiddenNames: archivedNames(options.archiveDir),
      activeNames: shown.flatMap((a) => a.names),
      embedAllowedSites: settings?.embed.allowedSites ?? ['*'],
      since: previousManifest && {
        manifest: previousManifest,
        dir: path.join(releasesDir(options.deployDir), previousManifest.name),
      },
      log,
    };
    const stopgap = previousManifest && {
      options,
      live: previousManifest,
      liveDir: path.join(releasesDir(options.deployDir), previousManifest.name),
      change,
      digests,
      publishing,
      log,
    };

    // Closing appeals: take them down from the live release first, then validate and rebuild
    // everything. The takedown comes before the full validation and runs whatever it finds: it only
    // removes, and a closed child must never stay online while every photo is checked, or because
    // another appeal has a typo. It writes the removals feeds and _headers from the settings: it
    // needs them valid.
    let takedown: TakedownSummary | undefined;
    let early: EarlyReleaseSummary | undefined;
    if (stopgap && change.closing.length > 0 && settings && options.env?.NO_TAKEDOWN !== '1') {
      const closedAppeals = scanned.filter((a) => a.closed);
      clock.onStep('takedown', 'running');
      takedown = await takedownRelease(stopgap, () =>
        removalsFeedFiles({
          closed: closedAppeals,
          site: settings.baseUrl,
          generated: formatCalendarDate(today),
          organisationName: settings.organisation.name,
        }),
      );
      clock.onStep('takedown', takedown.release ? 'done' : 'skipped');
    }
    const report = await stage('validate', clock, () => validateContent(options.contentDir, { today }));
    const { activeIds, closedIds } = idsByStatus(report);
    const problems = [
      ...report.problems,
      ...vanishedAppeals(options.contentDir, previousManifest?.activeIds ?? []).map((id) =>
        vanishedProblem(options.contentDir, id, 'active'),
      ),
      ...vanishedAppeals(options.contentDir, previousManifest?.closedIds ?? []).map((id) =>
        vanishedProblem(options.contentDir, id, 'closed'),
      ),
    ];
    // From here on, what is published is the validated content.
    const validated = { ...publishing, activeNames: activeNamesOf(report) };
    if (
      problems.length === 0 &&
      stopgap &&
      change.added.length > 0 &&
      change.closing.length === 0 &&
      options.env?.NO_EARLY_RELEASE !== '1'
    ) {
      clock.onStep('early release', 'running');
      early = await earlyRelease({ ...stopgap, publishing: validated });
      clock.onStep('early release', early.release ? 'done' : 'skipped');
    }
    const takenDown = takedown?.release ? { release: takedown.release, ids: takedown.closingIds } : undefined;
    try {
      if (problems.length > 0)
        throw new StageError(
          'validate',
          `${problems.length} content problem(s); nothing${takenDown ? ' else' : ''} was published:\n${problems.map(formatProblem).join('\n')}`,
        );
      return await fullRelease({
        options,
        timings,
        log,
        publishing: validated,
        candidate: { activeIds, closedIds, appeals: digestsOf(activeIds, digests), change },
        previous,
        takedown,
        early,
      });
    } catch (error) {
      if (error instanceof StageError) error.takenDown = takenDown;
      throw error;
    }
  } finally {
    // Under the lock every staging folder is ours or a dead build's: none may outlive the republish,
    // since each holds copies of children's photos. (An orphaned build held the build lock until
    // our build could start, so its output is here by now.)
    clearLeftovers(options.deployDir);
    unlock();
  }
}

/** The live release's manifest, or undefined when there is none or it cannot be read (logged). */
function liveManifest(
  deployDir: string,
  live: string | undefined,
  log: (line: string) => void,
): ReleaseManifest | undefined {
  if (!live || !listReleases(deployDir).includes(live)) return undefined;
  try {
    return readManifest(deployDir, live);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    log(
      `${error.message}. Without it nothing can be cut from the live release, so the full build publishes every change, and the live release is deleted once replaced.`,
    );
    return undefined;
  }
}

/** build → the shared final step (verify → release → switch → clean-up → purge hook). */
async function fullRelease(input: {
  options: RepublishOptions;
  timings: Partial<Record<Stage, number>>;
  log: (line: string) => void;
  publishing: Omit<PublishContext, 'stage'>;
  candidate: Pick<Candidate, 'activeIds' | 'closedIds' | 'appeals' | 'change'>;
  previous: string | undefined;
  takedown: TakedownSummary | undefined;
  early: EarlyReleaseSummary | undefined;
}): Promise<RepublishSummary> {
  const { options, timings, log, previous, takedown, early } = input;
  const clock: StageClock = { timings, onStep: options.onStep ?? (() => undefined) };
  const name = releaseName(new Date());
  const staging = path.join(options.deployDir, `.staging-${name}`);
  await stage('build', clock, async () => {
    log('Building...');
    const result = await runSiteBuild({
      projectRoot: options.projectRoot,
      contentDir: options.contentDir,
      outDir: staging,
      env: { ...options.env, ASTRO_CACHE_DIR: options.cacheDir },
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
  // A takedown or early release was a stopgap (its listings are stale): never a rollback target.
  const stopgaps = [takedown?.release, early?.release].filter((r): r is string => r !== undefined);
  const published = await publishRelease(
    { ...input.publishing, stage: (name, run) => stage(name, clock, run) },
    { kind: 'full build', dir: staging, name, ...input.candidate },
    {
      retire: (live) => [...stopgaps, ...releasesBeyond(options.deployDir, options.keep, live)],
      onLive: () => log(`Live: release ${name}.`),
    },
  );
  return {
    release: name,
    previous,
    active: input.candidate.activeIds.length,
    closed: input.candidate.closedIds.length,
    change: input.candidate.change,
    changedUrls: published.changedUrls,
    removedReleases: published.removedReleases,
    prunedCacheFiles: published.prunedCacheFiles,
    stageMs: timings,
    takedown,
    early,
  };
}

/**
 * Switches back to the release before the live one, unless it shows an appeal that is not active
 * now: closed since, deleted from the content (treated as closed) or unreadable there.
 */
export async function rollback(options: {
  deployDir: string;
  contentDir: string;
  env?: Record<string, string | undefined>;
}): Promise<{ from: string; to: string }> {
  const live = currentRelease(options.deployDir);
  if (!live)
    throw new StageError(
      'switch',
      `There is no live release to roll back from: ${currentLink(options.deployDir)} does not exist.`,
    );
  const all = listReleases(options.deployDir);
  const index = all.indexOf(live);
  if (index < 0)
    throw new StageError(
      'switch',
      `The live release ${live} has no manifest in ${releasesDir(options.deployDir)}, so there is no telling which release came before it.`,
    );
  const newer = all.slice(index + 1);
  if (index === 0)
    throw new StageError(
      'switch',
      `There is no earlier release to roll back to: the live release ${live} is the oldest kept${
        newer.length > 0 ? ` (the ${newer.length} other release(s) are newer: ${newer.join(', ')})` : ''
      }. Releases that show an appeal closed since are deleted as soon as the closure is published.`,
    );
  const target = all[index - 1]!;
  let manifest: ReleaseManifest;
  try {
    manifest = readManifest(options.deployDir, target);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    throw new StageError(
      'switch',
      `Refusing to roll back to ${target}: ${error.message}, so nothing shows which appeals it shows.`,
    );
  }
  const report = await validateContent(options.contentDir, {
    today: buildDate(readOperatorEnv(options.env)),
  });
  const { activeIds, closedIds } = idsByStatus(report);
  const activeNow = new Set(activeIds);
  const closedNow = new Set(closedIds);
  const vanished = new Set(vanishedAppeals(options.contentDir, manifest.activeIds));
  const showing = manifest.activeIds.filter((id) => !activeNow.has(id));
  if (showing.length > 0) {
    const why = (id: string) =>
      closedNow.has(id)
        ? `${id}, closed since`
        : vanished.has(id)
          ? `${id}, whose folder has been deleted from the content (as good as closed: put the folder back and close it with \`npm run appeal -- found ${id}\` or \`withdraw ${id}\`)`
          : `${id}, whose content has problems now (\`npm run check\` lists them)`;
    throw new StageError(
      'switch',
      `Refusing to roll back to ${target}: it shows appeal${showing.length === 1 ? '' : 's'} ${showing.map(why).join('; ')}. Fix forward instead.`,
    );
  }
  switchCurrent(options.deployDir, target);
  return { from: live, to: target };
}
