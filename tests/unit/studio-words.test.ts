// The studio's words: dates read as people type them (UK order) and said back; invisible
// characters taken out of typed text; every problem the check can find with a field of the form
// said in the form's words (no field paths, file names or "expected … got …"), all at once.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoFileName } from '../../src/lib/content/appeal-photos.ts';
import { problemsFromIssues, type ContentProblem } from '../../src/lib/content/content-errors.ts';
import type { ContentReport } from '../../src/lib/content/content-report.ts';
import { stringifyMarkdownFile } from '../../src/lib/content/frontmatter.ts';
import { scanAppealFolder } from '../../src/lib/content/validate-appeal.ts';
import { activeAppealSchema } from '../../src/lib/model/appeal-schema.ts';
import { APPEAL_FORM, appealFromForm, PHOTO_FIELDS } from '../../src/lib/studio/appeal-form.ts';
import { withoutInvisible } from '../../src/lib/studio/plain-input.ts';
import {
  dashboardProblem,
  FIELD_WORDS,
  plainProblem,
  plainUploadProblem,
} from '../../src/lib/studio/plain-problems.ts';
import { withBackToStudio } from '../../src/lib/studio/preview-banner.ts';
import { readTypedDate } from '../../src/lib/studio/typed-date.ts';

/** Words of the files and the code that staff never see in the studio. */
export const DEVELOPER_WORDS =
  /frontmatter|content\/|settings\.yaml|index\.md|\b[a-z]+[A-Z]\w*\b|\b\w+\.\w+\b(?<!\d\.\d)|photos\[\d+\]|\bexpected\b|\bgot\b|\brelease \d|\(line \d+\)|YYYY|\btrue\b|\bfalse\b|\bnpm\b/;

describe('dates as people type them', () => {
  it('reads UK day-month order, month names, ISO and times, and says what it understood', () => {
    expect(readTypedDate('4/12/2026')).toEqual({ value: '2026-12-04', spoken: 'Friday 4 December 2026' });
    expect(readTypedDate('4 December 2026')?.value).toBe('2026-12-04');
    expect(readTypedDate(' 4th Dec, 2026 ')?.value).toBe('2026-12-04');
    expect(readTypedDate('Friday 4 December 2026')?.value).toBe('2026-12-04');
    expect(readTypedDate('December 4 2026')?.value).toBe('2026-12-04');
    expect(readTypedDate('04.12.2026')?.value).toBe('2026-12-04');
    expect(readTypedDate('4-12-26')?.value).toBe('2026-12-04');
    expect(readTypedDate('2026-12-04')?.value).toBe('2026-12-04');
    expect(readTypedDate('4 sept 2026')?.value).toBe('2026-09-04');
    expect(readTypedDate('4/12/2026 9:30pm', { time: true })).toEqual({
      value: '2026-12-04 21:30',
      spoken: 'Friday 4 December 2026 at 9:30pm',
    });
    expect(readTypedDate('4 December 2026 at 9pm', { time: true })?.value).toBe('2026-12-04 21:00');
    expect(readTypedDate('4/12/2026 12am', { time: true })?.value).toBe('2026-12-04 00:00');
    expect(readTypedDate('4/12/2026 noon', { time: true })?.spoken).toBe('Friday 4 December 2026 at 12 noon');
    expect(readTypedDate('2026-05-01 18:30', { time: true })?.value).toBe('2026-05-01 18:30');
    expect(readTypedDate('April 2026', { month: true })).toEqual({ value: '2026-04', spoken: 'April 2026' });
  });

  it('reads nothing it would have to guess: impossible dates, times where none is taken, words', () => {
    for (const text of [
      '',
      'last Tuesday',
      '31/2/2026',
      '2026-13-01',
      '4/13/2026',
      '32 May 2026',
      'Smarch 4 2026',
    ])
      expect(readTypedDate(text), text).toBeUndefined();
    expect(readTypedDate('4/12/2026 9:30pm'), 'no time in a date-only field').toBeUndefined();
    expect(readTypedDate('4/12/2026 13pm', { time: true })).toBeUndefined();
    expect(readTypedDate('4/12/2026 24:00', { time: true })).toBeUndefined();
    expect(readTypedDate('April 2026'), 'a month alone only where a month is taken').toBeUndefined();
  });

  it('turns typed dates into the file’s dates when the form is saved, keeping what it cannot read', () => {
    const values = Object.fromEntries(APPEAL_FORM.flatMap((s) => s.fields).map((f) => [f.path, '']));
    const { data } = appealFromForm(
      {
        ...values,
        dateOfBirth: '14/3/2011',
        missingSince: '4 December 2026 9:30pm',
        reviewBy: 'soon',
      },
      [{ src: 'photo-1.jpg', alt: 'A', caption: '', kind: 'photo', taken: 'April 2026' }],
      {},
    );
    expect(data).toMatchObject({
      dateOfBirth: '2011-03-14',
      missingSince: '2026-12-04 21:30',
      reviewBy: 'soon',
    });
    expect(data.photos).toEqual([{ src: 'photo-1.jpg', alt: 'A', kind: 'photo', taken: '2026-04' }]);
  });
});

