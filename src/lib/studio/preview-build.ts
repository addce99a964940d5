import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { APPEALS_DIR, appealDir, appealFileIn, idFolder } from '../content/appeal-folder.ts';
import { FrontmatterError, parseMarkdownFile } from '../content/frontmatter.ts';
import { isAppealId } from '../model/appeal-id.ts';
import { isClosedStatus } from '../model/appeal-schema.ts';
import { SHARE_CARD_FILE } from '../photos/photo-step.ts';
import { runSiteBuild } from '../publishing/site-build.ts';
import { DRAFT_META_FILE, draftDir, removeDraft } from './drafts.ts';
import { forgetKeptForms } from './kept-forms.ts';
import { appealsWithHistory, forgetRevisions } from './revisions.ts';
import type { JobControl } from './jobs.ts';
import type { StudioConfig } from './studio-config.ts';

/**
 * A preview is the real build of the public site (the same components, photo pipeline and
 * styles) of a content folder holding only the settings and this one appeal, built with
 * SITE_PREVIEW=1 (a "preview, not published" banner, noindex) under the address
 * /preview/<id>/. It is written to the studio's data folder and served only to signed-in staff:
 * nothing of it reaches content/, dist/ or a release.
 */
export const PREVIEWS_DIR = 'previews';

export const previewBase = (id: string) => `/preview/${id}/`;
const PREVIEW_CACHE = 'preview-cache';

export function previewDir(dataDir: string, id: string): string {
  return idFolder(path.join(dataDir, PREVIEWS_DIR), id);
}

/**
 * Each appeal's preview builds keep their own cache (Astro's content store, photo variants, share
 * card), so forgetting one appeal deletes exactly its cache, never one another preview is using.
 */
function previewCacheDir(dataDir: string, id: string): string {
  return idFolder(path.join(dataDir, PREVIEW_CACHE), id);
}

const workPrefix = (id: string) => `.work-${id}-`;

/** True when appeal `id` is closed in content/ (its tombstone): nothing of it may be previewed. */
function closedInContent(contentDir: string, id: string): boolean {
  const file = appealFileIn(appealDir(contentDir, id));
  if (!existsSync(file)) return false;
  try {
    return isClosedStatus(parseMarkdownFile(readFileSync(file, 'utf8')).data.status);
  } catch (error) {
    if (error instanceof FrontmatterError) return false;
    throw error;
  }
}

/**
 * Whether appeal `id` may have a preview: it has a draft, or is in content/, and is not closed.
 * A discarded new draft or a closed appeal has none, whatever is left on disk.
 */
export function previewable(contentDir: string, dataDir: string, id: string): boolean {
  if (!isAppealId(id) || closedInContent(contentDir, id)) return false;
  return (
    existsSync(path.join(draftDir(dataDir, id), DRAFT_META_FILE)) ||
    existsSync(appealFileIn(appealDir(contentDir, id)))
  );
}

/** Deletes appeal `id`'s preview, its preview cache and any preview build's work folder of it. */
function forgetPreview(dataDir: string, id: string): void {
  rmSync(previewDir(dataDir, id), { recursive: true, force: true });
  rmSync(previewCacheDir(dataDir, id), { recursive: true, force: true });
  const previews = path.join(dataDir, PREVIEWS_DIR);
  if (existsSync(previews))
    for (const name of readdirSync(previews))
      if (name.startsWith(workPrefix(id)))
        rmSync(path.join(previews, name), { recursive: true, force: true });
}

/** Thrown when the appeal closed (or its new draft was discarded) while its preview was being built. */
export class PreviewWithdrawnError extends Error {}

