import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXED_BUILD_DATE = '2026-11-29';

export interface BuildResult {
  status: number | null;
  output: string;
}

/** Runs the real `astro build` on a content folder, as `npm run build` does, into `outDir`. */
export function buildSite(
  contentDir: string,
  outDir: string,
  extraEnv: Record<string, string> = {},
): BuildResult {
  const result = spawnSync(
    process.execPath,
    [path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        CONTENT_DIR: contentDir,
        ASTRO_CACHE_DIR: path.join(path.dirname(outDir), '.astro-cache'),
        BUILD_DATE: FIXED_BUILD_DATE,
        ASTRO_TELEMETRY_DISABLED: '1',
        ...extraEnv,
      },
      encoding: 'utf8',
      timeout: 300_000,
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
