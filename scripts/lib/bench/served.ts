// What the publishing measures (new appeal, edit, closure) share: nginx serving deploy/current, and
// timing a command until nginx answers.
import path from 'node:path';
import { PROJECT_ROOT } from '../build-site.ts';
import type { RunningNginx } from '../nginx-server.ts';
import { NODE } from './bench-run.ts';
import { startMeasured, type MeasuredRun } from './measured-process.ts';

export interface PublishContext {
  photos: 1 | 2;
  runs: number;
  ids: string[];
  contentDir: string;
  archiveDir: string;
  env: NodeJS.ProcessEnv;
  nginx: RunningNginx;
  say: (line: string) => void;
}

/** The republish's own line on its early or takedown release, with its steps' timings, for the log. */
export const stopgapLine = (output: string) =>
  /^.*(?:Live: (?:early|takedown) release|not published).*$/m.exec(output)?.[0] ??
  'no stopgap release line in the output';

/** Polls `url` until it answers `status` (true), or `until()` says to stop first (false). */
export async function waitForStatus(url: string, status: number, until: () => boolean): Promise<boolean> {
  for (;;) {
    try {
      if ((await fetch(url)).status === status) return true;
    } catch {
      // nginx is reloading nothing here; a refused connection is retried.
    }
    if (until()) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Starts a CLI and returns when nginx answers `status` at `url` (ms since the start) and when it ends. */
export async function timeUntilServed(
  c: PublishContext,
  args: string[],
  url: string,
  status: number,
): Promise<{ liveMs: number; run: MeasuredRun; output: () => string }> {
  const started = performance.now();
  let ended = false;
  const running = startMeasured(NODE, args, { cwd: PROJECT_ROOT, env: c.env });
  const done = running.done.then((r) => ((ended = true), r));
  const served = await waitForStatus(url, status, () => ended);
  const liveMs = performance.now() - started;
  const run = await done;
  if (run.code !== 0)
    throw new Error(
      `${args.map((a) => path.basename(a)).join(' ')} failed (exit ${run.code}):\n${run.output.slice(-4000)}`,
    );
  if (!served) throw new Error(`${url} never answered ${status}:\n${run.output.slice(-4000)}`);
  return { liveMs, run, output: running.output };
}
