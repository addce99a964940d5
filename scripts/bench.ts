// `npm run bench [-- --n 100|1000|10000 --photos 1|2 --only cold,warm,new,edit,closure,race,bytes,search,check,alerts --baseline --runs 3 --keep]`
// (`alerts` takes `--subscribers 100000 --devices 10000 --subscribe-requests 1000`):
// builds and publishes N synthetic fictional appeals with the real pipeline, prints the figures
// (with our/naive ratios under --baseline), writes them to bench-results/ and updates BENCHMARKS.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { NOT_MEASURED, upsertTable } from './lib/bench/bench-report.ts';
import { PROJECT_ROOT } from './lib/build-site.ts';
import { MAX_DEMO_APPEALS } from './lib/demo/build-appeals.ts';
import { MEASURES, type Measure } from './lib/bench/bench-result.ts';
import { runBench } from './lib/bench/run-bench.ts';
import {
  ALERTS_HEADER,
  alertsRow,
  machineNote,
  markdownTable,
  RACES_HEADER,
  racesRow,
  SIZES_HEADER,
  sizesRow,
  TIMES_HEADER,
  timesRow,
} from './lib/bench/tables.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100' },
    photos: { type: 'string', default: '2' },
    only: { type: 'string' },
    baseline: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    subscribers: { type: 'string', default: '100000' },
    devices: { type: 'string', default: '10000' },
    'subscribe-requests': { type: 'string', default: '1000' },
  },
});
const n = Number(values.n);
if (!Number.isInteger(n) || n < 1 || n > MAX_DEMO_APPEALS)
  throw new Error(`--n: expected a whole number of appeals from 1 to ${MAX_DEMO_APPEALS}, got ${values.n}`);
if (values.photos !== '1' && values.photos !== '2')
  throw new Error(`--photos: expected 1 or 2, got ${values.photos}`);
// `check` and `alerts` are asked for by name: neither depends on the site's size.
const only = (values.only ?? MEASURES.filter((m) => m !== 'check' && m !== 'alerts').join(','))
  .split(',')
  .map((m) => m.trim());
const unknown = only.filter((m) => !(MEASURES as readonly string[]).includes(m));
if (unknown.length > 0)
  throw new Error(`--only: unknown measure ${unknown.join(', ')}; expected some of ${MEASURES.join(', ')}`);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs: expected a whole number from 1, got ${values.runs}`);

const wholeNumber = (name: string, raw: string, min: number) => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`--${name}: expected a whole number from ${min}, got ${raw}`);
  return value;
};
const subscribers = wholeNumber('subscribers', values.subscribers, 10);
const devices = wholeNumber('devices', values.devices, 1);
const subscribeRequests = wholeNumber('subscribe-requests', values['subscribe-requests'], 1);

const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
const result = await runBench(
  {
    n,
    photos: values.photos === '1' ? 1 : 2,
    only: new Set(only as Measure[]),
    baseline: values.baseline,
    runs,
    keep: values.keep,
    alerts: { subscribers, devices, subscribeRequests },
    log: (line) => console.error(line),
  },
  command,
);

const times = timesRow(result);
const sizes = sizesRow(result);
const races = racesRow(result);
const alerts = alertsRow(result);
// A run of some measures only (`--only race`) leaves the other tables as they were.
const measured = (row: readonly string[]) => row.slice(1, -1).some((cell) => cell !== NOT_MEASURED);
// An alerts-only run has no site figures to show.
if (measured(times) || !alerts) console.log(`\n${markdownTable(TIMES_HEADER, [times])}\n`);
if (measured(sizes) || !alerts) console.log(`${markdownTable(SIZES_HEADER, [sizes])}\n`);
if (races) console.log(`${markdownTable(RACES_HEADER, [races])}\n`);
if (alerts) console.log(`${markdownTable(ALERTS_HEADER, [alerts])}\n`);
if (result.ours.check)
  console.log(`npm run check: ${result.ours.check.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')}`);
console.log(machineNote(result));

if (!values['no-write']) {
  const dir = path.join(PROJECT_ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${n}x${result.photos}-${result.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  const benchmarks = path.join(PROJECT_ROOT, 'BENCHMARKS.md');
  let doc = readFileSync(benchmarks, 'utf8');
  if (measured(times)) doc = upsertTable(doc, 'times', TIMES_HEADER, [times], machineNote(result));
  if (measured(sizes)) doc = upsertTable(doc, 'sizes', SIZES_HEADER, [sizes]);
  if (races) doc = upsertTable(doc, 'races', RACES_HEADER, [races], machineNote(result));
  if (alerts) doc = upsertTable(doc, 'alerts', ALERTS_HEADER, [alerts], machineNote(result));
  writeFileSync(benchmarks, doc);
  console.error(`Wrote ${path.relative(PROJECT_ROOT, file)} and updated BENCHMARKS.md.`);
}
