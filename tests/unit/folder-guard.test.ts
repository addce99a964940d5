// The folder guard (issue 20, point 11): a folder whose name merely starts with two dots
// (`public/..archive`) is inside its parent, so the archive, the studio's data and the audit log are
// refused there as anywhere else that is published; links are followed.
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readOperatorEnv } from '../../src/lib/config/operator-env.ts';
import { publishConfigProblems } from '../../src/lib/publishing/publish-config.ts';
import { studioConfig } from '../../src/lib/studio/studio-config.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('folder-guard');

function project() {
  const root = tempDir();
  const contentDir = path.join(root, 'content');
  for (const dir of [contentDir, path.join(root, 'public')]) mkdirSync(dir);
  const problems = (env: Record<string, string>) =>
    publishConfigProblems(undefined, readOperatorEnv(env), root, contentDir).map((p) => p.message);
  const studio = (env: Record<string, string>) => () =>
    studioConfig(readOperatorEnv({ CONTENT_DIR: contentDir, ...env }), root);
  return { root, contentDir, problems, studio };
}

it('refuses an archive or deploy folder named with two leading dots inside public/, dist/ or the content', () => {
  const { root, problems } = project();
  for (const [env, where] of [
    [{ ARCHIVE_DIR: 'public/..archive' }, 'the public folder'],
    [{ ARCHIVE_DIR: 'public/...' }, 'the public folder'],
    [{ ARCHIVE_DIR: 'dist/..archive' }, 'the build folder dist/'],
    [{ ARCHIVE_DIR: 'content/..old' }, 'the content folder'],
    [{ DEPLOY_DIR: 'public/..deploy' }, 'the public folder'],
  ] as const) {
    const [setting, value] = Object.entries(env)[0]!;
    expect(problems(env), value).toEqual([
      expect.stringMatching(
        new RegExp(`^${setting}: expected .* outside ${where} .* got ${path.join(root, value)}\\.`),
      ),
    ]);
  }
  // A sibling that only shares the start of the name is apart; so is one a step up.
  expect(problems({ ARCHIVE_DIR: 'public-archive', DEPLOY_DIR: '../deploy-of-p' })).toEqual([]);
});

it("refuses the studio's data folder named with two leading dots inside public/, or public/ reached by a link", () => {
  const { root, studio } = project();
  expect(studio({ STUDIO_DATA_DIR: 'public/..studio' })).toThrow(
    `STUDIO_DATA_DIR: expected a folder apart from the public folder (${path.join(root, 'public')}), got ${path.join(root, 'public/..studio')}`,
  );
  expect(studio({ STUDIO_DATA_DIR: 'dist/..studio' })).toThrow(/apart from the build folder dist\//);
  symlinkSync(path.join(root, 'public'), path.join(root, 'innocent-looking'));
  expect(studio({ STUDIO_DATA_DIR: 'innocent-looking/studio' })).toThrow(/apart from the public folder/);
  expect(studio({ STUDIO_DATA_DIR: '..studio-data' })().dataDir).toBe(path.join(root, '..studio-data'));
});

it('refuses an audit log anywhere that is published or edited, since it lists every closure', () => {
  const { root, problems } = project();
  const inPublic = path.join(root, 'public', '..audit', 'log.jsonl');
  expect(problems({ AUDIT_LOG: inPublic })).toEqual([
    `AUDIT_LOG: expected the audit log of closures outside the public folder (${path.join(root, 'public')}), whose every file is copied into the published site; got ${inPublic}. Choose a file of its own.`,
  ]);
  expect(problems({ AUDIT_LOG: path.join(root, 'deploy', 'audit.jsonl') })).toEqual([
    expect.stringMatching(/^AUDIT_LOG: expected the audit log of closures outside the deploy folder/),
  ]);
  expect(problems({ AUDIT_LOG: path.join(root, 'private', 'audit.jsonl') })).toEqual([]);
});
