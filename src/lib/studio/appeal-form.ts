import { inDocumentedOrder } from '../content/appeal-field-order.ts';
import { PHOTO_KINDS } from '../model/appeal-schema.ts';

/**
 * The studio's appeal form and its translation to and from index.md. Each input is named by its
 * field's path in the file (`lastSeen.town`, `photos[1].alt`), so every problem `npm run check`
 * reports for a field is shown beside that field's input, in the same words.
 */
export type FieldKind = 'text' | 'date' | 'textarea' | 'sex' | 'region' | 'checkbox' | 'list';

export interface FormField {
  /** The field's path in index.md, and the input's name. */
  path: string;
  /** A plain-language label for someone who has never seen the file. */
  label: string;
  kind: FieldKind;
  /** A short example under the label; the README's help for the field follows it. */
  hint?: string;
}

export interface FormSection {
  title: string;
  fields: FormField[];
}

export const APPEAL_FORM: readonly FormSection[] = [
  {
    title: 'The child',
    fields: [
      { path: 'name', label: "Child's name", kind: 'text' },
      {
        path: 'knownAs',
        label: 'Other names they use',
        kind: 'list',
        hint: 'Separate names with commas, like: Mimi, Amy',
      },
      { path: 'sex', label: 'Sex', kind: 'sex' },
      { path: 'dateOfBirth', label: 'Date of birth', kind: 'date', hint: 'Year-month-day, like 2011-03-14' },
      {
        path: 'ageAtDisappearance',
        label: 'Age when missing (only if the date of birth is not to be published)',
        kind: 'text',
      },
    ],
  },
  {
    title: 'When and where they were last seen',
    fields: [
      {
        path: 'missingSince',
        label: 'Missing since',
        kind: 'date',
      },
      {
        path: 'lastSeen.place',
        label: 'Where last seen',
        kind: 'text',
      },
      { path: 'lastSeen.town', label: 'Town or city', kind: 'text' },
      { path: 'lastSeen.region', label: 'Region', kind: 'region' },
    ],
  },
  {
    title: 'Description',
    fields: [
      { path: 'description.height', label: 'Height', kind: 'text', hint: 'Like: 5 ft 2 in (157 cm)' },
      { path: 'description.build', label: 'Build', kind: 'text' },
      { path: 'description.hair', label: 'Hair', kind: 'text' },
      { path: 'description.eyes', label: 'Eyes', kind: 'text' },
      { path: 'description.clothing', label: 'Last seen wearing', kind: 'text' },
      { path: 'description.features', label: 'Distinguishing features', kind: 'text' },
    ],
  },
  {
    title: 'Circumstances',
    fields: [
      {
        path: 'circumstances',
        label: 'What happened, in plain words',
        kind: 'textarea',
        hint: 'Paragraphs, **bold**, lists and links. No photos here: add them below.',
      },
    ],
  },
  {
    title: 'Police',
    fields: [
      { path: 'force.name', label: 'Police force', kind: 'text', hint: 'Like: West Yorkshire Police' },
      {
        path: 'force.reference',
        label: 'Police reference',
        kind: 'text',
      },
    ],
  },
  {
    title: 'Consent, review and dates',
    fields: [
      {
        path: 'consent.by',
        label: 'Who agreed to publication',
        kind: 'text',
      },
      { path: 'consent.date', label: 'Date they agreed', kind: 'date' },
      { path: 'reviewBy', label: 'Review the appeal by', kind: 'date' },
      {
        path: 'urgent',
        label: 'Urgent appeal (Child Rescue Alert or police high-risk): show first, with an urgent banner',
        kind: 'checkbox',
      },
      { path: 'published', label: 'First published', kind: 'date' },
    ],
  },
];

export const PHOTO_FIELDS = ['src', 'alt', 'caption', 'kind', 'taken'] as const;
export type PhotoField = (typeof PHOTO_FIELDS)[number];
export type PhotoValues = Record<PhotoField, string>;

/** The text of the circumstances box: not a frontmatter field but the body below it. */
export const BODY_FIELD = 'circumstances';

export type FormValues = Record<string, string>;

function get(data: Record<string, unknown>, path: string): unknown {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A value from a parsed file as the text an input shows (YAML reads unquoted dates as Dates). */
function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if (Array.isArray(value)) return value.map(asText).join(', ');
  if (typeof value === 'object') return '';
  return (value as number | boolean | bigint).toString();
}

/** The form's values for an appeal's frontmatter and body. */
export function formValuesFrom(
  data: Record<string, unknown>,
  body: string,
): { values: FormValues; photos: PhotoValues[] } {
  const values: FormValues = {};
  for (const field of APPEAL_FORM.flatMap((s) => s.fields)) {
    if (field.path === BODY_FIELD) values[field.path] = body.trim();
    else if (field.kind === 'checkbox') values[field.path] = get(data, field.path) === true ? 'on' : '';
    else values[field.path] = asText(get(data, field.path));
  }
  const photos = Array.isArray(data.photos) ? data.photos : [];
  return {
    values,
    photos: photos.map((photo: unknown) => {
      const p = photo !== null && typeof photo === 'object' ? (photo as Record<string, unknown>) : {};
      return Object.fromEntries(PHOTO_FIELDS.map((k) => [k, asText(p[k])])) as PhotoValues;
    }),
  };
}