/** Builds the preview of the appeal folder `sourceDir` (a draft, or the appeal in content/). */
export async function buildPreview(
  config: StudioConfig,
  id: string,
  sourceDir: string,
  control: JobControl,
): Promise<{ path: string }> {
  const target = previewDir(config.dataDir, id);
  const work = path.join(config.dataDir, PREVIEWS_DIR, `${workPrefix(id)}${randomBytes(4).toString('hex')}`);
  // Checked after the build and again once the preview is in place: a closure from another process
  // may come at any moment, and whichever runs last removes the preview.
  // A draft's preview shows that draft: once it is discarded (or approved), the preview is not kept either.
  const fromDraft = path.resolve(sourceDir) === draftDir(config.dataDir, id);
  const withdrawn = () => {
    const draftGone = fromDraft && !existsSync(path.join(sourceDir, DRAFT_META_FILE));
    if (!draftGone && previewable(config.contentDir, config.dataDir, id)) return;
    forgetPreview(config.dataDir, id);
    throw new PreviewWithdrawnError(
      'The appeal was closed, or its draft discarded or approved, while the preview was being built, so the preview was not kept.',
    );
  };
  try {
    control.step('copy', 'running');
    const content = path.join(work, 'content');
    const appeal = appealDir(content, id);
    mkdirSync(appeal, { recursive: true, mode: 0o700 });
    for (const entry of readdirSync(config.contentDir)) {
      if (entry !== APPEALS_DIR)
        cpSync(path.join(config.contentDir, entry), path.join(content, entry), { recursive: true });
    }
    for (const name of readdirSync(sourceDir)) {
      const file = path.join(sourceDir, name);
      if (name !== DRAFT_META_FILE && lstatSync(file).isFile()) copyFileSync(file, path.join(appeal, name));
    }
    control.step('copy', 'done');
    control.step('build', 'running');
    const built = await runSiteBuild({
      projectRoot: config.projectRoot,
      contentDir: content,
      outDir: path.join(work, 'out'),
      env: { ...process.env, ASTRO_CACHE_DIR: previewCacheDir(config.dataDir, id), SITE_PREVIEW: '1' },
      args: ['--base', previewBase(id)],
    });
    withdrawn();
    if (!built.ok) {
      control.step('build', 'failed');
      const lines = built.output
        .split('\n')
        .filter((l) => /error|expected|problem/i.test(l))
        .slice(-20);
      throw new Error(`The preview could not be built:\n${lines.join('\n')}`);
    }
    control.step('build', 'done');
    rmSync(target, { recursive: true, force: true });
    renameSync(path.join(work, 'out'), target);
    withdrawn();
    return { path: `${previewBase(id)}appeals/${id}/` };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The file a preview address names, if it is one a preview may serve: the appeal's page, its poster, its share card, and the files they use. */
export function previewFile(dataDir: string, id: string, rest: string): string | undefined {
  const root = previewDir(dataDir, id);
  const parts = rest.split('/').filter(Boolean);
  if (parts.some((p) => p === '..' || p === '.' || p.includes('\\') || p.startsWith('.'))) return undefined;
  const allowed =
    parts.length === 1 && parts[0] === 'favicon.svg'
      ? parts
      : (parts[0] === '_astro' || parts[0] === '_photos') && parts.length === 2
        ? parts
        : parts[0] === 'appeals' && parts[1] === id && parts.length === 3 && parts[2] === SHARE_CARD_FILE
          ? parts
          : parts[0] === 'appeals' &&
              parts[1] === id &&
              (parts.length === 2 || (parts.length === 3 && parts[2] === 'poster'))
            ? [...parts, 'index.html']
            : undefined;
  if (!allowed) return undefined;
  const file = path.join(root, ...allowed);
  return existsSync(file) && lstatSync(file).isFile() ? file : undefined;
}

/** When the preview of `id` was built (ms since the epoch), or undefined when there is none. */
export function previewBuiltAt(dataDir: string, id: string): number | undefined {
  const page = previewFile(dataDir, id, `appeals/${id}/`);
  return page ? statSync(page).mtimeMs : undefined;
}

/**
 * When an appeal closes (or its new draft is discarded), everything the studio kept of it goes: its
 * draft, its preview, its preview cache, a preview build's work folder and forms kept for it. The
 * shared preview cache of earlier versions (files directly in preview-cache/) goes too.
 */
export function forgetInStudio(dataDir: string, id: string): void {
  removeDraft(dataDir, id);
  forgetPreview(dataDir, id);
  forgetKeptForms(dataDir, [id]);
  const cache = path.join(dataDir, PREVIEW_CACHE);
  if (!existsSync(cache)) return;
  for (const name of readdirSync(cache))
    if (!isAppealId(name)) rmSync(path.join(cache, name), { recursive: true, force: true });
  if (readdirSync(cache).length === 0) rmSync(cache, { recursive: true, force: true });
}

/**
 * Discards a draft with its preview and preview cache, which show it. A new appeal's id is never
 * used again, so everything of it goes (forgetInStudio); an edit's kept forms stay for their owners.
 */
export function discardDraft(dataDir: string, id: string, kind: 'new' | 'edit'): void {
  if (kind === 'new') return forgetInStudio(dataDir, id);
  removeDraft(dataDir, id);
  forgetPreview(dataDir, id);
}

/**
 * Forgets what the studio kept of appeals closed elsewhere (from the command line, say): a draft,
 * preview or revision history of a closed appeal would keep the child's details outside the archive.
 */
export function forgetClosed(dataDir: string, closedIds: readonly string[]): string[] {
  const withHistory = appealsWithHistory(dataDir);
  const forgotten = closedIds.filter(
    (id) =>
      existsSync(draftDir(dataDir, id)) ||
      existsSync(previewDir(dataDir, id)) ||
      existsSync(previewCacheDir(dataDir, id)) ||
      withHistory.has(id),
  );
  for (const id of forgotten) {
    forgetInStudio(dataDir, id);
    if (withHistory.has(id)) forgetRevisions(dataDir, id);
  }
  // Forms kept for any closed appeal, in one pass over the kept forms.
  forgetKeptForms(dataDir, closedIds);
  return forgotten;
}
