// Where `astro build` runs (src/lib/publishing/site-build.ts): from the project, unless the output
// folder only looks inside it, by a string prefix or through a link (issue 20, point 12).
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildWorkingFolder } from '../../src/lib/publishing/site-build.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('build-working-folder');

it('builds from the project unless the output folder only looks inside it', () => {
  const base = tempDir();
  const project = path.join(base, 'p');
  mkdirSync(project);
  const away = path.join(project, '.cache', 'outside-build');
  // Inside, outside, and outside without a shared prefix: Astro's own test gets these right.
  expect(buildWorkingFolder(project, path.join(project, 'dist'))).toBe(project);
  expect(buildWorkingFolder(project, 'test-output/x/dist')).toBe(project);
  expect(buildWorkingFolder(project, path.join(base, 'deploy', 'releases', 'r1'))).toBe(project);
  // A sibling whose path begins with the project's.
  expect(buildWorkingFolder(project, `${project}-deploy/.staging-1`)).toBe(away);
  expect(buildWorkingFolder(project, `${project}deploy`)).toBe(away);
  // A link inside the project to a folder elsewhere: the chunks would be read from there.
  mkdirSync(path.join(base, 'srv-deploy'));
  symlinkSync(path.join(base, 'srv-deploy'), path.join(project, 'deploy'));
  expect(buildWorkingFolder(project, path.join(project, 'deploy', '.staging-1'))).toBe(away);
  // The project reached through a link: compared as the build's own working folder says it.
  const linked = path.join(base, 'link-to-p');
  symlinkSync(project, linked);
  expect(buildWorkingFolder(linked, path.join(linked, 'dist'))).toBe(linked);
  expect(buildWorkingFolder(linked, `${project}-deploy/x`)).toBe(
    path.join(linked, '.cache', 'outside-build'),
  );
});
