// Issue 20, points 6, 7 and 9: a closure removes every copy of the child that the project keeps
// outside the archive (studio drafts, previews, preview caches, kept forms, the build cache, dist/),
// in the closure itself, before any rebuild; a discarded new draft takes its preview and cache with
// it, and its id is never given again. Real folders, real files.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nextUnissuedId } from '../../src/lib/content/new-appeal.ts';
import { auditLogPath } from '../../src/lib/lifecycle/audit-log.ts';
import { closeFound, type LifecycleFolders, withdrawAppeal } from '../../src/lib/lifecycle/use-cases.ts';
import { ALL_VARIANTS, sourceHash, variantFileName } from '../../src/lib/photos/photo-variants.ts';
import { dashboard } from '../../src/lib/studio/dashboard.ts';
import { createNewDraft, startEditDraft } from '../../src/lib/studio/drafts.ts';
import { KEPT_MS, keepForm, pruneKeptForms } from '../../src/lib/studio/kept-forms.ts';
import { discardDraft, previewable } from '../../src/lib/studio/preview-build.ts';
import { materialiseFixture } from '../helpers/fixture-content.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const TODAY = { year: 2026, month: 11, day: 29 };
const ID = '2026-0102';
const OTHER = '2026-0101';
const NAME = 'Tobiah Wrenfield';
const NAME_RE = /tobiah|wrenfield/i;

/** Every file under `dir` whose bytes name the child. */
function filesNaming(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((rel) => {
    const file = path.join(dir, rel);
    return statSync(file).isFile() && NAME_RE.test(readFileSync(file, 'latin1'));
  });
}

