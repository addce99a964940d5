import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, PROJECT_ROOT } from './build-site.ts';
import { materialiseFixture } from './fixture-content.ts';

/** Builds the `basic` fixture once per run, with real photos carrying EXIF, GPS and XMP. */
export default async function setup(project: TestProject): Promise<() => void> {
  // A folder of its own per run, so two runs at once never share a build.
  mkdirSync(path.join(PROJECT_ROOT, 'test-output'), { recursive: true });
  const workDir = mkdtempSync(path.join(PROJECT_ROOT, 'test-output', 'basic-'));
  const contentDir = await materialiseFixture('basic', workDir);
  const dist = path.join(workDir, 'dist');
  const result = buildSite(contentDir, dist);
  if (result.status !== 0) throw new Error(`Fixture build failed:\n${result.output}`);
  project.provide('fixtureContentDir', contentDir);
  project.provide('fixtureDist', dist);
  return () => rmSync(workDir, { recursive: true, force: true });
}
