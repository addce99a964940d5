// The immediate takedown (src/lib/publishing/takedown.ts) against a real nginx: `appeal found` publishes a
// verified takedown release, served 410, before the full rebuild; and a leak the takedown cannot
// see (a page naming the child without the `data-appeal-id` marker, which the live release has too)
// does not keep the child's own pages and photos online: the takedown goes live, reports it, and
// the full build clears it. The project's build lock is held meanwhile, so the full rebuild
// provably has not run when the takedown is checked.
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { acquireLock } from '../../src/lib/publishing/deploy-lock.ts';
import { filesUnder } from '../../src/lib/publishing/file-tree.ts';
import { describeNginx } from '../helpers/nginx.ts';
import { servedScenarios } from '../helpers/served-scenario.ts';
import {
  describeRun,
  filesMentioning,
  FIXTURE,
  HttpClient,
  photoUrls,
  PROJECT_ROOT,
  readManifestOf,
  releaseEntries,
  editAppeal,
  republishOk,
  runCli,
  searchIndexText,
  startCli,
  waitFor,
  type Workspace,
  plantInLiveRelease,
} from '../helpers/publishing.ts';

const ID = FIXTURE.tobiah.id;
const NAME_RE = /tobiah|wrenfield/i;
/** The child's appeal text in Welsh (fictional): written only in the `welsh:` block. */
const WELSH_CIRCUMSTANCES = 'Gwelwyd ef ddiwethaf yng ngorsaf fysiau Brambleford gyda’r nos.';
const WELSH_ALT = 'Portread prawf ffug o fachgen â gwallt byr golau';
const WELSH_RE = /gorsaf fysiau|fachgen â gwallt/i;
const WELSH_NOTICE = 'Nid yw’r apêl hon yn weithredol mwyach';
const BUILD_LOCK = path.join(PROJECT_ROOT, '.cache', 'build.lock');

let releaseBuildLock: (() => void) | undefined;
const scenario = servedScenarios('takedown', () => {
  releaseBuildLock?.();
  releaseBuildLock = undefined;
});

async function publishedAndServed(
  label: string,
  options: { welsh?: boolean } = {},
): Promise<{ ws: Workspace; http: HttpClient }> {
  // Without Welsh, start from the release the run published once; with it, edit and publish here.
  const ws = await scenario.workspace(label, { published: !options.welsh });
  // The child's appeal in Welsh too, so a closure must take its Welsh text off as well.
  if (options.welsh) {
    editAppeal(ws, ID, (source) =>
      source
        .replace('photos:\n', `welsh:\n  circumstances: ${WELSH_CIRCUMSTANCES}\nphotos:\n`)
        .replace(
          '    alt: Fictional test portrait of a boy with short fair hair\n',
          `    alt: Fictional test portrait of a boy with short fair hair\n    welsh:\n      alt: ${WELSH_ALT}\n`,
        ),
    );
    await republishOk(ws);
  }
  return { ws, http: await scenario.serve(ws) };
}

