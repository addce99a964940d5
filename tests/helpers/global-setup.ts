import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_FLAGS } from '../../scripts/lib/chromium.ts';
import { buildSite, PROJECT_ROOT } from './build-site.ts';
import { findChromium } from './browser.ts';
import { materialiseFixture } from './fixture-content.ts';
import { publishTemplate } from './publishing.ts';

/**
 * `npm run studio -- build` in a child of its own, so the studio builds on the other core while the
 * fixture builds here (the studio tests would otherwise build it in the first one's set-up).
 */
function buildStudioAside(logFile: string): Promise<void> {
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, [path.join('scripts', 'studio.ts'), 'build'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`The studio build failed (${code}):\n${readFileSync(logFile, 'utf8')}`)),
    );
  });
}

/**
 * Builds the `basic` fixture once per run, with real photos carrying EXIF, GPS and XMP; publishes it
 * once with the real republish, for scenarios that start from a live first release
 * (`createWorkspace(…, { published: true })`); builds the studio meanwhile; and starts one Chromium
 * that every browser test file connects to (`launchBrowser`), each in its own contexts, rather than
 * each file launching its own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // A folder of its own per run, so two runs at once never share a build.
  mkdirSync(path.join(PROJECT_ROOT, 'test-output'), { recursive: true });
  const workDir = mkdtempSync(path.join(PROJECT_ROOT, 'test-output', 'basic-'));
  // A failed studio build fails no run here: the studio tests build it again and report why.
  const studio = buildStudioAside(path.join(workDir, 'studio-build.log')).catch(() => undefined);
  const executablePath = findChromium();
  const browser = executablePath
    ? await chromium.launchServer({ executablePath, headless: true, args: [...CHROMIUM_FLAGS] })
    : undefined;
  const fail = async (error: Error): Promise<never> => {
    await browser?.close();
    await studio;
    throw error;
  };
  project.provide('browserEndpoint', browser?.wsEndpoint() ?? '');
  const contentDir = await materialiseFixture('basic', workDir);
  const dist = path.join(workDir, 'dist');
  const result = buildSite(contentDir, dist);
  if (result.status !== 0) await fail(new Error(`Fixture build failed:\n${result.output}`));
  project.provide('fixtureContentDir', contentDir);
  project.provide('fixtureDist', dist);
  const template = await publishTemplate(path.join(workDir, 'published')).catch(fail);
  project.provide('publishedTemplate', template);
  await studio;
  return async () => {
    await browser?.close();
    rmSync(workDir, { recursive: true, force: true });
  };
}
