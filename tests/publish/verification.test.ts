// What must never reach the live site: a closed child's name (verification catches it and blocks the
// switch) and invalid content, including appeal folders deleted instead of closed (validation stops
// the republish before it builds anything). In each case the live release keeps every byte, except
// that a closure is still taken down, and nothing is left behind in the deploy folder.
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  appealFile,
  createWorkspace,
  deployLeftovers,
  describeRun,
  editAppeal,
  FIXTURE,
  NOTICE_HEADING,
  readAsText,
  releaseEntries,
  removeWorkspace,
  republishOk,
  runCli,
  sharedImageCache,
  snapshotLive,
  type Workspace,
} from '../helpers/publishing.ts';

const ID = FIXTURE.tobiah.id;

const cache = sharedImageCache('verification');
afterAll(() => cache.remove());

let workspace: Workspace | undefined;
afterEach(() => {
  removeWorkspace(workspace, cache);
  workspace = undefined;
});

/** Puts `text` into an HTML file's <main>. */
function plantInHtml(file: string, text: string): void {
  const html = readFileSync(file, 'utf8');
  const planted = html.replace('</main>', `<p>${text}</p></main>`);
  if (planted === html) throw new Error(`no <main> in ${file}`);
  writeFileSync(file, planted);
}

/** Puts `text` into a gzip-compressed Pagefind file, compressed again, as Pagefind writes them. */
function plantInGzip(file: string, text: string): void {
  writeFileSync(file, gzipSync(Buffer.from(`${readAsText(file)}${text}`)));
}

describe("a closed child's name in a built release", () => {
  it('fails `npm run verify` on a planted copy (and says plainly when nothing is published), stops a republish that would leak it at verify, and a failed build says why and leaves nothing behind', async () => {
    workspace = await createWorkspace('leak', { warmCache: cache });
    const ws = workspace;
    // Nothing published yet: verify says so plainly (it crashed with a raw ENOENT).
    const none = await runCli('verify', [], ws.env);
    expect(none.code, describeRun(none)).toBe(1);
    expect(none.stderr).toContain(`There is no live release to verify: ${ws.currentLink} does not exist`);
    expect(none.stderr).not.toMatch(/ENOENT|at .*\.ts:\d+/);
    // Closed in the content (the archive now holds his name), then published cleanly.
    const close = await runCli('appeal', ['found', ID, '--by', 'Tester', '--no-publish'], ws.env);
    expect(close.code, describeRun(close)).toBe(0);
    await republishOk(ws);
    const release = ws.currentDir();

    // A faithful copy verifies; the same copy with the name planted in a page and in a compressed
    // search fragment does not, and every planted file is named.
    const clean = path.join(ws.root, 'copy-clean');
    cpSync(release, clean, { recursive: true });
    const ok = await runCli('verify', [clean], ws.env);
    expect(ok.code, describeRun(ok)).toBe(0);

    const planted = path.join(ws.root, 'copy-planted');
    cpSync(release, planted, { recursive: true });
    plantInHtml(path.join(planted, 'help', 'index.html'), 'Thanks to Tobiah Wrenfield for sharing.');
    // In the first shard of the search index (src/lib/search/search-shards.ts).
    const shard = readdirSync(path.join(planted, 'pagefind')).find((name) => /^s\d+$/.test(name))!;
    const fragment = path.join(
      'pagefind',
      shard,
      'fragment',
      readdirSync(path.join(planted, 'pagefind', shard, 'fragment'))[0]!,
    );
    plantInGzip(path.join(planted, fragment), ' tobiah  wrenfield ');
    const leak = await runCli('verify', [planted], ws.env);
    expect(leak.code, describeRun(leak)).toBe(1);
    expect(leak.stderr).toContain(path.join('help', 'index.html'));
    expect(leak.stderr).toContain(fragment);
    expect(leak.stderr).toContain(ID);
    expect(leak.stdout).not.toMatch(/^Verified/m);

    // Now the leak comes from content: a still-active appeal mentions him by name.
    const live = snapshotLive(ws);
    const releasesBefore = releaseEntries(ws);
    editAppeal(
      ws,
      '2026-0101',
      (source) => `${source.trimEnd()}\n\nShe was last seen with her friend Tobiah Wrenfield.\n`,
    );
    const blocked = await runCli('republish', [], ws.env);
    expect(blocked.code, describeRun(blocked)).toBe(13);
    expect(blocked.stderr).toMatch(/stage "verify"/);
    expect(blocked.stderr).toContain(path.join('appeals', '2026-0101', 'index.html'));
    expect(blocked.stderr).toContain(ID);
    // The live release is exactly as it was, and the leaking build is gone.
    expect(snapshotLive(ws)).toEqual(live);
    expect(releaseEntries(ws)).toEqual(releasesBefore);
    expect(deployLeftovers(ws)).toEqual([]);

    // A build that fails (a photo whose header and end are whole but whose middle is damaged, which
    // only decoding it shows): the message carries the build's own error, not only "The build
    // failed", and no staging folder (with copies of the children's photos) is left behind.
    const photo = path.join(ws.contentDir, 'appeals', '2026-0101', 'photo-1.jpg');
    const bytes = readFileSync(photo);
    for (let i = Math.floor(bytes.length * 0.4); i < Math.floor(bytes.length * 0.6); i++)
      bytes[i] = (i * 37) & 0xff;
    writeFileSync(photo, bytes);
    const broken = await runCli('republish', [], ws.env);
    expect(broken.code, describeRun(broken)).toBe(12);
    expect(broken.stderr).toMatch(/stage "build"/);
    expect(broken.stderr).toMatch(/The build failed \(exit 1\); nothing was published\. The build said:/);
    // Photos are decoded by the build's photo step (src/lib/photos/photo-step.ts), not by a page.
    expect(broken.stderr).toMatch(/^ {2}\[ERROR\] \[appeals:photos\]/m);
    expect(broken.stderr).toMatch(
      /^ {2}Photo \S+\/appeals\/2026-0101\/photo-1\.jpg could not be encoded: VipsJpeg: Corrupt JPEG data/m,
    );
    expect(broken.stderr, 'no stack frames').not.toMatch(/^\s+at /m);
    expect(snapshotLive(ws)).toEqual(live);
    expect(releaseEntries(ws)).toEqual(releasesBefore);
    expect(deployLeftovers(ws)).toEqual([]);
    expect(readdirSync(ws.deployDir).filter((name) => name.startsWith('.staging-'))).toEqual([]);
  }, 300_000);
});

