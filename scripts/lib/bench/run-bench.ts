// The measures of `npm run bench` (scripts/bench.ts), run on N synthetic fictional appeals in a
// throwaway workspace under test-output/: the real CLIs and the real `astro build`, as child
// processes whose whole process tree's memory is sampled. Each measure is in its own module; this
// prepares the workspace and runs the ones asked for, in order.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appealsDir } from '../../../src/lib/content/appeal-folder.ts';
import { PROJECT_ROOT } from '../build-site.ts';
import { startNginx } from '../nginx-server.ts';
import { writeSyntheticContent } from '../synthetic-content.ts';
import { alertsMeasure } from './alerts-measure.ts';
import type { BenchResult, Measure } from './bench-result.ts';
import { type BenchContext, NODE, secs, timed } from './bench-run.ts';
import { naiveBuilds, ourBuilds } from './build-measures.ts';
import { checkTimes } from './check-measure.ts';
import { closures } from './closure-measure.ts';
import { closureRaces } from './race-measure.ts';
import { edits } from './edit-measure.ts';
import { runMeasured } from './measured-process.ts';
import { newAppeals } from './new-appeal-measure.ts';
import type { PublishContext } from './served.ts';
import { versions } from './tool-versions.ts';

export interface BenchOptions {
  n: number;
  photos: 1 | 2;
  only: ReadonlySet<Measure>;
  baseline: boolean;
  runs: number;
  keep: boolean;
  log: (line: string) => void;
  /** The `alerts` measure's sizes. */
  alerts: { subscribers: number; devices: number; subscribeRequests: number };
}

const BUILD_DATE = '2026-11-29';

/** Synthetic content, generated once per size and kept under test-output/ (photos take minutes to draw). */
async function syntheticContent(n: number, photos: 1 | 2, log: BenchOptions['log']): Promise<string> {
  const dir = path.join(PROJECT_ROOT, 'test-output', 'bench-content', `${n}x${photos}`);
  const done = path.join(dir, '.complete');
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  log(
    `Writing ${n} synthetic appeals with ${photos} photo(s) each (kept in ${path.relative(PROJECT_ROOT, dir)} for later runs)...`,
  );
  await writeSyntheticContent(
    dir,
    n,
    photos,
    (count) => count % Math.max(1, Math.round(n / 10)) === 0 && log(`  ${count}/${n} appeals written`),
  );
  writeFileSync(done, '');
  return dir;
}

export async function runBench(options: BenchOptions, command: string): Promise<BenchResult> {
  const { n, photos, only, runs, log } = options;
  const started = performance.now();
  const say = (line: string) =>
    log(`[${new Date(performance.now() - started).toISOString().slice(14, 19)}] ${line}`);
  const want = (m: Measure) => only.has(m);
  const os = await import('node:os');
  const result: BenchResult = {
    command,
    date: new Date().toISOString(),
    n,
    photos,
    runs,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryBytes: os.totalmem(),
      loadAverage: os.loadavg(),
    },
    versions: versions(),
    ours: {},
  };

  // The alerts measure needs no appeals of size N: it makes its own few, and runs first.
  if (want('alerts')) result.ours.alerts = await alertsMeasure({ ...options.alerts, runs, say });
  if ([...only].every((m) => m === 'alerts')) return result;

  const source = await syntheticContent(n, photos, say);
  mkdirSync(path.join(PROJECT_ROOT, 'test-output'), { recursive: true });
  const work = mkdtempSync(path.join(PROJECT_ROOT, 'test-output', `bench-${n}x${photos}-`));
  const contentDir = path.join(work, 'content');
  cpSync(source, contentDir, { recursive: true });
  const ids = readdirSync(appealsDir(contentDir)).sort();
  const sampleId = ids[Math.floor(ids.length / 2)]!;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONTENT_DIR: contentDir,
    DEPLOY_DIR: path.join(work, 'deploy'),
    ARCHIVE_DIR: path.join(work, 'archive'),
    ASTRO_CACHE_DIR: path.join(work, 'cache'),
    BUILD_DATE,
    ASTRO_TELEMETRY_DISABLED: '1',
    KEEP_RELEASES: '2',
  };
  delete env.NAIVE_BASELINE;
  const c: BenchContext = {
    n,
    runs,
    work,
    sampleId,
    env,
    say,
    run: (args, extra = {}, cwd = PROJECT_ROOT) =>
      runMeasured(NODE, args, { cwd, env: { ...env, ...extra } }),
  };

  try {
    if (want('check')) result.ours.check = await checkTimes(c);

    const needsOurBuild = want('cold') || want('warm') || want('bytes') || want('search');
    if (needsOurBuild) Object.assign(result.ours, await ourBuilds(c, want));
    if (options.baseline && needsOurBuild) result.naive = await naiveBuilds(c, want);

    // Publishing: a new appeal, then closures, against nginx serving deploy/current.
    if (want('new') || want('edit') || want('closure') || want('race')) {
      say('first publish (republish)...');
      const first = timed('republish', await c.run([path.join(PROJECT_ROOT, 'scripts/republish.ts')]));
      say(`  first publish: ${secs(first.ms)}`);
      const nginx = await startNginx({ root: path.join(env.DEPLOY_DIR!, 'current') });
      try {
        const context: PublishContext = {
          photos,
          runs,
          ids,
          contentDir,
          archiveDir: env.ARCHIVE_DIR!,
          env,
          nginx,
          say,
        };
        if (want('new')) result.ours.newAppeal = await newAppeals(context);
        if (want('edit')) result.ours.edits = await edits(context);
        if (want('closure')) result.ours.closures = await closures(context);
        if (want('race')) result.ours.closureRaces = await closureRaces(context);
      } finally {
        await nginx.stop();
      }
    }
  } finally {
    if (!options.keep) rmSync(work, { recursive: true, force: true });
    else say(`kept the workspace: ${work}`);
  }
  return result;
}
