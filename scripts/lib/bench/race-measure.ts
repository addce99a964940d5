// The `race` measure (issue 20): a closure while a full build runs, and a closure while another
// closure's takedown runs, each timed from `appeal found` until nginx answers 410.
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appealDir, appealFileIn } from '../../../src/lib/content/appeal-folder.ts';
import { archivedNames } from '../../../src/lib/lifecycle/appeal-archive.ts';
import { PROJECT_ROOT } from '../build-site.ts';
import type { ClosureRace } from './bench-result.ts';
import { NODE, secs } from './bench-run.ts';
import { leakingFiles, uniquelyNamed } from './closure-measure.ts';
import { startMeasured, type RunningMeasured } from './measured-process.ts';
import { waitForStatus, type PublishContext } from './served.ts';

const script = (name: string) => path.join(PROJECT_ROOT, 'scripts', name);

/** Resolves once `running` has printed a line matching `line`; rejects if it ends first. */
async function printed(running: RunningMeasured, line: RegExp, what: string): Promise<void> {
  let ended = false;
  void running.done.then(() => (ended = true));
  while (!line.test(running.output())) {
    if (ended) throw new Error(`${what} never happened:\n${running.output().slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** `appeal found id` while `other` runs: ms until nginx answers 410, and whether `other` still ran then. */
async function closeDuring(
  c: PublishContext,
  id: string,
  other: RunningMeasured,
): Promise<{ liveMs: number; otherRunning: boolean; output: string }> {
  let otherEnded = false;
  void other.done.then(() => (otherEnded = true));
  const url = `${c.nginx.url}/appeals/${id}/`;
  if ((await fetch(url)).status !== 200) throw new Error(`${url} is not live before closing`);
  const started = performance.now();
  let ended = false;
  const running = startMeasured(NODE, [script('appeal.ts'), 'found', id, '--by', 'Benchmark'], {
    cwd: PROJECT_ROOT,
    env: c.env,
  });
  const done = running.done.then((r) => ((ended = true), r));
  const served = await waitForStatus(url, 410, () => ended);
  const liveMs = performance.now() - started;
  const otherRunning = !otherEnded;
  const leaks = leakingFiles(realpathSync(path.join(c.env.DEPLOY_DIR!, 'current')), [
    archivedNames(c.archiveDir).find((a) => a.id === id)!.name,
    `data-appeal-id="${id}"`,
  ]);
  const [run, otherRun] = await Promise.all([done, other.done]);
  if (run.code !== 0 || !served)
    throw new Error(`appeal found ${id} failed (exit ${run.code}):\n${run.output.slice(-4000)}`);
  if (otherRun.code !== 0) throw new Error(`the other command failed:\n${otherRun.output.slice(-4000)}`);
  if (leaks.length > 0)
    throw new Error(`LEAK: after closing ${id} the served release names the child in ${leaks.join(', ')}`);
  return { liveMs, otherRunning, output: run.output };
}

export async function closureRaces(c: PublishContext): Promise<ClosureRace[]> {
  const out: ClosureRace[] = [];
  // From the end of the list: the `closure` measure closes from the middle.
  const free = uniquelyNamed(c).reverse();
  const take = () => {
    const id = free.shift();
    if (!id) throw new Error('No appeal left to close');
    return id;
  };
  for (let i = 0; i < c.runs; i++) {
    // A full build with something to publish (an edit), held by nothing: the closure is started
    // as soon as the build starts.
    const edited = take();
    const file = appealFileIn(appealDir(c.contentDir, edited));
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8').replace(/\n*$/, '\n')}\nBenchmark race ${Date.now()}.\n`,
    );
    const build = startMeasured(NODE, [script('republish.ts')], { cwd: PROJECT_ROOT, env: c.env });
    await printed(build, /^Building\.\.\./m, 'the full build');
    const id = take();
    const r = await closeDuring(c, id, build);
    out.push({ during: 'full build', id, liveMs: r.liveMs, otherRunning: r.otherRunning });
    c.say(
      `closure during a full build ${i + 1}/${c.runs} (${id}): 410 from nginx after ${secs(r.liveMs)}; the build was ${r.otherRunning ? 'still running' : 'over'} then`,
    );
  }
  for (let i = 0; i < c.runs; i++) {
    const first = take();
    const other = startMeasured(NODE, [script('appeal.ts'), 'found', first, '--by', 'Benchmark'], {
      cwd: PROJECT_ROOT,
      env: c.env,
    });
    await printed(other, /^Taking down /m, "the first closure's takedown");
    const id = take();
    const r = await closeDuring(c, id, other);
    out.push({ during: 'closure', id, liveMs: r.liveMs, otherRunning: r.otherRunning });
    c.say(
      `closure during another closure ${i + 1}/${c.runs} (${id}): 410 from nginx after ${secs(r.liveMs)}; the other closure's command was ${r.otherRunning ? 'still running' : 'over'} then`,
    );
  }
  return out;
}
