// The change a republish makes (src/lib/publishing/release-change.ts), worked out once from the
// live release's manifest and the content, and the manifest's hashes kept for unchanged files.
import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../helpers/temp-dirs.ts';
import { hashReleaseFiles } from '../../src/lib/publishing/publish-release.ts';
import { appealDigest, describeChange, releaseChange } from '../../src/lib/publishing/release-change.ts';
import { hashFile } from '../../src/lib/publishing/releases.ts';
import type { LoadedAppeal } from '../../src/lib/content/validate-content.ts';

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

  it("changes an appeal's digest when its text or a photo changes, not otherwise", () => {
    const content = temp();
    const dir = path.join(content, 'appeals', '2026-0001');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'photo-1.jpg'), 'jpeg bytes');
    const appeal = {
      id: '2026-0001',
      file: 'index.md',
      status: 'active',
      data: { name: 'Ada One', photos: [{ src: 'photo-1.jpg' }] },
      body: 'Text.',
    } as unknown as LoadedAppeal;
    const before = appealDigest(appeal, content);
    expect(appealDigest(appeal, content)).toBe(before);
    expect(appealDigest({ ...appeal, body: 'Other text.' } as LoadedAppeal, content)).not.toBe(before);
    writeFileSync(path.join(dir, 'photo-1.jpg'), 'a longer new photo');
    expect(appealDigest(appeal, content)).not.toBe(before);
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
