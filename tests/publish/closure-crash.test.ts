// A closure killed after its content says closed but before its takedown went live (issue 20, 5).
// The state is made by the closure's own first step (`archiveAppeal`), exactly as a `kill -9` after
// it leaves the disk: tombstone in the content, appeal in the archive, a photo not yet removed, no
// audit line, nothing published. Then every command that publishes must take the child down first:
// the retry of `appeal found` finishes the job, and a rollback takes it down before anything else.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { archiveAppeal } from '../../src/lib/lifecycle/appeal-archive.ts';
import { describeNginx } from '../helpers/nginx.ts';
import { servedScenarios } from '../helpers/served-scenario.ts';
import {
  appealFile,
  describeRun,
  filesMentioning,
  FIXTURE,
  NOTICE_HEADING,
  readManifestOf,
  releaseEntries,
  republishOk,
  runCli,
  type Workspace,
} from '../helpers/publishing.ts';

const ID = FIXTURE.tobiah.id;
const NAME_RE = /tobiah|wrenfield/i;
const OTHER = '2026-0101';
const OTHER_RE = /zephyrine|quillfeather/i;

const scenario = servedScenarios('closure-crash');

/** The disk as a closure killed right after writing the tombstone leaves it, with a photo still beside it. */
function closeKilledAfterTombstone(ws: Workspace, id: string): void {
  archiveAppeal({
    contentDir: ws.contentDir,
    archiveDir: ws.archiveDir,
    id,
    status: 'found',
    closedAt: '2026-11-29',
  });
  const photo = readdirSync(path.join(ws.archiveDir, id)).find((f) => f.endsWith('.jpg'))!;
  copyFileSync(path.join(ws.archiveDir, id, photo), path.join(path.dirname(appealFile(ws, id)), photo));
  expect(readFileSync(appealFile(ws, id), 'utf8')).toMatch(/^status: found$/m);
}

const auditOf = (ws: Workspace) =>
  existsSync(path.join(ws.archiveDir, 'audit-log.jsonl'))
    ? readFileSync(path.join(ws.archiveDir, 'audit-log.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>)
    : [];

describeNginx('a closure killed between the archive and the takedown', () => {
  it('the retry of `appeal found` takes the child down and says so; a rollback takes a closed child down first', async () => {
    const ws = await scenario.workspace('crash', { published: true });
    await republishOk(ws);
    const http = await scenario.serve(ws);

    closeKilledAfterTombstone(ws, ID);
    // The crash left the child live: the page, and the live release's files.
    const live = await http.get(`/appeals/${ID}/`);
    expect(live.status).toBe(200);
    expect(live.text).toMatch(NAME_RE);
    expect(readManifestOf(ws, ws.currentName()!).activeIds).toContain(ID);
    expect(auditOf(ws)).toEqual([]);

    // The retry finishes the job: it takes the child down, exits 0 and says what it did.
    const retry = await runCli('appeal', ['found', ID, '--by', 'Tester'], ws.env);
    expect(retry.code, describeRun(retry)).toBe(0);
    expect(retry.stdout).toContain(
      `Appeal ${ID} was already closed; its takedown had not finished. It is now taken down.`,
    );
    expect(retry.stdout + retry.stderr).not.toContain('Nothing was changed');
    const gone = await http.get(`/appeals/${ID}/`);
    expect(gone.status).toBe(410);
    expect(gone.text).toContain(NOTICE_HEADING);
    expect(filesMentioning(ws.releasesDir, NAME_RE)).toEqual([]);
    for (const name of releaseEntries(ws).manifests)
      expect(readManifestOf(ws, name).activeIds, name).not.toContain(ID);
    // The photo left beside the tombstone is gone, and the closure is in the audit log once.
    expect(readdirSync(path.dirname(appealFile(ws, ID)))).toEqual(['index.md']);
    expect(auditOf(ws).filter((e) => e.id === ID)).toEqual([
      expect.objectContaining({ id: ID, action: 'found', by: 'Tester' }),
    ]);

    // Once it is down, a retry is refused as before: there is nothing left to do.
    const again = await runCli('appeal', ['found', ID, '--by', 'Tester'], ws.env);
    expect(again.code, describeRun(again)).toBe(1);
    expect(again.stderr).toMatch(/already closed .*Nothing was changed\./);
    expect(auditOf(ws).filter((e) => e.id === ID)).toHaveLength(1);

    // A rollback after a second such crash: it takes the child down before anything else, then
    // refuses, since the release before showed the child too (and has been deleted with it).
    await republishOk(ws);
    const [before, last] = releaseEntries(ws).manifests.slice(-2);
    expect(ws.currentName()).toBe(last);
    closeKilledAfterTombstone(ws, OTHER);
    expect((await http.get(`/appeals/${OTHER}/`)).status).toBe(200);
    const rollback = await runCli('republish', ['--rollback'], ws.env);
    expect(rollback.code, describeRun(rollback)).not.toBe(0);
    expect(rollback.stderr).toContain(
      `Refusing to roll back to ${before}: it shows appeal ${OTHER}, closed since.`,
    );
    expect(rollback.stderr).toContain(`The takedown of ${OTHER} is live`);
    expect((await http.get(`/appeals/${OTHER}/`)).status).toBe(410);
    expect(ws.currentName()).not.toBe(last);
    expect(filesMentioning(ws.releasesDir, OTHER_RE)).toEqual([]);
  }, 300_000);
});
