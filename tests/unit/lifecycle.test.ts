import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  archiveAppeal,
  archivedNames,
  LifecycleError,
  purgeArchive,
  restoreAppeal,
} from '../../src/lib/lifecycle/appeal-archive.ts';
import { reopenedData, tombstoneFor } from '../../src/lib/lifecycle/appeal-lifecycle.ts';
import { auditLine, auditLogPath } from '../../src/lib/lifecycle/audit-log.ts';
import {
  approveDraft,
  closeFound,
  type LifecycleFolders,
  purgeAppeal,
  reopenAppeal,
  withdrawAppeal,
} from '../../src/lib/lifecycle/use-cases.ts';
import { createNewDraft, readDraft } from '../../src/lib/studio/drafts.ts';
import { acquireLock, LockBusyError } from '../../src/lib/publishing/deploy-lock.ts';
import { parseMarkdownFile } from '../../src/lib/content/frontmatter.ts';
import {
  changedUrls,
  currentRelease,
  releaseName,
  releasesShowing,
  switchCurrent,
  writeManifest,
} from '../../src/lib/publishing/releases.ts';
import { pruneCachesToRelease } from '../../src/lib/photos/cache-prune.ts';
import { validateContent } from '../../src/lib/content/validate-content.ts';
import { phrasePattern } from '../../src/lib/model/name-matching.ts';
import { foldText } from '../../src/lib/model/text-fold.ts';
import { photoSource } from '../../src/lib/photos/photo-variants.ts';
import { verifyRelease } from '../../src/lib/publishing/verify-release.ts';
import { FIXTURES, plainTestPhoto } from '../helpers/fixture-content.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
function temp(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'appeals-lifecycle-'));
  roots.push(dir);
  return dir;
}
const TODAY = { year: 2026, month: 11, day: 29 };

/** Each fixture photo's bytes, by `<id>/<photo>`, to check that closing moves them unchanged. */
const photoBytes = new Map<string, Buffer>();

async function contentCopy(): Promise<{ content: string; archive: string }> {
  const root = temp();
  const content = path.join(root, 'content');
  cpSync(path.join(FIXTURES, 'basic'), content, { recursive: true });
  let seed = 0;
  for (const [id, photos] of [
    ['2026-0101', ['photo-1.jpg']],
    ['2026-0102', ['photo-1.jpg']],
    ['2025-0007', ['photo-1.jpg', 'photo-2.jpg']],
  ] as const) {
    for (const photo of photos) {
      const bytes = await plainTestPhoto(++seed);
      photoBytes.set(`${id}/${photo}`, bytes);
      writeFileSync(path.join(content, 'appeals', id, photo), bytes);
    }
  }
  return { content, archive: path.join(root, 'archive') };
}

