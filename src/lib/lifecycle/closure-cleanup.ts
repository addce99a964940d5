import { existsSync, lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { APPEAL_FILE, appealDir, idFolder } from '../content/appeal-folder.ts';
import { writeAtomically } from '../files/atomic-write.ts';
import { CLOSED_NOTICE_FILE } from '../hosting/host-config.ts';
import { SHARE_CARD_CACHE } from '../photos/cache-prune.ts';
import { photoCacheDir, readIndex, SOURCES_FILE } from '../photos/photo-cache.ts';
import { sourceHash, sourceOfVariant } from '../photos/photo-variants.ts';
import { forgetInStudio } from '../studio/preview-build.ts';
import { forgetRevisions } from '../studio/revisions.ts';

/**
 * Everything a closure deletes besides the content and the live release: the copies of the child
 * that the project's own caches and output folders hold. It runs inside the closure, before any
 * rebuild, so a later step that fails (a typo in another appeal stopping the build at validation)
 * cannot leave them behind.
 */

/** Where copies may be; each is optional (a test, or a studio with no build cache yet). */
export interface CopyFolders {
  contentDir: string;
  archiveDir: string;
  /** The studio's data folder: drafts, previews, their caches, kept forms, revision history. */
  dataDir?: string | undefined;
  /** The build cache (`ASTRO_CACHE_DIR`): Astro's content store, photo variants, share cards. */
  cacheDir?: string | undefined;
  /** The project: its `dist/` (from `npm run build`) and `.astro/` (Astro's dev content store). */
  projectRoot?: string | undefined;
}

/** Astro's content store: one file, or a folder of chunks (`collectionStorage: 'chunked'`). */
const DATA_STORE = ['data-store.json', 'data-store'];

/** The source hashes of the closed appeal's photos: from its archived files and the photo index. */
function photoHashes(folders: CopyFolders, id: string, index: Record<string, { hash: string }>): Set<string> {
  const hashes = new Set<string>();
  const archived = idFolder(folders.archiveDir, id);
  if (existsSync(archived))
    for (const name of readdirSync(archived)) {
      const file = path.join(archived, name);
      if (name !== APPEAL_FILE && name !== 'closure.json' && lstatSync(file).isFile())
        hashes.add(sourceHash(readFileSync(file)));
    }
  const inContent = `${appealDir(folders.contentDir, id)}${path.sep}`;
  for (const [file, record] of Object.entries(index)) if (file.startsWith(inContent)) hashes.add(record.hash);
  return hashes;
}

/**
 * Deletes appeal `id` from the build cache: Astro's content store (the whole of it: it is only a
 * cache, and holds the child's record), the appeal's share cards, and every variant of its photos
 * with their lines in the photo index. A photo another appeal still uses is kept.
 */
function forgetInBuildCache(folders: CopyFolders & { cacheDir: string }, id: string): void {
  const { cacheDir } = folders;
  for (const name of DATA_STORE) rmSync(path.join(cacheDir, name), { recursive: true, force: true });
  const cards = path.join(cacheDir, SHARE_CARD_CACHE);
  if (existsSync(cards))
    for (const name of readdirSync(cards))
      if (name.startsWith(`${id}.`)) rmSync(path.join(cards, name), { force: true });
  const photos = photoCacheDir(cacheDir);
  if (!existsSync(photos)) return;
  const index = readIndex(photos);
  const inContent = `${appealDir(folders.contentDir, id)}${path.sep}`;
  const stillUsed = new Set(
    Object.entries(index)
      .filter(([file]) => !file.startsWith(inContent))
      .map(([, record]) => record.hash),
  );
  const gone = [...photoHashes(folders, id, index)].filter((hash) => !stillUsed.has(hash));
  if (gone.length === 0) return;
  for (const name of readdirSync(photos)) {
    const source = sourceOfVariant(name);
    if (source && gone.includes(source)) rmSync(path.join(photos, name), { force: true });
  }
  const kept = Object.entries(index).filter(
    ([file, record]) => !file.startsWith(inContent) && !gone.includes(record.hash),
  );
  writeAtomically(path.join(photos, SOURCES_FILE), JSON.stringify(Object.fromEntries(kept)));
}

/**
 * True when the built site in `dir` shows appeal `id`: its folder holds more than the closed
 * notice (a page of the appeal, its poster or share card).
 */
function showsAppeal(dir: string, id: string): boolean {
  const own = path.join(dir, 'appeals', id);
  if (!existsSync(own)) return false;
  const names = readdirSync(own);
  if (names.length !== 1 || names[0] !== 'index.html') return true;
  const notice = path.join(dir, CLOSED_NOTICE_FILE);
  return !existsSync(notice) || !readFileSync(notice).equals(readFileSync(path.join(own, 'index.html')));
}

/**
 * Deletes the project's `dist/` when it shows appeal `id` (it names the child on many pages, in the
 * search index, feeds and share card: cutting it out by hand would be a second takedown), and
 * Astro's dev content store in `.astro/`. Returns whether `dist/` went.
 */
function forgetInProjectOutput(projectRoot: string, id: string): boolean {
  for (const name of DATA_STORE)
    rmSync(path.join(projectRoot, '.astro', name), { recursive: true, force: true });
  const dist = path.join(projectRoot, 'dist');
  if (!showsAppeal(dist, id)) return false;
  rmSync(dist, { recursive: true, force: true });
  return true;
}

/** Deletes every copy of closed appeal `id` the project keeps outside the archive (see above). */
export function removeClosedCopies(folders: CopyFolders, id: string): void {
  if (folders.dataDir !== undefined) {
    forgetRevisions(folders.dataDir, id);
    forgetInStudio(folders.dataDir, id);
  }
  if (folders.cacheDir !== undefined) forgetInBuildCache({ ...folders, cacheDir: folders.cacheDir }, id);
  if (folders.projectRoot !== undefined) forgetInProjectOutput(folders.projectRoot, id);
}
