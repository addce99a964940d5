import { spawn } from 'node:child_process';
import path from 'node:path';

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
}): Promise<SiteBuildResult> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        path.join(options.projectRoot, 'node_modules/astro/bin/astro.mjs'),
        'build',
        '--outDir',
        options.outDir,
      ],
      {
        cwd: options.projectRoot,
        env: {
          ...process.env,
          ASTRO_TELEMETRY_DISABLED: '1',
          ...options.env,
          CONTENT_DIR: options.contentDir,
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
