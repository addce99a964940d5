import { existsSync, lstatSync, rmSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { isPhotoFileName } from '../content/photo-file.ts';
import { parsePhotoEdit, parseRotation, type RawPhotoEdit } from '../photos/photo-edit.ts';
import { editPhoto, ingestPhoto, PhotoRejectedError } from '../photos/photo-ingest.ts';
import { MAX_BYTES } from '../photos/photo-rules.ts';
import { photosFromForm, rearrangedPhotos, type PhotoValues } from './appeal-form.ts';

/**
 * The photos part of a saved edit form: turns and crops (checked here, done by sharp), moves and
 * removals, and new uploads (HEIC converted), in that order, so the numbers a photo's edit
 * carries refer to the photo the person saw. Every problem names the input it belongs to.
 */
export interface PhotoProblem {
  /** The id of the input the error summary links to. */
  input: string;
  message: string;
}

/** The id of a form input, from its name (`photos[0].crop.left` is `f-photos-0-crop-left`). */
export function inputId(name: string): string {
  return `f-${name.replace(/[^\w]+/g, '-')}`;
}

const EDIT_INPUT_RE = /^photos\[(\d{1,3})\]\.(rotate|crop\.left|crop\.top|crop\.width|crop\.height)$/;
const ACTION_RE = /^photo-(up|down|remove|rotate-left|rotate-right|crop):(\d{1,3})$/;

/** Each photo's turn and crop as posted, by the photo's place in the form. */
export function photoEditsFromForm(form: Iterable<[string, string]>): Map<number, RawPhotoEdit> {
  const edits = new Map<number, RawPhotoEdit>();
  for (const [name, value] of form) {
    const m = EDIT_INPUT_RE.exec(name);
    if (!m) continue;
    const index = Number(m[1]);
    const key = m[2]!.replace('crop.', '') as keyof RawPhotoEdit;
    edits.set(index, { ...edits.get(index), [key]: value });
  }
  return edits;
}

/** A photo action button's meaning: `photo-rotate-left:2` and the like; undefined for other actions. */
export function photoAction(
  action: string,
): { kind: 'up' | 'down' | 'remove' | 'rotate-left' | 'rotate-right' | 'crop'; index: number } | undefined {
  const m = ACTION_RE.exec(action);
  if (!m) return undefined;
  return { kind: m[1] as 'up', index: Number(m[2]) };
}

/** The edit with a rotate button's quarter turn added (the no-JavaScript form's buttons). */
export function withQuarterTurn(raw: RawPhotoEdit | undefined, direction: 'left' | 'right'): RawPhotoEdit {
  const current = parseRotation(raw?.rotate) ?? 0;
  return { ...raw, rotate: String((current + (direction === 'right' ? 90 : 270)) % 360) };
}

/** A photo file of the appeal's draft, never a path outside it. */
function photoFileIn(dir: string, src: string): string | undefined {
  if (!/^[\w.-]+$/.test(src) || src.startsWith('.') || !isPhotoFileName(src)) return undefined;
  const file = path.join(dir, src);
  return existsSync(file) && lstatSync(file).isFile() ? file : undefined;
}

/** The width and height of each photo, as stored, from the first folder that has it (0 × 0 if none). */
export async function photoSizes(
  dirs: readonly string[],
  photos: readonly PhotoValues[],
): Promise<Array<{ width: number; height: number }>> {
  return Promise.all(
    photos.map(async (photo) => {
      for (const dir of dirs) {
        const file = photoFileIn(dir, photo.src);
        if (!file) continue;
        const meta = await sharp(file)
          .metadata()
          .catch(() => undefined);
        if (meta?.width && meta.height) return { width: meta.width, height: meta.height };
      }
      return { width: 0, height: 0 };
    }),
  );
}

export interface PhotoFormInput {
  /** The form's text values, in order. */
  entries: ReadonlyArray<[string, string]>;
  /** The chosen files, in order, and the descriptions and turns given beside their previews. */
  uploads: readonly File[];
  uploadAlts: readonly string[];
  uploadRotates?: readonly string[] | undefined;
  action: string;
  /** The draft's folder: every edit and upload is written there. */
  dir: string;
  /** A fresh neutral file name for each new or edited photo. */
  nextName: () => string;
}

export async function applyPhotoForm(
  input: PhotoFormInput,
): Promise<{ rows: PhotoValues[]; problems: PhotoProblem[]; photoAction: boolean }> {
  let rows = photosFromForm(input.entries);
  const problems: PhotoProblem[] = [];
  const action = photoAction(input.action);
  const edits = photoEditsFromForm(input.entries);
  if (action && (action.kind === 'rotate-left' || action.kind === 'rotate-right'))
    edits.set(
      action.index,
      withQuarterTurn(edits.get(action.index), action.kind === 'rotate-left' ? 'left' : 'right'),
    );

  for (const [index, raw] of edits) {
    const row = rows[index];
    if (!row) continue;
    const file = photoFileIn(input.dir, row.src);
    if (!file) continue;
    const meta = await sharp(file)
      .metadata()
      .catch(() => undefined);
    if (!meta?.width || !meta.height) continue;
    const { edit, problem } = parsePhotoEdit(raw, { width: meta.width, height: meta.height });
    if (problem)
      problems.push({
        input: inputId(`photos[${index}].crop.left`),
        message: `Photo ${index + 1}: ${problem}`,
      });
    if (!edit) continue;
    // A new name, so a published photo is replaced (never changed in place) when the draft is saved.
    const name = input.nextName();
    try {
      await editPhoto(file, edit, path.join(input.dir, name));
    } catch (error) {
      if (!(error instanceof PhotoRejectedError)) throw error;
      problems.push({
        input: inputId(`photos[${index}].crop.left`),
        message: `Photo ${index + 1}: ${error.message}`,
      });
      continue;
    }
    const old = row.src;
    rows[index] = { ...row, src: name };
    if (!rows.some((r) => r.src === old)) rmSync(file, { force: true });
  }

  if (action && (action.kind === 'up' || action.kind === 'down' || action.kind === 'remove'))
    rows = rearrangedPhotos(rows, { move: action.kind, index: action.index });

  for (const [k, file] of input.uploads.entries()) {
    if (file.size === 0) continue;
    if (file.size > MAX_BYTES) {
      problems.push({
        input: 'f-upload',
        message: `${file.name}: expected a photo file of at most ${MAX_BYTES / 1024 / 1024} MB, got ${(file.size / 1024 / 1024).toFixed(1)} MB`,
      });
      continue;
    }
    const name = input.nextName();
    const rotate = parseRotation(input.uploadRotates?.[k]) ?? 0;
    try {
      const stored = path.join(input.dir, name);
      await ingestPhoto(Buffer.from(await file.arrayBuffer()), stored);
      // Turned as its preview was, from the cleaned copy (editPhoto reads it whole before writing).
      if (rotate !== 0) await editPhoto(stored, { rotate }, stored);
      rows.push({
        src: name,
        alt: (input.uploadAlts[k] ?? '').trim(),
        caption: '',
        kind: 'photo',
        taken: '',
      });
    } catch (error) {
      if (!(error instanceof PhotoRejectedError)) throw error;
      problems.push({ input: 'f-upload', message: `${file.name}: ${error.message}` });
    }
  }
  return { rows, problems, photoAction: action !== undefined };
}