describe('invisible characters', () => {
  it('are taken out of typed text, keeping line breaks, tabs and every visible letter', () => {
    expect(withoutInvisible('Tomos\u200b Gw\u00adŷn\u202e Pritchard\ufeff')).toBe('Tomos Gwŷn Pritchard');
    expect(withoutInvisible('one\r\ntwo\rthree\tfour\u0007')).toBe('one\ntwo\nthree\tfour');
    expect(withoutInvisible('Zoë Łukasz Şahin Nguyễn')).toBe('Zoë Łukasz Şahin Nguyễn');
    // Issue 20: every default-ignorable, which check refuses, not only format characters.
    expect(withoutInvisible('Mai\u3164sie Bri\u034fn\ufe0fdle\u2060combe')).toBe('Maisie Brindlecombe');
    const values = Object.fromEntries(APPEAL_FORM.flatMap((s) => s.fields).map((f) => [f.path, '']));
    const { data, body } = appealFromForm(
      { ...values, name: 'Ana\u200d Pop', circumstances: 'Seen\u2066 at noon.' },
      [{ src: 'photo-1.jpg', alt: 'Girl\u200b smiling', caption: '', kind: 'photo', taken: '' }],
      {},
    );
    expect(data.name).toBe('Ana Pop');
    expect(body).toBe('Seen at noon.');
    expect((data.photos as Array<{ alt: string }>)[0]!.alt).toBe('Girl smiling');
  });
});

describe('hidden characters written as entities', () => {
  it('says which entity to remove, beside the field or the circumstances, in plain words', () => {
    const said = (field: string, message: string) => plainProblem({ file: 'f', field, message }, 1).message;
    expect(
      said(
        'name',
        'expected visible text only, got an invisible character (U+00AD, written &shy;) that can hide or reorder letters; remove &shy;',
      ),
    ).toBe("Remove &shy; from the child's name: it stands for a hidden character, which can hide a name.");
    expect(
      said(
        'circumstances (the text below the frontmatter)',
        'expected visible text only, got an invisible character (U+200C, written &zwnj;) that can hide or reorder letters; remove &zwnj; (line 30)',
      ),
    ).toBe('Remove &zwnj; from what happened: it stands for a hidden character, which can hide a name.');
    expect(
      said(
        'circumstances (the text below the frontmatter)',
        'expected visible text only, got an invisible character (U+00AD) that can hide or reorder letters; retype the text (line 30)',
      ),
    ).toBe('Type what happened again: it has a hidden character in it.');
  });
});

const schema = activeAppealSchema(photoFileName);
const VALID: Record<string, unknown> = {
  status: 'active',
  name: 'Wilhelmina Brackenbury',
  knownAs: ['Billie'],
  sex: 'female',
  dateOfBirth: '2012-01-02',
  missingSince: '2026-11-20 21:30',
  lastSeen: { place: 'Outside the bakery', town: 'Fenwick', region: 'london' },
  description: {
    height: '5 ft',
    build: 'slim',
    hair: 'dark',
    eyes: 'brown',
    clothing: 'coat',
    features: 'scar',
  },
  photos: [
    { src: 'photo-1.jpg', alt: 'Fictional portrait', caption: 'At school', kind: 'photo', taken: '2026-04' },
  ],
  force: { name: 'Fixture Police', reference: 'FIX-1' },
  consent: { by: 'Mother', date: '2026-11-21' },
  reviewBy: '2027-02-21',
  urgent: false,
  published: '2026-11-21',
  updated: '2026-11-21',
};

function withField(path: string, value: unknown): Record<string, unknown> {
  const data = structuredClone(VALID);
  const keys = path.split('.');
  let node = data;
  // A Welsh field's group (`welsh.lastSeen`) is made if the appeal has none.
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  if (value === undefined) delete node[keys.at(-1)!];
  else node[keys.at(-1)!] = value;
  return data;
}

function problemsOf(data: Record<string, unknown>): ContentProblem[] {
  const result = schema.safeParse(data);
  return result.success
    ? []
    : problemsFromIssues('content/appeals/2026-0042/index.md', result.error.issues, data, schema);
}

