import type { DatabaseSync } from 'node:sqlite';
import { readOperatorEnv } from '../../../src/lib/config/operator-env.ts';
import { buildDate } from '../../../src/lib/model/build-date.ts';
import type { CalendarDate } from '../../../src/lib/model/calendar-date.ts';
import type { LifecycleFolders } from '../../../src/lib/lifecycle/use-cases.ts';
import { JobRunner } from '../../../src/lib/studio/jobs.ts';
import { studioConfig, type StudioConfig } from '../../../src/lib/studio/studio-config.ts';
import { openStudioDb } from '../../../src/lib/studio/studio-db.ts';

/** What every request of this studio process shares: its configuration, database and jobs. */
export interface Studio {
  config: StudioConfig;
  db: DatabaseSync;
  jobs: JobRunner;
  today(): CalendarDate;
}

let studio: Studio | undefined;

export function getStudio(): Studio {
  if (studio) return studio;
  // scripts/studio.ts sets the project root; the built server lives elsewhere (.cache/studio/).
  const operator = readOperatorEnv();
  const root = operator.studio.projectRoot ?? process.cwd();
  const config = studioConfig(operator, root);
  studio = {
    config,
    db: openStudioDb(config.dataDir),
    jobs: new JobRunner(),
    today: () => buildDate(operator),
  };
  return studio;
}

/** Where the lifecycle's use cases (src/lib/lifecycle/use-cases.ts) read and write, for this studio. */
export function lifecycleFolders(studio: Studio): LifecycleFolders & { dataDir: string } {
  return {
    contentDir: studio.config.contentDir,
    archiveDir: studio.config.publish.archiveDir,
    auditLog: studio.config.auditLog,
    dataDir: studio.config.dataDir,
    cacheDir: studio.config.publish.cacheDir,
    projectRoot: studio.config.projectRoot,
  };
}
