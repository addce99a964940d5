import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ClosedNames } from '../model/name-matching.ts';
import { withSwitchLock } from './deploy-lock.ts';
import { pruneCachesToRelease } from '../photos/cache-prune.ts';
import { filesUnder } from './file-tree.ts';
import { writeHostFiles } from './host-files.ts';
import type { ReleaseChange } from './release-change.ts';
import {
  changedUrls,
  currentRelease,
  hashFile,
  releasesDir,
  releasesShowing,
  removeRelease,
  switchCurrent,
  writeManifest,
  type ReleaseManifest,
} from './releases.ts';
import { releasesShowingRetracted, type Retraction } from './retractions.ts';
import { verifyReleaseInParallel, type Finding } from './verify-release.ts';

/**
 * The one final step of every release: the full build, the takedown and the early release all end
 * here. Host files, the full verification of the whole candidate, the manifest, the atomic switch,
 * the removal of every release that shows a closed appeal, the photo caches pruned to the new
 * release, and the purge hook. Nothing before the switch changes the live site.
 *
 * The closed appeals' names are read when verification starts, never earlier, and read again
 * under the switch lock just before switching: a build that took minutes never goes live with a
 * closure made meanwhile unchecked (`ClosedMeanwhile`).
 */

export type ReleaseKind = 'full build' | 'takedown' | 'early release';

/** The stages this step runs, as the republish names them (their failures' exit codes). */
export type PublishStage = 'verify' | 'release' | 'switch' | 'purge-hook';

export class PublishError extends Error {
  readonly stage: PublishStage;
  constructor(stage: PublishStage, message: string) {
    super(message);
    this.stage = stage;
  }
}

/**
 * Appeals were closed after the candidate was made or verified: it must not go live as it is.
 * `ids` are the closed appeals it still shows (to cut out), if any; either way it is verified again
 * with the names closed now. The candidate's folder is left in place for the caller.
 */
export class ClosedMeanwhile extends Error {
  readonly ids: string[];
  constructor(ids: string[]) {
    super(
      ids.length > 0
        ? `appeal(s) ${ids.join(', ')} closed while this release was being made`
        : 'appeals were closed while this release was being verified',
    );
    this.ids = ids;
  }
}

const closedKey = (names: readonly ClosedNames[]) =>
  JSON.stringify([...names].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));

export interface Candidate {
  kind: ReleaseKind;
  /** The folder the candidate was made in (`deploy/.staging-<name>`). */
  dir: string;
  name: string;
  /** The appeals it shows, and every closed appeal (each must show the notice). */
  activeIds: string[];
  closedIds: string[];
  /** The content digest of each appeal it shows (src/lib/publishing/release-change.ts). */
  appeals: Record<string, string>;
  change: ReleaseChange;
  /** Files known to be hard links to the live release's, unchanged (a stopgap's), spared a stat. */
  unchanged?: ReadonlySet<string> | undefined;
}

export interface PublishContext {
  deployDir: string;
  cacheDir: string;
  publicDir: string;
  purgeHook?: string | undefined;
  /** Every closed appeal's names, read from the private archive as they are at the moment of asking. */
  closedNames: () => ClosedNames[];
  /**
   * Each active appeal's names, by id. Only the candidate's own active appeals' names are spared
   * by verification: a child closed since the content was read is searched for like any other.
   */
  activeNames: Readonly<Record<string, readonly string[]>>;
  /** What was retracted from active appeals (src/lib/publishing/retractions.ts). */
  retracted?: readonly Retraction[] | undefined;
  embedAllowedSites: readonly string[];
  /** The release live before this republish: unchanged files keep its hashes, and the purge hook is told what changed since. */
  since?: { manifest: ReleaseManifest; dir: string } | undefined;
  log: (line: string) => void;
  /** Runs one stage, timing it; the republish passes its own. */
  stage: <T>(name: PublishStage, run: () => T | Promise<T>) => Promise<T>;
}

