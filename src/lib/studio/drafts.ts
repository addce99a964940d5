import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { inDocumentedOrder } from '../content/appeal-field-order.ts';
import { FrontmatterError, parseMarkdownFile, stringifyMarkdownFile } from '../content/frontmatter.ts';
import { addMonths, allocateAppealId, REVIEW_MONTHS } from '../content/new-appeal.ts';
import { isPhotoFileName, neutralPhotoName } from '../content/photo-file.ts';
import { APPEAL_FILE, appealDir, appealFileIn, appealsDir, idFolder } from '../content/appeal-folder.ts';
import { copyAtomically, writeAtomically } from '../files/atomic-write.ts';
import { isAppealId } from '../model/appeal-id.ts';
import { type CalendarDate, formatCalendarDate } from '../model/calendar-date.ts';
import type { FormVersion } from './form-version.ts';

/**
 * Drafts live in the studio's data folder, never under content/, so nothing half-written is ever
 * built or published. A draft is a folder like an appeal's own (index.md and photos already
 * cleaned by the ingest) plus draft.json. "Save changes" (or, for a new appeal, approval) copies
 * it into content/appeals/<id>/ without ever leaving a half-written file there.
 */
export const DRAFTS_DIR = 'drafts';
/** The draft's own record (who, when, which state), beside its index.md; read only through `readMeta`. */
export const DRAFT_META_FILE = 'draft.json';

export class DraftError extends Error {}

const draftMetaSchema = z.strictObject({
  id: z.string().refine(isAppealId, 'expected an appeal id like 2026-0042'),
  /** `new`: an appeal not yet in content/; `edit`: changes to one that is. */
  kind: z.enum(['new', 'edit']),
  /** `submitted`: a new appeal, or changes to a live one, waiting for a publisher's approval. */
  state: z.enum(['draft', 'submitted']),
  createdBy: z.string(),
  /** Everyone who changed the draft; under the two-person rule none of them may approve it. */
  editors: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedBy: z.string().optional(),
  submittedAt: z.string().optional(),
  /** For an edit, the SHA-256 of the index.md it started from: a later change by anyone else is never overwritten. */
  baseHash: z.string().optional(),
  /** The revision (revisions.ts) this draft was restored from, if it was. */
  restoredFrom: z.number().int().optional(),
  /** How many times the draft was saved: a form opened from an older save may not overwrite a newer one. */
  version: z.number().int().nonnegative().optional(),
  /** Who saved it last (`editors` lists each person once, so cannot say). */
  savedBy: z.string().optional(),
});

export type DraftMeta = z.infer<typeof draftMetaSchema>;

/** A draft's draft.json, checked: a damaged file is refused with what is wrong, never half-used. */
function readMeta(file: string): DraftMeta {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DraftError(
      `${file}: expected JSON, got a file that does not parse (${(error as Error).message})`,
    );
  }
  const parsed = draftMetaSchema.safeParse(json);
  if (!parsed.success)
    throw new DraftError(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'the file'}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

export interface Draft {
  meta: DraftMeta;
  dir: string;
  data: Record<string, unknown>;
  body: string;
}

/** The folder of draft `id`; an id that is not an appeal id (`../../etc`) is refused. */
export function draftDir(dataDir: string, id: string): string {
  return idFolder(path.join(dataDir, DRAFTS_DIR), id);
}

/** SHA-256 of an appeal's index.md in content/, or undefined when there is none. */
export function contentHash(contentDir: string, id: string): string | undefined {
  const file = appealFileIn(appealDir(contentDir, id));
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('base64url') : undefined;
}

/** Drafts hold a child's details before anyone agreed to publish them: owner-only files. */
function writePrivately(file: string, text: string): void {
  writeAtomically(file, text, 0o600);
}