describe('closing and reopening', () => {
  it('turns an appeal into a tombstone and archives all its data', async () => {
    const { content, archive } = await contentCopy();
    const original = readFileSync(path.join(content, 'appeals/2026-0101/index.md'), 'utf8');
    archiveAppeal({
      contentDir: content,
      archiveDir: archive,
      id: '2026-0101',
      status: 'found',
      closedAt: '2026-11-29',
    });
    expect(readdirSync(path.join(content, 'appeals/2026-0101'))).toEqual(['index.md']);
    const tombstone = parseMarkdownFile(
      readFileSync(path.join(content, 'appeals/2026-0101/index.md'), 'utf8'),
    );
    expect(tombstone.data).toEqual({
      status: 'found',
      closedAt: '2026-11-29',
      published: '2026-05-02',
      updated: '2026-11-29',
    });
    expect(tombstone.body.trim()).toBe('');
    expect(readFileSync(path.join(archive, '2026-0101/index.md'), 'utf8')).toBe(original);
    expect(
      readFileSync(path.join(archive, '2026-0101/photo-1.jpg')).equals(
        photoBytes.get('2026-0101/photo-1.jpg')!,
      ),
    ).toBe(true);
    // The content still validates, with the appeal closed.
    const report = await validateContent(content, { today: TODAY });
    expect(report.problems).toEqual([]);
    expect(report.appeals.find((a) => a.id === '2026-0101')?.status).toBe('found');
    expect(archivedNames(archive)).toEqual([
      { id: '2026-0101', name: 'Zephyrine Quillfeather', knownAs: ['Zeph'] },
    ]);
  });

  it('refuses unknown ids, closed appeals, an occupied archive and a missing archive, changing nothing', async () => {
    const { content, archive } = await contentCopy();
    expect(() =>
      archiveAppeal({
        contentDir: content,
        archiveDir: archive,
        id: '2026-9999',
        status: 'found',
        closedAt: '2026-11-29',
      }),
    ).toThrow(/There is no appeal 2026-9999/);
    expect(() =>
      archiveAppeal({
        contentDir: content,
        archiveDir: archive,
        id: 'amy',
        status: 'found',
        closedAt: '2026-11-29',
      }),
    ).toThrow(LifecycleError);
    expect(() =>
      archiveAppeal({
        contentDir: content,
        archiveDir: archive,
        id: '2026-0103',
        status: 'found',
        closedAt: '2026-11-29',
      }),
    ).toThrow(/already closed/);
    expect(() =>
      restoreAppeal({ contentDir: content, archiveDir: archive, id: '2026-0101', today: '2026-11-29' }),
    ).toThrow(/is not closed/);
    expect(() =>
      restoreAppeal({ contentDir: content, archiveDir: archive, id: '2026-0103', today: '2026-11-29' }),
    ).toThrow(/no archive for 2026-0103/);
    expect(() => purgeArchive({ archiveDir: archive, id: '2026-0101' })).toThrow(/no archive for 2026-0101/);
    mkdirSync(path.join(archive, '2026-0102'), { recursive: true });
    const before = readFileSync(path.join(content, 'appeals/2026-0102/index.md'), 'utf8');
    expect(() =>
      archiveAppeal({
        contentDir: content,
        archiveDir: archive,
        id: '2026-0102',
        status: 'withdrawn',
        closedAt: '2026-11-29',
      }),
    ).toThrow(/archive already holds 2026-0102/);
    expect(readFileSync(path.join(content, 'appeals/2026-0102/index.md'), 'utf8')).toBe(before);
    expect(readdirSync(path.join(content, 'appeals/2026-0102'))).toEqual(['index.md', 'photo-1.jpg']);
  });

  it('reopens an appeal exactly as it was, updated today', async () => {
    const { content, archive } = await contentCopy();
    const before = parseMarkdownFile(readFileSync(path.join(content, 'appeals/2025-0007/index.md'), 'utf8'));
    archiveAppeal({
      contentDir: content,
      archiveDir: archive,
      id: '2025-0007',
      status: 'withdrawn',
      closedAt: '2026-11-28',
    });
    restoreAppeal({ contentDir: content, archiveDir: archive, id: '2025-0007', today: '2026-11-29' });
    const after = parseMarkdownFile(readFileSync(path.join(content, 'appeals/2025-0007/index.md'), 'utf8'));
    expect(after.body.trim()).toBe(before.body.trim());
    expect((await validateContent(content, { today: TODAY })).problems).toEqual([]);
    const report = (await validateContent(content, { today: TODAY })).appeals.find(
      (a) => a.id === '2025-0007',
    );
    expect(report?.status).toBe('active');
    expect(report?.data).toMatchObject({
      name: 'Odalys Fernhollow',
      updated: '2026-11-29',
      published: '2019-12-01',
    });
    expect(readdirSync(path.join(content, 'appeals/2025-0007')).sort()).toEqual([
      'index.md',
      'photo-1.jpg',
      'photo-2.jpg',
    ]);
    expect(existsSync(path.join(archive, '2025-0007'))).toBe(false);
  });

  it('keeps tombstones, reopened data and audit lines free of personal data', () => {
    expect(
      tombstoneFor({ name: 'X', published: new Date('2026-01-02T00:00:00Z') }, 'found', '2026-11-29'),
    ).toEqual({ status: 'found', closedAt: '2026-11-29', published: '2026-01-02', updated: '2026-11-29' });
    expect(reopenedData({ status: 'found', closedAt: '2026-11-01', name: 'X' }, '2026-11-29')).toEqual({
      status: 'active',
      name: 'X',
      updated: '2026-11-29',
    });
    expect(
      auditLine({ time: 't', id: '2026-0001', action: 'withdraw', reason: 'legal', by: 'Officer' }),
    ).toBe('{"time":"t","id":"2026-0001","action":"withdraw","reason":"legal","by":"Officer"}\n');
  });
});

