// What the studio's publish job says when a takedown went live and a later stage failed (issue 18):
// the closed child is gone from the site, so the studio must say so. It used to say "The live site
// was not changed". The real publish job (src/lib/studio/publish-job.ts) runs here with the real
// job runner on a real workspace; no browser is needed to read the job's words.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { readOperatorEnv } from '../../src/lib/config/operator-env.ts';
import { parseCalendarDate } from '../../src/lib/model/calendar-date.ts';
import { JobRunner } from '../../src/lib/studio/jobs.ts';
import { PUBLISH_STEPS, runPublish } from '../../src/lib/studio/publish-job.ts';
import { studioConfig } from '../../src/lib/studio/studio-config.ts';
import {
  createWorkspace,
  describeRun,
  editAppeal,
  FIXED_BUILD_DATE,
  FIXTURE,
  NOTICE_HEADING,
  PROJECT_ROOT,
  readManifestOf,
  removeWorkspace,
  runCli,
  type Workspace,
} from '../helpers/publishing.ts';

const ID = FIXTURE.tobiah.id;
let workspace: Workspace | undefined;
afterEach(() => {
  removeWorkspace(workspace);
  workspace = undefined;
});

it('a publish whose takedown went live before validation failed says the takedown is live', async () => {
  workspace = await createWorkspace('publish-job-failure', { published: true });
  const ws = workspace;
  const before = ws.currentName();
  // Closed in the content, and another appeal broken meanwhile: the takedown still goes live (it
  // only removes), then validation stops the publish.
  const close = await runCli('appeal', ['found', ID, '--by', 'Tester', '--no-publish'], ws.env);
  expect(close.code, describeRun(close)).toBe(0);
  editAppeal(ws, '2025-0007', (source) =>
    source.replace('region: yorkshire-and-the-humber', 'region: atlantis'),
  );

  // The studio's configuration from the operator's environment, as the studio process reads it.
  const config = studioConfig(
    readOperatorEnv({ ...ws.env, STUDIO_DATA_DIR: path.join(ws.root, 'studio-data') }),
    PROJECT_ROOT,
  );
  const jobs = new JobRunner();
  const { job } = jobs.requestPublish('Tester', PUBLISH_STEPS, (control) =>
    runPublish(config, control, parseCalendarDate(FIXED_BUILD_DATE)!),
  );
  const ended = await jobs.ended(job.id);

  expect(ended.state).toBe('failed');
  const live = ws.currentName()!;
  expect(live).not.toBe(before);
  expect(readManifestOf(ws, live).closedIds).toContain(ID);
  expect(readFileSync(path.join(ws.currentDir(), 'appeals', ID, 'index.html'), 'utf8')).toContain(
    NOTICE_HEADING,
  );
  expect(ended.steps.find((s) => s.name === 'takedown')?.state).toBe('done');
  expect(ended.error).toContain(
    `Publishing stopped at "Check every appeal". The takedown of ${ID} is live (release ${live}): its address answers with the closed notice`,
  );
  expect(ended.error).toMatch(/atlantis/);
  expect(ended.error).not.toMatch(/not changed/);
}, 300_000);
