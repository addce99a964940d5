import { describe, expect, it } from 'vitest';
import { median, medianOf, NOT_MEASURED, ratio, upsertTable } from '../../scripts/lib/bench/bench-report.ts';
import type { BenchResult } from '../../scripts/lib/bench/bench-result.ts';
import { ALERTS_HEADER, alertsRow, SIZES_HEADER, sizesRow } from '../../scripts/lib/bench/tables.ts';

describe('bench report helpers', () => {
  it('medians, ratios and runs', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
    expect(ratio(1000, 5000)).toBe('0.20×');
    expect(ratio(10, 5000)).toBe('0.002×');
    expect(ratio(undefined, 5000)).toBe(NOT_MEASURED);
    expect(medianOf([1200, 1000, 3000])).toBe('1.20 s (1.20 s, 1.00 s, 3.00 s)');
    expect(medianOf([])).toBe(NOT_MEASURED);
  });

  it('keeps one row per configuration between its markers, and keeps cells this run did not measure', () => {
    const header = ['Appeals', 'Cold', 'Warm', 'Run'];
    const doc = '# Benchmarks\n\nIntro.\n';
    const first = upsertTable(doc, 'times', header, [['1,000 × 2', '100 s', '10 s', 'run 1']], 'Note one.');
    expect(first).toContain(
      '<!-- bench:times:start -->\nNote one.\n\n| Appeals | Cold | Warm | Run |\n| --- | ---: | ---: | ---: |\n| 1,000 × 2 | 100 s | 10 s | run 1 |\n<!-- bench:times:end -->',
    );
    const second = upsertTable(
      first,
      'times',
      header,
      [
        ['100 × 2', '9 s', '2 s', 'run 2'],
        ['1,000 × 2', NOT_MEASURED, '8 s', 'run 2'],
      ],
      'Note two.',
    );
    const block = second.slice(second.indexOf('<!-- bench:times:start -->'));
    expect(block).toContain('Note two.');
    expect(block).not.toContain('Note one.');
    // Sorted by number of appeals; the 1,000 row keeps its cold figure and takes the new warm one.
    expect(block).toMatch(
      /\| 100 × 2 \| 9 s \| 2 s \| run 2 \|\n\| 1,000 × 2 \| 100 s \| 8 s \| run 1 \+ run 2 \|/,
    );
    expect(second.startsWith('# Benchmarks\n\nIntro.\n')).toBe(true);
    expect(second.match(/bench:times:start/g)).toHaveLength(1);
    const h = ['Appeals', 'RSS', 'Run'];
    const parts = upsertTable(upsertTable(doc, 'rss', h, [['100', '1 GB / 2 GB / – / –', 'a']]), 'rss', h, [
      ['100', '– / – / 3 GB / –', 'b'],
    ]);
    expect(parts).toContain('| 100 | 1 GB / 2 GB / 3 GB / – | a + b |');
    // A run that measured nothing of a row leaves its name alone.
    expect(upsertTable(parts, 'rss', h, [['100', NOT_MEASURED, 'c']])).toContain(
      '| 100 | 1 GB / 2 GB / 3 GB / – | a + b |',
    );
  });

  it('drops rows written before the columns changed, rather than merging cells of different columns', () => {
    const before = upsertTable(
      '',
      'times',
      ['Appeals', 'Cold', 'Run'],
      [
        ['100', '9 s', 'old run'],
        ['1,000', '90 s', 'old run'],
      ],
    );
    const after = upsertTable(
      before,
      'times',
      ['Appeals', 'Cold', 'New appeal', 'Run'],
      [['100', NOT_MEASURED, '5 s', 'new run']],
    );
    expect(after).toContain('| 100 | – | 5 s | new run |');
    expect(after).not.toContain('old run');
  });
});

