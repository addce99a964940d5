import { inDocumentedOrder } from '../content/appeal-field-order.ts';
import { MAX_CIRCUMSTANCES_LENGTH } from '../content/circumstances.ts';
import { MAX_TEXT_LENGTH, PHOTO_KINDS } from '../model/appeal-schema.ts';
import { withoutInvisible } from './plain-input.ts';
import { readTypedDate } from './typed-date.ts';

/**
 * The studio's appeal form and its translation to and from index.md. Each input is named by its
 * field's path in the file (`lastSeen.town`, `photos[1].alt`), so every problem `npm run check`
 * reports for a field is shown beside that field's input; src/lib/studio/plain-problems.ts says it
 * in the words of the form, never the file's.
 */
export type FieldKind = 'text' | 'date' | 'textarea' | 'sex' | 'region' | 'checkbox' | 'list';

/** `either`: this field or its partner (date of birth, or age when missing). */
export type Requirement = 'yes' | 'no' | 'either';

export interface FormField {
  /** The field's path in index.md, and the input's name. */
  path: string;
  /** A plain-language label for someone who has never seen the file. */
  label: string;
  kind: FieldKind;
  required: Requirement;
  /** What to write, in plain words, shown under the label. */
  hint?: string;
  /** The most characters the field takes: shown in the hint, and counted as people type. */
  maxLength?: number;
  /** For a date: whether it also takes a time of day. */
  withTime?: boolean;
  /** For a Welsh text: the path of its English twin, shown beside it. */
  welshOf?: string;
}

export interface FormSection {
  title: string;
  fields: FormField[];
}

const DATE_HINT = 'For example, 4/12/2026 or 4 December 2026.';

/** What the form says once about the Welsh boxes (each box's own help would push it out of line). */
export const WELSH_NOTE =
  'Boxes marked "in Welsh (Cymraeg)" are for the Welsh page. Leave one empty if there is no Welsh yet: the Welsh page then shows the English.';

/** What the Welsh twin of a field is called, beside its English one. */
export const IN_WELSH = 'in Welsh (Cymraeg)';

/** The Welsh twin of an English free-text field: `welsh.` and its path, in a `welsh:` block. */
function welshTwin(field: FormField): FormField {
  return {
    path: `welsh.${field.path}`,
    label: `${field.label}, ${IN_WELSH}`,
    kind: field.kind,
    required: 'no',
    ...(field.maxLength ? { maxLength: field.maxLength } : {}),
    welshOf: field.path,
  };
}

/** `fields`, each with a Welsh twin (`welshTwin`) just after it when its path is in `twins`. */
function withWelsh(fields: FormField[], twins: readonly string[]): FormField[] {
  return fields.flatMap((field) => (twins.includes(field.path) ? [field, welshTwin(field)] : [field]));
}

const DESCRIPTION_FIELDS = ['height', 'build', 'hair', 'eyes', 'clothing', 'features'].map(
  (key) => `description.${key}`,
);

