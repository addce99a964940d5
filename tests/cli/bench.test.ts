// A smoke test of `npm run bench`: the cheapest measure on three synthetic appeals, without writing
// results. The benchmark itself is run by hand (see BENCHMARKS.md); it is far too slow for CI.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

it('npm run bench -- --n 3 --only check runs the real check and prints the tables', () => {
  const result = spawnSync(
    process.execPath,
    [path.join(PROJECT_ROOT, 'scripts/bench.ts'), '--n', '3', '--only', 'check', '--runs', '1', '--no-write'],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  expect(result.stdout).toMatch(/\| 3 × 2 \|/);
  expect(result.stdout).toMatch(/npm run check: \d+\.\d\d s/);
  expect(result.stdout).toMatch(/Node \d+\.\d+\.\d+, Astro \d/);
  const bad = spawnSync(
    process.execPath,
    [path.join(PROJECT_ROOT, 'scripts/bench.ts'), '--only', 'nonsense'],
    { cwd: PROJECT_ROOT, encoding: 'utf8' },
  );
  expect(bad.status).not.toBe(0);
  expect(bad.stderr).toMatch(/unknown measure nonsense/);
}, 120_000);
