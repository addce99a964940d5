import { cpSync, mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content/content-errors.ts';
import { stringifyMarkdownFile } from '../../src/lib/content/frontmatter.ts';
import { validateContent } from '../../src/lib/content/validate-content.ts';
import { FIXTURES, plainTestPhoto } from '../helpers/fixture-content.ts';

const TODAY = { year: 2026, month: 11, day: 29 };
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function validAppeal(): Record<string, unknown> {
  return {
    status: 'active',
    name: 'Zephyrine Quillfeather',
    knownAs: ['Zeph'],
    sex: 'female',
    dateOfBirth: '2012-02-29',
    missingSince: '2026-05-01 18:30',
    lastSeen: { place: 'Park Road', town: 'Oldtown', region: 'north-west' },
    description: { height: '5 ft 2 in', hair: 'Dark brown' },
    photos: [{ src: 'photo-1.jpg', alt: 'Fictional portrait' }],
    force: { name: 'Fixture Constabulary', reference: 'FIX-1' },
    consent: { by: 'Mother', date: '2026-05-02' },
    reviewBy: '2027-05-01',
    urgent: false,
    published: '2026-05-02',
    updated: '2026-05-03',
  };
}

/** A content folder with the fixture settings and one appeal, 2026-0042, written from `frontmatter`. */
async function contentWith(
  frontmatter: Record<string, unknown> | string,
  body = 'A fictional test appeal.',
  extraFiles: string[] = ['photo-1.jpg'],
): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), 'appeals-check-'));
  roots.push(root);
  cpSync(path.join(FIXTURES, 'basic/settings.yaml'), path.join(root, 'settings.yaml'));
  const dir = path.join(root, 'appeals', '2026-0042');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'index.md'),
    typeof frontmatter === 'string' ? frontmatter : stringifyMarkdownFile(frontmatter, body),
  );
  for (const file of extraFiles) writeFileSync(path.join(dir, file), await plainTestPhoto(1));
  return root;
}

async function messagesFor(root: string | Promise<string>): Promise<string[]> {
  return (await validateContent(await root, { today: TODAY, displayRoot: await root })).problems.map(
    formatProblem,
  );
}

const FILE = 'appeals/2026-0042/index.md';

