import { z } from 'zod';
import { formatCalendarDate, impossibleDateReason, parseCalendarDate } from './calendar-date.ts';
import { impossibleMissingSinceReason, parseMissingSince } from './missing-since.ts';
import { hiddenCharacter, hiddenCharacterMessage, numberToText, wholeNumberFromText } from './typed-text.ts';

/**
 * The appeal frontmatter schema. Every message starts "expected …"; the error formatter adds
 * the field path and what was found, so a comms officer sees exactly what to fix.
 * Pure zod with no Astro imports: `content.config.ts` passes Astro's `image()` as `photoSource`.
 */

export const APPEAL_STATUSES = ['active', 'found', 'withdrawn'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const SEXES = ['female', 'male'] as const;
export const PHOTO_KINDS = ['photo', 'age-progressed'] as const;

/** Markup: a "<" that starts a tag, comment or processing instruction. */
const MARKUP_RE = /<[a-z!/?]/i;
/** Why text is not plain, visible text, or undefined. Names must read as they are checked. */
export function plainTextProblem(value: string): string | undefined {
  // Most text is printable ASCII without "<" or "&": nothing to look for.
  if (/^[\x20-\x25\x27-\x3b\x3d-\x7e]*$/.test(value)) return undefined;
  if (MARKUP_RE.test(value)) return 'expected plain text, without HTML tags (<…>)';
  // Typed, or written as a reference (&shy;): a published copy may decode it (issue 20).
  const hidden = hiddenCharacter(value);
  return hidden && hiddenCharacterMessage(hidden);
}

/**
 * Longest text a field may hold: a name, place or description is a phrase, not a page. Longer text
 * is a paste gone wrong, and would break the card, the poster and the share image.
 */
export const MAX_TEXT_LENGTH = 300;

const text = (expected: string) =>
  z.preprocess(
    numberToText,
    z
      .string({ error: `expected ${expected}` })
      .trim()
      .min(1, { error: `expected ${expected}, not an empty value` })
      .max(MAX_TEXT_LENGTH, { error: `expected ${expected} of at most ${MAX_TEXT_LENGTH} characters` })
      .superRefine((value, ctx) => {
        const problem = plainTextProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
  );

const optionalText = (expected: string) => text(expected).optional();

/**
 * Text that must be a real date: shaped right (`expected`) and on the calendar. An impossible date
 * says so, with the reason in `params.reason` for the error formatter: "(February 2026 has 28 days)".
 */
function dateText(
  expected: string,
  isValid: (text: string) => boolean,
  impossibleReason: (text: string) => string | undefined,
) {
  return z.string({ error: `expected ${expected}` }).superRefine((value, ctx) => {
    if (isValid(value)) return;
    const reason = impossibleReason(value);
    ctx.addIssue({
      code: 'custom',
      message: reason ? 'expected a real date like 2026-05-01' : `expected ${expected}`,
      ...(reason ? { params: { reason } } : {}),
    });
  });
}

export const calendarDate = (expected = 'a date like 2026-05-01') =>
  dateText(expected, (s) => parseCalendarDate(s) !== undefined, impossibleDateReason);

const monthOrDate = dateText(
  'a date like 2026-05-01 or a month like 2026-05',
  (s) =>
    parseCalendarDate(s) !== undefined ||
    (/^\d{4}-\d{2}$/.test(s) && parseCalendarDate(`${s}-01`) !== undefined),
  (s) => impossibleDateReason(/^\d{4}-\d{2}$/.test(s) ? `${s}-01` : s),
);

const missingSince = dateText(
  'a date like 2026-05-01, or a date and UK time like "2026-05-01 18:30"',
  (s) => parseMissingSince(s) !== undefined,
  impossibleMissingSinceReason,
);

const bool = (expected: string) => z.boolean({ error: `expected ${expected}` });

export function photoSchema<P extends z.ZodType>(photoSource: P) {
  return z.strictObject(
    {
      src: photoSource,
      alt: text('alt text describing the photo for people who cannot see it'),
      caption: optionalText('a short caption'),
      kind: z.enum(PHOTO_KINDS, { error: 'expected "photo" or "age-progressed"' }).default('photo'),
      taken: monthOrDate.optional(),
      welsh: z
        .strictObject(
          {
            alt: optionalText('the alt text in Welsh'),
            caption: optionalText('the caption in Welsh'),
          },
          { error: 'expected the Welsh alt and caption, like welsh: { alt: … }' },
        )
        .optional(),
    },
    { error: 'expected a photo with src and alt' },
  );
}

/**
 * The Welsh versions of an appeal's free text, in a `welsh:` block with the English field names.
 * Each is optional; the rules between the two languages are in welsh-twins.ts. The circumstances
 * are Markdown, checked like the English body (src/lib/content/circumstances.ts).
 */
const welshSchema = z.strictObject(
  {
    lastSeen: z
      .strictObject(
        {
          place: optionalText('where the child was last seen, in Welsh'),
          town: optionalText('the town or city, in Welsh, like "Caerdydd"'),
        },
        { error: 'expected place and town in Welsh' },
      )
      .optional(),
    description: z
      .strictObject(
        {
          height: optionalText('the height in Welsh'),
          build: optionalText('the build in Welsh'),
          hair: optionalText('the hair in Welsh'),
          eyes: optionalText('the eye colour in Welsh'),
          clothing: optionalText('what the child was wearing, in Welsh'),
          features: optionalText('distinguishing features in Welsh'),
        },
        { error: 'expected height, build, hair, eyes, clothing and features in Welsh' },
      )
      .optional(),
    circumstances: z.string({ error: 'expected the circumstances in Welsh, as Markdown text' }).optional(),
  },
  { error: 'expected the Welsh text: lastSeen, description and circumstances' },
);

export function activeAppealSchema<P extends z.ZodType>(photoSource: P) {
  return z
    .strictObject({
      status: z.literal('active', { error: 'expected "active", "found" or "withdrawn"' }),
      name: text("the child's name"),
      knownAs: z
        .array(text('another name'), { error: 'expected a list of other names, like [Mimi, Amy]' })
        .default([]),
      sex: z.enum(SEXES, { error: 'expected "female" or "male"' }),
      dateOfBirth: calendarDate().optional(),
      ageAtDisappearance: z
        .preprocess(
          wholeNumberFromText,
          z
            .number({ error: 'expected a whole number of years, like 14' })
            .int({ error: 'expected a whole number of years, like 14' })
            .min(0, { error: 'expected an age from 0 to 17' })
            .max(17, { error: 'expected an age from 0 to 17: this site is for children' }),
        )
        .optional(),
      missingSince,
      lastSeen: z.strictObject(
        {
          place: text('where the child was last seen, like "Outside Park Road library"'),
          town: text('a town or city'),
          region: text('a region id from content/settings.yaml'),
        },
        { error: 'expected place, town and region' },
      ),
      description: z.strictObject(
        {
          height: optionalText('a height, like "5 ft 2 in (157 cm)"'),
          build: optionalText('a build, like "slim"'),
          hair: optionalText('a hair description'),
          eyes: optionalText('an eye colour'),
          clothing: optionalText('what the child was wearing'),
          features: optionalText('distinguishing features'),
        },
        { error: 'expected height, build, hair, eyes, clothing and features' },
      ),
      welsh: welshSchema.optional(),
      photos: z
        .array(photoSchema(photoSource), { error: 'expected a list of photos, each with src and alt' })
        .min(1, { error: 'expected at least one photo' }),
      force: z.strictObject(
        {
          name: text('the police force name'),
          reference: text('the police reference, like 13260012345'),
        },
        { error: 'expected the police force name and reference' },
      ),
      consent: z.strictObject(
        {
          by: text('who authorised publication, like "Mother" or "West Yorkshire Police"'),
          date: calendarDate(),
        },
        { error: 'expected who authorised publication (by) and when (date)' },
      ),
      reviewBy: calendarDate(),
      urgent: bool('true or false').default(false),
      published: calendarDate(),
      updated: calendarDate(),
    })
    .superRefine(
      (appeal, ctx) => {
        for (const issue of crossFieldIssues(appeal)) ctx.addIssue(issue);
      },
      // Run even when other fields have problems, so every problem is reported at once: each rule
      // looks only at fields that are themselves well-formed.
      { when: (payload) => payload.value !== null && typeof payload.value === 'object' },
    );
}

/** A field's value if it is a real calendar date (`YYYY-MM-DD`), else undefined. */
function dateIn(value: unknown): string | undefined {
  return typeof value === 'string' && parseCalendarDate(value) !== undefined ? value : undefined;
}

/**
 * The rules between fields of an appeal. Each is checked whenever the fields it compares are
 * well-formed, whatever else is wrong, so a fix never uncovers a new problem.
 */
export function crossFieldIssues(
  appeal: Record<string, unknown>,
): Array<{ code: 'custom'; path: string[]; message: string }> {
  const issues: Array<{ code: 'custom'; path: string[]; message: string }> = [];
  const issue = (field: string, message: string) => issues.push({ code: 'custom', path: [field], message });
  const given = (v: unknown) => v !== undefined && v !== null && v !== '';
  if (!given(appeal.dateOfBirth) && !given(appeal.ageAtDisappearance))
    issue('dateOfBirth', 'expected dateOfBirth or ageAtDisappearance');
  if (given(appeal.dateOfBirth) && given(appeal.ageAtDisappearance))
    issue('ageAtDisappearance', 'expected either dateOfBirth or ageAtDisappearance, not both');
  const missingSince =
    typeof appeal.missingSince === 'string' ? parseMissingSince(appeal.missingSince) : undefined;
  const missing = missingSince ? formatCalendarDate(missingSince.date) : undefined;
  const dateOfBirth = dateIn(appeal.dateOfBirth);
  if (missing && dateOfBirth && dateOfBirth > missing)
    issue('dateOfBirth', `expected a date before missingSince (${missing})`);
  const published = dateIn(appeal.published);
  if (missing && published && published < missing)
    issue(
      'published',
      `expected a date on or after missingSince (${missing}): an appeal is not published before the child went missing`,
    );
  const updated = dateIn(appeal.updated);
  if (published && updated && updated < published)
    issue('updated', `expected a date on or after published (${published})`);
  return issues;
}

/** A closed appeal is a tombstone: its id, status and dates, and nothing personal. */
export const closedAppealSchema = z.strictObject({
  status: z.enum(['found', 'withdrawn'], { error: 'expected "found" or "withdrawn"' }),
  closedAt: calendarDate().optional(),
  published: calendarDate().optional(),
  updated: calendarDate().optional(),
});

export type ClosedAppealData = z.output<typeof closedAppealSchema>;
export type ActiveAppealData<Photo = string> = Omit<
  z.output<ReturnType<typeof activeAppealSchema>>,
  'photos'
> & {
  photos: Array<Omit<z.output<ReturnType<typeof photoSchema>>, 'src'> & { src: Photo }>;
};

export function isClosedStatus(status: unknown): boolean {
  return status === 'found' || status === 'withdrawn';
}
