import { z } from 'zod';
import { numberToText, wholeNumberFromText } from './typed-text.ts';
import { sharedSquares } from '../outputs/region-map.ts';

const text = (expected: string) =>
  z.preprocess(
    numberToText,
    z
      .string({ error: `expected ${expected}` })
      .trim()
      .min(1, { error: `expected ${expected}` }),
  );

/** A whole number, typed as YAML text, from `min` to `max`. */
const wholeNumber = (expected: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(
    wholeNumberFromText,
    z
      .number({ error: expected })
      .int({ error: expected })
      .min(min, { error: `${expected}, at least ${min}` })
      .max(max, { error: `${expected}, at most ${max}` }),
  );

const REGION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `content/settings.yaml`: everything about the organisation that pages need. */
export const settingsSchema = z.strictObject({
  organisation: z.strictObject({
    name: text('the organisation name'),
    email: text('a contact email address'),
    pressEmail: text('a press contact email address').optional(),
    pressPhone: text('a press office phone number').optional(),
  }),
  phones: z.strictObject({
    emergency: text('the emergency number, "999"'),
    police: text('the police non-emergency number, "101"'),
    helpline: text('the helpline number, "116 000"'),
    helplineName: text('the helpline name, "Missing People"'),
  }),
  /** How a young person who finds their own appeal can get help (the /your-appeal/ page). */
  youngPeople: z
    .strictObject({
      /** The helpline number to text, if it takes texts; usually the helpline number itself. */
      textNumber: text('a number to text, like "116 000"').optional(),
      /** The helpline's email address, if it answers email. */
      email: text('an email address').optional(),
      /** The name of the helpline's service that passes messages home, like "Runaway Helpline". */
      messageService: text('a service name, like "Runaway Helpline"').optional(),
    })
    .default({}),
  regions: z
    .array(
      z.strictObject({
        id: z.string({ error: 'expected a region id like "north-west"' }).regex(REGION_ID, {
          error: 'expected a region id of lower-case letters, digits and hyphens, like "north-west"',
        }),
        name: text('a region name, like "North West"'),
        /** The name on Welsh pages (/cy/), like "Gogledd-orllewin Lloegr"; without it they show `name`. */
        welshName: text('a Welsh region name, like "Gogledd-orllewin Lloegr"').optional(),
        /** The region's square on the map of appeals (/map/): a tile grid, so no boundary data. */
        map: z
          .strictObject({
            row: wholeNumber('expected a whole number, the row counted from 0 at the top', 0, 19),
            column: wholeNumber('expected a whole number, the column counted from 0 at the left', 0, 19),
          })
          .optional(),
      }),
      { error: 'expected a list of regions, each with id and name' },
    )
    .min(1, { error: 'expected at least one region' })
    .superRefine((regions, ctx) => {
      const seen = new Set<string>();
      regions.forEach((r, i) => {
        if (seen.has(r.id))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'id'],
            message: `expected a unique region id; "${r.id}" is listed twice`,
          });
        seen.add(r.id);
      });
      for (const problem of sharedSquares(regions))
        ctx.addIssue({
          code: 'custom',
          message: `expected each region in its own square on the map; ${problem}`,
        });
    }),
  baseUrl: z.url({
    protocol: /^https?$/,
    error: 'expected the site address, like "https://appeals.example.org"',
  }),
  ageBands: z
    .array(
      z.strictObject({
        label: text('a label, like "12 to 14"'),
        min: wholeNumber('expected a whole number of years', 0),
        max: wholeNumber('expected a whole number of years', 0),
      }),
      { error: 'expected a list of age bands, each with label, min and max' },
    )
    .min(1)
    .default([
      { label: '0 to 11', min: 0, max: 11 },
      { label: '12 to 14', min: 12, max: 14 },
      { label: '15 to 17', min: 15, max: 17 },
    ]),
  appealsPerPage: wholeNumber('expected a whole number, like 24', 1, 200).default(24),
  demoContent: z.boolean({ error: 'expected true or false' }).default(false),
  embed: z
    .strictObject({
      /**
       * Sites allowed to frame /embed/latest/ (CSP frame-ancestors), like ["https://news.example"].
       * "*" allows any site: the widget shows only what the site itself shows.
       */
      allowedSites: z
        .array(
          z.string().regex(/^(\*|https:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?)$/, {
            error: 'expected "*" or a site like "https://news.example.org"',
          }),
          { error: 'expected a list of sites, like ["https://news.example.org"]' },
        )
        .min(1, { error: 'expected at least one site, or "*"' })
        .default(['*']),
    })
    .default({ allowedSites: ['*'] }),
  publish: z
    .strictObject({
      deployDir: text('a folder for releases, like "deploy"').optional(),
      archiveDir: text('a private folder for closed appeals, like "archive"').optional(),
      keepReleases: wholeNumber('expected a whole number, like 3', 1, 50).optional(),
      // A shell command never sits in content that authors edit: it is the operator's (PURGE_HOOK).
      purgeHook: z
        .never({
          error:
            'expected nothing here, since a shell command must never sit in content that authors edit: the operator sets the purge hook as the PURGE_HOOK environment variable of the process that publishes (see the README, Configuration); delete this line',
        })
        .optional(),
    })
    .default({}),
  languages: z
    .strictObject({
      /** Every appeal's free text in both English and Welsh (Welsh Language Standards). */
      requireWelsh: z.boolean({ error: 'expected true or false' }).default(false),
    })
    .default({ requireWelsh: false }),
  studio: z
    .strictObject({
      /** A new appeal goes live only once a publisher other than its author has approved it. */
      twoPersonRule: z.boolean({ error: 'expected true or false' }).default(true),
    })
    .default({ twoPersonRule: true }),
});

export type SiteSettings = z.output<typeof settingsSchema>;
export type AgeBand = SiteSettings['ageBands'][number];
