// A republish killed with SIGKILL at any point leaves the live site whole: `current` still points at
// a complete release (every file as its manifest says), nginx serves every page with the same bytes
// as before (or, if the kill came after the switch, the whole new release), and the next republish
// takes over the dead process's lock, clears its leftovers and publishes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { describeNginx } from '../helpers/nginx.ts';
import { servedScenarios } from '../helpers/served-scenario.ts';
import {
  childPids,
  deployLeftovers,
  describeRun,
  FIXTURE,
  HttpClient,
  LISTING_PATHS,
  processExists,
  releaseMarkers,
  releaseProblems,
  republishOk,
  setReleaseMarker,
  snapshotLive,
  startCli,
  waitFor,
  type RunningCli,
  type Workspace,
} from '../helpers/publishing.ts';

const MARKED = '2025-0007';
const PAGES = [
  ...FIXTURE.activeIds.map((id) => `/appeals/${id}/`),
  ...LISTING_PATHS,
  `/appeals/${FIXTURE.closedId}/`,
];

const orphans: number[] = [];
const scenario = servedScenarios('killed', () => {
  for (const pid of orphans.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone.
    }
  }
});

async function servedPages(http: HttpClient): Promise<Map<string, { status: number; body: Buffer }>> {
  const out = new Map<string, { status: number; body: Buffer }>();
  for (const page of PAGES) {
    const response = await http.get(page);
    out.set(page, { status: response.status, body: response.body });
  }
  return out;
}

function ownerPid(ws: Workspace): number | undefined {
  try {
    return (
      JSON.parse(readFileSync(path.join(ws.deployDir, '.lock', 'owner.json'), 'utf8')) as { pid: number }
    ).pid;
  } catch {
    return undefined;
  }
}

function buildLockOwner(): number | undefined {
  try {
    return (
      JSON.parse(readFileSync(path.join(PROJECT_ROOT, '.cache', 'build.lock', 'owner.json'), 'utf8')) as {
        pid: number;
      }
    ).pid;
  } catch {
    return undefined;
  }
}

const stagingFolders = (ws: Workspace) =>
  readdirSync(ws.deployDir).filter((name) => name.startsWith('.staging-'));

interface KillPoint {
  name: string;
  /** Kills only the republish process, leaving its astro build running (orphaned). */
  processOnly?: boolean;
  /** True when this point is certainly before the switch. */
  beforeSwitch: boolean;
  /** Resolves when the republish has reached the point. */
  reached(ws: Workspace, run: RunningCli): Promise<unknown>;
}

const KILL_POINTS: KillPoint[] = [
  {
    name: 'just after taking the lock',
    beforeSwitch: true,
    reached: (ws, run) => waitFor('the lock', () => ownerPid(ws) === run.pid, { intervalMs: 2 }),
  },
  {
    name: 'when the build has written the release folder (.staging-*)',
    beforeSwitch: true,
    reached: (ws) =>
      waitFor(
        'the staging folder',
        () => stagingFolders(ws).some((name) => existsSync(path.join(ws.deployDir, name, 'index.html'))),
        { intervalMs: 2 },
      ),
  },
  {
    name: 'as soon as the astro build has finished (verify, release or switch)',
    beforeSwitch: false,
    reached: async (_ws, run) => {
      let astro: number[] = [];
      await waitFor('the astro build to start', () => (astro = childPids(run.pid)).length > 0, {
        intervalMs: 2,
      });
      await waitFor(
        'the astro build to end',
        () => !astro.some(processExists) || childPids(run.pid).length === 0,
        { intervalMs: 1 },
      );
    },
  },
  {
    name: 'mid-build, the republish process alone (its astro build orphaned)',
    processOnly: true,
    beforeSwitch: true,
    reached: async (_ws, run) => {
      // Mid-build means the build holds the project's build lock: a state, not a moment in time.
      await waitFor(
        'the astro build to hold the build lock',
        () => childPids(run.pid).includes(buildLockOwner() ?? -1),
        {
          intervalMs: 5,
        },
      );
    },
  },
];

