// What `npm run appeal -- found <id>` says when only the purge hook fails (issue 18): the closure is
// published and the new release is live, so the command must say so. It used to say the takedown
// alone was live ("Nothing else was published") or, without a takedown, that "the live site still
// shows the old release": words a comms officer would act on, wrongly.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import {
  createWorkspace,
  describeRun,
  FIXTURE,
  NOTICE_HEADING,
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

it('appeal found, then reopen, whose purge hook fails says the new release is live (exit 16), and it is', async () => {
  workspace = await createWorkspace('purge-hook-fails', { published: true });
  const ws = workspace;
  const before = ws.currentName();

  const found = await runCli('appeal', ['found', ID, '--by', 'Tester'], {
    ...ws.env,
    PURGE_HOOK: 'echo "CDN said no" >&2; exit 3',
  });
  expect(found.code, describeRun(found)).toBe(16);
  const live = ws.currentName()!;
  expect(live).not.toBe(before);
  // The release live now is the full build's, showing the closure: what the message must say.
  expect(readManifestOf(ws, live).closedIds).toContain(ID);
  expect(readFileSync(path.join(ws.currentDir(), 'appeals', ID, 'index.html'), 'utf8')).toContain(
    NOTICE_HEADING,
  );
  expect(found.stdout).toContain(`Live: release ${live}.`);
  expect(found.stderr).toContain(
    `Closed appeal ${ID} in the content, but publishing failed at stage "purge-hook". The new release ${live} is live, with every change (the closure of ${ID} too)`,
  );
  expect(found.stderr).toContain('CDN said no');
  expect(found.stderr).not.toMatch(/still shows the old release|Nothing else was published|not changed/);

  // Reopened, with no takedown before the full build (an early release instead): the command used
  // to say "The live site still shows the old release".
  const reopen = await runCli('appeal', ['reopen', ID, '--by', 'Tester'], {
    ...ws.env,
    PURGE_HOOK: 'echo "CDN said no" >&2; exit 3',
  });
  expect(reopen.code, describeRun(reopen)).toBe(16);
  const reopened = ws.currentName()!;
  expect(reopened).not.toBe(live);
  expect(readManifestOf(ws, reopened).activeIds).toContain(ID);
  expect(reopen.stdout).toContain(`Live: release ${reopened}.`);
  expect(reopen.stderr).toContain(
    `Reopened appeal ${ID} in the content, but publishing failed at stage "purge-hook". The new release ${reopened} is live, with every change: only what came after the switch failed.`,
  );
  expect(reopen.stderr).not.toMatch(/still shows the old release|Nothing else was published|not changed/);
}, 300_000);
