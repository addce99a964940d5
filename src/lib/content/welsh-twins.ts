import { circumstancesProblems } from './circumstances.ts';

/**
 * The rules between an appeal's English text and its Welsh version (the `welsh:` blocks): a Welsh
 * text never stands without its English twin, since the English page would miss what the Welsh one
 * says; and where the settings require both languages (`languages.requireWelsh`), no English text
 * stands without its Welsh twin either.
 */

/** The English body below the frontmatter, as problems name it. */
export const BODY_PROBLEM_FIELD = 'circumstances (the text below the frontmatter)';

/** Each free-text field with a Welsh twin, by its path in index.md. */
const WELSH_TWIN_FIELDS = [
  'lastSeen.place',
  'lastSeen.town',
  'description.height',
  'description.build',
  'description.hair',
  'description.eyes',
  'description.clothing',
  'description.features',
  'circumstances',
] as const;

/** Each photo's free-text fields with a Welsh twin (`photos[0].welsh.alt`). */
const WELSH_PHOTO_FIELDS = ['alt', 'caption'] as const;

/** The path of a field's Welsh twin: `description.hair` → `welsh.description.hair`. */
function welshPath(english: string): string {
  const photo = /^(photos\[\d+\])\.(\w+)$/.exec(english);
  return photo ? `${photo[1]}.welsh.${photo[2]}` : `welsh.${english}`;
}

function at(data: unknown, path: string): unknown {
  let current = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const given = (value: unknown): boolean =>
  value !== undefined && value !== null && (typeof value !== 'string' || value.trim() !== '');

interface TwinProblem {
  field: string;
  message: string;
}

/** Every pair of English and Welsh paths in `data`, photos included (their `photos[i]` paths). */
function twinPairs(
  data: Record<string, unknown>,
): Array<{ english: string; value: unknown; welsh: unknown }> {
  const pairs: Array<{ english: string; value: unknown; welsh: unknown }> = WELSH_TWIN_FIELDS.map(
    (english) => ({
      english,
      value: english === 'circumstances' ? undefined : at(data, english),
      welsh: at(data, welshPath(english)),
    }),
  );
  const photos = Array.isArray(data.photos) ? (data.photos as unknown[]) : [];
  photos.forEach((photo, i) => {
    for (const key of WELSH_PHOTO_FIELDS)
      pairs.push({
        english: `photos[${i}].${key}`,
        value: at(photo, key),
        welsh: at(photo, `welsh.${key}`),
      });
  });
  return pairs;
}

/** The problems between the two languages of an appeal's `data` and English `body`. */
export function welshTwinProblems(
  data: Record<string, unknown>,
  body: string,
  requireWelsh: boolean,
): TwinProblem[] {
  const problems: TwinProblem[] = [];
  for (const pair of twinPairs(data)) {
    const english = pair.english === 'circumstances' ? given(body) : given(pair.value);
    const welsh = given(pair.welsh);
    const welshField = welshPath(pair.english);
    if (welsh && !english)
      problems.push({
        field: pair.english === 'circumstances' ? BODY_PROBLEM_FIELD : pair.english,
        message: `expected the English text too, since its Welsh twin (${welshField}) is given: write both, or neither`,
      });
    if (english && !welsh && requireWelsh)
      problems.push({
        field: welshField,
        message: `expected the Welsh text too, since its English twin (${pair.english}) is given and content/settings.yaml requires both languages (languages.requireWelsh): write both, or neither`,
      });
  }
  const circumstances = at(data, 'welsh.circumstances');
  if (typeof circumstances === 'string' && circumstances.trim() !== '')
    for (const message of circumstancesProblems(circumstances))
      problems.push({ field: 'welsh.circumstances', message: message.replace(/ \(line \d+\)$/, '') });
  return problems;
}