function saveMeta(dir: string, meta: DraftMeta): void {
  writePrivately(path.join(dir, DRAFT_META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
}

export function readDraft(dataDir: string, id: string): Draft | undefined {
  const dir = draftDir(dataDir, id);
  const metaFile = path.join(dir, DRAFT_META_FILE);
  if (!existsSync(metaFile)) return undefined;
  const meta = readMeta(metaFile);
  let parsed: { data: Record<string, unknown>; body: string } = { data: {}, body: '' };
  try {
    parsed = parseMarkdownFile(readFileSync(appealFileIn(dir), 'utf8'));
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
  }
  return { meta, dir, ...parsed };
}

export function listDrafts(dataDir: string): DraftMeta[] {
  const root = path.join(dataDir, DRAFTS_DIR);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => isAppealId(name) && existsSync(path.join(root, name, DRAFT_META_FILE)))
    .map((name) => readMeta(path.join(root, name, DRAFT_META_FILE)))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** Writes a draft's index.md (in the documented field order) and notes who changed it and when. */
export function saveDraft(draft: Draft, by: string, now = new Date()): void {
  writePrivately(appealFileIn(draft.dir), stringifyMarkdownFile(inDocumentedOrder(draft.data), draft.body));
  draft.meta.updatedAt = now.toISOString();
  draft.meta.version = (draft.meta.version ?? 0) + 1;
  draft.meta.savedBy = by;
  if (!draft.meta.editors.includes(by)) draft.meta.editors.push(by);
  saveMeta(draft.dir, draft.meta);
}

/** The version an edit form opened now carries (see form-version.ts). */
export function currentVersion(contentDir: string, id: string, draft: Draft | undefined): FormVersion {
  if (draft)
    return { draft: draft.meta.createdAt, saves: draft.meta.version ?? 0, base: draft.meta.baseHash ?? '' };
  return { draft: '', saves: 0, base: contentHash(contentDir, id) ?? '' };
}

/** Every appeal id in use: in content/ and in drafts. */
function usedIds(dataDir: string, contentDir: string): string[] {
  const appeals = appealsDir(contentDir);
  return [...(existsSync(appeals) ? readdirSync(appeals) : []), ...listDrafts(dataDir).map((d) => d.id)];
}

/** A new, empty appeal with today's dates, under the next id of this year never handed out before. */
export function createNewDraft(
  dataDir: string,
  contentDir: string,
  by: string,
  today: CalendarDate,
  now = new Date(),
): Draft {
  const id = allocateAppealId(dataDir, usedIds(dataDir, contentDir), today.year);
  const dir = draftDir(dataDir, id);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const todayText = formatCalendarDate(today);
  const draft: Draft = {
    meta: {
      id,
      kind: 'new',
      state: 'draft',
      createdBy: by,
      editors: [],
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: 0,
    },
    dir,
    data: {
      status: 'active',
      knownAs: [],
      lastSeen: {},
      description: {},
      photos: [],
      force: {},
      consent: { date: todayText },
      reviewBy: formatCalendarDate(addMonths(today, REVIEW_MONTHS)),
      urgent: false,
      published: todayText,
      updated: todayText,
    },
    body: '',
  };
  saveDraft(draft, by, now);
  return draft;
}

/** Photo files (regular files, never links) directly in `dir`. */
function photoFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => isPhotoFileName(name) && lstatSync(path.join(dir, name)).isFile());
}

/** A draft of changes to appeal `id` as it is in content/ now: its index.md and photos, copied. */
export function startEditDraft(
  dataDir: string,
  contentDir: string,
  id: string,
  by: string,
  now = new Date(),
): Draft {
  const source = appealDir(contentDir, id);
  const baseHash = contentHash(contentDir, id);
  if (!baseHash) throw new DraftError(`there is no appeal ${id}`);
  const dir = draftDir(dataDir, id);
  if (existsSync(path.join(dir, DRAFT_META_FILE))) throw new DraftError(`appeal ${id} already has a draft`);
  const staging = `${dir}.starting-${randomBytes(4).toString('hex')}`;
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  copyFileSync(appealFileIn(source), appealFileIn(staging));
  for (const name of photoFiles(source)) copyFileSync(path.join(source, name), path.join(staging, name));
  const meta: DraftMeta = {
    id,
    kind: 'edit',
    state: 'draft',
    createdBy: by,
    editors: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    baseHash,
    version: 0,
  };
  saveMeta(staging, meta);
  renameSync(staging, dir);
  return readDraft(dataDir, id)!;
}

/**
 * The file name for a new photo of appeal `id`: the next `photo-N.jpg` after every number used
 * in the draft or in content/, so a name never comes back with a different picture.
 */
export function nextPhotoName(draft: Draft, contentDir: string): string {
  const used = [...photoFiles(draft.dir), ...photoFiles(appealDir(contentDir, draft.meta.id))];
  const numbers = used.map((name) => /^photo-(\d+)\./.exec(name)).map((m) => (m ? Number(m[1]) : 0));
  return neutralPhotoName(Math.max(0, ...numbers) + 1);
}

/** The photos a draft added: its photo files that the appeal in content/ does not have. */
export function newPhotos(draft: Draft, contentDir: string): string[] {
  const existing = new Set(photoFiles(appealDir(contentDir, draft.meta.id)));
  return photoFiles(draft.dir).filter((name) => !existing.has(name));
}

