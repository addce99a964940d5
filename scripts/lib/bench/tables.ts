// The tables `npm run bench` prints and keeps in BENCHMARKS.md, from a BenchResult.
import {
  gigabytes,
  kilobytes,
  median,
  medianOf,
  megabytes,
  NOT_MEASURED,
  ratio,
  seconds,
} from './bench-report.ts';
import type { BenchResult, Timed } from './bench-result.ts';

const ms = (runs: readonly Timed[] | undefined) => runs?.map((r) => r.ms) ?? [];
const peak = (runs: ReadonlyArray<{ peakRssBytes: number }> | undefined) =>
  runs && runs.length > 0 ? Math.max(...runs.map((r) => r.peakRssBytes)) : undefined;
const med = (values: readonly number[]) => median(values);
const key = (r: BenchResult) => `${r.n.toLocaleString('en-GB')} × ${r.photos}`;
const runCell = (r: BenchResult) => `${r.date.slice(0, 10)}: \`${r.command}\``;

export const TIMES_HEADER = [
  'Appeals × photos',
  'Cold build, ours',
  'Cold build, naive',
  'Cold ours/naive',
  'Warm build, ours (median)',
  'Warm build, naive (median)',
  'Warm ours/naive',
  'Edit → full rebuild live (median)',
  '`appeal found` → 410 from nginx (median)',
  '`appeal found` → full rebuild live (median)',
  'New appeal → live (median)',
  'New appeal → full build live (median)',
  'Peak RSS: cold / warm / new / edit / found (ours)',
  'Peak RSS: cold (naive)',
  'Run',
];

export function timesRow(r: BenchResult): string[] {
  const o = r.ours;
  const closures = o.closures ?? [];
  const rss = [
    o.cold ? [o.cold] : undefined,
    o.warm,
    o.newAppeal,
    o.edits,
    closures.length ? closures : undefined,
  ].map((x) => gigabytes(peak(x)));
  return [
    key(r),
    seconds(o.cold?.ms),
    seconds(r.naive?.cold?.ms),
    ratio(o.cold?.ms, r.naive?.cold?.ms),
    medianOf(ms(o.warm)),
    medianOf(ms(r.naive?.warm)),
    ratio(med(ms(o.warm)), med(ms(r.naive?.warm))),
    medianOf(o.edits?.map((e) => e.liveMs) ?? []),
    medianOf(closures.map((c) => c.liveMs)),
    medianOf(closures.map((c) => c.fullMs)),
    medianOf(ms(o.newAppeal)),
    medianOf(o.newAppeal?.map((a) => a.fullMs) ?? []),
    rss.every((x) => x === NOT_MEASURED) ? NOT_MEASURED : rss.join(' / '),
    gigabytes(r.naive?.cold?.peakRssBytes),
    runCell(r),
  ];
}

export const SIZES_HEADER = [
  'Appeals × photos',
  'Output, ours',
  'Output, naive',
  'Home',
  'Listing',
  'Appeal',
  'Search page',
  'Main photo at its largest, ours',
  'Main photo at its largest, naive',
  'Share card, ours (median / largest)',
  'First search in Chromium, ours',
  'Run',
];

const photoCell = (p: { largest: Record<string, number>; width: number } | undefined) =>
  p
    ? `${Object.entries(p.largest)
        .map(([format, bytes]) => `${format} ${kilobytes(bytes)}`)
        .join(', ')} (${p.width} px)`
    : NOT_MEASURED;
const outputCell = (s: { outputBytes: number; outputFiles: number } | undefined) =>
  s ? `${megabytes(s.outputBytes)}, ${s.outputFiles.toLocaleString('en-GB')} files` : NOT_MEASURED;

