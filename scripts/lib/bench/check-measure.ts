// The `check` measure: the whole `npm run check` process, every appeal and photo validated.
import path from 'node:path';
import { PROJECT_ROOT } from '../build-site.ts';
import { type BenchContext, secs, timed } from './bench-run.ts';

/** Times `npm run check` (scripts/check.ts, as a child process) `runs` times. */
export async function checkTimes(c: BenchContext): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < c.runs; i++) {
    const r = timed('npm run check', await c.run([path.join(PROJECT_ROOT, 'scripts/check.ts')]));
    times.push(r.ms);
    c.say(`check ${i + 1}/${c.runs}: ${secs(r.ms)}`);
  }
  return times;
}