describe('the alerts table', () => {
  const result: BenchResult = {
    command: 'npm run bench -- --only alerts',
    date: '2026-12-05T17:00:00.000Z',
    n: 100,
    photos: 2,
    runs: 3,
    machine: { cpus: 2, cpuModel: 'test', memoryBytes: 2 ** 33, loadAverage: [1, 1, 1] },
    versions: {},
    ours: {},
  };

  it('has no row when alerts were not measured', () => {
    expect(alertsRow(result)).toBeUndefined();
  });

  it('gives the sending, recall, subscribe and rate-limit figures, one cell per column', () => {
    const row = alertsRow({
      ...result,
      ours: {
        alerts: {
          subscribers: 100_000,
          recipients: 100_000,
          seedMs: 2_000,
          queuedMs: 1_234,
          lastEmailMs: 612_000,
          emailsPerMinute: 9_876.4,
          recall: { cancelled: 100_000, ms: 137.2, sentBefore: 50_000 },
          subscribe: { requests: 2000, concurrency: 32, perSecond: [300, 250.4, 310], medianPerSecond: 300 },
          oneAddress: { requests: 100, accepted: 20, refused: 80 },
        },
      },
    })!;
    expect(row).toHaveLength(ALERTS_HEADER.length);
    expect(row).toEqual([
      '100,000',
      '100,000',
      '1.23 s',
      '612.0 s',
      '9,876',
      '137 ms (100,000, after 50,000 sent)',
      '300 (300, 250, 310), 32 at once',
      '20 / 80 of 100',
      NOT_MEASURED,
      NOT_MEASURED,
      NOT_MEASURED,
      '2026-12-05: `npm run bench -- --only alerts`',
    ]);
  });

  it('gives the push figures when devices were measured', () => {
    const row = alertsRow({
      ...result,
      ours: {
        alerts: {
          subscribers: 20_000,
          recipients: 20_000,
          seedMs: 2_000,
          queuedMs: 1_234,
          lastEmailMs: 120_000,
          emailsPerMinute: 10_000,
          recall: { cancelled: 30_000, ms: 137.2, sentBefore: 10_000 },
          subscribe: { requests: 1000, concurrency: 32, perSecond: [300], medianPerSecond: 300 },
          oneAddress: { requests: 100, accepted: 20, refused: 80 },
          push: {
            devices: 10_000,
            recipients: 10_000,
            lastPushMs: 45_678,
            pushesPerMinute: 13_579.6,
            verified: 10,
          },
        },
      },
    })!;
    expect(row).toHaveLength(ALERTS_HEADER.length);
    expect(row.slice(8, 11)).toEqual(['10,000 (10,000)', '45.7 s', '13,580']);
  });
});

describe('the sizes table in both languages', () => {
  const weight = (total: number) => ({ html: total, css: 0, js: 0, total, files: [] });
  const search = (totalBytes: number) => ({
    pagefindBytes: totalBytes / 2,
    pageBytes: 0,
    imageBytes: 0,
    totalBytes,
    requests: 3,
  });
  const result: BenchResult = {
    command: 'npm run bench -- --only bytes,search',
    date: '2026-12-05T18:00:00.000Z',
    n: 100,
    photos: 1,
    runs: 1,
    machine: { cpus: 2, cpuModel: 'test', memoryBytes: 2 ** 33, loadAverage: [1, 1, 1] },
    versions: {},
    ours: {
      sizes: {
        outputBytes: 1e6,
        outputFiles: 10,
        pages: { home: weight(5000), listing: weight(6000), appeal: weight(7000), search: weight(9000) },
        welshPages: { appeal: weight(7400), search: weight(9300) },
        mainPhoto: { largest: { webp: 6000 }, width: 720 },
      },
      search: search(100_000),
      welshSearch: search(90_000),
    },
  };

  it('shows the Welsh appeal page, search page and first search beside the English', () => {
    const row = sizesRow(result);
    const cell = (name: string) => row[SIZES_HEADER.indexOf(name)];
    expect(cell('Appeal')).toBe('7.0 kB; Welsh 7.4 kB');
    expect(cell('Search page')).toBe('9.0 kB; Welsh 9.3 kB');
    expect(cell('Home')).toBe('5.0 kB');
    expect(cell('First search in Chromium, ours')).toMatch(
      /^100\.0 kB .*; Welsh 90\.0 kB \(Pagefind 45\.0 kB\)$/,
    );
  });
});
