// `npm run bench:check [-- --n 1000]`: how long `npm run check` takes on N appeals (goal: under 2 s for 1,000).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { appealDir, appealFileIn, appealsDir } from '../src/lib/content/appeal-folder.ts';
import { stringifyMarkdownFile } from '../src/lib/content/frontmatter.ts';
import { PROJECT_ROOT } from './lib/build-site.ts';
import { buildDemoAppeals } from './lib/demo/build-appeals.ts';
import { demoSettingsYaml } from './lib/demo/settings.ts';
import { syntheticPhotoJpeg } from './lib/synthetic-photo.ts';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '1000' }, runs: { type: 'string', default: '5' } },
});
const n = Number(values.n);
mkdirSync(path.join(PROJECT_ROOT, 'test-output'), { recursive: true });
const content = path.join(mkdtempSync(path.join(PROJECT_ROOT, 'test-output', 'bench-check-')), 'content');
mkdirSync(appealsDir(content), { recursive: true });
writeFileSync(path.join(content, 'settings.yaml'), demoSettingsYaml());
const photos = await Promise.all(Array.from({ length: 8 }, (_, i) => syntheticPhotoJpeg(i + 1)));
let appealIndex = 0;
for (const appeal of buildDemoAppeals(n)) {
  const dir = appealDir(content, appeal.id);
  mkdirSync(dir);
  writeFileSync(appealFileIn(dir), stringifyMarkdownFile(appeal.data, appeal.body));
  // `check` opens each photo's header and reads its end, so every photo is a real 1200×1600 JPEG;
  // a few distinct ones, copied, write 1,000 appeals in seconds.
  for (const [i, photo] of appeal.photos.entries())
    writeFileSync(path.join(dir, photo.file), photos[(appealIndex + i) % photos.length]!);
  appealIndex++;
}
const times: number[] = [];
for (let run = 0; run < Number(values.runs); run++) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/check.ts')], {
    env: { ...process.env, CONTENT_DIR: content, BUILD_DATE: '2026-11-29' },
    encoding: 'utf8',
  });
  times.push(performance.now() - started);
  if (result.status !== 0) throw new Error(result.stderr);
}
const sorted = [...times].sort((a, b) => a - b);
console.log('| Appeals | `npm run check`, whole process (median) | Runs |');
console.log('| ---: | ---: | --- |');
console.log(
  `| ${n.toLocaleString('en-GB')} | ${(sorted[Math.floor(sorted.length / 2)]! / 1000).toFixed(2)} s | ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} |`,
);
rmSync(path.dirname(content), { recursive: true, force: true });