export const APPEAL_FORM: readonly FormSection[] = [
  {
    title: 'The child',
    fields: [
      {
        path: 'name',
        label: "Child's name",
        kind: 'text',
        required: 'yes',
        hint: 'The name the public should know them by.',
        maxLength: MAX_TEXT_LENGTH,
      },
      {
        path: 'knownAs',
        label: 'Other names they use',
        kind: 'list',
        required: 'no',
        hint: 'Separate names with commas, like: Mimi, Amy',
      },
      { path: 'sex', label: 'Sex', kind: 'sex', required: 'yes' },
      {
        path: 'dateOfBirth',
        label: 'Date of birth',
        kind: 'date',
        required: 'either',
        hint: `${DATE_HINT} Their age is worked out from it. Leave it empty if it is not to be published, and give the age when missing instead.`,
      },
      {
        path: 'ageAtDisappearance',
        label: 'Age when missing (only if the date of birth is not to be published)',
        kind: 'text',
        required: 'either',
        hint: 'In whole years, from 0 to 17, like 14. The site then shows their age now as "about" that.',
      },
    ],
  },
  {
    title: 'When and where they were last seen',
    fields: withWelsh(
      [
        {
          path: 'missingSince',
          label: 'Missing since',
          kind: 'date',
          required: 'yes',
          withTime: true,
          hint: 'The date, and the time if you know it, like 4/12/2026 9:30pm or 4 December 2026 at 21:30. Not in the future.',
        },
        {
          path: 'lastSeen.place',
          label: 'Where last seen',
          kind: 'text',
          required: 'yes',
          hint: 'In a few words, like: Outside the library on Park Road',
          maxLength: MAX_TEXT_LENGTH,
        },
        {
          path: 'lastSeen.town',
          label: 'Town or city',
          kind: 'text',
          required: 'yes',
          maxLength: MAX_TEXT_LENGTH,
        },
        {
          path: 'lastSeen.region',
          label: 'Region',
          kind: 'region',
          required: 'yes',
          hint: 'People who asked for alerts in this region hear about the appeal.',
        },
      ],
      ['lastSeen.place', 'lastSeen.town'],
    ),
  },
  {
    title: 'Description',
    fields: withWelsh(
      [
        {
          path: 'description.height',
          label: 'Height',
          kind: 'text',
          required: 'no',
          hint: 'Like: 5 ft 2 in (157 cm)',
          maxLength: MAX_TEXT_LENGTH,
        },
        {
          path: 'description.build',
          label: 'Build',
          kind: 'text',
          required: 'no',
          hint: 'Like: slim',
          maxLength: MAX_TEXT_LENGTH,
        },
        { path: 'description.hair', label: 'Hair', kind: 'text', required: 'no', maxLength: MAX_TEXT_LENGTH },
        { path: 'description.eyes', label: 'Eyes', kind: 'text', required: 'no', maxLength: MAX_TEXT_LENGTH },
        {
          path: 'description.clothing',
          label: 'Last seen wearing',
          kind: 'text',
          required: 'no',
          maxLength: MAX_TEXT_LENGTH,
        },
        {
          path: 'description.features',
          label: 'Distinguishing features',
          kind: 'text',
          required: 'no',
          hint: 'Like: a scar above the left eyebrow',
          maxLength: MAX_TEXT_LENGTH,
        },
      ],
      DESCRIPTION_FIELDS,
    ),
  },
  {
    title: 'Circumstances',
    fields: withWelsh(
      [
        {
          path: 'circumstances',
          label: 'What happened, in plain words',
          kind: 'textarea',
          required: 'yes',
          hint: 'A few short paragraphs. You can use **bold**, lists and links. No photos here: add them below.',
          maxLength: MAX_CIRCUMSTANCES_LENGTH,
        },
      ],
      ['circumstances'],
    ),
  },
  {
    title: 'Police',
    fields: [
      {
        path: 'force.name',
        label: 'Police force',
        kind: 'text',
        required: 'yes',
        hint: 'Like: West Yorkshire Police',
        maxLength: MAX_TEXT_LENGTH,
      },
      {
        path: 'force.reference',
        label: 'Police reference',
        kind: 'text',
        required: 'yes',
        hint: 'The reference the public should quote when they call 101.',
        maxLength: MAX_TEXT_LENGTH,
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
        required: 'yes',
        hint: 'Like: Mother, or West Yorkshire Police',
        maxLength: MAX_TEXT_LENGTH,
      },
      {
        path: 'consent.date',
        label: 'Date they agreed',
        kind: 'date',
        required: 'yes',
        hint: `${DATE_HINT} Not in the future.`,
      },
      {
        path: 'reviewBy',
        label: 'Review the appeal by',
        kind: 'date',
        required: 'yes',
        hint: `${DATE_HINT} A date after today: by then, check with the family or the police that the appeal is still needed.`,
      },
      {
        path: 'urgent',
        label: 'Urgent appeal (Child Rescue Alert or police high-risk): show first, with an urgent banner',
        kind: 'checkbox',
        required: 'no',
      },
      {
        path: 'published',
        label: 'First published',
        kind: 'date',
        required: 'yes',
        hint: `${DATE_HINT} Not before the day they went missing.`,
      },
    ],
  },
];

/**
 * A section's fields as the form lays them out: each English field with its Welsh twin beside it
 * (a pair), others alone. Where the settings require both languages, each Welsh twin is required.
 */
export function pairedFields(fields: readonly FormField[], requireWelsh: boolean): FormField[][] {
  const groups: FormField[][] = [];
  for (const field of fields) {
    const previous = groups.at(-1);
    if (field.welshOf !== undefined && previous?.length === 1 && previous[0]!.path === field.welshOf)
      previous.push(requireWelsh ? { ...field, required: 'yes', hint: undefined } : field);
    else groups.push([field]);
  }
  return groups;
}

/** The plain help of the photos section and of each photo's inputs. */
const PHOTO_HELP: Record<string, string> = {
  photos: 'At least one. The first is the main photo, shown in lists and on the share card.',
  alt: 'What the photo shows, for people who cannot see it, like: Girl with short dark hair, smiling, in a school jumper.',
  kind: 'An age-progressed image is labelled as such on the site.',
};

/** The plain help for the photos section (`photos`) or a photo input (`alt`, `kind`). */
export function photoFieldHelp(key: string): { help: string } | undefined {
  const help = PHOTO_HELP[key];
  return help === undefined ? undefined : { help };
}

