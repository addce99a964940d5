import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { acquireLock, LockBusyError } from './deploy-lock.ts';
import { archivedNames } from '../lifecycle/appeal-archive.ts';
import { buildDate } from '../model/build-date.ts';
import { formatProblem } from '../content/content-errors.ts';
import {
  changedUrls,
  currentLink,
  currentRelease,
  hashFile,
  hashFiles,
  listReleases,
  ManifestError,
  readManifest,
  releaseName,
  releasesBeyond,
  releasesDir,
  releasesShowing,
  removeRelease,
  switchCurrent,
  writeManifest,
  type ReleaseManifest,
} from './releases.ts';
import { buildFailureLines, runSiteBuild } from './site-build.ts';
import {
  addedAppeals,
  addSubsetAppeals,
  linkLiveRelease,
  subsetCache,
  subsetContent,
} from './early-release.ts';
import { apiRemovals, type ApiRemoval } from '../outputs/api-feeds.ts';
import { addRemovalsToRelease } from './removals-update.ts';
import { formatCalendarDate } from '../model/calendar-date.ts';
import {
  ownedByAppeal,
  REGENERATED,
  replaceFile,
  searchablePages,
  stageTakedown,
  type TakedownResult,
} from './takedown.ts';
import { buildSearchIndex, startSearchIndex } from './search-index.ts';
import { writeHostFiles } from './host-files.ts';
import { filesUnder } from './file-tree.ts';
import { photoReferences, verifyRelease, type Finding } from './verify-release.ts';
import { vanishedAppeals, vanishedProblem } from './vanished-appeals.ts';
import { activeNamesOf, idsByStatus, validateContent } from '../content/validate-content.ts';

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
    throw new StageError(name, (error as Error).message);
  } finally {
    clock.timings[name] = Math.round(performance.now() - started);
  }
}

/** Drops cached image derivatives the live release does not use, so no closed child's photo lingers. */
export function pruneImageCache(cacheDir: string, liveRelease: string): number {
  const assets = path.join(cacheDir, 'assets');
  if (!existsSync(assets)) return 0;
  const used = new Set<string>();
  for (const file of filesUnder(liveRelease).filter((f) => f.endsWith('.html'))) {
    for (const ref of photoReferences(readFileSync(path.join(liveRelease, file), 'utf8')))
      used.add(path.basename(ref));
  }
  let pruned = 0;
  for (const name of readdirSync(assets)) {
    // Cache entries are named like the published file, sometimes with a suffix such as `.json`.
    const published = name.replace(/\.json$/, '');
    if (!used.has(published)) {
      rmSync(path.join(assets, name), { recursive: true, force: true });
      pruned++;
    }
  }
  return pruned;
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
  live: ReleaseManifest;
  activeIds: string[];
  closedIds: string[];
  forbiddenNames: ReturnType<typeof archivedNames>;
  activeNames: string[];
  /** Settings `embed.allowedSites`, for the stopgap's `_headers`. */
  embedAllowedSites: readonly string[];
  log: (line: string) => void;
}

