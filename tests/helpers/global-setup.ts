import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_FLAGS } from '../../scripts/lib/chromium.ts';
import { buildSite, PROJECT_ROOT } from './build-site.ts';
import { findChromium } from './browser.ts';
import { materialiseFixture } from './fixture-content.ts';

/**
 * Builds the `basic` fixture once per run, with real photos carrying EXIF, GPS and XMP, and starts
 * one Chromium that every browser test file connects to (`launchBrowser`), each in its own contexts,
 * rather than each file launching its own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const executablePath = findChromium();
  const browser = executablePath
    ? await chromium.launchServer({ executablePath, headless: true, args: [...CHROMIUM_FLAGS] })
    : undefined;
  project.provide('browserEndpoint', browser?.wsEndpoint() ?? '');
  // A folder of its own per run, so two runs at once never share a build.
  mkdirSync(path.join(PROJECT_ROOT, 'test-output'), { recursive: true });
  const workDir = mkdtempSync(path.join(PROJECT_ROOT, 'test-output', 'basic-'));
  const contentDir = await materialiseFixture('basic', workDir);
  const dist = path.join(workDir, 'dist');
  const result = buildSite(contentDir, dist);
  if (result.status !== 0) {
    await browser?.close();
    throw new Error(`Fixture build failed:\n${result.output}`);
  }
  project.provide('fixtureContentDir', contentDir);
  project.provide('fixtureDist', dist);
  return async () => {
    await browser?.close();
    rmSync(workDir, { recursive: true, force: true });
  };
}