export const PHOTO_FIELDS = ['src', 'alt', 'caption', 'kind', 'taken', 'welsh.alt', 'welsh.caption'] as const;
export type PhotoField = (typeof PHOTO_FIELDS)[number];
type WelshPhotoField = 'welsh.alt' | 'welsh.caption';
/** A photo's details as the form shows them; a photo without Welsh may leave the Welsh out. */
export type PhotoValues = Record<Exclude<PhotoField, WelshPhotoField>, string> &
  Partial<Record<WelshPhotoField, string>>;

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
      // The Welsh only where there is some, so a photo without Welsh reads as before.
      return Object.fromEntries(
        PHOTO_FIELDS.map((k) => [k, asText(get(p, k))]).filter(
          ([k, v]) => v !== '' || !k!.startsWith('welsh.'),
        ),
      ) as PhotoValues;
    }),
  };
}

const PHOTO_INPUT_RE = /^photos\[(\d{1,3})\]\.(src|alt|caption|kind|taken|welsh\.alt|welsh\.caption)$/;

function emptyPhoto(): PhotoValues {
  return { src: '', alt: '', caption: '', kind: '', taken: '' };
}

/** The photo rows of a submitted form, in the order of their indices. */
export function photosFromForm(form: Iterable<[string, string]>): PhotoValues[] {
  const rows = new Map<number, PhotoValues>();
  for (const [name, value] of form) {
    const m = PHOTO_INPUT_RE.exec(name);
    if (!m) continue;
    const index = Number(m[1]);
    const row = rows.get(index) ?? emptyPhoto();
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

/** Removes `data[key]` if it is a group that holds no values, after removing its own empty groups. */
function dropEmptyGroups(data: Record<string, unknown>, key: string): void {
  const group = data[key];
  if (group === null || typeof group !== 'object' || Array.isArray(group)) return;
  const record = group as Record<string, unknown>;
  for (const inner of Object.keys(record)) dropEmptyGroups(record, inner);
  if (Object.keys(record).length === 0) delete data[key];
}

/** What a text input holds as a value in the file: nothing for an empty box, a number for a whole number of years. */
function fieldValue(field: FormField, text: string): unknown {
  const trimmed = withoutInvisible(text).trim();
  if (field.kind === 'checkbox') return trimmed !== '';
  if (trimmed === '') return undefined;
  if (field.kind === 'list')
    return trimmed
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  // A date as people type it ("4/12/2026", "4 December 2026 9:30pm") becomes the file's; one that
  // cannot be read stays as typed, so the check says what is wrong with it.
  if (field.kind === 'date')
    return readTypedDate(trimmed, { time: field.withTime ?? false })?.value ?? trimmed;
  // Left as text otherwise, so the check says what it found ("expected a whole number of years, like 14, got "fourteen"").
  if (field.path === 'ageAtDisappearance' && /^\d{1,3}$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}

function photoData(row: PhotoValues): Record<string, unknown> {
  const out: Record<string, unknown> = { src: row.src.trim() };
  for (const key of ['alt', 'caption'] as const) {
    const text = withoutInvisible(row[key]).trim();
    if (text !== '') out[key] = text;
  }
  const taken = withoutInvisible(row.taken).trim();
  if (taken !== '') out.taken = readTypedDate(taken, { month: true })?.value ?? taken;
  out.kind = (PHOTO_KINDS as readonly string[]).includes(row.kind) ? row.kind : row.kind.trim() || 'photo';
  const welsh: Record<string, string> = {};
  for (const [key, field] of [
    ['alt', 'welsh.alt'],
    ['caption', 'welsh.caption'],
  ] as const) {
    const text = withoutInvisible(row[field] ?? '').trim();
    if (text !== '') welsh[key] = text;
  }
  if (Object.keys(welsh).length > 0) out.welsh = welsh;
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
  // Emptied Welsh boxes leave no empty `welsh:` groups behind.
  dropEmptyGroups(data, 'welsh');
  data.photos = photos.map(photoData);
  // Browsers send a text box's line breaks as CRLF; files keep plain newlines.
  const body = withoutInvisible(values[BODY_FIELD] ?? '').trim();
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
  const photo = /^photos\[(\d+)\]\.(src|alt|caption|kind|taken|welsh\.alt|welsh\.caption)$/.exec(field);
  if (photo) return Number(photo[1]) < photoCount ? field : PHOTOS_GROUP;
  if (field === 'photos' || field.startsWith('photos[')) return PHOTOS_GROUP;
  return APPEAL_FORM.some((s) => s.fields.some((f) => f.path === field)) ? field : undefined;
}
