// Republishes at the same time: two at once both succeed (one waits for the other and then
// publishes the newest content), `--no-wait` refuses with exit 10 while another runs, and a lock
// left behind by a dead process never blocks publishing. Also two deploy targets built from one
// checkout at the same time.
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  childPids,
  createWorkspace,
  deployLeftovers,
  describeRun,
  readManifestOf,
  releaseEntries,
  releaseMarkers,
  releaseProblems,
  removeWorkspace,
  republishOk,
  runCli,
  setReleaseMarker,
  sharedImageCache,
  startCli,
  waitFor,
  type Workspace,
} from '../helpers/publishing.ts';

const MARKED = '2025-0007';

const cache = sharedImageCache('concurrent');
afterAll(() => cache.remove());

const markerIn = (ws: Workspace, release: string) =>
  releaseMarkers(readFileSync(path.join(ws.releasesDir, release, 'appeals', MARKED, 'index.html'), 'utf8'));

describe('republishes at the same time, one deploy folder', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await createWorkspace('concurrent', { warmCache: cache });
    setReleaseMarker(ws, MARKED, 0);
    await republishOk(ws);
  }, 300_000);
  afterAll(() => removeWorkspace(ws, cache));

  it('runs two at once one after the other: both publish whole releases, the later with the newest content', async () => {
    const first = releaseEntries(ws).manifests;
    setReleaseMarker(ws, MARKED, 1);
    const a = startCli('republish', [], ws.env, { timeoutMs: 240_000 });
    const b = startCli('republish', [], ws.env, { timeoutMs: 240_000 });
    // An edit made while the first is building (its pages already rendered, so its content read) and
    // the second is waiting must reach the live site.
    const owner = await waitFor(
      'one of them to start building',
      () => [a, b].find((run) => childPids(run.pid).length > 0),
      { intervalMs: 5, timeoutMs: 120_000 },
    );
    await waitFor(
      'rendered pages in the first build',
      () =>
        readdirSync(ws.deployDir).some(
          (name) => name.startsWith('.staging-') && existsSync(path.join(ws.deployDir, name, 'index.html')),
        ),
      { intervalMs: 2, timeoutMs: 120_000 },
    );
    setReleaseMarker(ws, MARKED, 2);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code, describeRun(ra)).toBe(0);
    expect(rb.code, describeRun(rb)).toBe(0);

    // Exactly one waited, and said so, naming the other.
    const waiter = [ra, rb].filter((r) => /waiting/i.test(r.stdout));
    expect(waiter.length, `${describeRun(ra)}\n${describeRun(rb)}`).toBe(1);
    expect(waiter[0]!.stdout).toContain(`pid ${owner.pid}`);

    // Two new, complete releases; the live one is the newer, with the edit made meanwhile.
    const now = releaseEntries(ws);
    const added = now.manifests.filter((name) => !first.includes(name));
    expect(added).toHaveLength(2);
    expect(now.folders).toEqual(now.manifests);
    for (const name of now.manifests) expect(releaseProblems(ws, name), name).toEqual([]);
    expect(ws.currentName()).toBe(added.sort().at(-1));
    expect(markerIn(ws, ws.currentName()!)).toEqual([2]);
    expect(readManifestOf(ws, ws.currentName()!).activeIds).toEqual(['2025-0007', '2026-0101', '2026-0102']);
    expect(deployLeftovers(ws)).toEqual([]);
    const verify = await runCli('verify', [], ws.env);
    expect(verify.code, describeRun(verify)).toBe(0);
  }, 300_000);

  it('refuses --no-wait with exit 10 while another republish runs', async () => {
    setReleaseMarker(ws, MARKED, 3);
    const running = startCli('republish', [], ws.env, { timeoutMs: 240_000 });
    await waitFor(
      'the lock',
      () => {
        try {
          return (
            (
              JSON.parse(readFileSync(path.join(ws.deployDir, '.lock', 'owner.json'), 'utf8')) as {
                pid: number;
              }
            ).pid === running.pid
          );
        } catch {
          return false;
        }
      },
      { intervalMs: 5 },
    );
    const before = ws.currentName();
    const refused = await runCli('republish', ['--no-wait'], ws.env);
    expect(refused.code, describeRun(refused)).toBe(10);
    expect(refused.stderr).toMatch(/stage "lock"/);
    expect(refused.stderr).toContain(`Another republish is running (pid ${running.pid})`);
    expect(refused.stdout).not.toMatch(/Building/);
    // The refusal neither took nor removed the other's lock.
    const done = await running.done;
    expect(done.code, describeRun(done)).toBe(0);
    expect(ws.currentName()).not.toBe(before);
    expect(markerIn(ws, ws.currentName()!)).toEqual([3]);
    expect(deployLeftovers(ws)).toEqual([]);
  }, 300_000);

  it('is not blocked for ever by a lock folder whose owner died before writing owner.json', async () => {
    // What a republish killed between mkdir(.lock) and writing .lock/owner.json leaves (or one
    // whose disk filled up just then): an empty lock folder, ten minutes old.
    const lock = path.join(ws.deployDir, '.lock');
    mkdirSync(lock);
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(lock, old, old);
    setReleaseMarker(ws, MARKED, 4);
    // --no-wait: a lock it took for held fails at once, so the test waits for an answer, not a clock.
    const result = await runCli('republish', ['--no-wait'], ws.env);
    expect(result.code, `a stale, ownerless .lock blocked the republish: ${describeRun(result)}`).toBe(0);
    expect(markerIn(ws, ws.currentName()!)).toEqual([4]);
  }, 120_000);
});

describe('two deploy targets built from one checkout at the same time', () => {
  const workspaces: Workspace[] = [];
  afterAll(() => workspaces.forEach((ws) => removeWorkspace(ws, cache)));

  it('publishes both (separate content, deploy and cache folders)', async () => {
    // For example a staging and a live site, or a republish while someone runs the tests.
    const one = await createWorkspace('target-a', { warmCache: cache });
    const two = await createWorkspace('target-b', { warmCache: cache });
    workspaces.push(one, two);
    for (let round = 1; round <= 2; round++) {
      const [ra, rb] = await Promise.all([
        runCli('republish', [], one.env),
        runCli('republish', [], two.env),
      ]);
      expect(ra.code, `round ${round}, target a: ${describeRun(ra)}`).toBe(0);
      expect(rb.code, `round ${round}, target b: ${describeRun(rb)}`).toBe(0);
    }
  }, 300_000);
});
