/**
 * Pure helpers of `npm run bench` (scripts/bench.ts): medians, formatting, ratios, and keeping the
 * results table in BENCHMARKS.md between its marker comments.
 */

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Shown where a measure was not taken in this run. */
export const NOT_MEASURED = '–';

export const seconds = (ms: number | undefined) =>
  ms === undefined ? NOT_MEASURED : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
export const kilobytes = (bytes: number | undefined) =>
  bytes === undefined ? NOT_MEASURED : `${(bytes / 1000).toFixed(1)} kB`;
export const megabytes = (bytes: number | undefined) =>
  bytes === undefined ? NOT_MEASURED : `${(bytes / 1e6).toFixed(bytes < 1e8 ? 1 : 0)} MB`;
export const gigabytes = (bytes: number | undefined) =>
  bytes === undefined ? NOT_MEASURED : `${(bytes / 2 ** 30).toFixed(2)} GB`;

/** "ours / naive" as a factor, e.g. `0.12×`; undefined when either is missing. */
export function ratio(ours: number | undefined, naive: number | undefined): string {
  if (ours === undefined || naive === undefined || naive === 0) return NOT_MEASURED;
  const r = ours / naive;
  return `${r.toFixed(r < 0.1 ? 3 : 2)}×`;
}

/** A median with the runs it came from: `1.23 s (1.20, 1.23, 1.40)`. */
export function medianOf(runs: readonly number[], format: (value: number) => string = seconds): string {
  const m = median(runs);
  if (m === undefined) return NOT_MEASURED;
  return runs.length === 1 ? format(m) : `${format(m)} (${runs.map(format).join(', ')})`;
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
const row = (values: readonly string[]) => `| ${values.join(' | ')} |`;

/**
 * Puts `rows` into the table between `<!-- bench:<name>:start -->` and `<!-- bench:<name>:end -->`
 * (appended at the end of the document if the markers are missing). A row replaces the row with the
 * same first cell; a cell not measured in this run (`–`) keeps the value it had, and then the last
 * cell (the run) names both runs. Other rows stay.
 */
export function upsertTable(
  markdown: string,
  name: string,
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  note = '',
): string {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  const existing = from >= 0 && to > from ? markdown.slice(from + start.length, to) : '';
  const old = new Map<string, string[]>();
  for (const line of existing.split('\n')) {
    if (!line.startsWith('|') || /^\|[\s:|-]+\|$/.test(line.trim())) continue;
    const c = cells(line);
    // A row from before the columns changed cannot be merged cell by cell: the new run replaces it.
    if (c[0] === header[0] || c.length !== header.length) continue;
    old.set(c[0]!, c);
  }
  for (const r of rows) {
    const previous = old.get(r[0]!);
    const mergeCell = (cell: string, before: string | undefined): string => {
      if (before === undefined) return cell;
      if (cell === NOT_MEASURED) return before;
      // "a / b / c" cells merge part by part.
      const parts = cell.split(' / ');
      const old = before.split(' / ');
      return parts.length > 1 && parts.length === old.length
        ? parts.map((p, k) => (p === NOT_MEASURED ? old[k]! : p)).join(' / ')
        : cell;
    };
    const merged = r.map((cell, i) => mergeCell(cell, previous?.[i]));
    // The last cell names the run: a row merged from two runs names both.
    const last = merged.length - 1;
    const kept = r.some((cell, i) => merged[i] !== cell);
    const contributed = r.some((cell, i) => i > 0 && i < last && cell !== NOT_MEASURED);
    if (kept && previous?.[last] && previous[last] !== r[last])
      merged[last] = contributed ? `${previous[last]} + ${r[last]}` : previous[last];
    old.set(r[0]!, merged);
  }
  const keyOrder = (key: string) => Number(/^\d+/.exec(key.replace(/,/g, ''))?.[0] ?? 0);
  const body = [...old.values()].sort(
    (a, b) => keyOrder(a[0]!) - keyOrder(b[0]!) || a[0]!.localeCompare(b[0]!),
  );
  const table = [row(header), row(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...body.map(row)].join(
    '\n',
  );
  const block = `${start}\n${note ? `${note}\n\n` : ''}${table}\n${end}`;
  if (from >= 0 && to > from) return markdown.slice(0, from) + block + markdown.slice(to + end.length);
  return `${markdown.replace(/\n*$/, '\n\n')}${block}\n`;
}
