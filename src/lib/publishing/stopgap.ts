import type { ReleaseManifest } from './releases.ts';
import type { ReleaseChange } from './release-change.ts';
import type { Finding } from './verify-release.ts';
import { publishRelease, type Candidate, type PublishContext, type PublishStage } from './publish-release.ts';
import type { stepTimer } from './stage-clock.ts';

/**
 * What the two stopgap releases share: the takedown (src/lib/publishing/takedown.ts) and the early
 * release (src/lib/publishing/early-release.ts) are each made from the live release before the full
 * build, in seconds, and end in the same final step as any release.
 */

export interface StopgapContext {
  projectRoot: string;
  contentDir: string;
  deployDir: string;
  cacheDir: string;
  /** The live release, which the stopgap is made from. */
  live: ReleaseManifest;
  liveDir: string;
  change: ReleaseChange;
  /** Each active appeal's content digest, now. */
  digests: Record<string, string>;
  publishing: Omit<PublishContext, 'stage'>;
  log: (line: string) => void;
}

/** A stopgap release made from the live one before the full build: the takedown, the early release. */
interface StopgapSummary {
  /** The verified stopgap release that went live, if it did. */
  release?: string | undefined;
  /** When it went live (the switch), if it did. */
  liveAt?: Date | undefined;
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

/** The shared step's stages, run for a stopgap: no stage of the republish's own (it has its timer). */
const untimed = async <T>(_name: PublishStage, run: () => T | Promise<T>) => run();

/** A stopgap's end: the shared final step, announcing it with its steps' timings once it is live. */
export function publishStopgap(
  context: StopgapContext,
  candidate: Omit<Candidate, 'kind'> & { kind: 'takedown' | 'early release' },
  timer: ReturnType<typeof stepTimer>,
  tolerable?: (finding: Finding) => boolean,
) {
  return publishRelease({ ...context.publishing, stage: untimed }, candidate, {
    tolerable,
    // The takedown holds the switch lock from reading the live release on; the early release,
    // made from the live release, must find it still live when it switches.
    switchLocked: candidate.kind === 'takedown',
    madeFrom: candidate.kind === 'takedown' ? undefined : context.live.name,
    onLive: () => {
      timer.step('verify, release and switch');
      // "takedown release" or "early release": the words the benchmark and the tests wait for.
      const label = candidate.kind === 'takedown' ? 'takedown release' : candidate.kind;
      context.log(`Live: ${label} ${candidate.name} (${timer.elapsed()} ms: ${timer.describe()}).`);
    },
  });
}

/** The shown appeals' digests, by id. */
export const digestsOf = (ids: readonly string[], ...sources: Array<Record<string, string> | undefined>) =>
  Object.fromEntries(
    ids.flatMap((id) => {
      const digest = sources.map((s) => s?.[id]).find((d) => d !== undefined);
      return digest === undefined ? [] : [[id, digest]];
    }),
  );
