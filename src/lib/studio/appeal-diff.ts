import { regionName } from '../model/appeal-view.ts';
import type { SiteSettings } from '../model/settings-schema.ts';
import { readTypedDate } from './typed-date.ts';
import { APPEAL_FORM, formValuesFrom, PHOTO_FIELDS, type PhotoValues } from './appeal-form.ts';

/**
 * What changed between two versions of an appeal, in the studio form's words: per changed field its
 * label, old and new text; per photo place, the old and new photo. A publisher approves from this.
 */
export interface FieldChange {
  /** The field's path in index.md (for the page's anchors; never shown). */
  path: string;
  /** The form's label for it. */
  label: string;
  section: string;
  before: string;
  after: string;
}

export interface PhotoChange {
  /** 1-based place in the list of photos. */
  place: number;
  before?: PhotoValues | undefined;
  after?: PhotoValues | undefined;
  /** Labels of the photo's details that changed ("Photo", "Description", …). */
  changed: string[];
}

export interface AppealDiff {
  fields: FieldChange[];
  photos: PhotoChange[];
  /** Form fields that did not change, counted for "N other details unchanged". */
  unchanged: number;
  /** Details the form does not show that changed (a hand edit, say): their plain names only. */
  otherChanged: string[];
}

export interface AppealVersion {
  data: Record<string, unknown>;
  body: string;
}

const PHOTO_LABELS: Record<(typeof PHOTO_FIELDS)[number], string> = {
  src: 'Picture',
  alt: 'Description for people who cannot see it',
  caption: 'Caption',
  kind: 'Kind of picture',
  taken: 'When it was taken',
  'welsh.alt': 'Description for people who cannot see it, in Welsh (Cymraeg)',
  'welsh.caption': 'Caption, in Welsh (Cymraeg)',
};

/** Top-level details the form sets itself or does not show; `updated` changes on every save. */
const NOT_COMPARED = new Set([
  'updated',
  'photos',
  ...APPEAL_FORM.flatMap((s) => s.fields.map((f) => f.path.split('.')[0]!)),
]);

const OTHER_LABELS: Record<string, string> = {
  status: 'Status',
  closedAt: 'Closed on',
};

/** A stable text for any YAML value, to tell whether a detail the form does not show changed. */
function canonical(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${k}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

/** The changes from `before` (undefined for a new appeal) to `after`. */
export function diffAppeal(
  before: AppealVersion | undefined,
  after: AppealVersion,
  settings?: SiteSettings,
): AppealDiff {
  const old = before ? formValuesFrom(before.data, before.body) : { values: {}, photos: [] };
  const now = formValuesFrom(after.data, after.body);
  const fields: FieldChange[] = [];
  let unchanged = 0;
  for (const section of APPEAL_FORM)
    for (const field of section.fields) {
      const a = old.values[field.path] ?? '';
      const b = now.values[field.path] ?? '';
      if (a === b) unchanged++;
      else
        fields.push({
          path: field.path,
          label: field.label,
          section: section.title,
          before: displayed(field.kind, a, settings),
          after: displayed(field.kind, b, settings),
        });
    }
  const photos: PhotoChange[] = [];
  for (let i = 0; i < Math.max(old.photos.length, now.photos.length); i++) {
    const a = old.photos[i];
    const b = now.photos[i];
    const changed = PHOTO_FIELDS.filter((k) => (a?.[k] ?? '') !== (b?.[k] ?? '')).map((k) => PHOTO_LABELS[k]);
    if (changed.length > 0) photos.push({ place: i + 1, before: a, after: b, changed });
  }
  const keys = new Set([...Object.keys(before?.data ?? {}), ...Object.keys(after.data)]);
  const otherChanged = [...keys]
    .filter((k) => !NOT_COMPARED.has(k))
    .filter((k) => canonical(before?.data[k]) !== canonical(after.data[k]))
    .sort()
    .map((k) => OTHER_LABELS[k] ?? 'A detail the form does not show');
  return { fields, photos, unchanged, otherChanged: [...new Set(otherChanged)] };
}

/** A value as comms staff would say it: dates in words, "Female" not `female`, a region's name. */
function displayed(kind: string, value: string, settings: SiteSettings | undefined): string {
  if (kind === 'checkbox') return value ? 'Yes' : 'No';
  if (value === '') return value;
  if (kind === 'date') return readTypedDate(value, { time: true, month: true })?.spoken ?? value;
  if (kind === 'sex') return value.charAt(0).toUpperCase() + value.slice(1);
  if (kind === 'region') return settings ? regionName(settings, value) : value;
  return value;
}

/** True when nothing the public would see changed. */
export function isEmptyDiff(diff: AppealDiff): boolean {
  return diff.fields.length === 0 && diff.photos.length === 0 && diff.otherChanged.length === 0;
}

/** "Height, Photo 2" — the changed things' names, for lists and the history. */
export function changedNames(diff: AppealDiff): string[] {
  return [
    ...diff.fields.map((f) => f.label),
    ...diff.photos.map((p) => `Photo ${p.place}`),
    ...diff.otherChanged,
  ];
}
