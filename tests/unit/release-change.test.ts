// The change a republish makes (src/lib/publishing/release-change.ts), worked out once from the
// live release's manifest and the content, and the manifest's hashes kept for unchanged files.
import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../helpers/temp-dirs.ts';
import { hashReleaseFiles } from '../../src/lib/publishing/publish-release.ts';
import { describeChange, releaseChange } from '../../src/lib/publishing/release-change.ts';
import { scanAppeals } from '../../src/lib/publishing/content-scan.ts';
import { hashFile } from '../../src/lib/publishing/releases.ts';

const temp = tempDirs('release-change');

describe('releaseChange', () => {
  const live = {
    activeIds: ['2026-0001', '2026-0002', '2026-0003'],
    appeals: { '2026-0001': 'a', '2026-0002': 'b', '2026-0003': 'c' },
  };

  it('names the appeals closing, added and edited since the live release', () => {
    const change = releaseChange(live, {
      activeIds: ['2026-0001', '2026-0003', '2026-0004'],
      closedIds: ['2026-0002', '2025-0009'],
      appeals: { '2026-0001': 'a', '2026-0003': 'c2', '2026-0004': 'd' },
    });
    expect(change).toEqual({ closing: ['2026-0002'], added: ['2026-0004'], edited: ['2026-0003'] });
    expect(describeChange(change)).toBe('closing 2026-0002; added 2026-0004; edited 2026-0003');
    expect(describeChange({ closing: [], added: [], edited: [] })).toBe('no appeal changed');
  });

  it('counts a reopened appeal as added, and every appeal as new without a live release', () => {
    expect(
      releaseChange(
        { activeIds: ['2026-0001'], appeals: { '2026-0001': 'a' } },
        {
          activeIds: ['2026-0001', '2026-0002'],
          closedIds: [],
          appeals: { '2026-0001': 'a', '2026-0002': 'b' },
        },
      ),
    ).toEqual({ closing: [], added: ['2026-0002'], edited: [] });
    expect(
      releaseChange(undefined, { activeIds: ['2026-0001'], closedIds: ['2026-0002'], appeals: {} }),
    ).toEqual({
      closing: [],
      added: ['2026-0001'],
      edited: [],
    });
  });

  it('takes its digests from a quick read of the content: a change to the text or a photo shows', () => {
    const content = temp();
    const dir = path.join(content, 'appeals', '2026-0001');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'index.md'),
      '---\nstatus: active\nname: Ada One\nknownAs: [Ada]\n---\nText.\n',
    );
    writeFileSync(path.join(dir, 'photo-1.jpg'), 'jpeg bytes');
    mkdirSync(path.join(content, 'appeals', '2026-0002'));
    writeFileSync(
      path.join(content, 'appeals', '2026-0002', 'index.md'),
      '---\nstatus: found\nclosedAt: 2026-11-01\nupdated: 2026-11-01\n---\n',
    );
    const [ada, closed] = scanAppeals(content);
    expect(ada).toMatchObject({ id: '2026-0001', closed: false, names: ['Ada One', 'Ada'] });
    expect(closed).toMatchObject({ id: '2026-0002', closed: true, names: [], closedAt: '2026-11-01' });
    expect(scanAppeals(content)[0]!.digest).toBe(ada!.digest);
    writeFileSync(path.join(dir, 'photo-1.jpg'), 'a longer new photo');
    const photoChanged = scanAppeals(content)[0]!.digest;
    expect(photoChanged).not.toBe(ada!.digest);
    writeFileSync(path.join(dir, 'index.md'), '---\nstatus: active\nname: Ada One\n---\nOther text.\n');
    expect(scanAppeals(content)[0]!.digest).not.toBe(photoChanged);
  });
});

describe('hashReleaseFiles', () => {
  it('keeps the live release’s hash for a file that is the very same file, and hashes the rest', () => {
    const root = temp();
    const live = path.join(root, 'live');
    const next = path.join(root, 'next');
    for (const dir of [live, next]) mkdirSync(dir);
    writeFileSync(path.join(live, 'same.txt'), 'unchanged');
    writeFileSync(path.join(live, 'rewritten.txt'), 'old');
    linkSync(path.join(live, 'same.txt'), path.join(next, 'same.txt'));
    writeFileSync(path.join(next, 'rewritten.txt'), 'new');
    writeFileSync(path.join(next, 'added.txt'), 'added');
    // A recorded hash is trusted only for the same inode: here a deliberately wrong one shows it is reused.
    const manifest = {
      name: 'live',
      builtAt: '',
      activeIds: [],
      closedIds: [],
      files: { 'same.txt': 'recorded', 'rewritten.txt': 'recorded-old' },
    };
    expect(hashReleaseFiles(next, { manifest, dir: live })).toEqual({
      'same.txt': 'recorded',
      'rewritten.txt': hashFile(path.join(next, 'rewritten.txt')),
      'added.txt': hashFile(path.join(next, 'added.txt')),
    });
    expect(hashReleaseFiles(next)['same.txt']).toBe(hashFile(path.join(live, 'same.txt')));
  });
});
