// Issue 20, points 6 and 9, from the command line: `npm run appeal -- found <id>` removes the child
// from the studio's folder (draft, preview, preview cache, kept forms) and from every cache and
// output folder the project writes (Astro's content store, photo variants, share cards, dist/), in
// the closure itself: here the rebuild after it stops at validation (a typo in another appeal), and
// nothing is left behind. Nobody loads the studio's dashboard meanwhile.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sourceHash } from '../../src/lib/photos/photo-variants.ts';
import { startEditDraft } from '../../src/lib/studio/drafts.ts';
import { keepForm } from '../../src/lib/studio/kept-forms.ts';
import {
  createWorkspace,
  describeRun,
  FIXTURE,
  filesMentioning,
  PROJECT_ROOT,
  removeWorkspace,
  republishOk,
  runCli,
  type Workspace,
} from '../helpers/publishing.ts';

const ID = FIXTURE.tobiah.id;
const NAME_RE = /tobiah|wrenfield/i;
const DIST = path.join(PROJECT_ROOT, 'dist');
/** A developer's own dist/ is set aside while the test plays an earlier `npm run build`, then put back. */
const SET_ASIDE = path.join(PROJECT_ROOT, `dist.set-aside-by-test-${process.pid}`);

let ws: Workspace;

function put(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

beforeAll(async () => {
  ws = await createWorkspace('closure-copies');
  // A real build fills the build cache with the child: Astro's content store, photos, share card.
  await republishOk(ws);
  if (existsSync(DIST)) renameSync(DIST, SET_ASIDE);
}, 600_000);

afterAll(() => {
  rmSync(DIST, { recursive: true, force: true });
  if (existsSync(SET_ASIDE)) renameSync(SET_ASIDE, DIST);
  removeWorkspace(ws);
});

it('appeal found removes drafts, previews, kept forms, caches and dist/ before the rebuild, which then fails at validation', async () => {
  const dataDir = path.join(ws.root, 'studio-data');
  const env = { ...ws.env, STUDIO_DATA_DIR: dataDir };
  expect(filesMentioning(ws.cacheDir, NAME_RE), 'the build cache holds the child').not.toEqual([]);
  const photoHashes = readdirSync(path.join(ws.contentDir, 'appeals', ID))
    .filter((name) => name.endsWith('.jpg'))
    .map((name) => sourceHash(readFileSync(path.join(ws.contentDir, 'appeals', ID, name))));
  const variants = () =>
    readdirSync(path.join(ws.cacheDir, 'photos')).filter((n) =>
      photoHashes.some((h) => n.startsWith(`${h}-`)),
    );
  expect(variants(), 'the photo cache holds the child’s photos').not.toEqual([]);

  // The studio's copies: a draft of changes, a preview and its cache, a form kept after a session ended.
  startEditDraft(dataDir, ws.contentDir, ID, 'ada@example.org');
  put(path.join(dataDir, 'previews', ID, 'appeals', ID, 'index.html'), '<h1>Tobiah Wrenfield</h1>');
  put(path.join(dataDir, 'preview-cache', ID, 'data-store.json'), '{"name":"Tobiah Wrenfield"}');
  keepForm(
    dataDir,
    { owner: 'ada@example.org', path: `/appeals/${ID}/edit`, fields: [['name', 'Tobiah Wrenfield']] },
    Date.now(),
  );
  // dist/ from an earlier `npm run build`, which may be served.
  put(path.join(DIST, 'appeals', ID, 'index.html'), '<h1>Tobiah Wrenfield</h1>');
  put(path.join(DIST, 'appeals', ID, 'share-card.jpg'), 'card');
  put(path.join(DIST, 'index.html'), '<li>Tobiah Wrenfield</li>');
  // An unrelated typo in another appeal: the rebuild after the closure stops at validation.
  const other = path.join(ws.contentDir, 'appeals', '2026-0101', 'index.md');
  writeFileSync(other, readFileSync(other, 'utf8').replace(/^sex: .*$/m, 'sex: femle'));

  const found = await runCli('appeal', ['found', ID, '--by', 'Tester'], env);
  expect(found.code, describeRun(found)).not.toBe(0);
  expect(found.stderr, describeRun(found)).toMatch(/publishing failed/);

  expect(filesMentioning(dataDir, NAME_RE), 'the studio’s folder').toEqual([]);
  expect(existsSync(path.join(dataDir, 'drafts', ID))).toBe(false);
  expect(existsSync(path.join(dataDir, 'previews', ID))).toBe(false);
  expect(existsSync(path.join(dataDir, 'preview-cache'))).toBe(false);
  expect(readdirSync(path.join(dataDir, 'kept-forms'))).toEqual([]);
  expect(filesMentioning(ws.cacheDir, NAME_RE), 'the build cache').toEqual([]);
  expect(existsSync(path.join(ws.cacheDir, 'data-store.json'))).toBe(false);
  expect(variants(), 'the child’s photo variants').toEqual([]);
  expect(readdirSync(path.join(ws.cacheDir, 'share-cards')).filter((n) => n.startsWith(`${ID}.`))).toEqual(
    [],
  );
  expect(existsSync(DIST), 'dist/ showed the child').toBe(false);
}, 600_000);
