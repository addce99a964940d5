// Retractions (src/lib/publishing/retractions.ts): what the live release shows that an active
// appeal's content no longer has, how the archive's record grows and is lifted, and where a release
// shows something retracted.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sourceHash } from '../../src/lib/photos/photo-variants.ts';
import {
  readRetractions,
  recordRetractions,
  retractedSince,
  retractionFindings,
} from '../../src/lib/publishing/retractions.ts';

const ID = '2026-0042';
let root: string;
let contentDir: string;
let archiveDir: string;
const photoA = Buffer.from('fictional photo A');
const photoB = Buffer.from('fictional photo B');
const hashA = sourceHash(photoA);
const hashB = sourceHash(photoB);

/** A release showing appeal ID with these other names and photo sources. */
function release(knownAs: string[], sources: string[]): { dir: string; files: string[] } {
  const dir = mkdtempSync(path.join(root, 'release-'));
  const photos = sources.map((s) => `_photos/${s}-0123abcd.webp`);
  mkdirSync(path.join(dir, 'appeals', ID), { recursive: true });
  mkdirSync(path.join(dir, 'api', 'v1'), { recursive: true });
  mkdirSync(path.join(dir, '_photos'), { recursive: true });
  for (const p of photos) writeFileSync(path.join(dir, p), '');
  writeFileSync(
    path.join(dir, 'appeals', ID, 'index.html'),
    `<main><h1>Ada Pellworth</h1><p>Also known as ${knownAs.join(', ')}</p>${photos.map((p) => `<img src="/${p}">`).join('')}</main>`,
  );
  writeFileSync(
    path.join(dir, 'api', 'v1', 'appeals.json'),
    JSON.stringify({ appeals: [{ id: ID, name: 'Ada Pellworth', knownAs }] }),
  );
  return { dir, files: ['api/v1/appeals.json', `appeals/${ID}/index.html`, ...photos] };
}

function content(knownAs: string[], photos: Buffer[]): void {
  const dir = path.join(contentDir, 'appeals', ID);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  photos.forEach((bytes, i) => writeFileSync(path.join(dir, `photo-${i + 1}.jpg`), bytes));
  writeFileSync(
    path.join(dir, 'index.md'),
    `---\nstatus: active\nname: Ada Pellworth\nknownAs: [${knownAs.join(', ')}]\nphotos:\n${photos.map((_, i) => `  - src: photo-${i + 1}.jpg\n`).join('')}---\n`,
  );
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'retractions-'));
  contentDir = path.join(root, 'content');
  archiveDir = path.join(root, 'archive');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('finds a removed other name and photo, records them, finds them in a release, and lifts one put back', () => {
  const live = release(['Addy', 'Pell'], [hashA, hashB]);
  content(['Pell'], [photoA]);
  const found = retractedSince(live.dir, contentDir, [ID]);
  expect(found).toEqual([{ id: ID, names: ['Addy'], photos: [hashB] }]);
  expect(retractedSince(live.dir, contentDir, [])).toEqual([]);

  const record = recordRetractions(archiveDir, contentDir, found);
  expect(record).toEqual(found);
  expect(readRetractions(archiveDir)).toEqual(found);
  // Nothing about the child but the name as written and the photo's hash.
  expect(readFileSync(path.join(archiveDir, 'retracted.json'), 'utf8')).not.toMatch(/Pellworth|Pell\b/);

  // The live release shows both; one without them shows neither; "Addy" in another word is not it.
  expect(retractionFindings(live.dir, live.files, record).map((f) => [f.kind, f.file])).toEqual([
    ['photo', `_photos/${hashB}-0123abcd.webp`],
    ['name', `appeals/${ID}/index.html`],
    ['name', 'api/v1/appeals.json'],
  ]);
  const clean = release(['Pell', 'Waddyson'], [hashA]);
  expect(retractionFindings(clean.dir, clean.files, record)).toEqual([]);

  // The family changes its mind about the name: putting it back lifts that part only.
  content(['Addy', 'Pell'], [photoA]);
  expect(recordRetractions(archiveDir, contentDir, [])).toEqual([{ id: ID, names: [], photos: [hashB] }]);
  content(['Addy', 'Pell'], [photoA, photoB]);
  expect(recordRetractions(archiveDir, contentDir, [])).toEqual([]);
  expect(readRetractions(archiveDir)).toEqual([]);
});

it("keeps a closed appeal's retractions while its archive does, and forgets them once it is purged", () => {
  content(['Pell'], [photoA]);
  recordRetractions(archiveDir, contentDir, [{ id: ID, names: ['Addy'], photos: [hashB] }]);
  writeFileSync(
    path.join(contentDir, 'appeals', ID, 'index.md'),
    '---\nstatus: found\nclosedAt: 2026-11-29\n---\n',
  );
  mkdirSync(path.join(archiveDir, ID), { recursive: true });
  expect(recordRetractions(archiveDir, contentDir, [])).toEqual([
    { id: ID, names: ['Addy'], photos: [hashB] },
  ]);
  rmSync(path.join(archiveDir, ID), { recursive: true });
  expect(recordRetractions(archiveDir, contentDir, [])).toEqual([]);
  expect(readRetractions(archiveDir)).toEqual([]);
});
