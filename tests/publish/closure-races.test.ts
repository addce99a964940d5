// Closures racing with builds (issue 20, point 4), against a real nginx: `appeal found` while a full
// build runs is taken down at once from the live release, without waiting for the build, and the
// build never switches afterwards to a release that shows the child. The full build is held at
// states the code guarantees: the project's build lock (its astro build waits for it before reading
// any content), and the deploy folder's switch lock (it waits for that before switching).
import path from 'node:path';
import { expect, it } from 'vitest';
import { acquireLock, switchLockDir } from '../../src/lib/publishing/deploy-lock.ts';
import { describeNginx } from '../helpers/nginx.ts';
import { servedScenarios } from '../helpers/served-scenario.ts';
import {
  childPids,
  deployLeftovers,
  describeRun,
  filesMentioning,
  FIXTURE,
  PROJECT_ROOT,
  readManifestOf,
  runCli,
  setReleaseMarker,
  startCli,
  waitFor,
  type RunningCli,
} from '../helpers/publishing.ts';

const ID = FIXTURE.tobiah.id;
const NAME_RE = /tobiah|wrenfield/i;
const BUILD_LOCK = path.join(PROJECT_ROOT, '.cache', 'build.lock');

let held: Array<() => void> = [];
const scenario = servedScenarios('closure-races', () => {
  for (const release of held.splice(0)) release();
});
/** Holds a lock until the test lets it go (or the scenario ends). */
async function hold(lock: string): Promise<() => void> {
  const release = await acquireLock(lock, { wait: true });
  held.push(release);
  return () => {
    held = held.filter((r) => r !== release);
    release();
  };
}

let ended = false;
const endedOf = (run: RunningCli) => {
  ended = false;
  void run.done.then(() => (ended = true));
  return () => ended;
};

describeNginx('closures racing with a full build', () => {
  it('a closure during a full build goes live at once, and the build does not bring the child back', async () => {
    const ws = await scenario.workspace('closure-during-build', { published: true });
    const http = await scenario.serve(ws);
    expect((await http.get(`/appeals/${ID}/`)).status).toBe(200);

    // A full build, held before it reads any content: it holds the publish lock meanwhile.
    const releaseBuild = await hold(BUILD_LOCK);
    setReleaseMarker(ws, '2025-0007', 1);
    const building = startCli('republish', [], ws.env, { timeoutMs: 240_000 });
    const buildEnded = endedOf(building);
    await waitFor('the full build to start', () => childPids(building.pid).length > 0, {
      timeoutMs: 120_000,
    });

    const found = startCli('appeal', ['found', ID, '--by', 'Tester'], ws.env, { timeoutMs: 240_000 });
    // Before the fix the closure waited for the whole build: nothing changed until it ended.
    await waitFor('the takedown to be served', () => /Live: takedown release/.test(found.stdout()), {
      timeoutMs: 120_000,
    });
    expect((await http.get(`/appeals/${ID}/`)).status).toBe(410);
    expect((await http.get('/appeals/')).text).not.toMatch(NAME_RE);
    expect(filesMentioning(ws.currentDir(), NAME_RE)).toEqual([]);
    expect(buildEnded(), 'the full build is still held').toBe(false);
    // The closure's own rebuild queues behind the running one, after its takedown.
    await waitFor('the closure to wait for the running build', () => /waiting for it/.test(found.stdout()), {
      timeoutMs: 60_000,
    });

    releaseBuild();
    const [built, closed] = await Promise.all([building.done, found.done]);
    expect(built.code, describeRun(built)).toBe(0);
    expect(closed.code, describeRun(closed)).toBe(0);
    expect((await http.get(`/appeals/${ID}/`)).status).toBe(410);
    expect(readManifestOf(ws, ws.currentName()!).activeIds).not.toContain(ID);
    expect(filesMentioning(ws.releasesDir, NAME_RE)).toEqual([]);
    expect((await http.get('/appeals/2025-0007/')).text).toContain('Release marker 1.');
    expect(deployLeftovers(ws)).toEqual([]);
  }, 400_000);

  it('a build that read the content before a closure does not switch to a release showing the child', async () => {
    const ws = await scenario.workspace('closure-before-switch', { published: true });
    const http = await scenario.serve(ws);

    // The build reads the content (the child still active) and verifies, then waits to switch.
    const releaseBuild = await hold(BUILD_LOCK);
    const building = startCli('republish', [], ws.env, { timeoutMs: 240_000 });
    await waitFor('the full build to start', () => childPids(building.pid).length > 0, {
      timeoutMs: 120_000,
    });
    const releaseSwitch = await hold(switchLockDir(ws.deployDir));
    releaseBuild();
    await waitFor(
      'the build to wait to switch',
      () => /Waiting for a takedown to finish before switching/.test(building.stdout()),
      { timeoutMs: 180_000 },
    );

    // Closed now, its takedown left to later: only the build's own last check can keep it off.
    const close = await runCli('appeal', ['found', ID, '--by', 'Tester', '--no-publish'], ws.env);
    expect(close.code, describeRun(close)).toBe(0);
    releaseSwitch();
    const built = await building.done;
    expect(built.code, describeRun(built)).toBe(0);
    expect(built.stdout).toContain(`Appeal(s) ${ID} closed during the build: taking them out`);
    const live = readManifestOf(ws, ws.currentName()!);
    expect(live.activeIds).not.toContain(ID);
    expect(live.closedIds).toContain(ID);
    expect((await http.get(`/appeals/${ID}/`)).status).toBe(410);
    expect((await http.get('/appeals/')).text).not.toMatch(NAME_RE);
    expect((await http.get('/appeals/')).text).toContain('Zephyrine Quillfeather');
    // No release on disk shows the child; nothing of the cut build is left behind.
    expect(filesMentioning(ws.releasesDir, NAME_RE)).toEqual([]);
    expect(deployLeftovers(ws)).toEqual([]);
    const verify = await runCli('verify', [], ws.env);
    expect(verify.code, describeRun(verify)).toBe(0);
  }, 400_000);
});
