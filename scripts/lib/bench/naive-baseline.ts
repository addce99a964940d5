// The naive baseline of `npm run bench -- --baseline`: the site built the way a first Astro site
// would build it, with every content photo an Astro image asset at Astro's default image settings
// (AVIF and WebP at two widths and a thumbnail, default quality and effort, the source format as
// fallback), Astro's default cache folder, and getCollection on every page. Our code no longer has
// that path (photos left Astro's pipeline in issue 14), so the baseline is the project as it was at
// NAIVE_BASELINE_COMMIT, built with NAIVE_BASELINE=1, exactly as every earlier benchmark built it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../build-site.ts';

/** The last commit with the NAIVE_BASELINE build (main before issue 14). */
export const NAIVE_BASELINE_COMMIT = '959f34efc527b87bcc05b57bac983e8aa69b5ead';

function run(command: string, args: string[], cwd: string): void {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${r.stdout}\n${r.stderr}`.slice(-4000));
}

/**
 * Writes the baseline's code into `dir` (from git, so it needs this checkout's history) and gives it
 * node_modules: ours, linked, when its lock file is the same, or its own `npm ci` otherwise.
 */
export function naiveBaselineCheckout(dir: string, log: (line: string) => void): string {
  if (existsSync(path.join(dir, 'package.json'))) return dir;
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync('git', ['-C', PROJECT_ROOT, 'archive', NAIVE_BASELINE_COMMIT], {
    maxBuffer: 1 << 30,
  });
  if (archive.status !== 0)
    throw new Error(
      `The naive baseline needs commit ${NAIVE_BASELINE_COMMIT} of this repository (a full clone): ${archive.stderr.toString()}`,
    );
  const tar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (tar.status !== 0) throw new Error(`Unpacking the naive baseline failed: ${tar.stderr.toString()}`);
  const lock = (root: string) => readFileSync(path.join(root, 'package-lock.json'), 'utf8');
  if (lock(dir) === lock(PROJECT_ROOT)) {
    symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  } else {
    log(
      `Installing the naive baseline's own dependencies (npm ci in ${path.relative(PROJECT_ROOT, dir)})...`,
    );
    run('npm', ['ci', '--no-audit', '--no-fund'], dir);
  }
  return dir;
}