describe('the use cases (what the CLI and the studio call)', () => {
  const NOW = new Date('2026-11-29T10:11:12.000Z');
  /** Every name, other name and free text of the fixture children the use cases touch. */
  const CHILD_DETAILS = /Zephyrine|Quillfeather|Zeph\b|Odalys|Fernhollow|photo-\d|circumstances/i;

  async function folders(): Promise<LifecycleFolders & { dataDir: string }> {
    const { content, archive } = await contentCopy();
    return {
      contentDir: content,
      archiveDir: archive,
      auditLog: auditLogPath(archive, undefined),
      dataDir: path.join(path.dirname(content), 'studio-data'),
    };
  }
  const auditLines = (f: LifecycleFolders): Array<Record<string, unknown>> =>
    existsSync(f.auditLog)
      ? readFileSync(f.auditLog, 'utf8')
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line) as Record<string, unknown>)
      : [];
  const logText = (f: LifecycleFolders) => (existsSync(f.auditLog) ? readFileSync(f.auditLog, 'utf8') : '');

  it('close (found) archives the appeal and writes one audit line: action, operator and time, nothing about the child', async () => {
    const f = await folders();
    const { archived } = closeFound(f, { id: '2026-0101', today: '2026-11-29', by: 'Officer A', now: NOW });
    expect(archived).toEqual(['index.md', 'photo-1.jpg']);
    expect(existsSync(path.join(f.archiveDir, '2026-0101', 'index.md'))).toBe(true);
    expect(auditLines(f)).toEqual([
      { time: '2026-11-29T10:11:12.000Z', id: '2026-0101', action: 'found', by: 'Officer A' },
    ]);
    expect(logText(f)).not.toMatch(CHILD_DETAILS);
  });

  it('withdraw writes one line with the reason category only, and refuses a reason that is not a category', async () => {
    const f = await folders();
    expect(() =>
      withdrawAppeal(f, {
        id: '2026-0102',
        today: '2026-11-29',
        by: 'Officer B',
        reason: 'the mother phoned' as 'legal',
      }),
    ).toThrow(LifecycleError);
    expect(auditLines(f)).toEqual([]);
    expect(existsSync(path.join(f.archiveDir, '2026-0102'))).toBe(false);
    withdrawAppeal(f, { id: '2026-0102', today: '2026-11-29', by: 'Officer B', reason: 'legal', now: NOW });
    expect(auditLines(f)).toEqual([
      { time: NOW.toISOString(), id: '2026-0102', action: 'withdraw', reason: 'legal', by: 'Officer B' },
    ]);
    expect(logText(f)).not.toMatch(CHILD_DETAILS);
  });

  it('reopen and purge each add one line; a refused action changes nothing and logs nothing', async () => {
    const f = await folders();
    closeFound(f, { id: '2025-0007', today: '2026-11-28', by: 'Officer A', now: NOW });
    reopenAppeal(f, { id: '2025-0007', today: '2026-11-29', by: 'Officer C', now: NOW });
    expect(
      parseMarkdownFile(readFileSync(path.join(f.contentDir, 'appeals/2025-0007/index.md'), 'utf8')).data,
    ).toMatchObject({ status: 'active', name: 'Odalys Fernhollow', updated: '2026-11-29' });
    expect(() => reopenAppeal(f, { id: '2025-0007', today: '2026-11-29', by: 'Officer C' })).toThrow(
      /is not closed/,
    );
    expect(() => purgeAppeal(f, { id: '2025-0007', by: 'Officer D' })).toThrow(/no archive for 2025-0007/);
    expect(() => closeFound(f, { id: '../../etc', today: '2026-11-29', by: 'Officer A' })).toThrow(
      'expected an appeal id like 2026-0042, got "../../etc"',
    );
    withdrawAppeal(f, {
      id: '2025-0007',
      today: '2026-11-29',
      by: 'Officer A',
      reason: 'duplicate',
      now: NOW,
    });
    purgeAppeal(f, { id: '2025-0007', by: 'Officer D', now: NOW });
    expect(existsSync(path.join(f.archiveDir, '2025-0007'))).toBe(false);
    expect(auditLines(f).map((l) => [l.action, l.by, l.reason])).toEqual([
      ['found', 'Officer A', undefined],
      ['reopen', 'Officer C', undefined],
      ['withdraw', 'Officer A', 'duplicate'],
      ['purge', 'Officer D', undefined],
    ]);
    for (const line of auditLines(f))
      expect(Object.keys(line).sort()).toEqual(expect.arrayContaining(['action', 'by', 'id', 'time']));
    expect(logText(f)).not.toMatch(CHILD_DETAILS);
  });

  it('approve puts the draft into content, forgets the draft and writes one line, under the next id if its own was taken', async () => {
    const f = await folders();
    const draft = createNewDraft(f.dataDir, f.contentDir, 'author@example.org', TODAY);
    const first = draft.meta.id;
    // The command line takes the draft's id meanwhile.
    mkdirSync(path.join(f.contentDir, 'appeals', first));
    writeFileSync(path.join(f.contentDir, 'appeals', first, 'index.md'), 'taken');
    const id = approveDraft(f, { draft, year: 2026, by: 'publisher@example.org', now: NOW });
    expect(id).not.toBe(first);
    expect(existsSync(path.join(f.contentDir, 'appeals', id, 'index.md'))).toBe(true);
    expect(readFileSync(path.join(f.contentDir, 'appeals', first, 'index.md'), 'utf8')).toBe('taken');
    expect(readDraft(f.dataDir, id)).toBeUndefined();
    expect(auditLines(f)).toEqual([
      { time: NOW.toISOString(), id, action: 'approve', by: 'publisher@example.org' },
    ]);
  });

  it('writes the audit log where AUDIT_LOG says, else in the archive', () => {
    expect(auditLogPath('/srv/archive', undefined)).toBe('/srv/archive/audit-log.jsonl');
    expect(auditLogPath('/srv/archive', '/var/log/appeals.jsonl')).toBe('/var/log/appeals.jsonl');
  });
});