export function removeDraft(dataDir: string, id: string): void {
  rmSync(draftDir(dataDir, id), { recursive: true, force: true });
}

/**
 * Gives a new appeal's draft a fresh id, when its own was taken meanwhile (by `appeal new` from
 * the command line): the id is not public until the appeal is, so it may still change.
 */
export function renumberDraft(dataDir: string, contentDir: string, draft: Draft, year: number): Draft {
  if (draft.meta.kind !== 'new') throw new DraftError('only a new appeal can be given another id');
  const id = allocateAppealId(dataDir, usedIds(dataDir, contentDir), year);
  const dir = draftDir(dataDir, id);
  renameSync(draft.dir, dir);
  const moved: Draft = { ...draft, dir, meta: { ...draft.meta, id } };
  saveMeta(dir, moved.meta);
  return moved;
}

export class ChangedMeanwhileError extends DraftError {}
export class IdTakenError extends DraftError {}

/** The photo file names a draft's index.md refers to. */
function referencedPhotos(data: Record<string, unknown>): string[] {
  const photos = Array.isArray(data.photos) ? (data.photos as Array<{ src?: unknown }>) : [];
  return photos
    .map((p) => (typeof p?.src === 'string' ? p.src.replace(/^\.\//, '') : ''))
    .filter((src) => /^[^/\\]+$/.test(src) && isPhotoFileName(src));
}

/**
 * Copies a validated draft into content/appeals/<id>/. A new appeal is assembled in a hidden
 * folder beside the others and renamed into place in one step; an edit adds its new photos first,
 * then replaces index.md in one rename, then deletes photos no longer used, so at every moment the
 * folder holds a complete, valid appeal. Refuses to overwrite a change made since the edit began.
 */
export function writeDraftToContent(draft: Draft, contentDir: string): void {
  const id = draft.meta.id;
  const target = appealDir(contentDir, id);
  const text = readFileSync(appealFileIn(draft.dir), 'utf8');
  const photos = referencedPhotos(draft.data);
  if (draft.meta.kind === 'new') {
    if (existsSync(target)) throw new IdTakenError(`the id ${id} has been taken by another appeal meanwhile`);
    const staging = path.join(path.dirname(target), `.new-${id}-${randomBytes(4).toString('hex')}`);
    mkdirSync(staging, { recursive: true });
    try {
      for (const name of photos) copyFileSync(path.join(draft.dir, name), path.join(staging, name));
      writeAtomically(appealFileIn(staging), text);
      renameSync(staging, target);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
    return;
  }
  if (contentHash(contentDir, id) !== draft.meta.baseHash) {
    throw new ChangedMeanwhileError(
      `content/appeals/${id}/${APPEAL_FILE} has been changed by someone else since these changes were started`,
    );
  }
  const before = new Set(photoFiles(target));
  for (const name of photos) {
    if (before.has(name)) continue;
    copyAtomically(path.join(draft.dir, name), path.join(target, name));
  }
  writeAtomically(appealFileIn(target), text);
  for (const name of before) if (!photos.includes(name)) rmSync(path.join(target, name), { force: true });
}

/** "Reviewed": the appeal's reviewBy moves three months past today, in content/ and in any draft of it. */
export function extendReview(options: {
  contentDir: string;
  dataDir: string;
  id: string;
  today: CalendarDate;
}): string {
  const { contentDir, dataDir, id, today } = options;
  const file = appealFileIn(appealDir(contentDir, id));
  if (!existsSync(file)) throw new DraftError(`there is no appeal ${id}`);
  const beforeHash = contentHash(contentDir, id);
  const { data, body } = parseMarkdownFile(readFileSync(file, 'utf8'));
  if (data.status !== 'active') throw new DraftError(`appeal ${id} is not active`);
  const reviewBy = formatCalendarDate(addMonths(today, REVIEW_MONTHS));
  writeAtomically(file, stringifyMarkdownFile(inDocumentedOrder({ ...data, reviewBy }), body));
  // A draft begun from the old file carries the review over, so it can still be saved.
  const draft = readDraft(dataDir, id);
  if (draft && draft.meta.kind === 'edit' && draft.meta.baseHash === beforeHash) {
    draft.data.reviewBy = reviewBy;
    draft.meta.baseHash = contentHash(contentDir, id);
    draft.meta.version = (draft.meta.version ?? 0) + 1;
    writePrivately(appealFileIn(draft.dir), stringifyMarkdownFile(inDocumentedOrder(draft.data), draft.body));
    saveMeta(draft.dir, draft.meta);
  }
  return reviewBy;
}
