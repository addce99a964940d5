// Names as careless authors write them (issue 12, items 1 and 2): a child whose other names are
// everyday words ("Will", "May", "Grace", "Hope") can be closed, and later republishes still pass;
// a closed name written differently elsewhere ("Siobhán O’Neill" once Markdown has curled the
// apostrophe) is still caught by verification, in the page and in the search index.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { servedScenarios } from '../helpers/served-scenario.ts';
import {
  appealFile,
  deployLeftovers,
  describeRun,
  editAppeal,
  FIXTURE,
  NOTICE_HEADING,
  plantInLiveRelease,
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
    findings.some((line) => /pagefind\/s\d+\/fragment\/\S+\.pf_fragment/.test(line)),
    leak.stderr,
  ).toBe(true);
  expect(snapshotLive(ws)).toEqual(live);
  expect(releaseEntries(ws)).toEqual(releasesBefore);
  expect(deployLeftovers(ws)).toEqual([]);
}, 240_000);

// Issue 20, points 1 and 8, with real builds: a closed child's name hidden by an invisible
// character (a soft hyphen, a joiner, a bidi override…) is refused in content and found in a live
// release; a closed name given to an active appeal is reported by check and verify, not skipped.
it('refuses a name hidden by &shy; in the circumstances, finds hidden names in the live release, and reports a closed name an active appeal is given', async () => {
  const ws = await scenario.workspace('hidden');
  const name = 'Maisie Brindlecombe';
  editAppeal(ws, ID, (source) =>
    source
      .replace('name: Tobiah Wrenfield', `name: ${name}`)
      .replace('Tobiah was last seen', 'Maisie was last seen'),
  );
  await republishOk(ws);
  const found = await runCli('appeal', ['found', ID, '--by', 'Tester'], ws.env);
  expect(found.code, describeRun(found)).toBe(0);

  // In another appeal's circumstances, the hidden name is refused before anything is built.
  const live = snapshotLive(ws);
  const clean = readFileSync(appealFile(ws, '2026-0101'), 'utf8');
  editAppeal(
    ws,
    '2026-0101',
    (source) => `${source.trimEnd()}\n\nHer friend Maisie Brin&shy;dlecombe saw her.\n`,
  );
  const check = await runCli('check', [], ws.env);
  expect(check.code, describeRun(check)).toBe(1);
  expect(check.stderr).toContain(
    `${path.join('appeals', '2026-0101', 'index.md')}: circumstances (the text below the frontmatter): expected visible text only, got an invisible character (U+00AD, written &shy;)`,
  );
  const refused = await runCli('republish', [], ws.env);
  expect(refused.code, describeRun(refused)).not.toBe(0);
  expect(snapshotLive(ws)).toEqual(live);
  writeFileSync(appealFile(ws, '2026-0101'), clean);

  // In a live release made before these checks, every way of hiding it is found.
  const backwards = [...name].reverse().join('');
  const hidden: Record<string, string> = {
    'soft-hyphen.html': '<p>Maisie Brin&shy;dlecombe</p>',
    'raw-soft-hyphen.html': '<p>Maisie Brin\u00addlecombe</p>',
    'zwnj.html': '<p>Mai&zwnj;sie Brindlecombe</p>',
    'word-joiner.html': '<p>Maisie Brindle&NoBreak;combe</p>',
    'lrm.html': '<p>Maisie&lrm; Brindlecombe</p>',
    'override.html': `<p>Her friend &#x202E;${backwards}&#x202C; saw her</p>`,
    'line-break.html': '<p>Maisie<br>Brindlecombe</p>',
    'surname-first.json': '{"n":"Brindlecombe, Maisie"}',
    'look-alike.html': '<p>M\u0430isie Brindlecombe</p>',
  };
  for (const [file, text] of Object.entries(hidden)) plantInLiveRelease(ws, `planted/${file}`, text);
  const verify = await runCli('verify', [], ws.env);
  expect(verify.code, describeRun(verify)).toBe(1);
  for (const file of Object.keys(hidden))
    expect(verify.stderr, file).toMatch(
      new RegExp(`planted/${file.replace('.', '\\.')}: contains ".*", a name from closed appeal ${ID}`),
    );

  // An active appeal given the closed child's name: check warns, naming the field and the closed id,
  // and verify says it could not look for that name, instead of reporting clean.
  editAppeal(ws, '2026-0101', (source) => source.replace(/knownAs: \[[^\]]*\]/, `knownAs: [${name}]`));
  const warned = await runCli('check', [], ws.env);
  expect(warned.code, describeRun(warned)).toBe(0);
  expect(warned.stderr).toContain(
    `${path.join('appeals', '2026-0101', 'index.md')}: knownAs[0]: "${name}" is also a name of closed appeal ${ID}: verification cannot look for`,
  );
  for (const file of Object.keys(hidden)) rmSync(path.join(ws.currentDir(), 'planted', file));
  const shared = await runCli('verify', [], ws.env);
  expect(shared.stderr).toContain(
    `"${name}", a name of an active appeal, is also a name of closed appeal ${ID}`,
  );
  expect(shared.stdout).not.toContain("no closed appeal's data");
}, 300_000);