describeNginx('a republish killed with SIGKILL', () => {
  it(`leaves the site whole at each of ${KILL_POINTS.length} points, and the next republish recovers`, async () => {
    const ws = await scenario.workspace('killed');
    setReleaseMarker(ws, MARKED, 0);
    await republishOk(ws);
    const http = await scenario.serve(ws, { maxSockets: 2 });

    let marker = 0;
    for (const point of KILL_POINTS) {
      const before = snapshotLive(ws);
      const pagesBefore = await servedPages(http);
      for (const [page, { status }] of pagesBefore)
        expect(status, page).toBe(page.endsWith(`${FIXTURE.closedId}/`) ? 410 : 200);

      // A change that would show, were the killed republish to publish it.
      const killedMarker = ++marker;
      setReleaseMarker(ws, MARKED, killedMarker);
      const run = startCli('republish', [], ws.env, { timeoutMs: 120_000 });
      const reached = await Promise.race([
        point.reached(ws, run).then(() => true),
        run.done.then(() => false),
      ]);
      if (!reached)
        throw new Error(
          `The republish ended before reaching "${point.name}": ${describeRun(await run.done)}`,
        );
      const astro = childPids(run.pid);
      run.kill({ group: !point.processOnly });
      const killed = await run.done;
      expect(killed.signal, `${point.name}: ${describeRun(killed)}`).toBe('SIGKILL');
      if (point.processOnly) orphans.push(...astro.filter(processExists));

      // The live site is whole: a complete release, served in full.
      const live = ws.currentName()!;
      expect(releaseProblems(ws, live), point.name).toEqual([]);
      const switched = live !== before.current;
      console.log(
        `killed ${point.name}: ${switched ? 'after the switch (new release live)' : 'before the switch (old release live)'}; ${astro.length} build process(es) ${point.processOnly ? 'left running' : 'killed with it'}`,
      );
      if (point.beforeSwitch) expect(switched, `${point.name}: current changed`).toBe(false);
      const pagesAfter = await servedPages(http);
      if (!switched) {
        expect(snapshotLive(ws), point.name).toEqual(before);
        for (const [page, response] of pagesAfter) {
          expect(response.status, `${point.name}: ${page}`).toBe(pagesBefore.get(page)!.status);
          expect(response.body.equals(pagesBefore.get(page)!.body), `${point.name}: ${page} changed`).toBe(
            true,
          );
        }
      } else {
        for (const [page, response] of pagesAfter)
          expect(response.status, `${point.name}: ${page}`).toBe(pagesBefore.get(page)!.status);
        expect(releaseMarkers(pagesAfter.get(`/appeals/${MARKED}/`)!.body.toString())).toEqual([
          killedMarker,
        ]);
      }

      // The next republish takes the dead process's lock without waiting and cleans up after it.
      setReleaseMarker(ws, MARKED, ++marker);
      const next = await republishOk(ws);
      expect(next.stdout, point.name).not.toMatch(/waiting/i);
      expect(releaseProblems(ws, ws.currentName()!), point.name).toEqual([]);
      expect(releaseMarkers((await http.get(`/appeals/${MARKED}/`)).text), point.name).toEqual([marker]);
      if (point.processOnly) {
        // Let the orphaned build end, then check what it left behind.
        await waitFor('the orphaned build to end', () => !orphans.some(processExists), {
          timeoutMs: 60_000,
          intervalMs: 50,
        });
      }
      expect(deployLeftovers(ws), `${point.name}: leftovers after the next republish`).toEqual([]);
      for (const [page, response] of await servedPages(http))
        expect(response.status, `${point.name}: ${page}`).toBe(pagesBefore.get(page)!.status);
    }
  }, 300_000);
});
