// Closing an appeal end to end against a real nginx serving DEPLOY_DIR/current: `appeal found`
// republishes, the URL answers 410 with the neutral notice, the photos, listings and search index
// lose the child, the audit log records the action without the name, and `appeal reopen` brings the
// appeal back. Also rollback after a closure, and the purge hook's list of changed URLs.
//
// Not covered yet: the sitemap and the feeds (the site has neither so far); when they exist, add them
// to the "no longer contains the name" checks below.
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeNginx } from '../helpers/nginx.ts';
import { servedScenarios } from '../helpers/served-scenario.ts';
import {
  appealFile,
  deployLeftovers,
  describeRun,
  filesMentioning,
  FIXTURE,
  mainText,
  NOTICE_HEADING,
  photoUrls,
  readManifestOf,
  releaseEntries,
  releaseMarkers,
  releaseProblems,
  republishOk,
  runCli,
  searchIndexText,
  setReleaseMarker,
  snapshotLive,
  type Workspace,
} from '../helpers/publishing.ts';

const ID = FIXTURE.tobiah.id;
const NAME_RE = /tobiah|wrenfield/i;

const scenario = servedScenarios('closing');
const serve = (ws: Workspace) => scenario.serve(ws);

describeNginx('closing an appeal (appeal found → republish → nginx)', () => {
  it('takes the child off every page, photo and the search index, answers 410, and reopen brings the appeal back', async () => {
    const hookFile = 'purge-hook.json';
    const ws = await scenario.workspace('closing', { published: true });
    ws.env.PURGE_HOOK = `cat > '${path.join(ws.root, hookFile)}'`;
    const http = await serve(ws);

    // Before: the appeal is live, with photos, in the listings and in the search index.
    const before = await http.get(`/appeals/${ID}/`);
    expect(before.status).toBe(200);
    expect(before.text).toContain('Tobiah Wrenfield');
    const oldPhotos = photoUrls(before.text);
    expect(oldPhotos.length).toBeGreaterThan(0);
    const photoBytes = new Map<string, Buffer>();
    for (const url of oldPhotos) {
      const photo = await http.get(url);
      expect(photo.status, url).toBe(200);
      photoBytes.set(url, photo.body);
    }
    expect((await http.get('/appeals/region/london/')).text).toContain('Tobiah Wrenfield');
    const listedBefore = await Promise.all(['/', '/appeals/', '/appeals/2/'].map((p) => http.get(p)));
    expect(
      listedBefore.some((r) => r.text.includes('Tobiah Wrenfield')),
      'the appeal is listed before closing',
    ).toBe(true);
    expect(searchIndexText(ws.currentDir())).toMatch(NAME_RE);
    expect((await http.get('/feeds/appeals.xml')).text).toMatch(NAME_RE);
    expect((await http.get(`/appeals/${ID}/share-card.jpg`)).status).toBe(200);
    expect(
      readdirSync(path.join(ws.cacheDir, 'share-cards')).some((f) => f.startsWith(ID)),
      'share card cached before closing',
    ).toBe(true);
    for (const url of oldPhotos)
      expect(existsSync(path.join(ws.cacheDir, 'photos', path.basename(url))), `${url} cached`).toBe(true);

    // Close it. The command republishes and says how long the change took to go live.
    const found = await runCli('appeal', ['found', ID, '--by', 'Tester'], ws.env);
    expect(found.code, describeRun(found)).toBe(0);
    const live = /The live site was updated (\d+(?:\.\d+)?) s after the command started/.exec(found.stdout);
    expect(live, found.stdout).not.toBeNull();
    expect(Number(live![1])).toBeGreaterThan(0);
    expect(Number(live![1]) * 1000).toBeLessThanOrEqual(found.ms + 100);
    console.log(`appeal found: live ${live![1]} s after the command started (process ${found.ms} ms)`);

    // The appeal's URL in each of its forms: 410, the neutral notice, noindex twice over.
    for (const form of [`/appeals/${ID}/`, `/appeals/${ID}`, `/appeals/${ID}/index.html`]) {
      const gone = await http.get(form);
      expect(gone.status, form).toBe(410);
      expect(gone.text, form).toContain(NOTICE_HEADING);
      expect(gone.text, form).toMatch(/<meta name="robots" content="noindex">/);
      expect(String(gone.headers['x-robots-tag']), form).toMatch(/noindex/);
      expect(gone.text, form).not.toMatch(NAME_RE);
      expect(gone.text, form).not.toMatch(/\/_photos\//);
      // Never says why it closed.
      expect(mainText(gone.text), form).not.toMatch(/\bfound\b|\bsafe\b/i);
    }

    // Every photo the page used is gone; the poster and share card addresses answer 410 too.
    for (const url of oldPhotos) expect((await http.get(url)).status, url).toBe(404);
    for (const below of [`/appeals/${ID}/poster/`, `/appeals/${ID}/share-card.jpg`])
      expect((await http.get(below)).status, below).toBe(410);

    // Press and partner outputs: gone from the feeds, API, sitemap and embed; listed for removal.
    for (const feed of [
      '/feeds/appeals.xml',
      '/feeds/regions/london.xml',
      '/api/v1/appeals.json',
      '/sitemap-0.xml',
      '/embed/latest/',
    ]) {
      const response = await http.get(feed);
      expect(response.status, feed).toBe(200);
      expect(response.text, feed).not.toMatch(NAME_RE);
      expect(response.text, feed).not.toContain(`/appeals/${ID}/`);
    }
    for (const removals of ['/api/v1/removals.json', '/feeds/removals.xml']) {
      const response = await http.get(removals);
      expect(response.text, removals).toContain(`/appeals/${ID}/`);
      expect(response.text, removals).not.toMatch(NAME_RE);
    }
    expect(
      existsSync(path.join(ws.cacheDir, 'share-cards'))
        ? readdirSync(path.join(ws.cacheDir, 'share-cards')).filter((f) => f.startsWith(ID))
        : [],
    ).toEqual([]);

    // Listings: the other appeals are listed, this one is not.
    const all = await http.get('/appeals/');
    expect(all.status).toBe(200);
    expect(all.text).toContain('Zephyrine Quillfeather');
    expect(all.text).toContain('Odalys Fernhollow');
    for (const listing of [
      '/',
      '/appeals/',
      '/appeals/region/london/',
      '/appeals/region/north-west/',
      '/appeals/region/yorkshire-and-the-humber/',
      '/search/',
      '/help/',
    ]) {
      const page = await http.get(listing);
      expect(page.status, listing).toBe(200);
      expect(page.text, listing).not.toMatch(NAME_RE);
    }
    // Two active appeals now fit on one listing page.
    expect((await http.get('/appeals/2/')).status).toBe(404);
    expect(mainText((await http.get('/appeals/region/london/')).text)).toMatch(
      /no active appeals in London/i,
    );

    // The search index, as browsers get it (gzip), and every other file of the release.
    const releaseDir = ws.currentDir();
    expect(searchIndexText(releaseDir)).not.toMatch(NAME_RE);
    expect(filesMentioning(releaseDir, NAME_RE)).toEqual([]);
    // Every shard the index lists is served; the closed child's shard was re-indexed without him.
    const layout = await http.get('/pagefind/shards.json');
    expect(layout.status).toBe(200);
    const { shards } = JSON.parse(layout.text) as { shards: string[] };
    expect(shards.length).toBeGreaterThan(0);
    for (const shard of shards)
      expect((await http.get(`/pagefind/${shard}/pagefind-entry.json`)).status, shard).toBe(200);

    // Nor in any release kept on disk, nor in the build caches: Astro's data store and the photo cache.
    expect(filesMentioning(ws.releasesDir, NAME_RE)).toEqual([]);
    expect(filesMentioning(ws.cacheDir, NAME_RE)).toEqual([]);
    for (const url of oldPhotos)
      expect(existsSync(path.join(ws.cacheDir, 'photos', path.basename(url))), `${url} still cached`).toBe(
        false,
      );

    // Verification of the live release passes.
    const verify = await runCli('verify', [], ws.env);
    expect(verify.code, describeRun(verify)).toBe(0);

    // The audit log: who did what to which id, never the child's name.
    const auditText = readFileSync(path.join(ws.archiveDir, 'audit-log.jsonl'), 'utf8');
    expect(auditText).not.toMatch(NAME_RE);
    const audit = auditText
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(audit).toContainEqual(expect.objectContaining({ id: ID, action: 'found', by: 'Tester' }));
    expect(Object.keys(audit.find((e) => e.action === 'found')!).sort()).toEqual([
      'action',
      'by',
      'id',
      'time',
    ]);

    // No release still showing the child remains on disk (rollback cannot bring it back).
    for (const name of releaseEntries(ws).manifests)
      expect(readManifestOf(ws, name).activeIds, name).not.toContain(ID);

    // The purge hook was told what to purge: the appeal URL, its photos, the listings, the index.
    const hook = JSON.parse(readFileSync(path.join(ws.root, hookFile), 'utf8')) as {
      release: string;
      changedUrls: string[];
    };
    expect(hook.release).toBe(ws.currentName());
    expect(hook.changedUrls).toContain(`/appeals/${ID}/`);
    for (const url of oldPhotos) expect(hook.changedUrls, url).toContain(url);
    expect(hook.changedUrls).toEqual(
      expect.arrayContaining(['/', '/appeals/', '/appeals/2/', '/appeals/region/london/']),
    );
    expect(hook.changedUrls.some((u) => u.startsWith('/pagefind/'))).toBe(true);
    expect(JSON.stringify(hook)).not.toMatch(NAME_RE);

    // A mistaken closure: reopen restores the appeal, photos and all.
    const reopen = await runCli('appeal', ['reopen', ID, '--by', 'Tester'], ws.env);
    expect(reopen.code, describeRun(reopen)).toBe(0);
    const back = await http.get(`/appeals/${ID}/`);
    expect(back.status).toBe(200);
    expect(back.text).toContain('Tobiah Wrenfield');
    expect(back.headers['x-robots-tag']).toBeUndefined();
    const newPhotos = photoUrls(back.text);
    expect(newPhotos.length).toBe(oldPhotos.length);
    for (const url of newPhotos) {
      const photo = await http.get(url);
      expect(photo.status, url).toBe(200);
      expect(String(photo.headers['content-type']), url).toMatch(/^image\//);
      // The same photos as before the closure (same source, same encoding), not placeholders.
      expect(photoBytes.get(url)?.equals(photo.body), url).toBe(true);
    }
    expect((await http.get('/appeals/region/london/')).text).toContain('Tobiah Wrenfield');
    expect(searchIndexText(ws.currentDir())).toMatch(NAME_RE);
    const reopened = readFileSync(path.join(ws.archiveDir, 'audit-log.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(reopened.at(-1)).toMatchObject({ id: ID, action: 'reopen', by: 'Tester' });
  }, 300_000);

  it('refuses to roll back onto a release that shows an appeal closed since, and rolls back a harmless change (whose purge hook failed)', async () => {
    const ws = await scenario.workspace('rollback', { published: true });
    await republishOk(ws);
    const [r1, r2] = releaseEntries(ws).manifests;
    expect(ws.currentName()).toBe(r2);
    const http = await serve(ws);

    // An appeal folder deleted instead of closed counts as closed: no rollback brings it back, and
    // the refusal says why (before the fix it rolled back, and the deleted appeal was live again).
    const folder = path.dirname(appealFile(ws, '2026-0101'));
    const aside = path.join(ws.root, 'deleted-2026-0101');
    renameSync(folder, aside);
    const vanished = await runCli('republish', ['--rollback'], ws.env);
    expect(vanished.code, describeRun(vanished)).toBe(15);
    expect(vanished.stderr).toContain(
      `Refusing to roll back to ${r1}: it shows appeal 2026-0101, whose folder has been deleted from the content`,
    );
    expect(ws.currentName()).toBe(r2);
    renameSync(aside, folder);

    // Closed in the content but not yet published: both releases still show the appeal. The
    // rollback takes it down first, then refuses (before, it refused and left the child live).
    const close = await runCli('appeal', ['found', ID, '--by', 'Tester', '--no-publish'], ws.env);
    expect(close.code, describeRun(close)).toBe(0);
    const guarded = await runCli('republish', ['--rollback'], ws.env);
    expect(guarded.code, describeRun(guarded)).not.toBe(0);
    expect(guarded.stderr).toContain(`Refusing to roll back to ${r1}: it shows appeal ${ID}, closed since.`);
    expect(guarded.stderr).toContain(`The takedown of ${ID} is live`);
    expect(ws.currentName()).not.toBe(r2);
    expect((await http.get(`/appeals/${ID}/`)).status).toBe(410);

    // Published: the releases showing the appeal are deleted, so there is nothing to roll back to.
    await republishOk(ws);
    const closedRelease = ws.currentName()!;
    expect(releaseEntries(ws).manifests).toEqual([closedRelease]);
    const liveBefore = snapshotLive(ws);
    const refused = await runCli('republish', ['--rollback'], ws.env);
    expect(refused.code, describeRun(refused)).not.toBe(0);
    expect(refused.stdout).not.toMatch(/Rolled back/);
    expect(refused.stderr).toMatch(/no earlier release/);
    expect(snapshotLive(ws)).toEqual(liveBefore);
    expect((await http.get(`/appeals/${ID}/`)).status).toBe(410);

    // A harmless change, published (its CDN purge hook fails: reported, but the release stays live),
    // then rolled back: back to the release without it.
    setReleaseMarker(ws, '2025-0007', 1);
    const hookFailed = await runCli('republish', [], {
      ...ws.env,
      PURGE_HOOK: 'echo "CDN said no" >&2; exit 3',
    });
    expect(hookFailed.code, describeRun(hookFailed)).toBe(16);
    expect(hookFailed.stderr).toMatch(/stage "purge-hook"/);
    expect(hookFailed.stderr).toContain('CDN said no');
    const harmless = ws.currentName()!;
    expect(harmless).not.toBe(closedRelease);
    expect(releaseProblems(ws, harmless)).toEqual([]);
    expect(deployLeftovers(ws)).toEqual([]);
    expect(releaseMarkers((await http.get('/appeals/2025-0007/')).text)).toEqual([1]);
    const rolled = await runCli('republish', ['--rollback'], ws.env);
    expect(rolled.code, describeRun(rolled)).toBe(0);
    expect(rolled.stdout).toContain(`Rolled back: ${harmless} → ${closedRelease}.`);
    expect(ws.currentName()).toBe(closedRelease);
    expect(snapshotLive(ws)).toEqual(liveBefore);
    expect(releaseMarkers((await http.get('/appeals/2025-0007/')).text)).toEqual([]);
    const gone = await http.get(`/appeals/${ID}/`);
    expect(gone.status).toBe(410);
    expect(gone.text).not.toMatch(NAME_RE);

    // Nothing earlier is left: a second rollback is refused and changes nothing.
    const again = await runCli('republish', ['--rollback'], ws.env);
    expect(again.code, describeRun(again)).not.toBe(0);
    expect(ws.currentName()).toBe(closedRelease);
  }, 300_000);
});
