// Names as careless authors write them (issue 12, items 1 and 2): a child whose other names are
// everyday words ("Will", "May", "Grace", "Hope") can be closed, and later republishes still pass;
// a closed name written differently elsewhere ("Siobhán O’Neill" once Markdown has curled the
// apostrophe) is still caught by verification, in the page and in the search index.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { servedScenarios } from '../helpers/served-scenario.ts';
import {
  deployLeftovers,
  describeRun,
  editAppeal,
  FIXTURE,
  NOTICE_HEADING,
  releaseEntries,
  republishOk,
  runCli,
  snapshotLive,
} from '../helpers/publishing.ts';

const ID = FIXTURE.tobiah.id;
const NAME = "Siobhán O'Neill";
const NAME_RE = /siobh[aá]n|o['’]neill/i;

const scenario = servedScenarios('closing-names');

it('closes a child known as Will, May, Grace and Hope, and then catches "friend Siobhán O\'Neill" in another appeal, page and search index', async () => {
  const ws = await scenario.workspace('names');
  editAppeal(ws, ID, (source) =>
    source
      .replace('name: Tobiah Wrenfield', `name: ${NAME}`)
      .replace('knownAs: []', 'knownAs: [Will, May, Grace, Hope]')
      .replace('Tobiah was last seen', 'Siobhán was last seen'),
  );
  await republishOk(ws);

  // The closure publishes: no everyday word blocks it (exit 13 before the fix, with the child's
  // whole appeal left live).
  const found = await runCli('appeal', ['found', ID, '--by', 'Tester'], ws.env);
  expect(found.code, describeRun(found)).toBe(0);
  expect(found.stdout).toMatch(/Live: takedown release/);
  expect(found.stdout).toMatch(/Published release/);
  const page = readFileSync(path.join(ws.currentDir(), 'appeals', ID, 'index.html'), 'utf8');
  expect(page).toContain(NOTICE_HEADING);
  expect(page).not.toMatch(NAME_RE);
  // A later check of the live release passes too: nothing is blocked until a purge.
  const verify = await runCli('verify', [], ws.env);
  expect(verify.code, describeRun(verify)).toBe(0);

  // Another appeal names her; Markdown turns the apostrophe into ’. Verification still sees it,
  // in the page and in the search index, and nothing is published.
  const live = snapshotLive(ws);
  const releasesBefore = releaseEntries(ws);
  editAppeal(
    ws,
    '2026-0101',
    (source) => `${source.trimEnd()}\n\nShe was last seen with her friend ${NAME}.\n`,
  );
  const leak = await runCli('republish', [], ws.env);
  expect(leak.code, describeRun(leak)).toBe(13);
  const findings = leak.stderr.split('\n').filter((line) => line.includes(`closed appeal ${ID}`));
  expect(findings.some((line) => line.includes(path.join('appeals', '2026-0101', 'index.html')))).toBe(true);
  expect(
    findings.some((line) => /pagefind\/fragment\/\S+\.pf_fragment/.test(line)),
    leak.stderr,
  ).toBe(true);
  expect(snapshotLive(ws)).toEqual(live);
  expect(releaseEntries(ws)).toEqual(releasesBefore);
  expect(deployLeftovers(ws)).toEqual([]);
}, 240_000);
