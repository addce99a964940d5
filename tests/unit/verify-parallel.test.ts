// Verification's pass over every file, split between threads for a large release
// (verifyReleaseInParallel): exactly the findings of the one-thread verification, in its order.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { verifyRelease, verifyReleaseInParallel } from '../../src/lib/publishing/verify-release.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const temp = tempDirs('verify-parallel');

describe('verification in parallel', () => {
  it('finds what the one-thread verification finds, in the same order, across three threads', async () => {
    const root = temp();
    const dir = path.join(root, 'release');
    const publicDir = path.join(root, 'public');
    mkdirSync(publicDir);
    const write = (file: string, content: string | Buffer) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), content);
    };
    for (let i = 1; i <= 30; i++) {
      const id = `2026-${String(i).padStart(4, '0')}`;
      write(`appeals/${id}/index.html`, `<main><h1>Child ${i}</h1></main>`);
      write(`listing/${i}/index.html`, `<main><a href="/appeals/${id}/">Child ${i}</a></main>`);
    }
    // Leaks spread over the whole file list: a name in a page, one in a search fragment, a link.
    write('listing/3/index.html', '<main><p>Seen with Clara Closedwell</p></main>');
    write('listing/27/index.html', '<main><a href="/appeals/2026-0099/">old</a></main>');
    write('pagefind/s0/fragment/en_1.pf_fragment', gzipSync('pagefind_dcd{"content":"clara closedwell"}'));
    const input = {
      releaseDir: dir,
      activeIds: Array.from({ length: 30 }, (_, i) => `2026-${String(i + 1).padStart(4, '0')}`),
      closedIds: ['2026-0099'],
      forbiddenNames: [{ id: '2026-0099', name: 'Clara Closedwell', knownAs: [] }],
      publicDir,
    };
    const serial = verifyRelease(input);
    expect(serial.map((f) => f.file).sort()).toEqual(
      expect.arrayContaining([
        'listing/27/index.html',
        'listing/3/index.html',
        'pagefind/s0/fragment/en_1.pf_fragment',
      ]),
    );
    expect(await verifyReleaseInParallel(input, 3, 10)).toEqual(serial);
    // A small release is verified in this thread alone, with the same findings.
    expect(await verifyReleaseInParallel(input)).toEqual(serial);
  });
});
