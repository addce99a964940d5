// Builds the studio (studio/, an Astro server app) into .cache/studio/build-<hash>/, once per
// version of its sources, so `npm run studio` starts at once after the first time. Never into
// dist/ or a release.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { acquireLock } from '../../src/lib/publishing/deploy-lock.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/** Everything the built studio is made from: its own folder, the domain code, and the exact packages. */
const SOURCES = ['studio', 'src/lib', 'package-lock.json'];
const SKIP = new Set(['.astro', 'node_modules', 'public-build']);

function filesUnder(root: string, rel: string): string[] {
  const full = path.join(root, rel);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [rel];
  return readdirSync(full, { withFileTypes: true })
    .filter((e) => !SKIP.has(e.name))
    .flatMap((e) => filesUnder(root, path.join(rel, e.name)))
    .sort();
}

export function studioSourceHash(root = PROJECT_ROOT): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((s) => filesUnder(root, s)))
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

export interface StudioBuild {
  dir: string;
  entry: string;
  /** Every route the studio's router knows (written by studio/src/integrations/route-list.ts). */
  routesFile: string;
  /** True when this call built it (false: an existing build of the same sources). */
  built: boolean;
}

function runAstroBuild(root: string, outDir: string): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        path.join(root, 'node_modules/astro/bin/astro.mjs'),
        'build',
        '--root',
        path.join(root, 'studio'),
        '--outDir',
        outDir,
      ],
      {
        cwd: root,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

/** The studio built from the current sources, building it first if need be (one build at a time). */
export async function ensureStudioBuild(
  options: { root?: string; log?: (line: string) => void } = {},
): Promise<StudioBuild> {
  const root = options.root ?? PROJECT_ROOT;
  const cache = path.join(root, '.cache', 'studio');
  const dir = path.join(cache, `build-${studioSourceHash(root)}`);
  const result = (built: boolean): StudioBuild => ({
    dir,
    entry: path.join(dir, 'server', 'entry.mjs'),
    routesFile: path.join(dir, 'routes.json'),
    built,
  });
  if (existsSync(path.join(dir, 'routes.json'))) return result(false);
  mkdirSync(cache, { recursive: true });
  const unlock = await acquireLock(path.join(cache, 'build.lock'), {
    wait: true,
    onWait: () => options.log?.('Waiting for another build of the studio to finish...'),
  });
  try {
    if (existsSync(path.join(dir, 'routes.json'))) return result(false);
    options.log?.('Building the studio (once for this version)...');
    const temp = `${dir}.tmp-${process.pid}`;
    rmSync(temp, { recursive: true, force: true });
    const built = await runAstroBuild(root, temp);
    if (!built.ok || !existsSync(path.join(temp, 'routes.json'))) {
      rmSync(temp, { recursive: true, force: true });
      throw new Error(`The studio could not be built:\n${built.output}`);
    }
    renameSync(temp, dir);
    // Older builds go, except the newest other one, which a running studio may still be serving.
    const others = readdirSync(cache)
      .filter((name) => name.startsWith('build-') && path.join(cache, name) !== dir)
      .map((name) => ({ name, mtime: statSync(path.join(cache, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const old of others.slice(1)) rmSync(path.join(cache, old.name), { recursive: true, force: true });
    return result(true);
  } finally {
    unlock();
  }
}
