// A retraction (issue 20, 10): another name and a photo taken off an active appeal because the family
// asked, then published. It is a closure in miniature: the archive records what was retracted, the
// releases that show it are deleted, a rollback cannot bring it back, and verification refuses a
// release that shows it again.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeNginx } from '../helpers/nginx.ts';
import { servedScenarios } from '../helpers/served-scenario.ts';
import {
  describeRun,
  editAppeal,
  photoUrls,
  readManifestOf,
  releaseEntries,
  republishOk,
  runCli,
} from '../helpers/publishing.ts';

const ID = '2025-0007';
const RETRACTED = /\bDali\b/;
/** The source hash a published photo is named by. */
const hashOf = (url: string) => path.basename(url).slice(0, 16);

const scenario = servedScenarios('retraction');

describeNginx('a name and a photo retracted from an active appeal', () => {
  it('are never live again: not by rollback, not in any kept release, not by a later edit', async () => {
    const ws = await scenario.workspace('retraction', { published: true });
    await republishOk(ws);
    const http = await scenario.serve(ws);
    const before = await http.get(`/appeals/${ID}/`);
    expect(before.text).toMatch(RETRACTED);
    const photos = photoUrls(before.text);

    // The family asks: the other name "Dali" and the age-progressed image come off; published.
    editAppeal(ws, ID, (source) =>
      source
        .replace('knownAs: [Dali, Lys]', 'knownAs: [Lys]')
        .replace(/ {2}- src: photo-2\.jpg\n(?: {4}.*\n)+/, ''),
    );
    await republishOk(ws);
    const after = await http.get(`/appeals/${ID}/`);
    expect(after.status).toBe(200);
    expect(after.text).not.toMatch(RETRACTED);
    expect(after.text).toMatch(/\bLys\b/);
    const retractedPhotos = photos.filter((url) => !photoUrls(after.text).includes(url));
    expect(retractedPhotos.length).toBeGreaterThan(0);
    for (const url of retractedPhotos) expect((await http.get(url)).status, url).toBe(404);

    // No kept release shows it: the two before were deleted like releases showing a closed appeal.
    const kept = releaseEntries(ws).manifests;
    expect(kept).toEqual([ws.currentName()]);
    for (const name of kept) {
      const page = path.join(ws.releasesDir, name, 'appeals', ID, 'index.html');
      expect(readFileSync(page, 'utf8'), name).not.toMatch(RETRACTED);
      for (const file of Object.keys(readManifestOf(ws, name).files))
        expect(file.startsWith(`_photos/${hashOf(retractedPhotos[0]!)}`), file).toBe(false);
    }

    // A rollback cannot bring it back.
    const rollback = await runCli('republish', ['--rollback'], ws.env);
    expect(rollback.code, describeRun(rollback)).not.toBe(0);
    expect(rollback.stdout).not.toMatch(/Rolled back/);
    expect((await http.get(`/appeals/${ID}/`)).text).not.toMatch(RETRACTED);
    for (const url of retractedPhotos) expect((await http.get(url)).status, url).toBe(404);

    // Recorded in the private archive, minimal: the name as written and the photo's source hash.
    const record = JSON.parse(readFileSync(path.join(ws.archiveDir, 'retracted.json'), 'utf8')) as Array<{
      id: string;
      names: string[];
      photos: string[];
    }>;
    expect(record).toEqual([{ id: ID, names: ['Dali'], photos: [expect.stringMatching(/^[0-9a-f]{16}$/)] }]);
    expect(retractedPhotos.every((url) => path.basename(url).startsWith(record[0]!.photos[0]!))).toBe(true);

    // The live release passes verification; a later edit that puts the name back in the text does not.
    const verify = await runCli('verify', [], ws.env);
    expect(verify.code, describeRun(verify)).toBe(0);
    editAppeal(ws, ID, (source) => `${source.trimEnd()} Her friends called her Dali.\n`);
    const live = ws.currentName();
    const leak = await runCli('republish', [], ws.env);
    expect(leak.code, describeRun(leak)).not.toBe(0);
    expect(leak.stderr).toContain(`a name retracted from appeal ${ID}`);
    expect(ws.currentName()).toBe(live);
    expect(existsSync(path.join(ws.archiveDir, 'retracted.json'))).toBe(true);
  }, 300_000);
});