export interface PublishOptions {
  /** Findings that do not hold the release back: the takedown's problems the live release has too. */
  tolerable?: (finding: Finding) => boolean;
  /** Releases to delete once it is live, besides those that show a closed appeal. */
  retire?: (name: string) => string[];
  /** Called once it is live and the releases showing closed appeals are gone. */
  onLive?: () => void;
  /** The caller holds the switch lock already (a takedown holds it from start to switch). */
  switchLocked?: boolean;
  /** The release this candidate was made from, which must still be live when it switches (a stopgap's). */
  madeFrom?: string | undefined;
}

export interface PublishedRelease {
  manifest: ReleaseManifest;
  /** When it went live: the switch. */
  liveAt: Date;
  /** Tolerated findings it went live with. */
  unresolved: Finding[];
  removedReleases: string[];
  prunedCacheFiles: number;
  changedUrls: string[];
}

export const describeFindings = (findings: readonly Finding[]) =>
  findings.map((f) => `${f.file}: ${f.problem}`);

/**
 * Each file's sha256, for the manifest. A file that is the very file (the same inode) the live
 * release has at the same path keeps that release's hash: files are never changed in place, so it
 * is unchanged. That covers every photo and share card (hard links to the photo cache) and most of
 * a stopgap, which is hard-linked from the live release, so only new files are read.
 */
export function hashReleaseFiles(
  dir: string,
  since?: PublishContext['since'],
  files: readonly string[] = filesUnder(dir),
  unchanged: ReadonlySet<string> = new Set(),
): Record<string, string> {
  return Object.fromEntries(
    files.map((file) => {
      const known = since?.manifest.files[file];
      if (known && unchanged.has(file)) return [file, known];
      if (known) {
        const before = statSync(path.join(since.dir, file), { throwIfNoEntry: false });
        const now = statSync(path.join(dir, file));
        if (before && before.ino === now.ino && before.dev === now.dev) return [file, known];
      }
      return [file, hashFile(path.join(dir, file))];
    }),
  );
}

function runPurgeHook(hook: string, release: string, urls: string[]): { ok: boolean; message: string } {
  const result = spawnSync(hook, {
    shell: true,
    input: JSON.stringify({ release, changedUrls: urls }),
    encoding: 'utf8',
  });
  return {
    ok: result.status === 0,
    message: `exit ${result.status}${result.stderr ? `:\n${result.stderr}` : ''}`,
  };
}

/**
 * Publishes a candidate. Throws a PublishError, with the live site as it was and the candidate
 * deleted, on a verification finding that `tolerable` does not accept. After the switch a stopgap
 * never throws (it is live, whatever happens next); the full build reports a failed clean-up or
 * purge hook as an error, its release live.
 */