describe('releases', () => {
  it('switches current atomically to a relative symlink', () => {
    const deploy = temp();
    mkdirSync(path.join(deploy, 'releases/a'), { recursive: true });
    mkdirSync(path.join(deploy, 'releases/b'), { recursive: true });
    switchCurrent(deploy, 'a');
    expect(currentRelease(deploy)).toBe('a');
    switchCurrent(deploy, 'b');
    expect(currentRelease(deploy)).toBe('b');
    expect(readdirSync(deploy).sort()).toEqual(['current', 'releases']);
  });

  it('names releases in time order and lists changed URLs', () => {
    expect(releaseName(new Date('2026-11-29T13:01:02.003Z'), 7)).toBe('2026-11-29T13-01-02-003Z-7');
    const base = { name: 'a', builtAt: '', activeIds: [], closedIds: [] };
    expect(
      changedUrls(
        { ...base, files: { 'index.html': '1', 'appeals/2026-0001/index.html': '2', 'x.css': '3' } },
        { ...base, files: { 'index.html': '1', 'appeals/2026-0001/index.html': '9', 'y.css': '3' } },
      ),
    ).toEqual(['/appeals/2026-0001/', '/x.css', '/y.css']);
  });

  it('finds releases that still show an appeal closed since', () => {
    const deploy = temp();
    for (const [name, activeIds] of [
      ['r1', ['2026-0001', '2026-0002']],
      ['r2', ['2026-0002']],
      ['r3', []],
    ] as const) {
      mkdirSync(path.join(deploy, 'releases', name), { recursive: true });
      writeManifest(deploy, { name, builtAt: '', activeIds: [...activeIds], closedIds: [], files: {} });
    }
    expect(releasesShowing(deploy, ['2026-0001'], 'r3')).toEqual(['r1']);
    expect(releasesShowing(deploy, ['2026-0002'], 'r3')).toEqual(['r1', 'r2']);
  });
});