function put(file: string, text: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

interface Scene {
  folders: Required<LifecycleFolders>;
  otherVariant: string;
  closedVariants: string[];
}

/** A project where appeal 2026-0102 has left copies everywhere the project writes. */
async function scene(): Promise<Scene> {
  const root = mkdtempSync(path.join(tmpdir(), 'appeals-closure-copies-'));
  roots.push(root);
  const contentDir = await materialiseFixture('basic', root);
  const archiveDir = path.join(root, 'archive');
  const dataDir = path.join(root, 'studio-data');
  const cacheDir = path.join(root, 'cache');
  const projectRoot = path.join(root, 'project');
  const folders = {
    contentDir,
    archiveDir,
    auditLog: auditLogPath(archiveDir, undefined),
    dataDir,
    cacheDir,
    projectRoot,
  };
  const record = `{"name":"${NAME}"}`;

  // The studio: a draft of changes, a preview, its cache, a preview build under way, kept forms.
  startEditDraft(dataDir, contentDir, ID, 'ada@example.org');
  put(path.join(dataDir, 'previews', ID, 'appeals', ID, 'index.html'), `<h1>${NAME}</h1>`);
  put(path.join(dataDir, 'previews', `.work-${ID}-0a1b2c3d`, 'content', 'appeals', ID, 'index.md'), NAME);
  put(path.join(dataDir, 'preview-cache', ID, 'data-store.json'), record);
  put(path.join(dataDir, 'preview-cache', 'data-store.json'), record); // the shared cache of earlier versions
  const fields: Array<[string, string]> = [['name', NAME]];
  keepForm(dataDir, { owner: 'ada@example.org', path: `/appeals/${ID}/edit`, fields }, Date.now());
  keepForm(
    dataDir,
    { owner: 'ada@example.org', path: `/appeals/${OTHER}/edit`, fields: [['name', 'Zephyrine']] },
    Date.now(),
  );

  // The build cache: Astro's content store, share cards, photo variants and the photo index.
  put(path.join(cacheDir, 'data-store.json'), record);
  put(path.join(cacheDir, 'share-cards', `${ID}.0123456789abcdef0123.jpg`), NAME);
  put(path.join(cacheDir, 'share-cards', `${OTHER}.0123456789abcdef0123.jpg`), 'card');
  const photo = path.join(contentDir, 'appeals', ID, 'photo-1.jpg');
  const otherPhoto = path.join(contentDir, 'appeals', OTHER, 'photo-1.jpg');
  const hash = sourceHash(readFileSync(photo));
  const otherHash = sourceHash(readFileSync(otherPhoto));
  const closedVariants = ALL_VARIANTS.map((v) => variantFileName(hash, v));
  for (const name of closedVariants) put(path.join(cacheDir, 'photos', name), readFileSync(photo));
  const otherVariant = variantFileName(otherHash, ALL_VARIANTS[0]!);
  put(path.join(cacheDir, 'photos', otherVariant), 'other');
  const entry = (h: string) => ({ size: 1, mtimeMs: 1, hash: h, width: 1, height: 1 });
  put(
    path.join(cacheDir, 'photos', 'sources.json'),
    JSON.stringify({ [photo]: entry(hash), [otherPhoto]: entry(otherHash) }),
  );

  // The project: dist/ from an earlier `npm run build`, and Astro's dev content store.
  put(path.join(projectRoot, 'dist', 'appeals', ID, 'index.html'), `<h1>${NAME}</h1>`);
  put(path.join(projectRoot, 'dist', 'appeals', ID, 'share-card.jpg'), 'card');
  put(path.join(projectRoot, 'dist', 'index.html'), `<a href="/appeals/${ID}/">${NAME}</a>`);
  put(path.join(projectRoot, 'dist', 'appeals', 'closed', 'index.html'), 'This appeal is no longer active');
  put(path.join(projectRoot, '.astro', 'data-store.json'), record);
  put(path.join(projectRoot, '.astro', 'content.d.ts'), 'types');
  return { folders, otherVariant, closedVariants };
}

describe('a closure removes the child from every copy outside the archive', () => {
  it('found: studio drafts, previews, preview caches, kept forms, the build cache and dist/ go; other appeals keep theirs', async () => {
    const { folders, otherVariant, closedVariants } = await scene();
    const { dataDir, cacheDir, projectRoot } = folders;
    closeFound(folders, { id: ID, today: '2026-11-29', by: 'Tester' });

    for (const dir of [dataDir, cacheDir, projectRoot]) expect(filesNaming(dir), dir).toEqual([]);
    expect(existsSync(path.join(dataDir, 'drafts', ID))).toBe(false);
    expect(readdirSync(path.join(dataDir, 'previews'))).toEqual([]);
    expect(existsSync(path.join(dataDir, 'preview-cache'))).toBe(false);
    const kept = readdirSync(path.join(dataDir, 'kept-forms'));
    expect(kept, 'the other appeal’s kept form stays').toHaveLength(1);
    expect(existsSync(path.join(cacheDir, 'data-store.json'))).toBe(false);
    expect(readdirSync(path.join(cacheDir, 'share-cards'))).toEqual([`${OTHER}.0123456789abcdef0123.jpg`]);
    const photos = readdirSync(path.join(cacheDir, 'photos'));
    expect(photos).toContain(otherVariant);
    for (const name of closedVariants) expect(photos).not.toContain(name);
    const index = readFileSync(path.join(cacheDir, 'photos', 'sources.json'), 'utf8');
    expect(index).toContain(`${OTHER}`);
    expect(index).not.toContain(`appeals/${ID}/`);
    expect(existsSync(path.join(projectRoot, 'dist')), 'dist/ showed the child').toBe(false);
    expect(existsSync(path.join(projectRoot, '.astro', 'data-store.json'))).toBe(false);
    expect(existsSync(path.join(projectRoot, '.astro', 'content.d.ts'))).toBe(true);
  });

  it('withdraw does the same; a dist/ that shows only the closed notice for the appeal is left alone', async () => {
    const { folders } = await scene();
    const dist = path.join(folders.projectRoot, 'dist');
    rmSync(dist, { recursive: true });
    put(path.join(dist, 'appeals', 'closed', 'index.html'), 'notice');
    put(path.join(dist, 'appeals', ID, 'index.html'), 'notice');
    withdrawAppeal(folders, { id: ID, today: '2026-11-29', by: 'Tester', reason: 'legal' });
    for (const dir of [folders.dataDir, folders.cacheDir, folders.projectRoot])
      expect(filesNaming(dir), dir).toEqual([]);
    expect(existsSync(path.join(dist, 'appeals', 'closed', 'index.html'))).toBe(true);
  });

  it('a closed appeal has no preview, whatever is left on disk', async () => {
    const { folders } = await scene();
    expect(previewable(folders.contentDir, folders.dataDir, ID)).toBe(true);
    // Closed by a process that could not reach the studio's folder: the preview is still there.
    closeFound({ ...folders, dataDir: undefined }, { id: ID, today: '2026-11-29', by: 'Tester' });
    expect(existsSync(path.join(folders.dataDir, 'previews', ID))).toBe(true);
    expect(previewable(folders.contentDir, folders.dataDir, ID)).toBe(false);
    expect(previewable(folders.contentDir, folders.dataDir, OTHER)).toBe(true);
    // The next dashboard load forgets all the studio kept of it, kept forms too.
    await dashboard({
      contentDir: folders.contentDir,
      dataDir: folders.dataDir,
      deployDir: path.join(folders.projectRoot, 'deploy'),
      today: TODAY,
    });
    expect(filesNaming(folders.dataDir)).toEqual([]);
    expect(readdirSync(path.join(folders.dataDir, 'kept-forms'))).toHaveLength(1);
  });
});

describe('a discarded new draft', () => {
  it('takes its preview, preview cache and kept forms with it, and its id is never given again', async () => {
    const { folders } = await scene();
    const { contentDir, dataDir } = folders;
    const draft = createNewDraft(dataDir, contentDir, 'ada@example.org', TODAY);
    expect(draft.meta.id).toBe('2026-0104');
    const id = draft.meta.id;
    put(path.join(dataDir, 'previews', id, 'appeals', id, 'index.html'), 'Peregrin Ashdown');
    put(path.join(dataDir, 'preview-cache', id, 'data-store.json'), 'Peregrin Ashdown');
    keepForm(dataDir, { owner: 'ada@example.org', path: `/appeals/${id}/edit`, fields: [] }, Date.now());
    expect(previewable(contentDir, dataDir, id)).toBe(true);

    discardDraft(dataDir, id, 'new');
    expect(previewable(contentDir, dataDir, id)).toBe(false);
    expect(existsSync(path.join(dataDir, 'drafts', id))).toBe(false);
    expect(existsSync(path.join(dataDir, 'previews', id))).toBe(false);
    expect(existsSync(path.join(dataDir, 'preview-cache', id))).toBe(false);
    expect(readdirSync(path.join(dataDir, 'kept-forms'))).toHaveLength(2); // 2026-0102's and 2026-0101's only

    const next = createNewDraft(dataDir, contentDir, 'ada@example.org', TODAY);
    expect(next.meta.id, 'the discarded id is not given again').toBe('2026-0105');
    // `appeal new` from the command line skips it too.
    expect(nextUnissuedId(dataDir, readdirSync(path.join(contentDir, 'appeals')), 2026)).toBe('2026-0106');
    // The record holds numbers only.
    expect(readFileSync(path.join(dataDir, 'issued-ids.json'), 'utf8').trim()).toBe('{"2026":105}');
  });

  it('discarding changes to a live appeal removes their preview but keeps the appeal previewable', async () => {
    const { folders } = await scene();
    discardDraft(folders.dataDir, ID, 'edit');
    expect(existsSync(path.join(folders.dataDir, 'previews', ID))).toBe(false);
    expect(existsSync(path.join(folders.dataDir, 'preview-cache', ID))).toBe(false);
    expect(previewable(folders.contentDir, folders.dataDir, ID)).toBe(true);
  });
});

describe('kept forms expire without waiting for another form', () => {
  it('are pruned when the studio starts (pruneKeptForms) and on each dashboard load', async () => {
    const { folders } = await scene();
    const dir = path.join(folders.dataDir, 'kept-forms');
    const age = (hoursAgo: number) => {
      const at = new Date(Date.now() - hoursAgo * 3_600_000);
      for (const name of readdirSync(dir)) utimesSync(path.join(dir, name), at, at);
    };
    age(2);
    pruneKeptForms(folders.dataDir, Date.now());
    expect(readdirSync(dir)).toEqual([]);

    keepForm(
      folders.dataDir,
      { owner: 'a@example.org', path: `/appeals/${OTHER}/edit`, fields: [] },
      Date.now(),
    );
    age(KEPT_MS / 3_600_000 + 0.1);
    await dashboard({
      contentDir: folders.contentDir,
      dataDir: folders.dataDir,
      deployDir: path.join(folders.projectRoot, 'deploy'),
      today: TODAY,
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});
