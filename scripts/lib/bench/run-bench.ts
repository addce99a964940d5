// The measures of `npm run bench` (scripts/bench.ts), run on N synthetic fictional appeals in a
// throwaway workspace under test-output/: the real CLIs and the real `astro build`, as child
// processes whose whole process tree's memory is sampled.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { appealDir, appealFileIn, appealsDir } from '../../../src/lib/content/appeal-folder.ts';
import { archivedNames } from '../../../src/lib/lifecycle/appeal-archive.ts';
import { nextAppealId } from '../../../src/lib/model/appeal-id.ts';
import { filesUnder } from '../../../src/lib/publishing/file-tree.ts';
import { photoReferences } from '../../../src/lib/release-files/page-references.ts';
import { escapeRe, phrasePattern } from '../../../src/lib/model/name-matching.ts';
import { foldText } from '../../../src/lib/model/text-fold.ts';
import { PROJECT_ROOT } from '../build-site.ts';
import { launchChromium } from '../chromium.ts';
import { buildDemoAppeals } from '../demo/build-appeals.ts';
import { startNginx, type RunningNginx } from '../nginx-server.ts';
import { startStaticServer } from '../static-server.ts';
import { writeSyntheticAppeal, writeSyntheticContent } from '../synthetic-content.ts';
import { firstSearchBytes, type FirstSearchBytes } from './first-search.ts';
import { runMeasured, startMeasured, type MeasuredRun } from './measured-process.ts';
import { mainPhotoBytes, pageWeight, type MainPhotoBytes, type PageWeight } from './page-weight.ts';
import { NAIVE_BASELINE_COMMIT, naiveBaselineCheckout } from './naive-baseline.ts';

export const MEASURES = ['cold', 'warm', 'new', 'edit', 'closure', 'bytes', 'search', 'check'] as const;
export type Measure = (typeof MEASURES)[number];

export interface BenchOptions {
  n: number;
  photos: 1 | 2;
  only: ReadonlySet<Measure>;
  baseline: boolean;
  runs: number;
  keep: boolean;
  log: (line: string) => void;
}

export interface Timed {
  ms: number;
  peakRssBytes: number;
}

export interface SiteSizes {
  outputBytes: number;
  outputFiles: number;
  pages: Record<'home' | 'listing' | 'appeal' | 'search', PageWeight>;
  mainPhoto: MainPhotoBytes;
  /** Bytes of every share card in the output: the median and the largest. */
  shareCards?: { median: number; max: number; count: number };
}

export interface Variant {
  cold?: Timed;
  warm?: Timed[];
  sizes?: SiteSizes;
  search?: FirstSearchBytes;
}

export interface NewAppeal extends Timed {
  /** Republish start → the command ends (the full build is live). `ms` is republish start → nginx answers 200. */
  fullMs: number;
  /** Whether the early release went live first. */
  early: boolean;
}

/** One appeal's text edited, then `npm run republish`: the full rebuild. */
export interface Edit extends Timed {
  /** Republish start → nginx serves the edited page. `ms` is the whole command. */
  liveMs: number;
}

export interface Closure {
  id: string;
  /** `appeal found` start → nginx answers 410 (the takedown release, or the full build if it fell back). */
  liveMs: number;
  /** `appeal found` start → the command ends (the full rebuild is live). */
  fullMs: number;
  peakRssBytes: number;
  takedown: boolean;
}

export interface BenchResult {
  command: string;
  date: string;
  n: number;
  photos: number;
  runs: number;
  machine: { cpus: number; cpuModel: string; memoryBytes: number; loadAverage: number[] };
  versions: Record<string, string>;
  ours: Variant & { check?: number[]; newAppeal?: NewAppeal[]; edits?: Edit[]; closures?: Closure[] };
  naive?: Variant;
}

const BUILD_DATE = '2026-11-29';
const NODE = process.execPath;

