import type { Job } from '../../../src/lib/studio/jobs.ts';
import { liveNow, tellWentLive } from '../../../src/lib/studio/notifications.ts';
import { PUBLISH_STEPS, runPublish } from '../../../src/lib/studio/publish-job.ts';
import type { Studio } from './context.ts';

/** Starts a publish for `by`, or shows the one running (see JobRunner.requestPublish). Returns the job to watch. */
export function requestPublish(
  studio: Studio,
  by: string,
  options: { closure?: boolean } = {},
): { job: Job; outcome: 'started' | 'joined' | 'queued' } {
  return studio.jobs.requestPublish(
    by,
    PUBLISH_STEPS,
    async (control) => {
      const result = await runPublish(studio.config, control, studio.today());
      // The publish went live whatever happens here: a notification that fails only says so.
      try {
        const live = liveNow({
          deployDir: studio.config.publish.deployDir,
          contentDir: studio.config.contentDir,
          dataDir: studio.config.dataDir,
        });
        for (const id of tellWentLive(studio.db, live, Date.now()))
          control.line(`Told the people who wrote appeal ${id} that it is on the public site.`);
      } catch (error) {
        control.line(
          `The studio could not record who to tell about this publish: ${(error as Error).message}`,
        );
      }
      return result;
    },
    options,
  );
}
