// Runs a command and measures its wall time and the peak resident memory of its whole process tree
// (the CLI, its astro build child, Pagefind's binary, sharp's threads), sampled from Linux /proc.
// /usr/bin/time is not on every machine, and it would see only one process.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid of each live process. */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      out.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Ended meanwhile.
    }
  }
  return out;
}

/** Resident bytes of `pid` and all its descendants now. */
export function treeRssBytes(pid: number): number {
  const parentOf = parents();
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [child, parent] of parentOf)
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
  }
  let total = 0;
  for (const p of tree) {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // Ended meanwhile.
    }
  }
  return total;
}

export interface MeasuredRun {
  code: number | null;
  output: string;
  ms: number;
  peakRssBytes: number;
}

export interface RunningMeasured {
  output: () => string;
  done: Promise<MeasuredRun>;
}

/** Starts `command args`, sampling the tree's memory every `sampleMs`. */
export function startMeasured(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; sampleMs?: number; onLine?: (line: string) => void },
): RunningMeasured {
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let peak = 0;
  let pending = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    if (!options.onLine) return;
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) options.onLine(line);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRssBytes(child.pid));
  }, options.sampleMs ?? 100);
  const done = new Promise<MeasuredRun>((resolve) => {
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, output, ms: performance.now() - started, peakRssBytes: peak });
    });
  });
  return { output: () => output, done };
}

export function runMeasured(
  command: string,
  args: readonly string[],
  options: Parameters<typeof startMeasured>[2],
): Promise<MeasuredRun> {
  return startMeasured(command, args, options).done;
}