const PHOTO_INPUT_RE = /^photos\[(\d{1,3})\]\.(src|alt|caption|kind|taken)$/;

/** The photo rows of a submitted form, in the order of their indices. */
export function photosFromForm(form: Iterable<[string, string]>): PhotoValues[] {
  const rows = new Map<number, PhotoValues>();
  for (const [name, value] of form) {
    const m = PHOTO_INPUT_RE.exec(name);
    if (!m) continue;
    const index = Number(m[1]);
    const row = rows.get(index) ?? { src: '', alt: '', caption: '', kind: '', taken: '' };
    row[m[2] as PhotoField] = value;
    rows.set(index, row);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

function set(data: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let current = data;
  for (const key of keys.slice(0, -1)) {
    const next = current[key];
    current =
      next !== null && typeof next === 'object' && !Array.isArray(next)
        ? (next as Record<string, unknown>)
        : (current[key] = {});
  }
  const last = keys.at(-1)!;
  if (value === undefined) delete current[last];
  else current[last] = value;
}

/** What a text input holds as a value in the file: nothing for an empty box, a number for a whole number of years. */
function fieldValue(field: FormField, text: string): unknown {
  const trimmed = text.trim();
  if (field.kind === 'checkbox') return trimmed !== '';
  if (trimmed === '') return undefined;
  if (field.kind === 'list')
    return trimmed
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  // Left as text otherwise, so the check says what it found ("expected a whole number of years, like 14, got "fourteen"").
  if (field.path === 'ageAtDisappearance' && /^\d{1,3}$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}

function photoData(row: PhotoValues): Record<string, unknown> {
  const out: Record<string, unknown> = { src: row.src.trim() };
  for (const key of ['alt', 'caption', 'taken'] as const)
    if (row[key].trim() !== '') out[key] = row[key].trim();
  out.kind = (PHOTO_KINDS as readonly string[]).includes(row.kind) ? row.kind : row.kind.trim() || 'photo';
  return out;
}

/**
 * The frontmatter and body a submitted form stands for, in the documented field order. Starts
 * from `base` (the file as it was), so fields the form does not show (`status`, `updated`, and a
 * typo made by hand, which the check then reports) are kept rather than lost.
 */
export function appealFromForm(
  values: FormValues,
  photos: readonly PhotoValues[],
  base: Record<string, unknown>,
): { data: Record<string, unknown>; body: string } {
  const data: Record<string, unknown> = structuredClone(base);
  data.status ??= 'active';
  // The groups always exist, so a missing part is reported as that part ("lastSeen.town: … missing").
  for (const group of ['lastSeen', 'description', 'force', 'consent']) {
    if (data[group] === null || typeof data[group] !== 'object' || Array.isArray(data[group]))
      data[group] = {};
  }
  for (const field of APPEAL_FORM.flatMap((s) => s.fields)) {
    if (field.path === BODY_FIELD) continue;
    set(data, field.path, fieldValue(field, values[field.path] ?? ''));
  }
  data.knownAs ??= [];
  data.photos = photos.map(photoData);
  // Browsers send a text box's line breaks as CRLF; files keep plain newlines.
  const body = (values[BODY_FIELD] ?? '').replace(/\r\n?/g, '\n').trim();
  return { data: inDocumentedOrder(data), body };
}

/** A photo row moved up or down one place, or removed; `index` out of range changes nothing. */
export function rearrangedPhotos(
  photos: readonly PhotoValues[],
  action: { move: 'up' | 'down' | 'remove'; index: number },
): PhotoValues[] {
  const out = [...photos];
  const { index } = action;
  if (index < 0 || index >= out.length) return out;
  if (action.move === 'remove') out.splice(index, 1);
  else {
    const to = action.move === 'up' ? index - 1 : index + 1;
    if (to < 0 || to >= out.length) return out;
    [out[index], out[to]] = [out[to]!, out[index]!];
  }
  return out;
}

/** Problems about the list of photos as a whole are shown at the top of the photos section. */
export const PHOTOS_GROUP = 'photos';

/** Where a problem's field is shown: its input's name, or undefined for the summary only. */
export function inputForField(field: string | undefined, photoCount: number): string | undefined {
  if (!field) return undefined;
  if (field.startsWith('circumstances')) return BODY_FIELD;
  const photo = /^photos\[(\d+)\]\.(src|alt|caption|kind|taken)$/.exec(field);
  if (photo) return Number(photo[1]) < photoCount ? field : PHOTOS_GROUP;
  if (field === 'photos' || field.startsWith('photos[')) return PHOTOS_GROUP;
  return APPEAL_FORM.some((s) => s.fields.some((f) => f.path === field)) ? field : undefined;
}