describe('invalid content', () => {
  it('stops a republish at validate (exit 11), naming every file and field and every deleted folder, with the live release untouched but for the takedown of a closure', async () => {
    workspace = await createWorkspace('bad-content', { warmCache: cache, published: true });
    const ws = workspace;
    const live = snapshotLive(ws);
    const releasesBefore = releaseEntries(ws);

    editAppeal(ws, '2026-0101', (source) =>
      source.replace(/^missingSince: .*$/m, 'missingSince: 31/02/2026'),
    );
    editAppeal(ws, '2025-0007', (source) =>
      source.replace('region: yorkshire-and-the-humber', 'region: atlantis'),
    );
    // What issue 11 found slipping through: an unquoted impossible date, a photo that links to
    // another child's photo, a photo that is not an image, and a javascript: link in the text.
    editAppeal(
      ws,
      '2026-0101',
      (source) =>
        `${source.replace(/^published: .*$/m, 'published: 2026-02-30').trimEnd()}\n\n[Click here](javascript:alert(1))\n`,
    );
    const linked = path.join(ws.contentDir, 'appeals', '2026-0101', 'photo-1.jpg');
    rmSync(linked);
    symlinkSync(path.join(ws.contentDir, 'appeals', ID, 'photo-1.jpg'), linked);
    writeFileSync(path.join(ws.contentDir, 'appeals', '2025-0007', 'photo-2.jpg'), 'not a photo');
    const result = await runCli('republish', [], ws.env);
    expect(result.code, describeRun(result)).toBe(11);
    expect(result.stderr).toMatch(/stage "validate"/);
    // Every problem at once: the file, the field, what was found.
    const line = (id: string) =>
      result.stderr.split('\n').find((l) => l.includes(path.join('appeals', id, 'index.md')));
    expect(line('2026-0101'), result.stderr).toMatch(/missingSince: .*31\/02\/2026/);
    expect(line('2025-0007'), result.stderr).toMatch(/lastSeen\.region: .*atlantis/);
    const lines = (id: string) =>
      result.stderr.split('\n').filter((l) => l.includes(path.join('appeals', id, 'index.md')));
    expect(lines('2026-0101').join('\n')).toContain(
      'published: expected a real date like 2026-05-01, got "2026-02-30" (February 2026 has 28 days)',
    );
    expect(lines('2026-0101').join('\n')).toMatch(
      /photos\[0\]\.src: expected a regular file, got a symbolic link/,
    );
    expect(lines('2026-0101').join('\n')).toMatch(/circumstances .*got "javascript:alert\(1\)"/);
    expect(lines('2025-0007').join('\n')).toMatch(/photos\[1\]\.src: .*not an image that can be read/);
    expect(result.stdout).not.toMatch(/Building/);

    expect(snapshotLive(ws)).toEqual(live);
    expect(releaseEntries(ws)).toEqual(releasesBefore);
    expect(deployLeftovers(ws)).toEqual([]);

    // Deleting folders instead of closing appeals: refused at validate, naming each appeal and what
    // to do (before the fix the build dropped them without a word, 404 rather than the notice).
    const removed = path.join(ws.root, 'removed');
    mkdirSync(removed);
    for (const id of ['2026-0101', '2026-0103'])
      renameSync(path.join(ws.contentDir, 'appeals', id), path.join(removed, id));
    const vanished = await runCli('republish', [], ws.env);
    expect(vanished.code, describeRun(vanished)).toBe(11);
    const lineFor = (id: string) =>
      vanished.stderr.split('\n').find((l) => l.includes(path.join('appeals', id, 'index.md')));
    expect(lineFor('2026-0101')).toMatch(
      /appeal 2026-0101 is live on the site, but its folder has been deleted\. Deleting a folder does not close an appeal: .*then close it with `npm run appeal -- found 2026-0101` or `npm run appeal -- withdraw 2026-0101 --reason <reason>`/,
    );
    expect(lineFor('2026-0103')).toMatch(/closed appeal 2026-0103 has lost its tombstone/);
    expect(lineFor('2025-0007')).toMatch(/lastSeen\.region: .*atlantis/);
    expect(vanished.stdout).not.toMatch(/Building/);
    expect(snapshotLive(ws)).toEqual(live);

    // Closing another appeal meanwhile changes the content, and the closure is still taken down at
    // once (it only removes), but nothing else publishes: the command says so, with the validate code.
    const found = await runCli('appeal', ['found', ID, '--by', 'Tester'], ws.env);
    expect(found.code, describeRun(found)).toBe(11);
    expect(found.stderr).toMatch(/publishing failed at stage "validate"/);
    expect(found.stderr).toMatch(
      new RegExp(
        `The takedown of ${ID} is live \\(release \\S+\\): its address answers with the closed notice`,
      ),
    );
    expect(found.stderr).toMatch(/nothing else was published/);
    expect(found.stderr).toMatch(/missingSince|atlantis/);
    expect(found.stderr).toMatch(/2026-0101 is live on the site, but its folder has been deleted/);
    expect(readFileSync(appealFile(ws, ID), 'utf8')).toMatch(/^status: found$/m);
    const after = snapshotLive(ws);
    expect(after.current).not.toBe(live.current);
    expect(readFileSync(path.join(ws.currentDir(), 'appeals', ID, 'index.html'), 'utf8')).toContain(
      NOTICE_HEADING,
    );
    // Everything else is as it was: the appeals whose folders went are still shown (refused, not published).
    for (const file of [
      'appeals/2026-0101/index.html',
      'appeals/2025-0007/index.html',
      'appeals/2026-0103/index.html',
    ])
      expect(after.files[file], file).toBe(live.files[file]);
    expect(releaseEntries(ws).manifests).toEqual([after.current]);
    expect(deployLeftovers(ws)).toEqual([]);
  }, 300_000);
});
