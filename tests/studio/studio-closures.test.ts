// Two closures in the studio, the second while the first one's publish runs (issue 20, point 3).
// The real job runner and publish job (src/lib/studio/jobs.ts, publish-job.ts) run here on a real
// workspace, as the close page calls them; no browser is needed to follow the jobs. The full build
// is held at the project's build lock, a state the code guarantees (its astro build waits for it
// before reading any content). The second closure used to join the running publish: no takedown
// of its own until the whole rebuild, which then verified with the closed names read before it.
import path from 'node:path';
import { expect, it } from 'vitest';
import { readOperatorEnv } from '../../src/lib/config/operator-env.ts';
import { closeFound } from '../../src/lib/lifecycle/use-cases.ts';
import { parseCalendarDate } from '../../src/lib/model/calendar-date.ts';
import { acquireLock } from '../../src/lib/publishing/deploy-lock.ts';
import { JobRunner, type Job } from '../../src/lib/studio/jobs.ts';
import { PUBLISH_STEPS, runPublish } from '../../src/lib/studio/publish-job.ts';
import { studioConfig } from '../../src/lib/studio/studio-config.ts';
import {
  createWorkspace,
  editAppeal,
  filesMentioning,
  FIXED_BUILD_DATE,
  FIXTURE,
  PROJECT_ROOT,
  readManifestOf,
  releaseEntries,
  removeWorkspace,
  republishOk,
  waitFor,
  type Workspace,
} from '../helpers/publishing.ts';

const FIRST = '2025-0007';
const SECOND = FIXTURE.tobiah.id;
/** The third appeal, whose text names the second closure's child. */
const THIRD = '2026-0101';
const NAME_RE = /tobiah|wrenfield/i;

let workspace: Workspace | undefined;
let releaseBuildLock: (() => void) | undefined;

it('a closure made while another closure publishes gets its own takedown at once, and no rebuild goes live naming its child', async () => {
  workspace = await createWorkspace('studio-closures');
  const ws = workspace;
  try {
    editAppeal(ws, THIRD, (source) => `${source}\nShe was last seen with her friend Tobiah Wrenfield.\n`);
    await republishOk(ws);
    const config = studioConfig(
      readOperatorEnv({ ...ws.env, STUDIO_DATA_DIR: path.join(ws.root, 'studio-data') }),
      PROJECT_ROOT,
    );
    const folders = {
      contentDir: config.contentDir,
      archiveDir: config.publish.archiveDir,
      auditLog: config.auditLog,
      dataDir: config.dataDir,
    };
    const today = parseCalendarDate(FIXED_BUILD_DATE)!;
    const jobs = new JobRunner();
    // What the close page does: close, then ask for a publish.
    const close = (id: string, by: string) => {
      closeFound(folders, { id, today: FIXED_BUILD_DATE, by });
      return jobs.requestPublish(by, PUBLISH_STEPS, (control) => runPublish(config, control, today), {
        closure: true,
      });
    };
    const step = (job: Job, name: string) => job.steps.find((s) => s.name === name)?.state;

    releaseBuildLock = await acquireLock(path.join(PROJECT_ROOT, '.cache', 'build.lock'), { wait: true });
    const first = close(FIRST, 'a@example.org');
    await waitFor('the first takedown', () => step(first.job, 'takedown') === 'done', { timeoutMs: 120_000 });
    await waitFor('the first rebuild', () => step(first.job, 'build') === 'running', { timeoutMs: 120_000 });

    const second = close(SECOND, 'b@example.org');
    expect(second.outcome).toBe('started');
    expect(second.job.id).not.toBe(first.job.id);
    // Its own takedown, while the first publish is still held in its build.
    await waitFor('the second takedown', () => step(second.job, 'takedown') === 'done', {
      timeoutMs: 120_000,
    });
    const live = readManifestOf(ws, ws.currentName()!);
    expect(live.activeIds).not.toContain(SECOND);
    expect(live.activeIds).not.toContain(FIRST);
    expect(filesMentioning(path.join(ws.currentDir(), 'appeals', SECOND), NAME_RE)).toEqual([]);
    expect(first.job.state).toBe('running');
    expect(step(first.job, 'build')).toBe('running');

    releaseBuildLock();
    releaseBuildLock = undefined;
    const [a, b] = await Promise.all([jobs.ended(first.job.id), jobs.ended(second.job.id)]);
    // The third appeal still names the second child: each rebuild verifies with the names closed
    // when it verifies, so neither goes live (the live site showed that text before; a publisher
    // must edit it). Before the fix the first rebuild published it.
    for (const job of [a, b]) {
      expect(job.state, job.error).toBe('failed');
      expect(job.error).toMatch(new RegExp(`appeals/${THIRD}/index\\.html: contains "tobiah wrenfield"`));
    }
    const after = readManifestOf(ws, ws.currentName()!);
    expect(after.activeIds).not.toContain(SECOND);
    expect(after.change?.closing).toEqual([SECOND]);
    // No release on disk shows either child's appeal; the first child is named nowhere.
    for (const name of releaseEntries(ws).manifests) {
      expect(readManifestOf(ws, name).activeIds, name).not.toContain(FIRST);
      expect(readManifestOf(ws, name).activeIds, name).not.toContain(SECOND);
    }
    expect(filesMentioning(ws.releasesDir, /odalys|fernhollow/i)).toEqual([]);
  } finally {
    releaseBuildLock?.();
    removeWorkspace(workspace);
    workspace = undefined;
  }
}, 400_000);
