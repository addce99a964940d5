import { ClosedMeanwhile, PublishError } from './publish-release.ts';

/**
 * The stages of a republish, and the clock that runs each one: times it, tells the studio when it
 * starts and ends, and turns whatever it throws into a `StageError` naming the stage.
 */

/** The stages of a republish, in order. A failure names its stage; its exit code is 10 + index. */
const STAGES = ['lock', 'validate', 'build', 'verify', 'release', 'switch', 'purge-hook'] as const;
export type Stage = (typeof STAGES)[number];

/** A release this republish put live before it failed: its name and the appeals it took down or added. */
export interface LiveRelease {
  release: string;
  ids: string[];
}

export class StageError extends Error {
  readonly stage: Stage;
  /** A takedown release that went live before this failure: the closed appeals are gone even so. */
  takenDown?: LiveRelease | undefined;
  /** An early release that went live before this failure: the new appeals' pages are on the site. */
  publishedEarly?: LiveRelease | undefined;
  /** The full release, when it went live before this failure (the purge hook runs after the switch). */
  released?: string | undefined;
  constructor(stage: Stage, message: string) {
    super(message);
    this.stage = stage;
  }
  get exitCode(): number {
    return 10 + STAGES.indexOf(this.stage);
  }
}

/** What `onStep` reports: the stages, and the stopgap release that may come before the build. */
export type RepublishStep = Stage | 'takedown' | 'early release';
/** `skipped`: a stopgap that was not published (the full build publishes the change instead). */
export type StepState = 'running' | 'done' | 'failed' | 'skipped';

/** Where a stage's time goes, and who hears that it started and ended. */
export interface StageClock {
  timings: Partial<Record<Stage, number>>;
  onStep: (step: RepublishStep, state: StepState) => void;
}

/** Runs one stage on the clock; anything it throws leaves as a StageError naming its stage. */
export async function stage<T>(name: Stage, clock: StageClock, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  clock.onStep(name, 'running');
  try {
    const result = await run();
    clock.onStep(name, 'done');
    return result;
  } catch (error) {
    // Not a failure: the full release cuts out what was closed and runs the stage again.
    if (error instanceof ClosedMeanwhile) throw error;
    clock.onStep(name, 'failed');
    if (error instanceof StageError) throw error;
    if (error instanceof PublishError) throw new StageError(error.stage, error.message);
    throw new StageError(name, (error as Error).message);
  } finally {
    clock.timings[name] = Math.round(performance.now() - started);
  }
}

/** Times the named steps of a stopgap release, for its log line and summary. */
export function stepTimer(): {
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
