import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentRelease, listReleases } from '../../src/lib/publishing/releases.ts';
import { FIXED_BUILD_DATE, PROJECT_ROOT } from '../helpers/build-site.ts';
import { materialiseFixture } from '../helpers/fixture-content.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('npm run republish -- --watch', () => {
  it('publishes once at start, then once per burst of edits, never two builds at once', async () => {
    const root = mkdtempSync(path.join(PROJECT_ROOT, 'test-output', 'watch-'));
    roots.push(root);
    const content = await materialiseFixture('basic', root);
    const deploy = path.join(root, 'deploy');
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'scripts/republish.ts'), '--watch'], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        CONTENT_DIR: content,
        DEPLOY_DIR: deploy,
        ARCHIVE_DIR: path.join(root, 'archive'),
        ASTRO_CACHE_DIR: path.join(root, 'cache'),
        BUILD_DATE: FIXED_BUILD_DATE,
        KEEP_RELEASES: '10',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    try {
      await until(
        () => currentRelease(deploy) !== undefined && /Published release/.test(output),
        180_000,
        `the first publish:\n${output}`,
      );
      const first = currentRelease(deploy);
      // A burst of three edits, 100 ms apart, to two files.
      const file = path.join(content, 'appeals/2025-0007/index.md');
      for (const n of [1, 2, 3]) {
        writeFileSync(
          file,
          readFileSync(file, 'utf8').replace(/\n\nWatch edit \d+\.$|$/, `\n\nWatch edit ${n}.`),
        );
        writeFileSync(
          path.join(content, 'appeals/2026-0102/index.md'),
          readFileSync(path.join(content, 'appeals/2026-0102/index.md'), 'utf8'),
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await until(
        () => (output.match(/Published release/g) ?? []).length >= 2,
        180_000,
        `the publish after the burst:\n${output}`,
      );
      // Give a stray second build time to appear, then check there was exactly one.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      expect((output.match(/Published release/g) ?? []).length).toBe(2);
      expect(listReleases(deploy)).toHaveLength(2);
      expect(currentRelease(deploy)).not.toBe(first);
      const page = readFileSync(path.join(deploy, 'current/appeals/2025-0007/index.html'), 'utf8');
      expect(page).toContain('Watch edit 3.');
      expect(output).not.toMatch(/failed/i);
    } finally {
      child.kill('SIGTERM');
    }
  }, 400_000);
});