export async function publishRelease(
  context: PublishContext,
  candidate: Candidate,
  options: PublishOptions = {},
): Promise<PublishedRelease> {
  const { deployDir, log, stage } = context;
  const stopgap = candidate.kind !== 'full build';
  // Listed once, after the host files: verification and the manifest both cover every file.
  let files: string[] = [];
  // A takedown only removes: it goes live whatever was closed meanwhile (the next takedown takes
  // that down). Anything else is checked against the closures of the moment, twice.
  const recheck = candidate.kind !== 'takedown';
  let closed: ClosedNames[] = [];
  const findings = await stage('verify', async () => {
    closed = context.closedNames();
    if (recheck) {
      const shown = new Set(candidate.activeIds);
      const closing = closed.filter((c) => shown.has(c.id)).map((c) => c.id);
      if (closing.length > 0) throw new ClosedMeanwhile(closing.sort());
    }
    writeHostFiles(candidate.dir, candidate.closedIds, context.embedAllowedSites);
    files = filesUnder(candidate.dir);
    const found = await verifyReleaseInParallel({
      releaseDir: candidate.dir,
      files,
      activeIds: candidate.activeIds,
      closedIds: candidate.closedIds,
      forbiddenNames: closed,
      publicDir: context.publicDir,
      activeNames: candidate.activeIds.flatMap((id) => context.activeNames[id] ?? []),
      retracted: context.retracted,
    });
    const blocking = found.filter((f) => !options.tolerable?.(f));
    if (blocking.length > 0) {
      rmSync(candidate.dir, { recursive: true, force: true });
      throw new PublishError(
        'verify',
        stopgap
          ? `verification found ${blocking.length} problem(s): ${describeFindings(blocking.slice(0, 10)).join('; ')}`
          : `Verification found ${blocking.length} problem(s); nothing was published:\n${describeFindings(blocking).join('\n')}`,
      );
    }
    return found;
  });
  const manifest: ReleaseManifest = {
    name: candidate.name,
    builtAt: new Date().toISOString(),
    activeIds: candidate.activeIds,
    closedIds: candidate.closedIds,
    appeals: candidate.appeals,
    change: candidate.change,
    ...(stopgap ? { stopgap: true } : {}),
    files: {},
  };
  await stage('release', () => {
    manifest.files = hashReleaseFiles(candidate.dir, context.since, files, candidate.unchanged);
  });
  // The last check and the switch, under the switch lock: a takedown that went live meanwhile has
  // finished, and none starts until this release is live (and then takes down from it).
  const lockSwitch = <T>(run: () => T) =>
    options.switchLocked
      ? run()
      : withSwitchLock(deployDir, run, () => log('Waiting for a takedown to finish before switching...'));
  await stage('switch', () =>
    lockSwitch(() => {
      if (recheck && closedKey(context.closedNames()) !== closedKey(closed)) throw new ClosedMeanwhile([]);
      if (options.madeFrom !== undefined && currentRelease(deployDir) !== options.madeFrom)
        throw new PublishError('switch', 'the live release changed while this one was being made');
      mkdirSync(releasesDir(deployDir), { recursive: true });
      renameSync(candidate.dir, path.join(releasesDir(deployDir), candidate.name));
      writeManifest(deployDir, manifest);
      switchCurrent(deployDir, candidate.name);
    }),
  );
  const liveAt = new Date();

  // After the switch nothing here can put an old release back on the live site. Every release
  // that shows a closed appeal (or whose manifest cannot be read) goes before the release is
  // announced: once "Live" is printed, no release on disk shows a closed child, nor the photo caches.
  let removedReleases: string[] = [];
  let prunedCacheFiles = 0;
  try {
    const showing = releasesShowing(deployDir, candidate.closedIds, candidate.name, (error) =>
      log(
        `${error.message}. Nothing shows that release ${error.release} holds no closed appeal, so it is deleted.`,
      ),
    );
    // A takedown may have switched from this release since: never delete what is live now.
    const liveNow = currentRelease(deployDir);
    removedReleases = [
      ...new Set([
        ...showing,
        ...releasesShowingRetracted(deployDir, context.retracted ?? [], candidate.name),
        ...(options.retire?.(candidate.name) ?? []),
      ]),
    ].filter((name) => name !== liveNow);
    for (const old of removedReleases) removeRelease(deployDir, old);
    if (liveNow === candidate.name)
      prunedCacheFiles = pruneCachesToRelease(
        context.cacheDir,
        path.join(releasesDir(deployDir), candidate.name),
        candidate.activeIds,
      );
  } catch (error) {
    if (!stopgap) throw error;
    log(
      `Could not delete the releases that show a closed appeal, or prune the photo cache (${(error as Error).message}); the full build tries again.`,
    );
  }
  options.onLive?.();

  // Caches must drop the old copies now. Counted from the release live before this republish,
  // so the full build's purge covers a closure again even if the takedown's purge was missed.
  const urls = changedUrls(context.since?.manifest, manifest);
  if (context.purgeHook) {
    if (stopgap) {
      const hook = runPurgeHook(context.purgeHook, candidate.name, urls);
      if (!hook.ok)
        log(
          `The purge hook failed after the ${candidate.kind} (${hook.message}); the full build will run it again.`,
        );
    } else {
      await stage('purge-hook', () => {
        const hook = runPurgeHook(context.purgeHook!, candidate.name, urls);
        if (!hook.ok)
          throw new PublishError(
            'purge-hook',
            `The purge hook failed (${hook.message}); the new release is live, but caches may still hold old copies.`,
          );
      });
    }
  }
  return {
    manifest,
    liveAt,
    unresolved: findings,
    removedReleases,
    prunedCacheFiles,
    changedUrls: urls,
  };
}