interface TakedownContext extends StopgapContext {
  /** The closing appeals as the removals feeds list them, added at once by the takedown. */
  removals: ApiRemoval[];
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

const describeFindings = (findings: readonly Finding[]) => findings.map((f) => `${f.file}: ${f.problem}`);

/**
 * The releases other than `keep` that show one of `closedIds`, or whose manifest cannot be read
 * (logged with its file): each must be deleted.
 */
function releasesToDelete(
  options: RepublishOptions,
  closedIds: readonly string[],
  keep: string,
  log: (line: string) => void,
): string[] {
  return releasesShowing(options.deployDir, closedIds, keep, (error) =>
    log(
      `${error.message}. Nothing shows that release ${error.release} holds no closed appeal, so it is deleted.`,
    ),
  );
}

/**
 * Publishes a stopgap candidate made from the live release (the takedown, the early release): host
 * files, full verification, a manifest that hashes only the files it wrote, the switch, and the
 * purge hook. Throws on any verification finding that `tolerable` does not accept, leaving the live
 * site as it was; once switched, it never throws (the stopgap is live whatever happens next).
 * Returns when it went live and the findings it went live with.
 */
function publishStopgap(
  context: StopgapContext,
  staging: string,
  name: string,
  writtenFiles: readonly string[],
  kind: string,
  announce: () => void,
  tolerable: (finding: Finding) => boolean = () => false,
): { liveAt: number; unresolved: Finding[] } {
  const { options, live } = context;
  writeHostFiles(staging, context.closedIds, context.embedAllowedSites);
  const findings = verifyRelease({
    releaseDir: staging,
    activeIds: context.activeIds,
    closedIds: context.closedIds,
    forbiddenNames: context.forbiddenNames,
    publicDir: options.publicDir,
    activeNames: context.activeNames,
  });
  const blocking = findings.filter((f) => !tolerable(f));
  if (blocking.length > 0) {
    throw new Error(
      `verification found ${blocking.length} problem(s): ${describeFindings(blocking.slice(0, 10)).join('; ')}`,
    );
  }
  // Only files the stopgap wrote need hashing; every other file is a link to the live release's.
  const written = new Set(writtenFiles);
  const fresh = (file: string) =>
    written.has(file) || !live.files[file] || REGENERATED.has(file.split('/')[0]!);
  const files = Object.fromEntries(
    filesUnder(staging).map((file) => [
      file,
      fresh(file) ? hashFile(path.join(staging, file)) : live.files[file]!,
    ]),
  );
  const manifest: ReleaseManifest = {
    name,
    builtAt: new Date().toISOString(),
    activeIds: context.activeIds,
    closedIds: context.closedIds,
    files,
  };
  renameSync(staging, path.join(releasesDir(options.deployDir), name));
  writeManifest(options.deployDir, manifest);
  switchCurrent(options.deployDir, name);
  const liveAt = performance.now();
  try {
    // The releases still showing closed appeals go at once, before the stopgap is announced: once
    // "Live" is printed, no release on disk shows a closed child.
    for (const old of releasesToDelete(options, context.closedIds, name, context.log))
      removeRelease(options.deployDir, old);
  } catch (error) {
    context.log(
      `Could not delete the releases that show a closed appeal (${(error as Error).message}); the full build tries again.`,
    );
  }
  announce();
  if (options.purgeHook) {
    // Caches must drop the old copies now too; a failure here is reported, and the full build's purge covers it again.
    const hook = spawnSync(options.purgeHook, {
      shell: true,
      input: JSON.stringify({ release: name, changedUrls: changedUrls(live, manifest) }),
      encoding: 'utf8',
    });
    if (hook.status !== 0)
      context.log(
        `The purge hook failed after the ${kind} (exit ${hook.status}); the full build will run it again.`,
      );
  }
  return { liveAt, unresolved: findings };
}

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
async function takedownRelease(context: TakedownContext, closingIds: string[]): Promise<TakedownSummary> {
  const { options, live, log } = context;
  const timer = stepTimer();
  const closing = new Set(closingIds);
  const stopgap: TakedownContext = {
    ...context,
    activeIds: live.activeIds.filter((id) => !closing.has(id)),
    closedIds: [...new Set([...live.closedIds, ...closingIds])].sort(),
  };
  const ownWork = (f: Finding) =>
    f.kind === 'active-page' || closingIds.some((id) => f.file.startsWith(`appeals/${id}/`));
  const name = releaseName(new Date());
  const staging = path.join(options.deployDir, `.staging-${name}`);
  const liveDir = path.join(releasesDir(options.deployDir), live.name);
  try {
    log(`Taking down ${closingIds.join(', ')} from the live release...`);
    // Pagefind indexes the remaining pages in its own process while the copy is made and cut.
    const index = await startSearchIndex(searchablePages(liveDir, closingIds));
    let cut: TakedownResult;
    try {
      cut = await stageTakedown({ liveDir, stagingDir: staging, closingIds });
    } catch (error) {
      await index.close();
      throw error;
    }
    cut.rewrittenFiles.push(...addRemovalsToRelease(staging, context.removals, replaceFile));
    timer.step('copy and cut');
    // An indexed page the cut changed would make that index stale: index the candidate itself then.
    const stale = cut.rewrittenFiles.some(
      (f) =>
        f.endsWith('.html') &&
        !closingIds.some((id) => ownedByAppeal(f, id)) &&
        readFileSync(path.join(staging, f), 'utf8').includes('data-pagefind-body'),
    );
    if (stale) {
      await index.close();
      await buildSearchIndex(staging, stopgap.activeIds.length);
    } else {
      await index.write(staging, stopgap.activeIds.length);
    }
    timer.step('search index');
    const { liveAt, unresolved } = publishStopgap(
      stopgap,
      staging,
      name,
      cut.rewrittenFiles,
      'takedown',
      () => {
        timer.step('verify, release and switch');
        log(`Live: takedown release ${name} (${timer.elapsed()} ms: ${timer.describe()}).`);
      },
      (f) => !ownWork(f),
    );
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
      liveAt,
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
async function earlyRelease(context: StopgapContext, addedIds: string[]): Promise<EarlyReleaseSummary> {
  const { options, live, log } = context;
  const timer = stepTimer();
  const name = releaseName(new Date());
  const staging = path.join(options.deployDir, `.staging-${name}`);
  // Under a `.staging-` name, so a killed republish's leftovers are cleared like any build's.
  const work = path.join(options.deployDir, `.staging-${name}-subset`);
  const liveDir = path.join(releasesDir(options.deployDir), live.name);
  let index: Awaited<ReturnType<typeof startSearchIndex>> | undefined;
  let linking: Promise<void> | undefined;
  try {
    log(`Publishing ${addedIds.join(', ')} early, before the full build...`);
    subsetContent(options.contentDir, addedIds, path.join(work, 'content'));
    subsetCache(options.cacheDir, path.join(work, 'cache'));
    // The build of the new appeals, the copy of the live release and the indexing of its pages run together.
    const building = runSiteBuild({
      projectRoot: options.projectRoot,
      contentDir: path.join(work, 'content'),
      outDir: path.join(work, 'out'),
      env: { ...options.env, ASTRO_CACHE_DIR: path.join(work, 'cache') },
    });
    linking = linkLiveRelease(liveDir, staging);
    linking.catch(() => undefined);
    index = await startSearchIndex(searchablePages(liveDir, []));
    const built = await building;
    await linking;
    if (!built.ok)
      throw new Error(
        `the build of the new appeals failed (${built.ended}): ${buildFailureLines(built.output, 3).join(' ')}`,
      );
    timer.step('build of the new appeals');
    const { writtenFiles } = addSubsetAppeals(staging, path.join(work, 'out'), addedIds);
    timer.step('copy');
    index.add(searchablePages(path.join(work, 'out'), []));
    await index.write(staging, context.activeIds.length);
    index = undefined;
    timer.step('search index');
    const { liveAt } = publishStopgap(context, staging, name, writtenFiles, 'early release', () => {
      timer.step('verify, release and switch');
      log(`Live: early release ${name} (${timer.elapsed()} ms: ${timer.describe()}).`);
    });
    log('Now rebuilding the whole site, so listings, feeds and the sitemap show the new appeals too.');
    return { addedIds, release: name, liveAt, ms: timer.elapsed(), steps: timer.steps };
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
    const today = buildDate(options.env ?? process.env);
    const report = await stage('validate', clock, () => validateContent(options.contentDir, { today }));
    const { activeIds, closedIds } = idsByStatus(report);
    const forbiddenNames = archivedNames(options.archiveDir);
    const activeNames = activeNamesOf(report);
    const previous = currentRelease(options.deployDir);
    const previousManifest = liveManifest(options.deployDir, previous, log);
    const problems = [
      ...report.problems,
      ...vanishedAppeals(options.contentDir, previousManifest?.activeIds ?? []).map((id) =>
        vanishedProblem(options.contentDir, id, 'active'),
      ),
      ...vanishedAppeals(options.contentDir, previousManifest?.closedIds ?? []).map((id) =>
        vanishedProblem(options.contentDir, id, 'closed'),
      ),
    ];

    // Closing appeals: take them down from the live release first, then rebuild everything. The
    // takedown runs even when other content has problems: it only removes, and a closed child must
    // never stay online because another appeal has a typo.
    const closing = previousManifest?.activeIds.filter((id) => closedIds.includes(id)) ?? [];
    let takedown: TakedownSummary | undefined;
    let early: EarlyReleaseSummary | undefined;
    const embedAllowedSites = report.settings?.embed.allowedSites ?? ['*'];
    const stopgap = previousManifest && {
      options,
      live: previousManifest,
      activeIds,
      closedIds,
      forbiddenNames,
      activeNames,
      embedAllowedSites,
      log,
    };
    const added = previousManifest ? addedAppeals(previousManifest.activeIds, activeIds) : [];
    // The takedown writes the removals feeds and _headers from the settings: it needs them valid.
    if (stopgap && closing.length > 0 && report.settings && options.env?.NO_TAKEDOWN !== '1') {
      const closedNow = report.appeals.flatMap((a) =>
        a.status !== 'active' && closing.includes(a.id)
          ? [{ id: a.id, closedAt: a.data.closedAt, updated: a.data.updated }]
          : [],
      );
      const removals = apiRemovals(closedNow, report.settings.baseUrl, formatCalendarDate(today));
      clock.onStep('takedown', 'running');
      takedown = await takedownRelease({ ...stopgap, removals }, closing);
      clock.onStep('takedown', takedown.release ? 'done' : 'skipped');
    } else if (
      problems.length === 0 &&
      stopgap &&
      added.length > 0 &&
      options.env?.NO_EARLY_RELEASE !== '1'
    ) {
      clock.onStep('early release', 'running');
      early = await earlyRelease(stopgap, added);
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
        report: { activeIds, closedIds, forbiddenNames, activeNames },
        previous,
        previousManifest,
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

/** build → verify → release → switch → clean-up → purge hook: the full release of the content. */
async function fullRelease(input: {
  options: RepublishOptions;
  timings: Partial<Record<Stage, number>>;
  log: (line: string) => void;
  report: {
    activeIds: string[];
    closedIds: string[];
    forbiddenNames: ReturnType<typeof archivedNames>;
    activeNames: string[];
  };
  previous: string | undefined;
  previousManifest: ReleaseManifest | undefined;
  takedown: TakedownSummary | undefined;
  early: EarlyReleaseSummary | undefined;
}): Promise<RepublishSummary> {
  const { options, timings, log, previous, previousManifest, takedown, early } = input;
  const clock: StageClock = { timings, onStep: options.onStep ?? (() => undefined) };
  const { activeIds, closedIds, forbiddenNames, activeNames } = input.report;
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
  await stage('verify', clock, () => {
    const findings = verifyRelease({
      releaseDir: staging,
      activeIds,
      closedIds,
      forbiddenNames,
      publicDir: options.publicDir,
      activeNames,
    });
    if (findings.length > 0) {
      rmSync(staging, { recursive: true, force: true });
      throw new StageError(
        'verify',
        `Verification found ${findings.length} problem(s); nothing was published:\n${describeFindings(findings).join('\n')}`,
      );
    }
  });
  const manifest: ReleaseManifest = {
    name,
    builtAt: new Date().toISOString(),
    activeIds,
    closedIds,
    files: {},
  };
  await stage('release', clock, () => {
    mkdirSync(releasesDir(options.deployDir), { recursive: true });
    manifest.files = hashFiles(staging);
    renameSync(staging, path.join(releasesDir(options.deployDir), name));
    writeManifest(options.deployDir, manifest);
  });
  await stage('switch', clock, () => switchCurrent(options.deployDir, name));
  log(`Live: release ${name}.`);

  // After the switch: nothing here can put an old release back on the live site.
  // Changed URLs are counted from the release live before this republish (not the takedown's),
  // so the purge covers the closure even if a takedown's purge was missed.
  // A takedown or early release was a stopgap (its listings are stale): never a rollback target.
  const stopgaps = [takedown?.release, early?.release].filter((r): r is string => r !== undefined);
  const stale = [
    ...new Set([
      ...stopgaps,
      ...releasesToDelete(options, closedIds, name, log),
      ...releasesBeyond(options.deployDir, options.keep, name),
    ]),
  ];
  for (const old of stale) removeRelease(options.deployDir, old);
  const prunedCacheFiles = pruneImageCache(options.cacheDir, path.join(releasesDir(options.deployDir), name));
  const urls = changedUrls(previousManifest, manifest);
  if (options.purgeHook) {
    await stage('purge-hook', clock, () => {
      const result = spawnSync(options.purgeHook!, {
        shell: true,
        input: JSON.stringify({ release: name, changedUrls: urls }),
        encoding: 'utf8',
      });
      if (result.status !== 0)
        throw new StageError(
          'purge-hook',
          `The purge hook failed (exit ${result.status}); the new release is live, but caches may still hold old copies:\n${result.stderr}`,
        );
    });
  }
  return {
    release: name,
    previous,
    active: activeIds.length,
    closed: closedIds.length,
    changedUrls: urls,
    removedReleases: stale,
    prunedCacheFiles,
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
  const report = await validateContent(options.contentDir, { today: buildDate(options.env ?? process.env) });
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