describeNginx('the immediate takedown (appeal found → takedown release → full rebuild)', () => {
  it('serves a verified takedown release (410, photos gone, no name anywhere) before the full rebuild runs', async () => {
    const { ws, http } = await publishedAndServed('takedown', { welsh: true });
    const before = await http.get(`/appeals/${ID}/`);
    expect(before.status).toBe(200);
    // The Welsh page shows the author's Welsh, not marked as English; the English page never does.
    const welshBefore = await http.get(`/cy/appeals/${ID}/`);
    expect(welshBefore.status).toBe(200);
    expect(welshBefore.text).toContain(WELSH_CIRCUMSTANCES);
    expect(welshBefore.text).toContain(`alt="${WELSH_ALT}"`);
    expect(before.text).not.toMatch(WELSH_RE);
    expect(welshBefore.text).toMatch(NAME_RE);
    expect((await http.get(`/cy/appeals/${ID}/poster/`)).text).toMatch(WELSH_RE);
    expect((await http.get('/cy/feeds/appeals.xml')).text, 'the Welsh feed offers it').toContain(
      `/cy/appeals/${ID}/`,
    );
    expect(
      filesMentioning(ws.currentDir(), WELSH_RE).some((f) => f.startsWith('pagefind/')),
      'in the Welsh search index',
    ).toBe(true);
    const photos = photoUrls(before.text);
    expect(photos.length).toBeGreaterThan(0);
    const firstRelease = ws.currentName()!;
    // The search index is in shards (one per appeal in tests); only the child's shard may change.
    const shardFiles = (dir: string) =>
      Object.fromEntries(
        readdirSync(path.join(dir, 'pagefind'))
          .filter((name) => /^s\d+$/.test(name))
          .map((shard) => [shard, filesUnder(path.join(dir, 'pagefind', shard))]),
      );
    const liveShards = shardFiles(ws.currentDir());
    const inode = (dir: string, shard: string, file: string) =>
      statSync(path.join(dir, 'pagefind', shard, file)).ino;
    const inodesBefore = Object.fromEntries(
      Object.entries(liveShards).map(([shard, files]) => [
        shard,
        files.map((f) => inode(ws.currentDir(), shard, f)),
      ]),
    );
    const tobiahsShard = Object.keys(liveShards).find((shard) =>
      NAME_RE.test(searchIndexText(ws.currentDir(), `pagefind/${shard}`)),
    );
    expect(tobiahsShard, 'the child is in one shard').toBeDefined();

    // Hold the build lock: the full rebuild must wait, so what goes live first is the takedown.
    releaseBuildLock = await acquireLock(BUILD_LOCK, { wait: true });
    const found = startCli('appeal', ['found', ID, '--by', 'Tester'], ws.env, { timeoutMs: 180_000 });
    await waitFor('the takedown release', () => /Live: takedown release (\S+)/.exec(found.stdout())?.[1], {
      timeoutMs: 60_000,
    });
    const takedown = /Live: takedown release (\S+)/.exec(found.stdout())![1]!;
    expect(ws.currentName()).toBe(takedown);
    expect(found.stdout(), 'the full build has not published yet').not.toMatch(/Published release/);

    const gone = await http.get(`/appeals/${ID}/`);
    expect(gone.status).toBe(410);
    expect(gone.text).toContain('This appeal is no longer active');
    expect(gone.text).not.toMatch(NAME_RE);
    for (const url of photos) expect((await http.get(url)).status, url).toBe(404);
    for (const listing of ['/', '/appeals/', '/appeals/2/', '/appeals/region/london/']) {
      const page = await http.get(listing);
      expect(page.status, listing).toBe(200);
      expect(page.text, listing).not.toMatch(NAME_RE);
    }
    expect((await http.get('/appeals/')).text).toContain('Zephyrine Quillfeather');
    // Press and partner outputs: the feeds, API, sitemap and embed no longer offer the appeal, and
    // its poster and share card addresses answer 410.
    for (const feed of [
      '/feeds/appeals.xml',
      '/feeds/regions/london.xml',
      '/api/v1/appeals.json',
      '/sitemap-0.xml',
      '/embed/latest/',
    ]) {
      const response = await http.get(feed);
      expect(response.status, feed).toBe(200);
      expect(response.text, feed).not.toContain(`/appeals/${ID}/`);
    }
    expect((await http.get('/feeds/appeals.xml')).text).toContain('/appeals/2026-0101/');
    for (const below of [`/appeals/${ID}/poster/`, `/appeals/${ID}/share-card.jpg`])
      expect((await http.get(below)).status, below).toBe(410);
    // The same in Welsh: every Welsh address of the appeal answers 410 with the Welsh notice, and
    // the Welsh listings and search no longer show the child.
    for (const url of [`/cy/appeals/${ID}/`, `/cy/appeals/${ID}`, `/cy/appeals/${ID}/poster/`]) {
      const welshGone = await http.get(url);
      expect(welshGone.status, url).toBe(410);
      expect(welshGone.text, url).toContain(WELSH_NOTICE);
      expect(welshGone.text, url).not.toMatch(NAME_RE);
    }
    for (const listing of [
      '/cy/',
      '/cy/appeals/',
      '/cy/appeals/region/london/',
      '/cy/feeds/appeals.xml',
      '/cy/feeds/regions/london.xml',
    ]) {
      const page = await http.get(listing);
      expect(page.status, listing).toBe(200);
      expect(page.text, listing).not.toMatch(NAME_RE);
      expect(page.text, listing).not.toContain(`/appeals/${ID}/`);
    }
    expect(filesMentioning(ws.currentDir(), WELSH_RE), 'no Welsh text of the child anywhere').toEqual([]);
    // Partners hear of it at once: both removals feeds list it, before the full rebuild.
    const removals = JSON.parse((await http.get('/api/v1/removals.json')).text) as {
      count: number;
      removals: Array<{ id: string; url: string }>;
    };
    expect(removals.removals.map((r) => r.id)).toContain(ID);
    expect(removals.count).toBe(removals.removals.length);
    expect((await http.get('/feeds/removals.xml')).text).toContain(
      `<link>https://appeals.example.org/appeals/${ID}/</link>`,
    );
    const releaseDir = ws.currentDir();
    expect(searchIndexText(releaseDir)).not.toMatch(NAME_RE);
    expect(searchIndexText(releaseDir)).toMatch(/Zephyrine/);
    const REMOVALS = ['api/v1/removals.json', 'feeds/removals.xml'];
    const takedownRemovals = REMOVALS.map((file) => readFileSync(path.join(releaseDir, file)));
    // The other shards are the live release's files, hard-linked: only the child's was re-indexed.
    const after = shardFiles(releaseDir);
    for (const [shard, files] of Object.entries(liveShards)) {
      if (shard === tobiahsShard) continue;
      expect(after[shard], shard).toEqual(files);
      expect(
        files.map((f) => inode(releaseDir, shard, f)),
        `${shard} linked, not indexed again`,
      ).toEqual(inodesBefore[shard]);
    }
    expect(filesMentioning(releaseDir, NAME_RE)).toEqual([]);
    // The release that showed the child is deleted at once; the manifest records the closure.
    expect(releaseEntries(ws).manifests).not.toContain(firstRelease);
    expect(readManifestOf(ws, takedown).activeIds).not.toContain(ID);
    expect(readManifestOf(ws, takedown).closedIds).toContain(ID);
    expect(readManifestOf(ws, takedown).change).toEqual({ closing: [ID], added: [], edited: [] });

    // Let the full rebuild run: it replaces the stopgap with a consistent, verified release.
    releaseBuildLock();
    releaseBuildLock = undefined;
    const result = await found.done;
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toMatch(
      /Taken down 2026-0102: takedown release \S+ live \d+\.\d s after the command started/,
    );
    expect(ws.currentName()).not.toBe(takedown);
    expect(releaseEntries(ws).manifests).toEqual([ws.currentName()]);
    // The takedown wrote the removals feeds with the build's own renderer: byte for byte what the
    // full build writes, so a partner polling them sees one story.
    REMOVALS.forEach((file, i) =>
      expect(readFileSync(path.join(ws.currentDir(), file)).equals(takedownRemovals[i]!), file).toBe(true),
    );
    // Both releases record the change the republish worked out once.
    expect(readManifestOf(ws, ws.currentName()!).change).toEqual({ closing: [ID], added: [], edited: [] });
    expect((await http.get(`/appeals/${ID}/`)).status).toBe(410);
    const welshAfter = await http.get(`/cy/appeals/${ID}/poster/`);
    expect(welshAfter.status).toBe(410);
    expect(welshAfter.text).toContain(WELSH_NOTICE);
    expect(filesMentioning(ws.releasesDir, NAME_RE)).toEqual([]);
    expect(filesMentioning(ws.releasesDir, WELSH_RE)).toEqual([]);
  }, 240_000);

  it('a takedown that cannot clean a mention of the child elsewhere still takes down its pages and photos at once; the full build clears the rest', async () => {
    const { ws, http } = await publishedAndServed('takedown-leak');
    const photos = photoUrls((await http.get(`/appeals/${ID}/`)).text);
    // An output the takedown cannot see: it names the child without the data-appeal-id marker.
    plantInLiveRelease(
      ws,
      'unmarked-copy/index.html',
      '<!doctype html><html><body><main><p>Have you seen Tobiah Wrenfield?</p></main></body></html>',
    );
    const leakyRelease = ws.currentName()!;

    releaseBuildLock = await acquireLock(BUILD_LOCK, { wait: true });
    const found = startCli('appeal', ['found', ID, '--by', 'Tester'], ws.env, { timeoutMs: 180_000 });
    await waitFor('the takedown release', () => /Now rebuilding the whole site/.test(found.stdout()), {
      timeoutMs: 60_000,
    });
    // Verification's finding is about another file, which the live release published too: the
    // child's own address, poster, share card and photos go at once regardless, and the finding is
    // reported (before the fix: "Takedown not published", the whole appeal left online).
    expect(found.stdout()).toMatch(/Live: takedown release/);
    expect(found.stdout()).toMatch(
      /verification still finds 1 problem\(s\) elsewhere[^\n]*\n {2}unmarked-copy\/index\.html: contains "tobiah wrenfield"/,
    );
    expect(ws.currentName()).not.toBe(leakyRelease);
    for (const url of [`/appeals/${ID}/`, `/appeals/${ID}/poster/`, `/appeals/${ID}/share-card.jpg`])
      expect((await http.get(url)).status, url).toBe(410);
    for (const url of photos) expect((await http.get(url)).status, url).toBe(404);
    expect((await http.get('/appeals/')).text).not.toMatch(NAME_RE);
    // The one file it could not clean is still served, as it was before, until the full build.
    expect((await http.get('/unmarked-copy/')).status).toBe(200);
    expect(releaseEntries(ws).manifests).not.toContain(leakyRelease);

    releaseBuildLock();
    releaseBuildLock = undefined;
    const result = await found.done;
    expect(result.code, describeRun(result)).toBe(0);
    expect((await http.get(`/appeals/${ID}/`)).status).toBe(410);
    expect((await http.get('/unmarked-copy/')).status).toBe(404);
    expect(filesMentioning(ws.releasesDir, NAME_RE)).toEqual([]);
  }, 240_000);

  it('a corrupt manifest of an old release neither crashes the closure nor keeps that release: the file is named and no release showing the child stays', async () => {
    const ws = await scenario.workspace('takedown-corrupt-manifest', { published: true });
    // Two older releases showing the child, as a republish leaves them: one whole, one whose
    // manifest was cut short (a full disk, a crash while writing it by hand).
    const live = ws.currentName()!;
    const [whole, corrupt] = ['2000-01-01T00-00-00-000Z-1', '2000-01-02T00-00-00-000Z-2'];
    for (const old of [whole, corrupt])
      cpSync(ws.currentDir(), path.join(ws.releasesDir, old), { recursive: true });
    const manifest = readFileSync(path.join(ws.releasesDir, `${live}.json`), 'utf8');
    writeFileSync(path.join(ws.releasesDir, `${whole}.json`), manifest.replace(live, whole));
    writeFileSync(path.join(ws.releasesDir, `${corrupt}.json`), manifest.slice(0, 40));

    const found = await runCli('appeal', ['found', ID, '--by', 'Tester'], ws.env);
    // Before the fix: "Live: takedown release", then "Takedown not published", then a raw
    // SyntaxError, and three releases with the child's whole appeal left on disk.
    expect(found.code, describeRun(found)).toBe(0);
    expect(`${found.stdout}${found.stderr}`).not.toMatch(/SyntaxError|Takedown not published/);
    expect(found.stdout).toMatch(/Live: takedown release/);
    expect(found.stdout).toContain(
      `${path.join(ws.releasesDir, `${corrupt}.json`)}: the release manifest cannot be read (`,
    );
    expect(found.stdout).toMatch(
      new RegExp(`Nothing shows that release ${corrupt} holds no closed appeal, so it is deleted`),
    );
    expect(releaseEntries(ws)).toEqual({ folders: [ws.currentName()], manifests: [ws.currentName()] });
    expect(filesMentioning(ws.releasesDir, NAME_RE)).toEqual([]);
  }, 240_000);
});
