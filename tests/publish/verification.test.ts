// What must never reach the live site: a closed child's name (verification catches it and blocks the
// switch) and invalid content (validation stops the republish before it builds anything). In each
// case the live release keeps every byte, and nothing is left behind in the deploy folder.
import { cpSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
  it('fails `npm run verify` on a planted copy, and a republish that would leak it fails at verify without switching', async () => {
    workspace = await createWorkspace('leak', { warmCache: cache });
    const ws = workspace;
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
    const fragment = path.join(
      'pagefind',
      'fragment',
      readdirSync(path.join(planted, 'pagefind', 'fragment'))[0]!,
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
  }, 300_000);
});

describe('invalid content', () => {
  it('stops a republish at validate (exit 11), naming every file and field, with the live release untouched', async () => {
    workspace = await createWorkspace('bad-content', { warmCache: cache });
    const ws = workspace;
    await republishOk(ws);
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

    // Closing another appeal meanwhile changes the content, but cannot publish: the command says the
    // live site still shows the old release, and exits with the validate code.
    const found = await runCli('appeal', ['found', ID, '--by', 'Tester'], ws.env);
    expect(found.code, describeRun(found)).toBe(11);
    expect(found.stderr).toMatch(/publishing failed at stage "validate"/);
    expect(found.stderr).toMatch(/live site still shows the old release/);
    expect(found.stderr).toMatch(/missingSince/);
    expect(readFileSync(appealFile(ws, ID), 'utf8')).toMatch(/^status: found$/m);
    expect(snapshotLive(ws)).toEqual(live);
    expect(deployLeftovers(ws)).toEqual([]);
  }, 300_000);
});
