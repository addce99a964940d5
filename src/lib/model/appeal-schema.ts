import { z } from 'zod';
import { parseCalendarDate } from './calendar-date.ts';
import { parseMissingSince } from './missing-since.ts';

/**
 * The appeal frontmatter schema. Every message starts "expected …"; the error formatter adds
 * the field path and what was found, so a comms officer sees exactly what to fix.
 * Pure zod with no Astro imports: `content.config.ts` passes Astro's `image()` as `photoSource`.
 */

export const APPEAL_STATUSES = ['active', 'found', 'withdrawn'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const CLOSED_STATUSES: readonly AppealStatus[] = ['found', 'withdrawn'];
export const SEXES = ['female', 'male'] as const;
export const PHOTO_KINDS = ['photo', 'age-progressed'] as const;

/** YAML turns an unquoted 2026-05-01 into a Date at UTC midnight; we want the text back. */
function yamlDateToText(value: unknown): unknown {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return value;
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** A value YAML may read as a number (a reference like 13260012345) that we keep as text. */
function numberToText(value: unknown): unknown {
  return typeof value === 'number' ? String(value) : value;
}

const text = (expected: string) =>
  z.preprocess(
    numberToText,
    z
      .string({ error: `expected ${expected}` })
      .trim()
      .min(1, { error: `expected ${expected}, not an empty value` }),
  );

const optionalText = (expected: string) => text(expected).optional();

export const calendarDate = (expected = 'a date like 2026-05-01') =>
  z.preprocess(
    yamlDateToText,
    z
      .string({ error: `expected ${expected}` })
      .refine((s) => parseCalendarDate(s) !== undefined, { error: `expected ${expected}` }),
  );

const monthOrDate = z.preprocess(
  yamlDateToText,
  z
    .string({ error: 'expected a date like 2026-05-01 or a month like 2026-05' })
    .refine((s) => parseCalendarDate(s) !== undefined || parseCalendarDate(`${s}-01`) !== undefined, {
      error: 'expected a date like 2026-05-01 or a month like 2026-05',
    }),
);

const missingSince = z.preprocess(
  yamlDateToText,
  z
    .string({ error: 'expected a date like 2026-05-01, or a date and UK time like "2026-05-01 18:30"' })
    .refine((s) => parseMissingSince(s) !== undefined, {
      error: 'expected a date like 2026-05-01, or a date and UK time like "2026-05-01 18:30"',
    }),
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
    },
    { error: 'expected a photo with src and alt' },
  );
}

/** Fields that hold personal data: none of them may outlive an appeal's closure. */
export const PERSONAL_FIELDS = [
  'name',
  'knownAs',
  'sex',
  'dateOfBirth',
  'ageAtDisappearance',
  'missingSince',
  'lastSeen',
  'description',
  'photos',
  'force',
  'consent',
  'reviewBy',
  'urgent',
] as const;

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
        .number({ error: 'expected a whole number of years, like 14' })
        .int({ error: 'expected a whole number of years, like 14' })
        .min(0, { error: 'expected an age from 0 to 17' })
        .max(17, { error: 'expected an age from 0 to 17: this site is for children' })
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
    .superRefine((appeal, ctx) => {
      // Only reached when every field is well-formed; cross-field rules come last.
      if (appeal.dateOfBirth === undefined && appeal.ageAtDisappearance === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['dateOfBirth'],
          message: 'expected dateOfBirth or ageAtDisappearance',
        });
      }
      if (appeal.dateOfBirth !== undefined && appeal.ageAtDisappearance !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['ageAtDisappearance'],
          message: 'expected either dateOfBirth or ageAtDisappearance, not both',
        });
      }
      const missing = appeal.missingSince.slice(0, 10);
      if (appeal.dateOfBirth !== undefined && appeal.dateOfBirth > missing) {
        ctx.addIssue({
          code: 'custom',
          path: ['dateOfBirth'],
          message: `expected a date before missingSince (${missing})`,
        });
      }
      if (appeal.updated < appeal.published) {
        ctx.addIssue({
          code: 'custom',
          path: ['updated'],
          message: `expected a date on or after published (${appeal.published})`,
        });
      }
    });
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
