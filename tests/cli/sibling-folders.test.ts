// Folders whose paths begin with the project's path as a string, without being inside it (issue 20,
// point 12): project `<tmp>/p`, deploy folder `<tmp>/p-deploy`. Astro takes such an output folder for
// one inside the project and writes its server chunks there, where they cannot find the project's
// packages, so every build failed with "Cannot find package 'piccolore'". The project is copied
// (its node_modules linked) so that the pair of folders is real.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { materialiseFixture } from '../helpers/fixture-content.ts';
import { cleanEnv, FIXED_BUILD_DATE, PROJECT_ROOT } from '../helpers/publishing.ts';
import { TEST_SEARCH_SHARD_SIZE } from '../helpers/build-site.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('sibling-folders');

/** A copy of what a build and the publishing scripts read, with the real node_modules linked. */
function copyProject(to: string): void {
  mkdirSync(to);
  for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'public', 'scripts', 'src'])
    cpSync(path.join(PROJECT_ROOT, name), path.join(to, name), { recursive: true });
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(to, 'node_modules'), 'dir');
}

function run(cwd: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Every path under `dir` whose name is `name`. */
function found(dir: string, name: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => path.basename(p) === name);
}

it('publishes into a deploy folder whose path begins with the project path (<tmp>/p and <tmp>/p-deploy)', async () => {
  const base = tempDir();
  const project = path.join(base, 'p');
  copyProject(project);
  const contentDir = await materialiseFixture('basic', base);
  const deployDir = `${project}-deploy`;
  const env = cleanEnv({
    CONTENT_DIR: contentDir,
    DEPLOY_DIR: deployDir,
    ARCHIVE_DIR: `${project}-archive`,
    BUILD_DATE: FIXED_BUILD_DATE,
    SEARCH_SHARD_SIZE: TEST_SEARCH_SHARD_SIZE,
  });
  const republish = await run(project, ['scripts/republish.ts'], env);
  expect(republish.output).not.toContain('Cannot find package');
  expect(republish.code, republish.output).toBe(0);
  expect(existsSync(path.join(deployDir, 'current', 'index.html'))).toBe(true);
  expect(existsSync(path.join(deployDir, 'current', 'appeals', '2026-0101', 'index.html'))).toBe(true);
  // Astro's server chunks never land in the deploy folder, even for a moment's release.
  expect(found(deployDir, '.prerender')).toEqual([]);
}, 600_000);
