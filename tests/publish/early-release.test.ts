// The early release of new appeals (src/lib/publishing/early-release.ts) against a real nginx: a republish that
// adds an appeal publishes a verified release with the new appeal's page, photos, poster, share
// card and search entry before the full build; and an early release that fails verification is not
// published, the full build publishes instead. The purge hook, which runs right after each switch,
// holds the republish at the early release until the test has looked at it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { writeTestPhoto } from '../helpers/fixture-content.ts';
import { describeNginx } from '../helpers/nginx.ts';
import { servedScenarios } from '../helpers/served-scenario.ts';
import {
  appealFile,
  deployLeftovers,
  describeRun,
  FIXTURE,
  HttpClient,
  NOTICE_HEADING,
  photoUrls,
  readManifestOf,
  releaseEntries,
  searchIndexText,
  startCli,
  waitFor,
  type Workspace,
  plantInLiveRelease,
} from '../helpers/publishing.ts';

const NEW_ID = '2026-0104';
const NEW_NAME = 'Perpetua Ashdown';
const FROM = '2026-0101';

let go: string | undefined;
const scenario = servedScenarios('early-release', () => {
  // Never leave a republish waiting in its purge hook.
  if (go) writeFileSync(go, '');
  go = undefined;
});

/** A published fixture site served by nginx, with a purge hook that records its input and waits for `go`. */
async function publishedAndServed(
  label: string,
): Promise<{ ws: Workspace; http: HttpClient; hookLog: string }> {
  const ws = await scenario.workspace(label, { published: true });
  go = path.join(ws.root, 'go');
  const log = path.join(ws.root, 'hook.log');
  // It also stops waiting once the workspace is deleted, so a failed test never leaves it behind.
  ws.env.PURGE_HOOK = `cat >> '${log}'; echo >> '${log}'; while [ ! -e '${go}' ] && [ -d '${ws.root}' ]; do sleep 0.05; done`;
  return { ws, http: await scenario.serve(ws), hookLog: log };
}

/** A new fictional appeal, written as a comms officer would: its own folder, text and photo. */
async function addAppeal(ws: Workspace): Promise<void> {
  const dir = path.dirname(appealFile(ws, NEW_ID));
  mkdirSync(dir, { recursive: true });
  const source = readFileSync(appealFile(ws, FROM), 'utf8')
    .replace(/^name: .*$/m, `name: ${NEW_NAME}`)
    .replace(/^knownAs: .*$/m, 'knownAs: [Pet]')
    .replace(/FIX-2026-0101/g, 'FIX-2026-0104')
    .replace(/Zephyrine|Zeph/g, 'Perpetua');
  writeFileSync(path.join(dir, 'index.md'), source);
  await writeTestPhoto(path.join(dir, 'photo-1.jpg'), 104);
  expect(existsSync(path.join(dir, 'index.md'))).toBe(true);
}