function expectPlain(problem: ContentProblem, label: string): string {
  const said = plainProblem(problem, 1);
  expect(said.message, `${label}: "${said.message}" for ${JSON.stringify(problem)}`).not.toMatch(
    DEVELOPER_WORDS,
  );
  expect(said.message, label).not.toMatch(/^Check .* not in a form the site can publish/);
  expect(said.message, label).toMatch(/^[A-Z].*\.$/);
  return said.message;
}

describe('problems in the words of the form', () => {
  it('has words for every field the form shows (a new field without them fails here)', () => {
    for (const field of APPEAL_FORM.flatMap((s) => s.fields))
      expect(FIELD_WORDS, field.path).toHaveProperty([field.path]);
    for (const key of PHOTO_FIELDS)
      expect(
        plainProblem({ file: 'f', field: `photos[0].${key}`, message: 'expected x, but it is missing' }, 1)
          .input,
      ).toBe(`photos[0].${key}`);
  });

  it('says every problem the check finds with each field plainly, linked to that field', () => {
    const cases: Array<[string, unknown]> = [];
    for (const field of APPEAL_FORM.flatMap((s) => s.fields)) {
      // The circumstances, English and Welsh, are checked as Markdown, not by the schema (below).
      if (field.path.endsWith('circumstances') || field.path === 'urgent') continue;
      cases.push([field.path, field.kind === 'list' ? ['x'.repeat(301)] : 'x'.repeat(301)]);
      cases.push([field.path, field.kind === 'list' ? 'Mimi' : '']);
      cases.push([field.path, '<b>bold</b>']);
      if (field.kind === 'date') cases.push([field.path, '2026-02-30'], [field.path, 'last Tuesday']);
    }
    for (const key of ['alt', 'caption', 'kind', 'taken', 'src'])
      cases.push([`photos.0.${key}`, key === 'src' ? 'photo-1.gif' : '<i>'], [`photos.0.${key}`, '']);
    cases.push(['ageAtDisappearance', 'fourteen'], ['ageAtDisappearance', 19]);
    for (const [path, value] of cases) {
      const data = path.startsWith('photos.')
        ? { ...VALID, photos: [{ ...(VALID.photos as object[])[0]!, [path.split('.')[2]!]: value }] }
        : withField(path, value);
      const found = problemsOf(data);
      expect(found.length, `${path} = ${JSON.stringify(value)}`).toBeGreaterThan(0);
      for (const problem of found) {
        const said = plainProblem(problem, 1);
        expect(said.input, JSON.stringify(problem)).toBeDefined();
        expectPlain(problem, `${path} = ${JSON.stringify(value)}`);
      }
    }
  });

  it('reports the rules between fields and against today at once, with every other problem', () => {
    const data = withField('name', '');
    Object.assign(data, { dateOfBirth: '2026-12-01', missingSince: '2026-11-20', published: '2026-11-01' });
    const said = problemsOf(data).map((p) => expectPlain(p, p.field ?? ''));
    expect(said).toEqual(
      expect.arrayContaining([
        "Enter the child's name.",
        'The date of birth must be before the date they went missing.',
        'The date first published must be on or after the date they went missing.',
      ]),
    );
    const neither = withField('dateOfBirth', undefined);
    neither.name = 42;
    neither.lastSeen = { place: '', town: 'Fenwick', region: 'london' };
    expect(problemsOf(neither).map((p) => plainProblem(p, 1).message)).toContain(
      'Enter the date of birth, or the age when missing if the date of birth is not to be published.',
    );
    const both = withField('ageAtDisappearance', 13);
    expect(problemsOf(both).map((p) => plainProblem(p, 1).message)).toEqual([
      'Give the date of birth or the age when missing, not both: empty one of them.',
    ]);
  });

  it('says the checks against today, the region, photos and the circumstances plainly', () => {
    const file = 'content/appeals/2026-0042/index.md';
    const messages = [
      { field: 'missingSince', message: 'expected a date on or before today (2026-12-05), got "2026-12-25"' },
      {
        field: 'consent.date',
        message: 'expected a date on or before today (2026-12-05), got "2027-01-01": consent…',
      },
      { field: 'reviewBy', message: 'expected a date after today, got "2026-01-01"' },
      {
        field: 'reviewBy',
        message:
          'review was due on 2026-01-01; check the appeal is still needed and current, then set a new reviewBy date',
      },
      {
        field: 'lastSeen.region',
        message: 'expected one of the regions in content/settings.yaml (london), got "mars"',
      },
      { field: 'photos', message: 'expected at least one photo' },
      {
        field: 'photos[0].src',
        message: 'expected at least 600 px on the short side, got 300×200 px; ask for a larger photo',
      },
      {
        field: 'circumstances (the text below the frontmatter)',
        message:
          'expected plain Markdown text; headings (lines starting with #) are not allowed: the page has its own (line 40)',
      },
      {
        field: 'circumstances (the text below the frontmatter)',
        message:
          'expected links to https:, mailto: or tel: addresses, got "http://x"; write the address with https:// (line 41)',
      },
      {
        field: 'circumstances (the text below the frontmatter)',
        message: 'expected a paragraph below the frontmatter describing the circumstances, but it is empty',
      },
      {
        field: 'circumstances (the text below the frontmatter)',
        message:
          'expected at most 5,000 characters, got 6,000; the public reads a few paragraphs, not a report',
      },
    ];
    const said = messages.map((m) => expectPlain({ file, ...m }, m.field));
    expect(said).toEqual(
      [
        'The date they went missing must be today or in the past.',
        'The date they agreed must be today or in the past.',
        'The review date must be after today: check the appeal is still needed, then choose a new date.',
        'The review date has passed: check with the family or the police that the appeal is still needed, then choose a new review date.',
        'Choose a region from the list.',
        'Add at least one photo.',
        'Photo 1 is too small: it must be at least 600 pixels on its shorter side. Ask for a larger photo.',
        'In what happened, headings (lines starting with #) are not allowed: the page has its own.',
        'In what happened, links must be to a web page starting https://, an email address or a phone number, not "http://x".',
        'Describe what happened, in a few plain sentences.',
        'What happened must be 5,000 characters or fewer.',
      ].map((m) => (m.endsWith('.') ? m : m)),
    );
    expect(plainProblem({ file, field: 'photos', message: 'expected at least one photo' }, 0).input).toBe(
      'photos',
    );
  });

  it('sends a problem outside the form, a bad settings file and a bad upload to plain words too', () => {
    const unknown = plainProblem(
      { file: 'x', field: 'lastSeen.twon', message: 'unknown field; did you mean "town"?' },
      0,
    );
    expect(unknown.input).toBeUndefined();
    expect(unknown.message).not.toMatch(DEVELOPER_WORDS);
    expect(
      dashboardProblem({ file: 'content/settings.yaml', message: 'expected valid YAML' }).message,
    ).not.toMatch(DEVELOPER_WORDS);
    expect(
      dashboardProblem({
        file: 'content/appeals/2026-0042/index.md',
        field: 'lastSeen.town',
        message: 'expected a town or city, but it is missing',
      }),
    ).toEqual({ id: '2026-0042', message: 'Enter the town or city.' });
    expect(
      plainUploadProblem(
        'family.heic: expected a JPEG, PNG, WebP or AVIF photo, got an HEIC photo (as iPhones save them); export it as JPEG first',
      ),
    ).toBe('family.heic is an iPhone HEIC photo: save it as a JPEG and add it again.');
  });
});

