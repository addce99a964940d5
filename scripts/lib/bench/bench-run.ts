// What every measure of `npm run bench` is given, and the helpers they share to run and report a child process.
import type { Timed } from './bench-result.ts';
import type { MeasuredRun } from './measured-process.ts';

export const NODE = process.execPath;

/** The throwaway workspace of one benchmark: its synthetic content, its environment and its log. */
export interface BenchContext {
  n: number;
  runs: number;
  work: string;
  /** The appeal whose page the sizes and the first search are measured on. */
  sampleId: string;
  env: NodeJS.ProcessEnv;
  say: (line: string) => void;
  /** Runs `node args` measured, in the workspace's environment plus `extra`. */
  run: (args: string[], extra?: NodeJS.ProcessEnv, cwd?: string) => Promise<MeasuredRun>;
}

/** The run's time and peak memory, once it has succeeded; else an error with the end of its output. */
export function timed(what: string, r: MeasuredRun): Timed {
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}):\n${r.output.slice(-4000)}`);
  return { ms: r.ms, peakRssBytes: r.peakRssBytes };
}

export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