describe('validateContent', () => {
  it('accepts a valid appeal', async () => {
    const report = await validateContent(await contentWith(validAppeal()), { today: TODAY });
    expect(report.problems).toEqual([]);
    expect(report.appeals.map((a) => a.id)).toEqual(['2026-0042']);
  });

  it('reads unquoted YAML dates the way Astro does', async () => {
    const raw = stringifyMarkdownFile(validAppeal(), 'Text.')
      .replace("published: '2026-05-02'", 'published: 2026-05-02')
      .replace('published: "2026-05-02"', 'published: 2026-05-02');
    expect(raw).toContain('published: 2026-05-02\n');
    expect(await messagesFor(contentWith(raw))).toEqual([]);
  });

  const cases: Array<[string, (a: Record<string, unknown>) => void, string]> = [
    [
      'an impossible date',
      (a) => (a.missingSince = '31/02/2026'),
      `${FILE}: missingSince: expected a date like 2026-05-01, or a date and UK time like "2026-05-01 18:30", got "31/02/2026"`,
    ],
    ['an unknown field (typo)', (a) => (a.nmae = 'x'), `${FILE}: nmae: unknown field; did you mean "name"?`],
    [
      'a typo inside a group',
      (a) => (a.lastSeen = { place: 'Park Road', twon: 'Oldtown', region: 'north-west' }),
      `${FILE}: lastSeen.twon: unknown field; did you mean "town"?`,
    ],
    ['a missing name', (a) => delete a.name, `${FILE}: name: expected the child's name, but it is missing`],
    [
      'an unknown status',
      (a) => (a.status = 'closed'),
      `${FILE}: status: expected "active", "found" or "withdrawn", got "closed"`,
    ],
    ['an unknown sex', (a) => (a.sex = 'girl'), `${FILE}: sex: expected "female" or "male", got "girl"`],
    [
      'an adult age',
      (a) => {
        delete a.dateOfBirth;
        a.ageAtDisappearance = 19;
      },
      `${FILE}: ageAtDisappearance: expected an age from 0 to 17: this site is for children, got 19`,
    ],
    [
      'a photo with no alt text',
      (a) => (a.photos = [{ src: 'photo-1.jpg' }]),
      `${FILE}: photos[0].alt: expected alt text describing the photo for people who cannot see it, but it is missing`,
    ],
    [
      'a photo with empty alt text',
      (a) => (a.photos = [{ src: 'photo-1.jpg', alt: '  ' }]),
      `${FILE}: photos[0].alt: expected alt text describing the photo for people who cannot see it, not an empty value, got an empty value`,
    ],
    [
      'a photo file that does not exist',
      (a) => (a.photos = [{ src: 'photo-9.jpg', alt: 'x' }]),
      `${FILE}: photos[0].src: expected a photo file in`,
    ],
    [
      'no photos at all',
      (a) => (a.photos = []),
      `${FILE}: photos: expected at least one photo, got a list of 0`,
    ],
    [
      'a photo that is not an image',
      (a) => (a.photos = [{ src: 'notes.txt', alt: 'x' }]),
      `${FILE}: photos[0].src: expected a .jpg, .jpeg, .png, .webp or .avif file, got "notes.txt"`,
    ],
    [
      'a photo kind that does not exist',
      (a) => (a.photos = [{ src: 'photo-1.jpg', alt: 'x', kind: 'drawing' }]),
      `${FILE}: photos[0].kind: expected "photo" or "age-progressed", got "drawing"`,
    ],
    [
      'an unknown region',
      (a) => (a.lastSeen = { place: 'Park Road', town: 'Oldtown', region: 'narnia' }),
      `${FILE}: lastSeen.region: expected one of the regions in content/settings.yaml (north-west, london, yorkshire-and-the-humber), got "narnia"`,
    ],
    [
      'neither date of birth nor age',
      (a) => delete a.dateOfBirth,
      `${FILE}: dateOfBirth: expected dateOfBirth or ageAtDisappearance, but it is missing`,
    ],
    [
      'a date of birth after the disappearance',
      (a) => (a.dateOfBirth = '2026-06-01'),
      `${FILE}: dateOfBirth: expected a date before missingSince (2026-05-01), got "2026-06-01"`,
    ],
    [
      'a disappearance in the future',
      (a) => (a.missingSince = '2027-01-01'),
      `${FILE}: missingSince: expected a date on or before today (2026-11-29), got "2027-01-01"`,
    ],
    ['urgent as text', (a) => (a.urgent = 'yes'), `${FILE}: urgent: expected true or false, got "yes"`],
    [
      'knownAs as a single string',
      (a) => (a.knownAs = 'Zeph'),
      `${FILE}: knownAs: expected a list of other names, like [Mimi, Amy], got "Zeph"`,
    ],
    [
      'consent with no date',
      (a) => (a.consent = { by: 'Mother' }),
      `${FILE}: consent.date: expected a date like 2026-05-01, but it is missing`,
    ],
    [
      "a photo file name with the child's name",
      (a) => (a.photos = [{ src: 'zephyrine.jpg', alt: 'x' }]),
      `${FILE}: photos[0].src: expected a neutral file name like photo-1.jpg, got "zephyrine.jpg", which contains part of the child's name (zephyrine, zeph)`,
    ],
    [
      'updated before published',
      (a) => (a.updated = '2026-05-01'),
      `${FILE}: updated: expected a date on or after published (2026-05-02), got "2026-05-01"`,
    ],
  ];

  it.each(cases)('names the file, field and reason for %s', async (_, mutate, expected) => {
    const appeal = validAppeal();
    mutate(appeal);
    const extra = ['photo-1.jpg', 'notes.txt', 'zephyrine.jpg'];
    const messages = await messagesFor(contentWith(appeal, 'A fictional test appeal.', extra));
    expect(
      messages.some((m) => m.startsWith(expected)),
      `expected a message starting:\n  ${expected}\ngot:\n  ${messages.join('\n  ')}`,
    ).toBe(true);
  });

  it('reports every problem at once, not just the first', async () => {
    const appeal = validAppeal();
    appeal.sex = 'girl';
    appeal.missingSince = 'last Tuesday';
    appeal.photos = [{ src: 'photo-1.jpg' }];
    delete appeal.force;
    const messages = await messagesFor(contentWith(appeal));
    expect(messages.map((m) => m.split(': ')[1])).toEqual(
      expect.arrayContaining(['sex', 'missingSince', 'photos[0].alt', 'force']),
    );
  });

  it('refuses broken YAML, a missing body, raw HTML and Markdown images', async () => {
    expect((await messagesFor(contentWith('---\nname: [unclosed\n---\nText')))[0]).toMatch(
      new RegExp(`^${FILE}: expected valid YAML frontmatter; .* on line \\d+`),
    );
    expect((await messagesFor(contentWith('No frontmatter here')))[0]).toBe(
      `${FILE}: expected YAML frontmatter between two "---" lines at the top of the file`,
    );
    expect(await messagesFor(contentWith(validAppeal(), ''))).toContain(
      `${FILE}: circumstances (the text below the frontmatter): expected a paragraph below the frontmatter describing the circumstances, but it is empty`,
    );
    const lines = stringifyMarkdownFile(validAppeal(), 'x').split('\n').length - 1;
    expect(await messagesFor(contentWith(validAppeal(), 'Text <script>alert(1)</script>'))).toContain(
      `${FILE}: circumstances (the text below the frontmatter): expected plain Markdown text; HTML tags are not allowed (line ${lines})`,
    );
    expect(await messagesFor(contentWith(validAppeal(), 'Text ![me](../me.jpg)'))).toContain(
      `${FILE}: circumstances (the text below the frontmatter): expected plain Markdown text; images belong in the photos field, not the text (line ${lines})`,
    );
  });

  it('refuses a closed appeal that still holds personal data or photos', async () => {
    const appeal = validAppeal();
    appeal.status = 'found';
    const messages = await messagesFor(contentWith(appeal));
    expect(messages).toContain(
      `${FILE}: name: unknown field (expected one of: status, closedAt, published, updated)`,
    );
    expect(
      messages.some((m) =>
        m.startsWith(`${FILE}: status: expected a closed appeal to hold no personal data`),
      ),
    ).toBe(true);
    expect(messages.some((m) => m.includes('expected no photos beside a closed appeal'))).toBe(true);
  });

  it('accepts a closed tombstone', async () => {
    expect(await messagesFor(contentWith({ status: 'withdrawn', closedAt: '2026-10-01' }, '', []))).toEqual(
      [],
    );
  });

  it('refuses folders that are not appeal ids, and bad settings', async () => {
    const root = await contentWith(validAppeal());
    mkdirSync(path.join(root, 'appeals', 'amy-smith'));
    writeFileSync(
      path.join(root, 'settings.yaml'),
      'organisation: { name: X, email: a@b.c }\nphones: {}\nregions: []\nbaseUrl: not a url\n',
    );
    const messages = await messagesFor(root);
    expect(messages).toContain(
      'appeals/amy-smith: expected a folder named with an appeal id like 2026-0042, got "amy-smith"',
    );
    expect(messages).toContain(
      'settings.yaml: phones.emergency: expected the emergency number, "999", but it is missing',
    );
    expect(messages).toContain('settings.yaml: regions: expected at least one region, got a list of 0');
    expect(messages).toContain(
      'settings.yaml: baseUrl: expected the site address, like "https://appeals.example.org", got "not a url"',
    );
  });

  it('warns about appeals past their review date', async () => {
    const appeal = validAppeal();
    appeal.reviewBy = '2026-11-01';
    const report = await validateContent(await contentWith(appeal), { today: TODAY, displayRoot: '/' });
    expect(report.problems).toEqual([]);
    expect(report.warnings.map(formatProblem)[0]).toMatch(
      /2026-0042\/index.md: reviewBy: review was due on 2026-11-01/,
    );
  });
});