function versionOf(pkg: string): string {
  return (
    JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
}

function toolVersion(command: string, args: string[], pattern: RegExp): string {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  return pattern.exec(`${r.stdout ?? ''}${r.stderr ?? ''}`)?.[1] ?? 'not found';
}

export function versions(): Record<string, string> {
  return {
    node: process.version.slice(1),
    astro: versionOf('astro'),
    pagefind: versionOf('pagefind'),
    sharp: versionOf('sharp'),
    chromium: toolVersion(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version'], /(\d+\.[\d.]+)/),
    nginx: toolVersion(process.env.NGINX_PATH ?? '/usr/sbin/nginx', ['-v'], /nginx\/([\d.]+)/),
  };
}

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

function treeSize(dir: string): { bytes: number; files: number } {
  const files = filesUnder(dir);
  return { bytes: files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0), files: files.length };
}

function siteSizes(outDir: string, appealId: string): SiteSizes {
  const { bytes, files } = treeSize(outDir);
  const cards = readdirSync(path.join(outDir, 'appeals'))
    .map((id) => path.join(outDir, 'appeals', id, 'share-card.jpg'))
    .filter((file) => existsSync(file))
    .map((file) => statSync(file).size)
    .sort((a, b) => a - b);
  return {
    shareCards: cards.length
      ? { median: cards[Math.floor(cards.length / 2)]!, max: cards.at(-1)!, count: cards.length }
      : undefined,
    outputBytes: bytes,
    outputFiles: files,
    pages: {
      home: pageWeight(outDir, '/'),
      listing: pageWeight(outDir, '/appeals/'),
      appeal: pageWeight(outDir, `/appeals/${appealId}/`),
      search: pageWeight(outDir, '/search/'),
    },
    mainPhoto: mainPhotoBytes(outDir, `/appeals/${appealId}/`),
  };
}

/**
 * Files of a release (not raster images) whose name or raw text holds one of `needles` (a name or
 * a marker such as `data-appeal-id="…"`), case aside: a check independent of verification's own.
 */
export function leakingFiles(releaseDir: string, needles: readonly string[]): string[] {
  if (needles.length === 0) return [];
  const pattern = new RegExp(
    needles.map((n) => escapeRe(n).replace(/\s+/g, '[\\s\\u00a0_-]+')).join('|'),
    'i',
  );
  return filesUnder(releaseDir).filter((file) => {
    if (pattern.test(file)) return true;
    if (/\.(avif|webp|jpe?g|png|gif)$/i.test(file)) return false;
    const bytes = readFileSync(path.join(releaseDir, file));
    const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
    return pattern.test(text);
  });
}

async function waitForStatus(url: string, status: number, until: () => boolean): Promise<boolean> {
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
  const run = (args: string[], extra: NodeJS.ProcessEnv = {}, cwd = PROJECT_ROOT) =>
    runMeasured(NODE, args, { cwd, env: { ...env, ...extra } });
  const ok = (what: string, r: MeasuredRun) => {
    if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}):\n${r.output.slice(-4000)}`);
    return { ms: r.ms, peakRssBytes: r.peakRssBytes };
  };
  const astroBuild = (outDir: string, extra: NodeJS.ProcessEnv = {}, root = PROJECT_ROOT) =>
    run([path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], extra, root);
  const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

  try {
    if (want('check')) {
      result.ours.check = [];
      for (let i = 0; i < runs; i++) {
        const r = ok('npm run check', await run([path.join(PROJECT_ROOT, 'scripts/check.ts')]));
        result.ours.check.push(r.ms);
        say(`check ${i + 1}/${runs}: ${secs(r.ms)}`);
      }
    }

    // Our build: cold (empty cache), then warm (nothing changed).
    const out = path.join(work, 'out');
    const needsOurBuild = want('cold') || want('warm') || want('bytes') || want('search');
    if (needsOurBuild) {
      rmSync(env.ASTRO_CACHE_DIR!, { recursive: true, force: true });
      say(`cold build (ours, empty cache) of ${n} appeals...`);
      result.ours.cold = ok('cold build', await astroBuild(out));
      say(`  cold build: ${secs(result.ours.cold.ms)}, peak RSS ${mb(result.ours.cold.peakRssBytes)}`);
    }
    if (want('warm')) {
      result.ours.warm = [];
      for (let i = 0; i < runs; i++) {
        const r = ok('warm build', await astroBuild(out));
        result.ours.warm.push(r);
        say(`warm build ${i + 1}/${runs} (ours): ${secs(r.ms)}, peak RSS ${mb(r.peakRssBytes)}`);
      }
    }
    if (needsOurBuild && want('bytes')) result.ours.sizes = siteSizes(out, sampleId);
    if (needsOurBuild && want('search')) result.ours.search = await searchBytes(out, sampleId, say);

    // The naive baseline, same content: Astro's defaults, its default cache folder (naive-baseline.ts).
    if (options.baseline && (want('cold') || want('warm') || want('bytes') || want('search'))) {
      const naiveOut = path.join(work, 'naive-out');
      const naiveRoot = naiveBaselineCheckout(path.join(work, 'naive-code'), say);
      const naiveBuild = () => astroBuild(naiveOut, { NAIVE_BASELINE: '1' }, naiveRoot);
      result.naive = {};
      rmSync(path.join(naiveRoot, 'node_modules', '.astro'), { recursive: true, force: true });
      say(
        `cold build (naive baseline of ${NAIVE_BASELINE_COMMIT.slice(0, 7)}, empty node_modules/.astro) of ${n} appeals...`,
      );
      result.naive.cold = ok('naive cold build', await naiveBuild());
      say(
        `  naive cold build: ${secs(result.naive.cold.ms)}, peak RSS ${mb(result.naive.cold.peakRssBytes)}`,
      );
      if (want('warm')) {
        result.naive.warm = [];
        for (let i = 0; i < runs; i++) {
          const r = ok('naive warm build', await naiveBuild());
          result.naive.warm.push(r);
          say(`naive warm build ${i + 1}/${runs}: ${secs(r.ms)}`);
        }
      }
      if (want('bytes')) result.naive.sizes = siteSizes(naiveOut, sampleId);
      if (want('search')) result.naive.search = await searchBytes(naiveOut, sampleId, say);
      rmSync(path.join(naiveRoot, 'node_modules', '.astro'), { recursive: true, force: true });
    }

    // Publishing: a new appeal, then closures, against nginx serving deploy/current.
    if (want('new') || want('edit') || want('closure')) {
      say('first publish (republish)...');
      const first = ok('republish', await run([path.join(PROJECT_ROOT, 'scripts/republish.ts')]));
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

async function searchBytes(
  outDir: string,
  appealId: string,
  say: (line: string) => void,
): Promise<FirstSearchBytes> {
  const name = /<h1 id="appeal-name"[^>]*>([^<]+)</.exec(
    readFileSync(path.join(outDir, 'appeals', appealId, 'index.html'), 'utf8'),
  )?.[1];
  if (!name) throw new Error(`No name on the page of ${appealId}`);
  const server = await startStaticServer(outDir);
  const browser = await launchChromium();
  try {
    const bytes = await firstSearchBytes(browser, {
      origin: server.url,
      servedDir: outDir,
      query: name.split(' ')[0]!,
    });
    say(`first search in Chromium: ${(bytes.totalBytes / 1000).toFixed(1)} kB (${bytes.requests} requests)`);
    return bytes;
  } finally {
    await browser.close();
    await server.close();
  }
}

interface PublishContext {
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
const stopgapLine = (output: string) =>
  /^.*(?:Live: (?:early|takedown) release|not published).*$/m.exec(output)?.[0] ??
  'no stopgap release line in the output';

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Starts a CLI and returns when nginx answers `status` at `url` (ms since the start) and when it ends. */
async function timeUntilServed(
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

/** Writes a new fictional appeal (with new photos to encode), then times republish until nginx serves it. */
async function newAppeals(c: PublishContext): Promise<NewAppeal[]> {
  const out: NewAppeal[] = [];
  const extra = buildDemoAppeals(c.runs, 9090);
  for (let i = 0; i < c.runs; i++) {
    const id = nextAppealId(readdirSync(appealsDir(c.contentDir)), 2026);
    await writeSyntheticAppeal(c.contentDir, extra[i]!, id, c.photos, 500_000 + i * 2);
    const { liveMs, run } = await timeUntilServed(
      c,
      [path.join(PROJECT_ROOT, 'scripts/republish.ts')],
      `${c.nginx.url}/appeals/${id}/`,
      200,
    );
    const early = /Live: early release/.test(run.output);
    out.push({ ms: liveMs, peakRssBytes: run.peakRssBytes, fullMs: run.ms, early });
    c.say(
      `new appeal ${id} ${i + 1}/${c.runs}: live (200 from nginx) after ${secs(liveMs)}${early ? ' (early release)' : ' (NO early release: full build)'}, full build live after ${secs(run.ms)}, peak RSS ${Math.round(run.peakRssBytes / 2 ** 20)} MB`,
    );
    c.say(`  ${stopgapLine(run.output)}`);
  }
  return out;
}

/** Edits one appeal's text, then times republish (the full rebuild) until nginx serves the edit. */
async function edits(c: PublishContext): Promise<Edit[]> {
  const out: Edit[] = [];
  for (let i = 0; i < c.runs; i++) {
    const id = c.ids[Math.floor(((i + 1) * c.ids.length) / (c.runs + 2))]!;
    const file = appealFileIn(appealDir(c.contentDir, id));
    const marker = `Benchmark edit ${Date.now()}.`;
    writeFileSync(file, `${readFileSync(file, 'utf8').replace(/\n*$/, '\n')}\n${marker}\n`);
    const url = `${c.nginx.url}/appeals/${id}/`;
    const started = performance.now();
    let ended = false;
    const running = startMeasured(NODE, [path.join(PROJECT_ROOT, 'scripts/republish.ts')], {
      cwd: PROJECT_ROOT,
      env: c.env,
    });
    const done = running.done.then((r) => ((ended = true), r));
    let liveMs: number | undefined;
    while (liveMs === undefined && !ended) {
      const page = await fetch(url).then(
        (r) => r.text(),
        () => '',
      );
      if (page.includes(marker)) liveMs = performance.now() - started;
      else await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const run = await done;
    if (run.code !== 0)
      throw new Error(`republish after an edit failed (exit ${run.code}):\n${run.output.slice(-4000)}`);
    if (liveMs === undefined && (await fetch(url).then((r) => r.text())).includes(marker))
      liveMs = performance.now() - started;
    if (liveMs === undefined) throw new Error(`${url} never served the edit:\n${run.output.slice(-4000)}`);
    out.push({ liveMs, ms: run.ms, peakRssBytes: run.peakRssBytes });
    c.say(
      `edit ${i + 1}/${c.runs} (${id}): live (nginx serves the edit) after ${secs(liveMs)}, command ended after ${secs(run.ms)}, peak RSS ${Math.round(run.peakRssBytes / 2 ** 20)} MB`,
    );
  }
  return out;
}

/**
 * Times `appeal found <id>` until nginx answers 410, then checks the release it served and the
 * final one: the child's name in no file, and every photo the appeal used answering 404.
 */
async function closures(c: PublishContext): Promise<Closure[]> {
  const out: Closure[] = [];
  // Synthetic names can repeat ("Amy Smith", and "Amy Smith-Jones" in another appeal); the leak check
  // searches for the name, so it closes only children whose name is in no other appeal's name.
  const names = new Map(
    c.ids.map((id) => [
      id,
      /^name: (.+)$/m
        .exec(readFileSync(appealFileIn(appealDir(c.contentDir, id)), 'utf8'))?.[1]
        ?.replace(/^["']|["']$/g, '') ?? '',
    ]),
  );
  const unique = c.ids.filter((id) => {
    const pattern = phrasePattern([names.get(id)!]);
    return pattern && c.ids.every((other) => other === id || !pattern.test(foldText(names.get(other)!)));
  });
  for (let i = 0; i < c.runs; i++) {
    const id = unique[Math.floor(((i + 1) * unique.length) / (c.runs + 1))]!;
    const pageUrl = `${c.nginx.url}/appeals/${id}/`;
    const before = await fetch(pageUrl);
    if (before.status !== 200) throw new Error(`${pageUrl} is not live before closing (${before.status})`);
    const photos = [...new Set(photoReferences(await before.text()))];
    const current = path.join(c.env.DEPLOY_DIR!, 'current');
    const started = performance.now();
    let ended = false;
    const running = startMeasured(
      NODE,
      [path.join(PROJECT_ROOT, 'scripts/appeal.ts'), 'found', id, '--by', 'Benchmark'],
      { cwd: PROJECT_ROOT, env: c.env },
    );
    const done = running.done.then((r) => ((ended = true), r));
    const served = await waitForStatus(pageUrl, 410, () => ended);
    const liveMs = performance.now() - started;
    // What nginx served at that moment must already be clean.
    const servedRelease = realpathSync(current);
    const archived = archivedNames(c.archiveDir).find((a) => a.id === id)?.name;
    const names = archived ? [archived] : [];
    if (names.length === 0) throw new Error(`No archived name for ${id}`);
    const photoStatuses = await Promise.all(
      photos.map(async (p) => (await fetch(`${c.nginx.url}${p}`)).status),
    );
    const leaks = existsSync(servedRelease)
      ? leakingFiles(servedRelease, [...names, `data-appeal-id="${id}"`])
      : [];
    const run = await done;
    if (run.code !== 0 || !served)
      throw new Error(
        `appeal found ${id} failed (exit ${run.code}, 410 ${served ? 'seen' : 'never seen'}):\n${run.output.slice(-4000)}`,
      );
    if (leaks.length > 0)
      throw new Error(
        `LEAK: the release served after closing ${id} still names the child in ${leaks.join(', ')}`,
      );
    if (photoStatuses.some((s) => s !== 404))
      throw new Error(
        `LEAK: photos of ${id} still served after closing: ${photos.filter((_, k) => photoStatuses[k] !== 404).join(', ')}`,
      );
    const finalLeaks = leakingFiles(realpathSync(current), [...names, `data-appeal-id="${id}"`]);
    if (finalLeaks.length > 0)
      throw new Error(
        `LEAK: the full rebuild after closing ${id} still names the child in ${finalLeaks.join(', ')}`,
      );
    const takedown = /Live: takedown release/.test(run.output);
    out.push({ id, liveMs, fullMs: run.ms, peakRssBytes: run.peakRssBytes, takedown });
    c.say(`  ${stopgapLine(run.output)}`);
    c.say(
      `closure ${i + 1}/${c.runs} (${id}): 410 from nginx after ${secs(liveMs)}${takedown ? ' (takedown release)' : ' (NO takedown: full build)'}, full rebuild live after ${secs(run.ms)}; leak-free, ${photos.length} photo URLs 404`,
    );
  }
  return out;
}
