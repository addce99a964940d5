import type { CalendarDate } from '../model/calendar-date.ts';
import { describeFailure } from '../publishing/describe-failure.ts';
import { republish, type RepublishSummary } from '../publishing/republish.ts';
import { StageError, type RepublishStep } from '../publishing/stage-clock.ts';
import type { JobControl } from './jobs.ts';
import type { StudioConfig } from './studio-config.ts';

/** The publish's steps as the studio names them, for people who have never seen the terminal. */
export const STEP_LABELS: Record<RepublishStep, string> = {
  lock: 'Wait for any other publish to finish',
  validate: 'Check every appeal',
  takedown: 'Take the closed appeal off the live site now',
  'early release': 'Put the new appeal on the live site now',
  build: 'Rebuild the whole site',
  verify: 'Check the rebuilt site',
  release: 'Store the new version',
  switch: 'Switch the live site to it',
  'purge-hook': 'Tell the caches to drop old copies',
};

export const PUBLISH_STEPS: readonly RepublishStep[] = [
  'lock',
  'validate',
  'build',
  'verify',
  'release',
  'switch',
];

export interface StopgapResult {
  ids: string[];
  release?: string | undefined;
  /** When it went live (ISO time). */
  liveAt?: string | undefined;
  /** Why there was none; the full build published the change. */
  fellBack?: string | undefined;
}

export interface PublishResult {
  release: string;
  active: number;
  closed: number;
  /** When the full release went live (ISO time). */
  liveAt: string;
  takedown?: StopgapResult | undefined;
  early?: StopgapResult | undefined;
}

export function publishResult(summary: RepublishSummary): PublishResult {
  const { takedown, early } = summary;
  return {
    release: summary.release,
    active: summary.active,
    closed: summary.closed,
    liveAt: summary.liveAt.toISOString(),
    takedown: takedown && {
      ids: takedown.closingIds,
      release: takedown.release,
      liveAt: takedown.liveAt?.toISOString(),
      fellBack: takedown.fellBack,
    },
    early: early && {
      ids: early.addedIds,
      release: early.release,
      liveAt: early.liveAt?.toISOString(),
      fellBack: early.fellBack,
    },
  };
}

/**
 * The same republish as `npm run republish`, under the same lock (so a publish from the command
 * line and one from the studio never run at once), reporting each step and line to the job. A
 * failure says, in the same words as the command line, what went live before it.
 */
export async function runPublish(
  config: StudioConfig,
  control: JobControl,
  today: CalendarDate,
): Promise<PublishResult> {
  try {
    const summary = await republish({
      ...config.publish,
      projectRoot: config.projectRoot,
      contentDir: config.contentDir,
      publicDir: config.publicDir,
      wait: true,
      today,
      log: (line) => control.line(line),
      onStep: (step, state) => control.step(step, state),
    });
    return publishResult(summary);
  } catch (error) {
    if (error instanceof StageError)
      throw new Error(
        `Publishing stopped at "${STEP_LABELS[error.stage]}". ${describeFailure(error)}\n${error.message}`,
        { cause: error },
      );
    throw error;
  }
}
