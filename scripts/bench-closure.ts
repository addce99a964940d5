// `npm run bench:closure [-- --n 100 --photos 2 --closures 3]`: time from `appeal found <id>` to
// nginx serving the switched release (410 at the appeal's URL), with a warm image cache.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startNginx } from './lib/nginx-server.ts';
import { PROJECT_ROOT } from './lib/build-site.ts';
import { writeSyntheticContent } from './lib/synthetic-content.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100' },
    photos: { type: 'string', default: '2' },
    closures: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
  },
});
const n = Number(values.n);
const photos = Number(values.photos) === 1 ? 1 : 2;
mkdirSync(path.join(PROJECT_ROOT, 'test-output'), { recursive: true });
const work = mkdtempSync(path.join(PROJECT_ROOT, 'test-output', `bench-closure-${n}-`));
const env = {
  ...process.env,
  CONTENT_DIR: path.join(work, 'content'),
  DEPLOY_DIR: path.join(work, 'deploy'),
  ARCHIVE_DIR: path.join(work, 'archive'),
  ASTRO_CACHE_DIR: path.join(work, 'cache'),
  BUILD_DATE: '2026-11-29',
};

function run(script: string, args: string[]): Promise<{ code: number | null; output: string; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, script), ...args], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ code, output, ms: performance.now() - started }));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

console.error(`Writing ${n} synthetic appeals with ${photos} photo(s) each in ${work} ...`);
const ids = await writeSyntheticContent(
  env.CONTENT_DIR,
  n,
  photos,
  (done) => done % 100 === 0 && console.error(`  ${done}/${n}`),
);
console.error('Cold publish (empty image cache) ...');
const cold = await run('scripts/republish.ts', []);
if (cold.code !== 0) throw new Error(cold.output);
console.error(`  ${secs(cold.ms)}`);
const warm = await run('scripts/republish.ts', []);
if (warm.code !== 0) throw new Error(warm.output);
console.error(`Warm publish (nothing changed): ${secs(warm.ms)}`);

const nginx = await startNginx({ root: path.join(env.DEPLOY_DIR, 'current') });
const closures: number[] = [];
try {
  for (let i = 0; i < Number(values.closures); i++) {
    const id = ids[Math.floor(((i + 1) * ids.length) / (Number(values.closures) + 1))]!;
    const url = `${nginx.url}/appeals/${id}/`;
    if ((await fetch(url)).status !== 200) throw new Error(`${url} is not live before closing`);
    const started = performance.now();
    let finished: { code: number | null; output: string } | undefined;
    const child = run('scripts/appeal.ts', ['found', id, '--by', 'Benchmark']).then((r) => (finished = r));
    // Poll nginx: the clock stops when the live site answers 410 for the closed appeal.
    let live = 0;
    while (!live) {
      if ((await fetch(url)).status === 410) live = performance.now() - started;
      else if (finished)
        throw new Error(`found ${id} ended without the site answering 410:\n${finished.output}`);
      else await new Promise((r) => setTimeout(r, 50));
    }
    const result = await child;
    if (result.code !== 0) throw new Error(result.output);
    closures.push(live);
    console.error(`  found ${id}: live (410 from nginx) after ${secs(live)}`);
  }
} finally {
  await nginx.stop();
}

const table = [
  `| Appeals × photos | Cold publish | Warm publish (no change) | \`appeal found\` → 410 from nginx (median of ${closures.length}) | Runs |`,
  '| ---: | ---: | ---: | ---: | --- |',
  `| ${n.toLocaleString('en-GB')} × ${photos} | ${secs(cold.ms)} | ${secs(warm.ms)} | ${secs(median(closures))} | ${closures.map(secs).join(', ')} |`,
].join('\n');
console.log(table);
mkdirSync(path.join(PROJECT_ROOT, 'bench-results'), { recursive: true });
writeFileSync(
  path.join(PROJECT_ROOT, 'bench-results', `closure-${n}.json`),
  `${JSON.stringify({ date: new Date().toISOString(), machine: { cpus: os.cpus().length, memoryGB: Math.round(os.totalmem() / 2 ** 30) }, n, photos, coldMs: cold.ms, warmMs: warm.ms, closuresMs: closures }, null, 2)}\n`,
);
if (!values.keep) rmSync(work, { recursive: true, force: true });
