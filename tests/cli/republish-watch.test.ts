import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/lib/publishing/deploy-lock.ts';
import { currentRelease, listReleases } from '../../src/lib/publishing/releases.ts';
import { publishLockDir } from '../../src/lib/publishing/republish.ts';
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
    /** Releases the watcher says it published, in order. */
    const published = () => [...output.matchAll(/Published release (\S+):/g)].map((m) => m[1]!);
    const pageIn = (release: string, id: string) =>
      readFileSync(path.join(deploy, 'releases', release, 'appeals', id, 'index.html'), 'utf8');
    try {
      await until(
        () => currentRelease(deploy) !== undefined && published().length === 1,
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
      await until(() => published().length >= 2, 180_000, `the publish after the burst:\n${output}`);
      // Holding the publish lock, the test knows no build is running: a second build of the burst
      // would start the moment the first ended (before the test even read its line), so it holds
      // the lock first and the test gets it only once that build has published.
      const unlock = await acquireLock(publishLockDir(deploy), {
        wait: true,
        pollMs: 50,
        timeoutMs: 180_000,
      });
      try {
        expect(listReleases(deploy), `releases once the burst's publish is done:\n${output}`).toHaveLength(2);
      } finally {
        unlock();
      }
      // A later edit, and its publish: once that is live, any second build the burst started has
      // come and gone (the watcher never runs two at once, and runs them in order).
      const later = path.join(content, 'appeals/2026-0101/index.md');
      writeFileSync(later, `${readFileSync(later, 'utf8')}\n\nLater edit.`);
      await until(
        () => {
          const live = currentRelease(deploy);
          return (
            live !== undefined &&
            published().includes(live) &&
            pageIn(live, '2026-0101').includes('Later edit.')
          );
        },
        180_000,
        `the publish of the later edit:\n${output}`,
      );
      const releases = published();
      expect(
        releases,
        `one publish at start, one for the burst, one for the later edit:\n${output}`,
      ).toHaveLength(3);
      expect(listReleases(deploy)).toEqual([...releases].sort());
      expect(releases[0]).toBe(first);
      // The burst's one publish holds its last edit, and not the later one.
      expect(pageIn(releases[1]!, '2025-0007')).toContain('Watch edit 3.');
      expect(pageIn(releases[1]!, '2026-0101')).not.toContain('Later edit.');
      expect(pageIn(releases[2]!, '2025-0007')).toContain('Watch edit 3.');
      expect(output).not.toMatch(/failed/i);
    } finally {
      child.kill('SIGTERM');
    }
  }, 400_000);
});
