import { cardGlyphProblem } from '../outputs/card-glyphs.ts';
import { cardFonts } from '../photos/card-fonts.ts';
import type { SiteSettings } from '../model/settings-schema.ts';
import { type ContentProblem, formatPath } from './content-errors.ts';

/** The appeal fields the share card draws (the rest of its text is the site's own words and dates). */
const APPEAL_CARD_FIELDS = [['name'], ['force', 'reference'], ['lastSeen', 'place'], ['lastSeen', 'town']];

/** Text every font of the card draws: printable ASCII and whitespace. */
export const PRINTABLE_ASCII_RE = /^[\x20-\x7e\t\n\r]*$/;

function textAt(data: unknown, path: readonly (string | number)[]): string | undefined {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** Text at `paths` of raw data that the share card cannot draw, one problem per field. */
function cardTextProblems(
  file: string,
  data: unknown,
  paths: ReadonlyArray<readonly (string | number)[]>,
): ContentProblem[] {
  return paths.flatMap((path) => {
    const text = textAt(data, path);
    // Printable ASCII is always drawable (a unit test holds the fonts to it), so most content is
    // checked without reading the fonts at all.
    if (text === undefined || PRINTABLE_ASCII_RE.test(text)) return [];
    // Checked in both weights: which one draws a field is the card's layout, not the content's.
    const { regular, bold } = cardFonts();
    const message = cardGlyphProblem(text, [regular, bold]);
    return message ? [{ file, field: formatPath(path), message }] : [];
  });
}

/** An active appeal's fields that the share card cannot draw, read from its raw frontmatter. */
export function appealCardTextProblems(file: string, data: Record<string, unknown>): ContentProblem[] {
  return cardTextProblems(file, data, APPEAL_CARD_FIELDS);
}

/** The settings the share card draws (phone numbers, region names) that it cannot draw. */
export function settingsCardTextProblems(file: string, settings: SiteSettings): ContentProblem[] {
  return cardTextProblems(file, settings, [
    ['phones', 'emergency'],
    ['phones', 'police'],
    ['phones', 'helpline'],
    ...settings.regions.map((_, i) => ['regions', i, 'name']),
  ]);
}