describeNginx('the early release (new appeal → early release → full build)', () => {
  it('serves a verified early release with the new appeal’s page, photos, poster, share card and search entry before the full build', async () => {
    const { ws, http, hookLog } = await publishedAndServed('early');
    const firstRelease = ws.currentName()!;
    expect((await http.get(`/appeals/${NEW_ID}/`)).status).toBe(404);
    await addAppeal(ws);

    const run = startCli('republish', [], ws.env, { timeoutMs: 240_000 });
    const early = await waitFor(
      'the early release',
      () => /Live: early release (\S+)/.exec(run.stdout())?.[1],
      { timeoutMs: 120_000 },
    );
    // The hook has the early release's changed URLs: the new appeal's page among them.
    const hook = await waitFor(
      'the purge hook',
      () =>
        existsSync(hookLog) &&
        readFileSync(hookLog, 'utf8').includes('changedUrls') &&
        readFileSync(hookLog, 'utf8'),
    );
    expect(JSON.parse(hook.trim().split('\n')[0]!)).toMatchObject({
      release: early,
      changedUrls: expect.arrayContaining([`/appeals/${NEW_ID}/`]) as string[],
    });
    expect(ws.currentName()).toBe(early);
    expect(run.stdout(), 'the full build has not published yet').not.toMatch(/Live: release/);

    const page = await http.get(`/appeals/${NEW_ID}/`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(NEW_NAME);
    const photos = photoUrls(page.text);
    expect(photos.length).toBeGreaterThan(0);
    for (const url of photos) expect((await http.get(url)).status, url).toBe(200);
    for (const below of [`/appeals/${NEW_ID}/poster/`, `/appeals/${NEW_ID}/share-card.jpg`])
      expect((await http.get(below)).status, below).toBe(200);
    expect((await http.get(`/appeals/${NEW_ID}/poster/`)).text).toContain(NEW_NAME);
    // Every stylesheet and script the new page uses is served.
    for (const asset of [...page.text.matchAll(/(?:href|src)="(\/_astro\/[^"]+)"/g)].map((m) => m[1]!))
      expect((await http.get(asset)).status, asset).toBe(200);
    // Search finds the new appeal and still the others; the other pages are the live release's.
    expect(searchIndexText(ws.currentDir())).toMatch(/Perpetua/);
    expect(searchIndexText(ws.currentDir())).toMatch(/Zephyrine/);
    expect((await http.get(`/appeals/${FROM}/`)).text).toContain('Zephyrine Quillfeather');
    expect(readManifestOf(ws, early).activeIds).toEqual([...FIXTURE.activeIds, NEW_ID].sort());
    // The closed appeal's address still answers 410 with the notice (host files regenerated, nothing of it re-added).
    const closed = await http.get(`/appeals/${FIXTURE.closedId}/`);
    expect(closed.status).toBe(410);
    expect(closed.text).toContain(NOTICE_HEADING);
    expect(readManifestOf(ws, early).closedIds).toContain(FIXTURE.closedId);
    // The listings gain it with the full build, not before.
    expect((await http.get('/appeals/')).text).not.toContain(NEW_NAME);
    expect(releaseEntries(ws).manifests).toEqual([firstRelease, early].sort());

    writeFileSync(go!, '');
    const result = await run.done;
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toMatch(
      /Published 2026-0104 early: release \S+ live \d+\.\d s after the command started/,
    );
    // The full build replaced the stopgap: the new appeal is now listed too, and the stopgap is gone.
    expect(ws.currentName()).not.toBe(early);
    expect(releaseEntries(ws).manifests).not.toContain(early);
    expect((await http.get('/appeals/')).text + (await http.get('/appeals/2/')).text).toContain(NEW_NAME);
    expect((await http.get('/feeds/appeals.xml')).text).toContain(`/appeals/${NEW_ID}/`);
    expect((await http.get(`/appeals/${NEW_ID}/`)).status).toBe(200);
    expect(deployLeftovers(ws)).toEqual([]);
  }, 300_000);

  it('does not publish an early release that fails verification: the full build publishes the new appeal instead', async () => {
    const { ws, http } = await publishedAndServed('early-refused');
    writeFileSync(go!, '');
    // A file the full build does not make, in the live release (and its manifest), that offers the
    // closed appeal as active.
    plantInLiveRelease(
      ws,
      'stray/index.html',
      `<!doctype html><html><body><main><a href="/appeals/${FIXTURE.closedId}/">Still missing</a></main></body></html>`,
    );
    const live = ws.currentName()!;
    await addAppeal(ws);

    const run = startCli('republish', [], ws.env, { timeoutMs: 240_000 });
    await waitFor('the early release to be refused', () => /Early release not published/.test(run.stdout()), {
      timeoutMs: 120_000,
    });
    expect(run.stdout()).toMatch(
      /verification found \d+ problem\(s\): stray\/index\.html: links to closed appeal 2026-0103/,
    );
    expect(ws.currentName()).toBe(live);
    expect((await http.get(`/appeals/${NEW_ID}/`)).status).toBe(404);

    const result = await run.done;
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toMatch(/No early release \(verification found/);
    expect((await http.get(`/appeals/${NEW_ID}/`)).status).toBe(200);
    expect((await http.get('/stray/')).status).toBe(404);
    // Nothing of the subset build is left in the deploy folder.
    expect(deployLeftovers(ws)).toEqual([]);
  }, 300_000);
});
