// Finishing a closure a killed command left half done (src/lib/lifecycle/use-cases.ts `finishClosure`):
// the photo left beside the tombstone goes, the audit line is written once, never twice.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AlreadyClosedError, archiveAppeal } from '../../src/lib/lifecycle/appeal-archive.ts';
import { closeFound, finishClosure, type LifecycleFolders } from '../../src/lib/lifecycle/use-cases.ts';
import { materialiseFixture } from '../helpers/fixture-content.ts';

const ID = '2026-0102';
let root: string;
let folders: LifecycleFolders;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'finish-closure-'));
  const contentDir = await materialiseFixture('basic', root);
  const archiveDir = path.join(root, 'archive');
  folders = { contentDir, archiveDir, auditLog: path.join(archiveDir, 'audit-log.jsonl') };
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const audit = () =>
  readFileSync(folders.auditLog, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

it('finishes what the killed closure left, and a retry of a finished one changes nothing', () => {
  archiveAppeal({ ...folders, id: ID, status: 'found', closedAt: '2026-11-29' });
  // Killed between the tombstone and the removal of the photos: one is still there.
  const folder = path.join(folders.contentDir, 'appeals', ID);
  copyFileSync(path.join(folders.archiveDir, ID, 'photo-1.jpg'), path.join(folder, 'photo-1.jpg'));
  expect(() => closeFound(folders, { id: ID, today: '2026-11-29', by: 'Tester' })).toThrow(
    AlreadyClosedError,
  );

  finishClosure(folders, { id: ID, by: 'Tester' });
  expect(readdirSync(folder)).toEqual(['index.md']);
  expect(audit()).toEqual([expect.objectContaining({ id: ID, action: 'found', by: 'Tester' })]);
  finishClosure(folders, { id: ID, by: 'Someone else' });
  expect(audit()).toHaveLength(1);
});
