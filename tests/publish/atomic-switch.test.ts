// No half-built site is ever served: while 20 republishes run back to back, keep-alive clients
// request every active appeal and listing page from nginx. Every response must be 200, come whole
// from one published release (byte for byte as in that release's manifest), show exactly one release
// marker, never go back to an older release, and the scripts, styles and photos it uses must load.
import { afterAll, afterEach, expect, it } from 'vitest';
import { describeNginx, startNginx, type RunningNginx } from '../helpers/nginx.ts';
import {
  createWorkspace,
  describeRun,
  fileForUrl,
  FIXTURE,
  HttpClient,
  LISTING_PATHS,
  readManifestOf,
  releaseMarkers,
  releaseProblems,
  removeWorkspace,
  republishOk,
  runCli,
  setReleaseMarker,
  sha256,
  sharedImageCache,
  subresourceUrls,
  type Workspace,
} from '../helpers/publishing.ts';

const REPUBLISHES = 20;
const CLIENTS = 3;
const REQUEST_CAP = 20_000;
/** Pause between one client's pages: spreads the request budget (pages and assets) over all the republishes. */
const PAUSE_MS = 35;
const MARKED = '2025-0007';
const PAGES = [...FIXTURE.activeIds.map((id) => `/appeals/${id}/`), ...LISTING_PATHS];

const cache = sharedImageCache('atomic');
afterAll(() => cache.remove());

let workspace: Workspace | undefined;
let nginx: RunningNginx | undefined;
const clients: HttpClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await nginx?.stop();
  removeWorkspace(workspace, cache);
  nginx = undefined;
  workspace = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeNginx('republishing under load', () => {
  it(`serves only whole releases while ${REPUBLISHES} republishes run back to back`, async () => {
    workspace = await createWorkspace('atomic', { warmCache: cache });
    const ws = workspace;
    setReleaseMarker(ws, MARKED, 0);
    await republishOk(ws);

    // What each published release holds, file by file, from its manifest (taken before it is pruned).
    const published = new Map<string, Set<string>>();
    const markerOf = new Map<string, number>();
    const record = (marker: number) => {
      const name = ws.currentName()!;
      expect(releaseProblems(ws, name)).toEqual([]);
      markerOf.set(name, marker);
      for (const [file, hash] of Object.entries(readManifestOf(ws, name).files)) {
        if (!published.has(file)) published.set(file, new Set());
        published.get(file)!.add(hash);
      }
    };
    record(0);

    nginx = await startNginx({ root: ws.currentLink });
    const origin = nginx.url;

    let publishing = true;
    let requests = 0;
    let subrequests = 0;
    const failures: string[] = [];
    const seen = new Map<string, Set<string>>(PAGES.map((p) => [p, new Set()]));
    const markersSeen = new Set<number>();
    const fail = (message: string) => {
      if (failures.length < 50) failures.push(message);
    };

    const load = async (client: HttpClient, index: number) => {
      let lastMarker = -1;
      let i = index;
      while (publishing && requests + subrequests < REQUEST_CAP) {
        const page = PAGES[i++ % PAGES.length]!;
        requests++;
        let response;
        try {
          response = await client.get(page);
        } catch (error) {
          fail(`GET ${page}: ${(error as Error).message}`);
          continue;
        }
        if (response.status !== 200) {
          fail(`GET ${page} answered ${response.status} (after ${requests} requests)`);
          continue;
        }
        seen.get(page)!.add(sha256(response.body));
        if (page === `/appeals/${MARKED}/`) {
          const markers = releaseMarkers(response.text);
          if (markers.length !== 1) fail(`GET ${page} shows markers ${JSON.stringify(markers)}`);
          const marker = markers[0] ?? -1;
          markersSeen.add(marker);
          // One client's requests are sequential, so it can never see an older release after a newer one.
          if (marker < lastMarker) fail(`client ${index} saw marker ${marker} after ${lastMarker}`);
          lastMarker = Math.max(lastMarker, marker);
        }
        // Every fifth page: what it loads must be there right after.
        if (i % 5 === 0) {
          const urls = subresourceUrls(response.text);
          if (urls.length === 0) fail(`GET ${page}: no stylesheet or photo found in the page`);
          for (const url of [urls[0]!, urls[Math.floor(urls.length / 2)]!, urls.at(-1)!]) {
            subrequests++;
            const sub = await client
              .get(url)
              .catch((error: unknown) => ({ status: `error ${(error as Error).message}` }));
            if (sub.status !== 200) fail(`GET ${url} (used by ${page}) answered ${sub.status}`);
          }
        }
        await sleep(PAUSE_MS);
      }
    };

    const started = performance.now();
    const loops = Array.from({ length: CLIENTS }, (_, index) => {
      const client = new HttpClient(origin, { maxSockets: 1 });
      clients.push(client);
      return load(client, index);
    });

    const timings: number[] = [];
    try {
      for (let n = 1; n <= REPUBLISHES; n++) {
        setReleaseMarker(ws, MARKED, n);
        const result = await runCli('republish', [], ws.env);
        expect(result.code, `republish ${n}: ${describeRun(result)}`).toBe(0);
        timings.push(result.ms);
        record(n);
      }
    } finally {
      publishing = false;
      await Promise.all(loops);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${REPUBLISHES} republishes in ${seconds.toFixed(1)} s (each ${Math.min(...timings)}–${Math.max(...timings)} ms); ` +
        `${requests} page requests and ${subrequests} asset requests; markers seen: ${[...markersSeen].sort((a, b) => a - b).join(', ')}`,
    );

    expect(failures).toEqual([]);
    // Each response is byte for byte the file of some published release: never a mix or a partial file.
    for (const [page, hashes] of seen) {
      const file = fileForUrl(page);
      const known = published.get(file) ?? new Set();
      for (const hash of hashes)
        expect(known.has(hash), `${page}: a body that no release holds in ${file}`).toBe(true);
    }
    for (const marker of markersSeen) expect([...markerOf.values()]).toContain(marker);
    // The clients really ran across the switches.
    expect(requests).toBeGreaterThan(REPUBLISHES * 20);
    expect(markersSeen.size).toBeGreaterThan(REPUBLISHES / 2);
    expect(nginx.errorLog()).not.toMatch(/\[(crit|alert|emerg)\]/);

    // Finally, the live release is the last one, and verification passes on it.
    expect(markerOf.get(ws.currentName()!)).toBe(REPUBLISHES);
    const verify = await runCli('verify', [], ws.env);
    expect(verify.code, describeRun(verify)).toBe(0);
  }, 360_000);
});