export function sizesRow(r: BenchResult): string[] {
  const s = r.ours.sizes;
  const n = r.naive?.sizes;
  const welsh = (k: 'home' | 'listing' | 'appeal' | 'search') =>
    (k === 'appeal' || k === 'search') && s?.welshPages ? `; Welsh ${kilobytes(s.welshPages[k].total)}` : '';
  const page = (k: 'home' | 'listing' | 'appeal' | 'search') =>
    s
      ? `${kilobytes(s.pages[k].total)}${n ? ` (naive ${kilobytes(n.pages[k].total)})` : ''}${welsh(k)}`
      : NOT_MEASURED;
  const search = r.ours.search;
  const welshSearch = r.ours.welshSearch;
  return [
    key(r),
    outputCell(s),
    outputCell(n),
    page('home'),
    page('listing'),
    page('appeal'),
    page('search'),
    photoCell(s?.mainPhoto),
    photoCell(n?.mainPhoto),
    s?.shareCards ? `${kilobytes(s.shareCards.median)} / ${kilobytes(s.shareCards.max)}` : NOT_MEASURED,
    search
      ? `${kilobytes(search.totalBytes)} (Pagefind ${kilobytes(search.pagefindBytes)}, thumbnails ${kilobytes(search.imageBytes)})${
          welshSearch
            ? `; Welsh ${kilobytes(welshSearch.totalBytes)} (Pagefind ${kilobytes(welshSearch.pagefindBytes)})`
            : ''
        }`
      : NOT_MEASURED,
    runCell(r),
  ];
}

export function machineNote(r: BenchResult): string {
  const v = r.versions;
  return `Last run ${r.date.slice(0, 16).replace('T', ' ')} UTC: \`${r.command}\` on ${r.machine.cpus} cores (${r.machine.cpuModel}), ${(r.machine.memoryBytes / 2 ** 30).toFixed(0)} GiB, load average ${r.machine.loadAverage.map((x) => x.toFixed(1)).join(' ')} at the start; Node ${v.node}, Astro ${v.astro}, Pagefind ${v.pagefind}, sharp ${v.sharp}, Chromium ${v.chromium}, nginx ${v.nginx}. Page sizes are gzip of HTML+CSS+JS.`;
}

/** A plain-text rendering of a table for the terminal. */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export const RACES_HEADER = [
  'Appeals × photos',
  '`appeal found` during a full build → 410 (median)',
  'Runs (build still running at 410?)',
  '`appeal found` during another closure → 410 (median)',
  'Runs (other still running at 410?)',
  'Run',
];

/** Issue 20: closures while a full build or another closure runs. */
export function racesRow(r: BenchResult): string[] | undefined {
  const races = r.ours.closureRaces;
  if (!races || races.length === 0) return undefined;
  const of = (during: 'full build' | 'closure') => races.filter((x) => x.during === during);
  const runs = (during: 'full build' | 'closure') =>
    of(during)
      .map((x) => `${seconds(x.liveMs)} (${x.otherRunning ? 'yes' : 'no'})`)
      .join(', ') || NOT_MEASURED;
  return [
    key(r),
    medianOf(of('full build').map((x) => x.liveMs)),
    runs('full build'),
    medianOf(of('closure').map((x) => x.liveMs)),
    runs('closure'),
    runCell(r),
  ];
}

export const ALERTS_HEADER = [
  'Subscribers',
  'Alert to',
  '`alerts send --alert` → queued',
  '`alerts send --alert` → last email accepted',
  'Emails per minute (first to last)',
  'Recall mid-send (queued alerts cancelled)',
  'Subscribe requests per second (median)',
  'One address: accepted / refused',
  'Devices (push alert to)',
  '`alerts send --alert` → last push accepted',
  'Pushes per minute (first to last)',
  'Run',
];

const count = (n: number) => n.toLocaleString('en-GB');

/** Issue 21: the alerts service's sending and subscribe figures. */
export function alertsRow(r: BenchResult): string[] | undefined {
  const a = r.ours.alerts;
  if (!a) return undefined;
  const rounds = a.subscribe.perSecond;
  return [
    count(a.subscribers),
    count(a.recipients),
    seconds(a.queuedMs),
    seconds(a.lastEmailMs),
    count(Math.round(a.emailsPerMinute)),
    `${a.recall.ms < 1000 ? `${Math.round(a.recall.ms)} ms` : seconds(a.recall.ms)} (${count(a.recall.cancelled)}, after ${count(a.recall.sentBefore)} sent)`,
    `${count(Math.round(a.subscribe.medianPerSecond))}${rounds.length > 1 ? ` (${rounds.map((x) => count(Math.round(x))).join(', ')})` : ''}, ${a.subscribe.concurrency} at once`,
    `${a.oneAddress.accepted} / ${a.oneAddress.refused} of ${a.oneAddress.requests}`,
    a.push ? `${count(a.push.devices)} (${count(a.push.recipients)})` : NOT_MEASURED,
    seconds(a.push?.lastPushMs),
    a.push ? count(Math.round(a.push.pushesPerMinute)) : NOT_MEASURED,
    runCell(r),
  ];
}
