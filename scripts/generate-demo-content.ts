/**
 * Writes the fictional demonstration content: content/settings.yaml (only if missing) and the
 * appeals content/appeals/2026-0001 … 2026-0024, each with generated, labelled illustrations.
 * Regenerated appeal folders are wiped first; no other folder is touched.
 *
 *   npm exec -- node scripts/generate-demo-content.ts [--count 24] [--seed N] [--out content] [--overwrite-settings]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_APPEAL_COUNT, DEMO_SEED, MAX_DEMO_APPEALS } from './lib/demo/build-appeals.ts';
import { generateDemoContent } from './lib/demo/write-demo.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: String(DEMO_APPEAL_COUNT) },
    seed: { type: 'string', default: String(DEMO_SEED) },
    out: { type: 'string', default: path.join(import.meta.dirname, '..', 'content') },
    'overwrite-settings': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(
    'Usage: node scripts/generate-demo-content.ts [--count 24] [--seed N] [--out content] [--overwrite-settings]',
  );
  process.exit(0);
}

const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1 || count > MAX_DEMO_APPEALS) {
  console.error(`--count: expected a whole number from 1 to ${MAX_DEMO_APPEALS}, got "${values.count}"`);
  process.exit(2);
}
if (!Number.isInteger(seed)) {
  console.error(`--seed: expected a whole number, got "${values.seed}"`);
  process.exit(2);
}

const outDir = path.resolve(values.out);
const started = performance.now();
const result = await generateDemoContent(outDir, {
  count,
  seed,
  settings: values['overwrite-settings'] ? 'overwrite' : 'if-missing',
});
const photos = result.files.filter((f) => f.endsWith('.jpg')).length;
console.log(
  `Wrote ${result.ids.length} demonstration appeals (${result.ids[0]} to ${result.ids.at(-1)}) with ${photos} photos to ` +
    `${path.relative(process.cwd(), outDir) || '.'} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
