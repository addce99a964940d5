import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { insideFolder } from '../files/inside-folder.ts';
import { realPath } from '../files/real-path.ts';

/** Names the republish that started a build, so an orphaned build can tell and stop. */
const BUILD_PARENT_ENV = 'APPEALS_BUILD_PARENT';

/** Set to `1` for a build of some appeals only (the early release): it shares the photo cache and prunes nothing. */
export const SUBSET_BUILD_ENV = 'APPEALS_SUBSET_BUILD';

/**
 * True when this build was started by a process that has since died (its parent has changed).
 * `buildParent` is the operator configuration's `buildParent` (`APPEALS_BUILD_PARENT`, set by
 * `runSiteBuild`); unset for a build nobody started.
 */
export function orphanedBuild(buildParent: string | undefined, parentPid: number): boolean {
  return buildParent !== undefined && buildParent !== '' && Number(buildParent) !== parentPid;
}

export interface SiteBuildResult {
  ok: boolean;
  output: string;
  /** How the build ended: `exit 1`, `signal SIGKILL`. */
  ended: string;
}

const ANSI_RE = /\u001b\[[0-9;]*[A-Za-z]/g;
const LOG_LINE_RE = /^\d\d:\d\d:\d\d /;

/**
 * What went wrong in a failed build, from its output, as a few readable lines: Astro's `[ERROR]`
 * lines and the lines of an error report (which carry no timestamp), without the route list,
 * stack frames, file locations in the tooling or repeats. Each line is cut at 300 characters, so
 * an error quoting a file cannot pour it out. With nothing recognisable, the output's last lines.
 */
export function buildFailureLines(output: string, max = 30): string[] {
  const lines = output.replace(ANSI_RE, '').split(/\r?\n/);
  const kept: string[] = [];
  let inTrace = false;
  for (const raw of lines) {
    const line = raw.trimEnd();
    const error = line.indexOf('[ERROR]');
    if (error >= 0) {
      kept.push(line.slice(error));
      inTrace = false;
      continue;
    }
    if (/^\s*(Stack trace|Location):\s*$/.test(line)) {
      inTrace = true;
      continue;
    }
    if (line.trim() === '' || LOG_LINE_RE.test(line)) {
      inTrace = false;
      continue;
    }
    // A trace's lines are indented; the next line that is not ends it.
    if (inTrace && /^\s/.test(line)) continue;
    inTrace = false;
    if (/^\s+at\s/.test(line) || /^\s*(generating static routes|[├└│])/.test(line)) continue;
    kept.push(line.trim());
  }
  const unique = [...new Set(kept)].map((l) => (l.length > 300 ? `${l.slice(0, 297)}...` : l));
  if (unique.length > 0) return unique.slice(-max);
  return lines
    .map((l) => l.trimEnd())
    .filter(Boolean)
    .slice(-15)
    .map((l) => (l.length > 300 ? `${l.slice(0, 297)}...` : l));
}

/**
 * The folder `astro build` runs in. Astro writes its server chunks into the output folder when that
 * folder's path begins with its working folder's as a string, else into `<working folder>/.astro/`.
 * The chunks import the project's packages, so they must sit inside the project: for an output folder
 * that only looks inside (`/x/p-deploy` for the project `/x/p`, or a link inside the project to a
 * folder elsewhere) the build runs from a folder of the project that no such path begins with.
 */
export function buildWorkingFolder(projectRoot: string, outDir: string): string {
  const root = realPath(projectRoot); // what the build's process.cwd() will say
  const out = path.resolve(projectRoot, outDir);
  const looksInside = out.startsWith(root);
  return !looksInside || insideFolder(realPath(out), root) ? projectRoot : path.join(projectRoot, BUILD_CWD);
}

/** Lower priority (Unix niceness) for every `astro build`, so takedowns, which run no build, come first. */
const BUILD_NICENESS = 10;

/** The working folder for builds whose output only looks inside the project (see buildWorkingFolder). */
const BUILD_CWD = '.cache/outside-build';

/** Runs the real `astro build` of `contentDir` into `outDir`, in a child process. */
export function runSiteBuild(options: {
  projectRoot: string;
  contentDir: string;
  outDir: string;
  env?: Record<string, string | undefined>;
  /** More `astro build` flags, like `--base /preview/2026-0042/` for the studio's preview. */
  args?: readonly string[];
}): Promise<SiteBuildResult> {
  const cwd = buildWorkingFolder(options.projectRoot, options.outDir);
  mkdirSync(cwd, { recursive: true });
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        path.join(options.projectRoot, 'node_modules/astro/bin/astro.mjs'),
        'build',
        '--root',
        options.projectRoot,
        '--outDir',
        path.resolve(options.projectRoot, options.outDir),
        ...(options.args ?? []),
      ],
      {
        cwd,
        env: {
          ...process.env,
          ASTRO_TELEMETRY_DISABLED: '1',
          ...options.env,
          CONTENT_DIR: path.resolve(options.projectRoot, options.contentDir),
          // The build stops before writing anything if this process has died meanwhile.
          [BUILD_PARENT_ENV]: String(process.pid),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // A build gives way to a takedown: on a busy machine, a closure must not wait for CPU behind a
    // full build or a preview that is running beside it.
    try {
      if (child.pid !== undefined) setPriority(child.pid, BUILD_NICENESS);
    } catch {
      // Already gone (it failed at once) or not allowed here: it runs, or fails, as it would anyway.
    }
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code, signal) =>
      resolve({ ok: code === 0, output, ended: signal ? `signal ${signal}` : `exit ${code}` }),
    );
  });
}
