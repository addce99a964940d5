import type { Job } from '../../../src/lib/studio/jobs.ts';
import { PUBLISH_STEPS, runPublish } from '../../../src/lib/studio/publish-job.ts';
import type { Studio } from './context.ts';

/**
 * Starts a publish for `by`, or joins the one running (which then runs once more after, so what
 * was saved meanwhile goes live too). Returns the job to watch.
 */
export function requestPublish(studio: Studio, by: string): { job: Job; queued: boolean } {
  return studio.jobs.requestPublish(by, PUBLISH_STEPS, (control) => runPublish(studio.config, control));
}
