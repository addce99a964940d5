import { spawn } from 'node:child_process';
import path from 'node:path';

/** Names the republish that started a build, so an orphaned build can tell and stop. */
export const BUILD_PARENT_ENV = 'APPEALS_BUILD_PARENT';

/** True when this build was started by a process that has since died (its parent has changed). */
export function orphanedBuild(env: Record<string, string | undefined>, parentPid: number): boolean {
  const expected = env[BUILD_PARENT_ENV];
  return expected !== undefined && expected !== '' && Number(expected) !== parentPid;
}

export interface SiteBuildResult {
  ok: boolean;
  output: string;
}

/** Runs the real `astro build` of `contentDir` into `outDir`, in a child process. */
export function runSiteBuild(options: {
  projectRoot: string;
  contentDir: string;
  outDir: string;
  env?: Record<string, string | undefined>;
  /** More `astro build` flags, like `--base /preview/2026-0042/` for the studio's preview. */
  args?: readonly string[];
}): Promise<SiteBuildResult> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        path.join(options.projectRoot, 'node_modules/astro/bin/astro.mjs'),
        'build',
        '--outDir',
        options.outDir,
        ...(options.args ?? []),
      ],
      {
        cwd: options.projectRoot,
        env: {
          ...process.env,
          ASTRO_TELEMETRY_DISABLED: '1',
          ...options.env,
          CONTENT_DIR: options.contentDir,
          // The build stops before writing anything if this process has died meanwhile.
          [BUILD_PARENT_ENV]: String(process.pid),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}