describe('the preview', () => {
  it('has a way back to the appeal in the studio at the top of its page', () => {
    const html = withBackToStudio(
      '<!doctype html><html><body class="x"><main>Page</main></body></html>',
      '2026-0042',
    );
    expect(html).toMatch(
      /<body class="x"><nav aria-label="Studio preview">.*href="\/appeals\/2026-0042\/".*<\/nav><main>/,
    );
    expect(withBackToStudio('no body', '2026-0042')).toBe('no body');
  });
});

describe('npm run check, on a real file', () => {
  it('reports every problem at once, the rules against today among them, and an overdue review only as a warning', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'studio-words-'));
    try {
      const dir = path.join(root, 'appeals', '2026-0042');
      mkdirSync(dir, { recursive: true });
      const data = withField('name', undefined);
      Object.assign(data, {
        missingSince: '2026-12-25',
        published: '2026-11-01',
        reviewBy: '2026-01-01',
        consent: { by: 'Mother', date: '2027-01-01' },
      });
      writeFileSync(path.join(dir, 'index.md'), stringifyMarkdownFile(data, 'A fictional appeal.'));
      const report: ContentReport = { appeals: [], problems: [], warnings: [] };
      scanAppealFolder(dir, '2026-0042', report, {
        today: { year: 2026, month: 11, day: 29 },
        displayRoot: root,
      });
      const fields = report.problems.map((p) => p.field);
      expect(fields).toEqual(expect.arrayContaining(['name', 'missingSince', 'consent.date', 'published']));
      expect(fields).not.toContain('reviewBy');
      expect(report.warnings.map((w) => w.field)).toEqual(['reviewBy']);
      // The check keeps the file's words.
      expect(report.problems.find((p) => p.field === 'consent.date')!.message).toMatch(
        /^expected a date on or before today \(2026-11-29\)/,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