describe('the photo cache', () => {
  it("keeps only the variants of photos the live release shows, so a closed child's photos leave the cache", () => {
    const root = temp();
    const cache = path.join(root, 'cache');
    const live = path.join(root, 'release');
    const photos = path.join(cache, 'photos');
    mkdirSync(photos, { recursive: true });
    mkdirSync(path.join(live, '_photos'), { recursive: true });
    mkdirSync(path.join(cache, 'share-cards'), { recursive: true });
    writeFileSync(path.join(live, '_photos', 'a1b2c3d4e5f60718-0000aaaa.webp'), 'x');
    for (const name of [
      'a1b2c3d4e5f60718-0000aaaa.webp',
      'a1b2c3d4e5f60718-0000bbbb.jpg',
      'ffffffffffffffff-0000aaaa.webp',
      'ffffffffffffffff-0000bbbb.jpg.123.partial',
    ])
      writeFileSync(path.join(photos, name), 'x');
    writeFileSync(
      path.join(photos, 'sources.json'),
      JSON.stringify({
        '/c/appeals/2026-0001/photo-1.jpg': {
          hash: 'a1b2c3d4e5f60718',
          size: 1,
          mtimeMs: 1,
          width: 1,
          height: 1,
        },
        '/c/appeals/2026-0002/photo-1.jpg': {
          hash: 'ffffffffffffffff',
          size: 1,
          mtimeMs: 1,
          width: 1,
          height: 1,
        },
      }),
    );
    writeFileSync(path.join(cache, 'share-cards', '2026-0001.abc.jpg'), 'card');
    writeFileSync(path.join(cache, 'share-cards', '2026-0002.abc.jpg'), 'card');
    expect(pruneCachesToRelease(cache, live, ['2026-0001'])).toBe(3);
    expect(readdirSync(photos).sort()).toEqual([
      'a1b2c3d4e5f60718-0000aaaa.webp',
      'a1b2c3d4e5f60718-0000bbbb.jpg',
      'sources.json',
    ]);
    expect(
      Object.keys(JSON.parse(readFileSync(path.join(photos, 'sources.json'), 'utf8')) as object),
    ).toEqual(['/c/appeals/2026-0001/photo-1.jpg']);
    expect(readdirSync(path.join(cache, 'share-cards'))).toEqual(['2026-0001.abc.jpg']);
  });
});

describe('the republish lock', () => {
  it('lets one holder in, refuses or waits for others, and takes over from a dead owner', async () => {
    const lock = path.join(temp(), '.lock');
    const release = await acquireLock(lock, { wait: false });
    await expect(acquireLock(lock, { wait: false })).rejects.toThrow(LockBusyError);
    await expect(acquireLock(lock, { wait: true, pollMs: 10, timeoutMs: 100 })).rejects.toThrow(
      /Gave up waiting/,
    );
    release();
    const again = await acquireLock(lock, { wait: false });
    again();
    mkdirSync(lock);
    writeFileSync(path.join(lock, 'owner.json'), JSON.stringify({ pid: 2 ** 22 + 12345 }));
    const takeover = await acquireLock(lock, { wait: false });
    takeover();
  });
});

