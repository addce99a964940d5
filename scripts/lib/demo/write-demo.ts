/** Writes the demo content to a folder: each appeal's index.md and drawn photos, and the settings. */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  APPEAL_FILE,
  APPEALS_DIR,
  appealDir,
  appealFileIn,
  appealsDir,
} from '../../../src/lib/content/appeal-folder.ts';
import { stringifyMarkdownFile } from '../../../src/lib/content/frontmatter.ts';
import { buildDemoAppeals, DEMO_APPEAL_COUNT, DEMO_SEED } from './build-appeals.ts';
import { drawPortraitJpeg } from './portrait-jpeg.ts';
import { demoSettingsYaml } from './settings.ts';

interface GenerateDemoOptions {
  /** How many appeals (ids 2026-0001 upwards). Default 24. */
  count?: number;
  /** Changes every name, date and picture. Default DEMO_SEED. */
  seed?: number;
  /** settings.yaml: write it only when missing (default), always, or never. */
  settings?: 'if-missing' | 'overwrite' | 'skip';
  /** Photos rendered at once. Default 4. */
  concurrency?: number;
  /** Photo size, for fast fixtures; default 1200 x 1600. */
  photoSize?: { width: number; height: number };
}

interface GenerateDemoResult {
  ids: string[];
  /** Every file written, relative to outDir. */
  files: string[];
}

/**
 * Writes the demo appeals to `<outDir>/appeals/<id>/` (index.md and photos), and the demo
 * settings to `<outDir>/settings.yaml`. Each appeal folder it writes is wiped first; no other
 * folder is touched.
 */
export async function generateDemoContent(
  outDir: string,
  options: GenerateDemoOptions = {},
): Promise<GenerateDemoResult> {
  const appeals = buildDemoAppeals(options.count ?? DEMO_APPEAL_COUNT, options.seed ?? DEMO_SEED);
  mkdirSync(appealsDir(outDir), { recursive: true });
  const files = writeSettings(outDir, options.settings ?? 'if-missing');
  const jobs: Array<() => Promise<void>> = [];
  for (const appeal of appeals) {
    const dir = appealDir(outDir, appeal.id);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(appealFileIn(dir), stringifyMarkdownFile(appeal.data, appeal.body));
    files.push(path.join(APPEALS_DIR, appeal.id, APPEAL_FILE));
    for (const photo of appeal.photos) {
      files.push(path.join(APPEALS_DIR, appeal.id, photo.file));
      jobs.push(async () => {
        const jpeg = await drawPortraitJpeg(photo.seed, { ...photo.portrait, ...options.photoSize });
        writeFileSync(path.join(dir, photo.file), jpeg);
      });
    }
  }
  await runAll(jobs, Math.max(1, options.concurrency ?? 4));
  return { ids: appeals.map((a) => a.id), files };
}

/** Writes settings.yaml as `mode` says; returns the files written. */
function writeSettings(outDir: string, mode: NonNullable<GenerateDemoOptions['settings']>): string[] {
  const settingsPath = path.join(outDir, 'settings.yaml');
  if (mode === 'skip' || (mode === 'if-missing' && existsSync(settingsPath))) return [];
  writeFileSync(settingsPath, demoSettingsYaml());
  return ['settings.yaml'];
}

/** Runs the jobs, `concurrency` at a time. */
async function runAll(jobs: ReadonlyArray<() => Promise<void>>, concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
