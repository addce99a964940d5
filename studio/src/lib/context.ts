import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { buildDate } from '../../../src/lib/model/build-date.ts';
import type { CalendarDate } from '../../../src/lib/model/calendar-date.ts';
import { type FieldHelp, parseFieldsTable } from '../../../src/lib/studio/field-help.ts';
import { JobRunner } from '../../../src/lib/studio/jobs.ts';
import { studioConfig, type StudioConfig } from '../../../src/lib/studio/studio-config.ts';
import { openStudioDb } from '../../../src/lib/studio/studio-db.ts';

/** What every request of this studio process shares: its configuration, database and jobs. */
export interface Studio {
  config: StudioConfig;
  db: DatabaseSync;
  jobs: JobRunner;
  help: Map<string, FieldHelp>;
  today(): CalendarDate;
}

let studio: Studio | undefined;

export function getStudio(): Studio {
  if (studio) return studio;
  // scripts/studio.ts sets the project root; the built server lives elsewhere (.cache/studio/).
  const root = process.env.STUDIO_PROJECT_ROOT ?? process.cwd();
  const config = studioConfig(process.env, root);
  studio = {
    config,
    db: openStudioDb(config.dataDir),
    jobs: new JobRunner(),
    help: parseFieldsTable(readFileSync(path.join(root, 'README.md'), 'utf8')),
    today: () => buildDate(process.env),
  };
  return studio;
}