describe('verification', () => {
  const notice = `<html><head><meta name="robots" content="noindex"></head><body><main><h1>This appeal is no longer active</h1><p>This appeal is no longer active. Thank you to everyone who shared it.</p><p>Please remove any copies you made: posters, posts, articles.</p><p><a href="/appeals/">See the appeals that are active now</a></p></main></body></html>`;

  function release(): { dir: string; publicDir: string } {
    const root = temp();
    const dir = path.join(root, 'release');
    const publicDir = path.join(root, 'public');
    mkdirSync(path.join(dir, 'appeals/2026-0001'), { recursive: true });
    mkdirSync(path.join(dir, 'appeals/2026-0002'), { recursive: true });
    mkdirSync(path.join(dir, '_photos'), { recursive: true });
    mkdirSync(path.join(dir, 'pagefind/fragment'), { recursive: true });
    mkdirSync(publicDir);
    writeFileSync(
      path.join(dir, 'appeals/2026-0001/index.html'),
      '<main><img src="/_photos/a1b2c3d4e5f60718-0000aaaa.webp"></main>',
    );
    writeFileSync(path.join(dir, 'appeals/2026-0002/index.html'), notice);
    writeFileSync(path.join(dir, '_photos/a1b2c3d4e5f60718-0000aaaa.webp'), 'img');
    writeFileSync(path.join(dir, '_photos/a1b2c3d4e5f60718-0000bbbb.jpg'), 'img');
    writeFileSync(path.join(dir, 'pagefind/fragment/en_1.pf_fragment'), gzipSync('{"content":"Amy Active"}'));
    writeFileSync(path.join(publicDir, 'favicon.svg'), '<svg/>');
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
    return { dir, publicDir };
  }
  const input = (dir: string, publicDir: string) => ({
    releaseDir: dir,
    activeIds: ['2026-0001'],
    closedIds: ['2026-0002'],
    forbiddenNames: [{ id: '2026-0002', name: 'Clara Closedwell', knownAs: ['Clo'] }],
    publicDir,
  });

  it('passes a clean release', () => {
    const { dir, publicDir } = release();
    expect(verifyRelease(input(dir, publicDir))).toEqual([]);
  });

  it('catches a name in HTML, in a compressed search fragment and in a file name', () => {
    const { dir, publicDir } = release();
    writeFileSync(
      path.join(dir, 'appeals/2026-0001/index.html'),
      '<main><img src="/_photos/a1b2c3d4e5f60718-0000aaaa.webp"><p>clara  closedwell</p></main>',
    );
    writeFileSync(
      path.join(dir, 'pagefind/fragment/en_2.pf_fragment'),
      gzipSync('{"content":"Seen with Clo Closedwell yesterday"}'),
    );
    writeFileSync(path.join(dir, 'clara-closedwell.txt'), 'x');
    const problems = verifyRelease(input(dir, publicDir)).map((f) => `${f.file}: ${f.problem}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'appeals/2026-0001/index.html: contains "clara closedwell", a name from closed appeal 2026-0002',
        'pagefind/fragment/en_2.pf_fragment: contains "clo closedwell", a name from closed appeal 2026-0002',
        'clara-closedwell.txt: file name contains "clara-closedwell", a name from closed appeal 2026-0002',
      ]),
    );
  });

  it('catches photos of closed appeals, stray images and a closed page that is not the notice', () => {
    const { dir, publicDir } = release();
    writeFileSync(path.join(dir, '_photos/ffffffffffffffff-0000aaaa.webp'), 'closed child');
    writeFileSync(path.join(dir, 'stray.png'), 'x');
    writeFileSync(
      path.join(dir, 'appeals/2026-0002/index.html'),
      notice.replace('<p>Please', '<img src="/_photos/x.webp"><p>Please'),
    );
    const problems = verifyRelease(input(dir, publicDir)).map((f) => `${f.file}: ${f.problem}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        '_photos/ffffffffffffffff-0000aaaa.webp: photo does not derive from a photo of an active appeal',
        'stray.png: image is neither an active appeal photo nor a file from public/',
        'appeals/2026-0002/index.html: closed appeal page shows an image',
      ]),
    );
    rmSync(path.join(dir, 'appeals/2026-0002/index.html'));
    expect(verifyRelease(input(dir, publicDir)).map((f) => f.problem)).toContain(
      'closed appeal 2026-0002 has no page; its URL must keep answering with the notice',
    );
  });

  it("does not search for a closed child's name that an active child also goes by, nor a one-word other name alone", () => {
    const { dir, publicDir } = release();
    const page = (text: string) =>
      writeFileSync(
        path.join(dir, 'appeals/2026-0001/index.html'),
        `<main><img src="/_photos/a1b2c3d4e5f60718-0000aaaa.webp"><p>${text}</p></main>`,
      );
    // "Clo" alone is anyone's nickname: only "Clo Closedwell" identifies the closed child.
    page('Clo Active, also known as Clo');
    expect(verifyRelease(input(dir, publicDir))).toEqual([]);
    page('Clo Closedwell, also known as Clo');
    expect(verifyRelease(input(dir, publicDir)).map((f) => f.problem)).toEqual([
      'contains "clo closedwell", a name from closed appeal 2026-0002',
    ]);
    expect(verifyRelease({ ...input(dir, publicDir), activeNames: ['Clo Closedwell', 'Clo'] })).toEqual([]);
    page('Clo Closedwell. Clara Closedwell');
    expect(
      verifyRelease({ ...input(dir, publicDir), activeNames: ['Clo Closedwell'] }).map((f) => f.problem),
    ).toEqual(['contains "clara closedwell", a name from closed appeal 2026-0002']);
  });

  it('matches whole words only, so short names do not fire inside other words', () => {
    const pattern = phrasePattern(['Lys', 'Amy Smith'])!;
    expect(pattern.test(foldText('analysis of Lys'))).toBe(true);
    expect(pattern.test(foldText('analysis'))).toBe(false);
    expect(pattern.test(foldText('amy-smith.jpg'))).toBe(true);
    expect(photoSource('_photos/a1b2c3d4e5f60718-0000aaaa.webp')).toBe('a1b2c3d4e5f60718');
    expect(photoSource('a1b2c3d4e5f60718-0000bbbb.jpg')).toBe('a1b2c3d4e5f60718');
    expect(photoSource('photo-1.DLirL_tK_1Pl2QD.webp')).toBeUndefined();
    expect(photoSource('favicon.svg')).toBeUndefined();
  });
});
