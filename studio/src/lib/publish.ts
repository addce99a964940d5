import type { Job } from '../../../src/lib/studio/jobs.ts';
import { PUBLISH_STEPS, runPublish } from '../../../src/lib/studio/publish-job.ts';
import type { Studio } from './context.ts';

/** Starts a publish for `by`, or shows the one running (see JobRunner.requestPublish). Returns the job to watch. */
export function requestPublish(
  studio: Studio,
  by: string,
): { job: Job; outcome: 'started' | 'joined' | 'queued' } {
  return studio.jobs.requestPublish(by, PUBLISH_STEPS, (control) =>
    runPublish(studio.config, control, studio.today()),
  );
}
