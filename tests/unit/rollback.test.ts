// Rollback and release manifests (src/lib/publishing/releases.ts, rollback.ts) on a deploy folder of
// empty releases: every refusal names the real reason, and an unreadable manifest never crashes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  readManifest,
  releasesShowing,
  switchCurrent,
  writeManifest,
} from '../../src/lib/publishing/releases.ts';
import { rollback } from '../../src/lib/publishing/rollback.ts';
import { parseCalendarDate } from '../../src/lib/model/calendar-date.ts';
import { materialiseFixture } from '../helpers/fixture-content.ts';

const ACTIVE = ['2025-0007', '2026-0101', '2026-0102'];
let root: string;
let contentDir: string;
const today = parseCalendarDate('2026-11-29')!;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'rollback-'));
  contentDir = await materialiseFixture('basic', root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** What a rollback is given besides the deploy folder: it may have to take a closed appeal down. */
const options = (deployDir: string) => ({
  deployDir,
  contentDir,
  today,
  archiveDir: path.join(root, 'archive'),
  cacheDir: path.join(root, 'cache'),
  publicDir: path.join(root, 'public'),
  projectRoot: root,
  keep: 3,
  takedown: true,
  earlyRelease: true,
});

/** A deploy folder holding empty releases with these manifests (text for a damaged one), live at `live`. */
function deploy(releases: Record<string, string[] | string>, live: string): string {
  const deployDir = mkdtempSync(path.join(root, 'deploy-'));
  for (const [name, manifest] of Object.entries(releases)) {
    mkdirSync(path.join(deployDir, 'releases', name), { recursive: true });
    if (typeof manifest === 'string')
      writeFileSync(path.join(deployDir, 'releases', `${name}.json`), manifest);
    else
      writeManifest(deployDir, {
        name,
        builtAt: '',
        activeIds: manifest,
        closedIds: ['2026-0103'],
        files: {},
      });
  }
  switchCurrent(deployDir, live);
  return deployDir;
}

it('names the releases newer than the live one when there is none older', async () => {
  const deployDir = deploy({ r1: ACTIVE, r2: ACTIVE, r3: ACTIVE }, 'r1');
  await expect(rollback(options(deployDir))).rejects.toThrow(
    'There is no earlier release to roll back to: the live release r1 is the oldest kept (the 2 other release(s) are newer: r2, r3).',
  );
});

it('refuses a release whose manifest cannot be read, naming the file', async () => {
  const deployDir = deploy({ r1: '{"name": "r1", "activeIds": [', r2: ACTIVE }, 'r2');
  await expect(rollback(options(deployDir))).rejects.toThrow(
    new RegExp(
      `^Refusing to roll back to r1: ${path.join(deployDir, 'releases', 'r1.json')}: the release manifest cannot be read \\(`,
    ),
  );
  expect(() => readManifest(deployDir, 'r1')).toThrow(/r1\.json: the release manifest cannot be read/);
});

it('refuses a release that shows an appeal not active now, saying which and why', async () => {
  const deployDir = deploy({ r1: [...ACTIVE, '2026-0103'], r2: ACTIVE }, 'r2');
  await expect(rollback(options(deployDir))).rejects.toThrow(
    'Refusing to roll back to r1: it shows appeal 2026-0103, closed since. Fix forward instead.',
  );
  await expect(rollback(options(deploy({ r1: ACTIVE, r2: ACTIVE }, 'r2')))).resolves.toEqual({
    from: 'r2',
    to: 'r1',
  });
});

it('counts a release with an unreadable or damaged manifest among those to delete, and says so', () => {
  const deployDir = deploy(
    { r1: ACTIVE, r2: 'not json', r3: '{"name":"r3","activeIds":"all"}', r4: ['2025-0007'] },
    'r4',
  );
  const heard: string[] = [];
  expect(releasesShowing(deployDir, ['2026-0102'], 'r4', (e) => heard.push(e.message))).toEqual([
    'r1',
    'r2',
    'r3',
  ]);
  expect(heard).toEqual([
    expect.stringMatching(/r2\.json: the release manifest cannot be read \(/),
    `${path.join(deployDir, 'releases', 'r3.json')}: the release manifest is damaged (expected activeIds, closedIds and files)`,
  ]);
});
