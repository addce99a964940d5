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

it('npm run bench -- --only alerts sends to seeded subscribers and devices through a local relay and push service, and loads subscribe', () => {
  const result = spawnSync(
    process.execPath,
    [
      path.join(PROJECT_ROOT, 'scripts/bench.ts'),
      '--only',
      'alerts',
      '--subscribers',
      '300',
      '--devices',
      '50',
      '--subscribe-requests',
      '60',
      '--runs',
      '1',
      '--no-write',
    ],
    { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 300_000 },
  );
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  // Every fifth seeded subscriber chose all of the UK, the rest the appeal's region: all 300 get it.
  // The 50 devices likewise, through the local push service; the recall cancels the second
  // appeal's 300 emails and those of its 50 pushes not yet sent.
  expect(result.stdout).toMatch(
    /\| 300 \| 300 \| \d+\.\d\d s \| \d+\.\d\d s \| [\d,]+ \| (?:\d+ ms|\d+\.\d\d s) \((?:3[0-4]\d|350), after \d+ sent\) \| \d+, 32 at once \| 20 \/ 80 of 100 \| 50 \(50\) \| \d+\.\d\d s \| [\d,]+ \|/,
  );
  // No site was built: the site tables are not shown.
  expect(result.stdout).not.toContain('Cold build, ours');
}, 300_000);
