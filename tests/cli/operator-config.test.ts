// Operator configuration stays out of content (issue 12, item 9): a shell command in
// content/settings.yaml is refused, and the private archive and the releases can only go where no
// build copies them, no host serves them and no author edits them. Every refusal comes before
// anything changes. No site is built here but the one build that must refuse.
import { appendFileSync, existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import {
  appealFile,
  createWorkspace,
  describeRun,
  FIXTURE,
  PROJECT_ROOT,
  removeWorkspace,
  runCli,
  type Workspace,
} from '../helpers/publishing.ts';

const ID = FIXTURE.tobiah.id;
// Only a failing run creates these; never leave one in the real public/.
const IN_PUBLIC = ['archive-test', 'deploy-test', '..archive-test'].map((name) =>
  path.join(PROJECT_ROOT, 'public', name),
);
let workspace: Workspace | undefined;
afterEach(() => {
  removeWorkspace(workspace);
  workspace = undefined;
  for (const dir of IN_PUBLIC) rmSync(dir, { recursive: true, force: true });
});

it('refuses a purge hook in content/settings.yaml: check names the field and where it goes now, and no republish runs it', async () => {
  workspace = await createWorkspace('purge-hook-in-content');
  const ws = workspace;
  const ran = path.join(ws.root, 'hook-ran');
  appendFileSync(path.join(ws.contentDir, 'settings.yaml'), `publish:\n  purgeHook: "touch '${ran}'"\n`);
  const check = await runCli('check', [], ws.env);
  expect(check.code, describeRun(check)).toBe(1);
  expect(check.stderr).toContain(
    `settings.yaml: publish.purgeHook: expected nothing here, since a shell command must never sit in content that authors edit: the operator sets the purge hook as the PURGE_HOOK environment variable of the process that publishes (see the README, Configuration); delete this line, got "touch '`,
  );
  const republish = await runCli('republish', [], ws.env);
  expect(republish.code, describeRun(republish)).toBe(11);
  expect(republish.stderr).toContain('publish.purgeHook: expected nothing here');
  expect(existsSync(ran)).toBe(false);
});

it('refuses an archive or deploy folder inside the content, public/, dist/ or each other (links followed), before changing anything', async () => {
  workspace = await createWorkspace('publish-folders');
  const ws = workspace;
  const original = readFileSync(appealFile(ws, ID), 'utf8');
  const publicArchive = IN_PUBLIC[0]!;
  const link = path.join(ws.root, 'innocent-looking');
  symlinkSync(path.join(PROJECT_ROOT, 'public'), link);
  const cases: Array<[Record<string, string>, string]> = [
    [
      { ARCHIVE_DIR: publicArchive },
      `ARCHIVE_DIR: expected the private archive of closed appeals outside the public folder (${path.join(PROJECT_ROOT, 'public')}), whose every file is copied into the published site; got ${publicArchive}. Choose a folder of its own.`,
    ],
    // Two dots starting a name do not make it a step up (issue 20, point 11).
    [
      { ARCHIVE_DIR: IN_PUBLIC[2]! },
      'ARCHIVE_DIR: expected the private archive of closed appeals outside the public folder',
    ],
    [
      { ARCHIVE_DIR: path.join(link, 'archive') },
      'ARCHIVE_DIR: expected the private archive of closed appeals outside the public folder',
    ],
    [
      { ARCHIVE_DIR: path.join(ws.contentDir, 'archive') },
      'ARCHIVE_DIR: expected the private archive of closed appeals outside the content folder',
    ],
    [{ ARCHIVE_DIR: path.join(PROJECT_ROOT, 'dist', 'archive') }, 'outside the build folder dist/'],
    [{ ARCHIVE_DIR: path.join(ws.deployDir, 'archive') }, 'outside the deploy folder'],
    [
      { DEPLOY_DIR: path.join(PROJECT_ROOT, 'public', 'deploy-test') },
      'DEPLOY_DIR: expected the deploy folder outside the public folder',
    ],
    [
      { DEPLOY_DIR: path.join(ws.archiveDir, 'deploy') },
      'DEPLOY_DIR: expected the deploy folder outside the archive folder',
    ],
  ];
  for (const [env, message] of cases) {
    const found = await runCli('appeal', ['found', ID, '--by', 'Tester', '--no-publish'], {
      ...ws.env,
      ...env,
    });
    expect(found.code, describeRun(found)).toBe(1);
    expect(found.stderr).toContain(message);
    expect(found.stderr).toContain('Nothing was changed.');
    expect(readFileSync(appealFile(ws, ID), 'utf8')).toBe(original);
  }
  // `npm run check` lists it with any other problem, and `npm run build` refuses to build.
  const check = await runCli('check', [], { ...ws.env, ARCHIVE_DIR: publicArchive });
  expect(check.code, describeRun(check)).toBe(1);
  expect(check.stderr).toContain('publishing folders: ARCHIVE_DIR: expected the private archive');
  const build = buildSite(ws.contentDir, path.join(ws.root, 'dist'), { ARCHIVE_DIR: publicArchive });
  expect(build.status, build.output).not.toBe(0);
  expect(build.output).toContain(
    'ARCHIVE_DIR: expected the private archive of closed appeals outside the public folder',
  );
  expect(existsSync(path.join(ws.root, 'dist', 'index.html'))).toBe(false);
  expect(existsSync(publicArchive)).toBe(false);
}, 120_000);

it('refuses a bad SEARCH_SHARD_SIZE or KEEP_RELEASES, naming the variable, what it expected and what it got, before changing anything', async () => {
  workspace = await createWorkspace('bad-operator-env');
  const ws = workspace;
  const original = readFileSync(appealFile(ws, ID), 'utf8');
  const unchanged = () => {
    expect(readFileSync(appealFile(ws, ID), 'utf8')).toBe(original);
    expect(existsSync(ws.archiveDir)).toBe(false);
    expect(existsSync(ws.deployDir)).toBe(false);
  };
  const cases: Array<[Record<string, string>, string]> = [
    [{ SEARCH_SHARD_SIZE: 'abc' }, 'SEARCH_SHARD_SIZE: expected a whole number of at least 1, got "abc"'],
    [{ KEEP_RELEASES: '0' }, 'KEEP_RELEASES: expected a whole number of at least 1, got "0"'],
  ];
  for (const [env, message] of cases) {
    const found = await runCli('appeal', ['found', ID, '--by', 'Tester'], { ...ws.env, ...env });
    expect(found.code, describeRun(found)).toBe(1);
    expect(found.stderr).toContain(`${message}\nNothing was changed.`);
    unchanged();
  }
  const republish = await runCli('republish', [], { ...ws.env, KEEP_RELEASES: 'three' });
  expect(republish.code, describeRun(republish)).toBe(1);
  expect(republish.stderr).toContain('KEEP_RELEASES: expected a whole number of at least 1, got "three"');
  const check = await runCli('check', [], { ...ws.env, SEARCH_SHARD_SIZE: '1.5', KEEP_RELEASES: 'x' });
  expect(check.code, describeRun(check)).toBe(1);
  expect(check.stderr).toContain(
    'KEEP_RELEASES: expected a whole number of at least 1, got "x"\nSEARCH_SHARD_SIZE: expected a whole number of at least 1, got "1.5"',
  );
  unchanged();
});
