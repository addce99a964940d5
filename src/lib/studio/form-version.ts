import { APPEAL_FORM, type FormValues, type PhotoValues } from './appeal-form.ts';

/**
 * Which saved version of an appeal an edit form was opened from: the draft (when there is one, by
 * when it was started and its save count) and the appeal file it began from (its SHA-256). A save
 * from a form opened from an older version is refused, so nobody overwrites a colleague unawares.
 */
export interface FormVersion {
  /** When the draft was started ('' when there was no draft): a discarded and restarted draft differs. */
  draft: string;
  /** The draft's save count (0 when there was no draft). */
  saves: number;
  /** SHA-256 of the appeal file the draft began from, or of the file itself when there is no draft. */
  base: string;
}

/** The version as the form's hidden field carries it. */
export function encodeVersion(version: FormVersion): string {
  return `${version.saves}~${version.draft}~${version.base}`;
}

/** The version from a form's hidden field, or undefined when it is missing or not one. */
export function parseVersion(text: string): FormVersion | undefined {
  const m = /^(\d{1,9})~([\w:.-]*)~([\w-]*)$/.exec(text);
  return m ? { saves: Number(m[1]), draft: m[2]!, base: m[3]! } : undefined;
}

export function sameVersion(a: FormVersion, b: FormVersion): boolean {
  return a.saves === b.saves && a.draft === b.draft && a.base === b.base;
}

export interface FieldDifference {
  /** The label the form shows for the field. */
  label: string;
  theirs: string;
  yours: string;
}

/** How a photo list reads in the conflict message: one line per photo, by its description. */
function photoText(photos: readonly PhotoValues[]): string {
  if (photos.length === 0) return 'No photos';
  const described = (alt: string | undefined, caption: string | undefined) =>
    [alt || 'no description', caption && `(${caption})`].filter(Boolean).join(' ');
  return photos
    .map((p, i) => {
      const welsh =
        p['welsh.alt'] || p['welsh.caption']
          ? `; in Welsh: ${described(p['welsh.alt'], p['welsh.caption'])}`
          : '';
      return `Photo ${i + 1}: ${described(p.alt, p.caption)}${welsh}`;
    })
    .join('\n');
}

/** Shows a checkbox's value in words rather than "on". */
function shown(kind: string, value: string): string {
  if (kind === 'checkbox') return value ? 'Yes' : 'No';
  return value;
}

/**
 * Every field whose saved value ("theirs") differs from what the person typed ("yours"), labelled
 * as the form labels it, in the form's order; the photos count as one field.
 */
export function fieldDifferences(
  theirs: { values: FormValues; photos: readonly PhotoValues[] },
  yours: { values: FormValues; photos: readonly PhotoValues[] },
): FieldDifference[] {
  const differences: FieldDifference[] = [];
  for (const field of APPEAL_FORM.flatMap((s) => s.fields)) {
    const a = (theirs.values[field.path] ?? '').trim();
    const b = (yours.values[field.path] ?? '').trim();
    if (a !== b)
      differences.push({ label: field.label, theirs: shown(field.kind, a), yours: shown(field.kind, b) });
  }
  const a = photoText(theirs.photos);
  const b = photoText(yours.photos);
  if (a !== b || theirs.photos.map((p) => p.src).join() !== yours.photos.map((p) => p.src).join())
    differences.push({ label: 'Photos', theirs: a, yours: b });
  return differences;
}

/** What the studio calls a colleague: their display name, else their email's first part, capitalised ("jo.bloggs@…" is "Jo Bloggs"). */
export function personName(email: string, displayName?: string): string {
  if (displayName?.trim()) return displayName.trim();
  const local = email.split('@')[0] ?? email;
  const words = local.split(/[._+-]+/).filter(Boolean);
  if (words.length === 0) return email;
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}
