import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content/content-errors.ts';
import { stringifyMarkdownFile } from '../../src/lib/content/frontmatter.ts';
import { validateContent } from '../../src/lib/content/validate-content.ts';
import { welshTwinProblems } from '../../src/lib/content/welsh-twins.ts';
import { FIXTURES, plainTestPhoto } from '../helpers/fixture-content.ts';

const TODAY = { year: 2026, month: 11, day: 29 };
const FILE = 'appeals/2026-0042/index.md';
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A fictional appeal with Welsh text for every English free-text field it has. */
function bilingualAppeal(): Record<string, unknown> {
  return {
    status: 'active',
    name: 'Eirlys Cadwgan-Fictional',
    knownAs: [],
    sex: 'female',
    ageAtDisappearance: 14,
    missingSince: '2026-05-01 18:30',
    lastSeen: { place: 'Outside the library', town: 'Cardiff', region: 'north-west' },
    description: { height: '5 ft 2 in', hair: 'Dark brown' },
    welsh: {
      lastSeen: { place: "Y tu allan i'r llyfrgell", town: 'Caerdydd' },
      description: { height: '5 tr 2 mod', hair: 'Brown tywyll' },
      circumstances: 'Apêl ffug i brofi.',
    },
    photos: [{ src: 'photo-1.jpg', alt: 'Fictional portrait', welsh: { alt: 'Portread ffug' } }],
    force: { name: 'Fixture Constabulary', reference: 'FIX-1' },
    consent: { by: 'Mother', date: '2026-05-02' },
    reviewBy: '2027-05-01',
    urgent: false,
    published: '2026-05-02',
    updated: '2026-05-03',
  };
}

async function problems(
  data: Record<string, unknown>,
  options: { requireWelsh?: boolean; body?: string } = {},
): Promise<string[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'appeals-welsh-'));
  roots.push(root);
  const settings = readFileSync(path.join(FIXTURES, 'basic/settings.yaml'), 'utf8');
  writeFileSync(
    path.join(root, 'settings.yaml'),
    options.requireWelsh ? `${settings}\nlanguages:\n  requireWelsh: true\n` : settings,
  );
  const dir = path.join(root, 'appeals', '2026-0042');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'index.md'),
    stringifyMarkdownFile(data, options.body ?? 'A fictional test appeal.'),
  );
  writeFileSync(path.join(dir, 'photo-1.jpg'), await plainTestPhoto(1));
  return (await validateContent(root, { today: TODAY, displayRoot: root })).problems.map(formatProblem);
}

describe('Welsh text of an appeal', () => {
  it('accepts Welsh beside every English field, with or without the setting', async () => {
    expect(await problems(bilingualAppeal())).toEqual([]);
    expect(await problems(bilingualAppeal(), { requireWelsh: true })).toEqual([]);
  });

  it('refuses a Welsh field without its English twin, naming the English field', async () => {
    const appeal = bilingualAppeal();
    (appeal.welsh as { description: Record<string, string> }).description.eyes = 'Glas';
    (appeal.photos as Array<{ welsh: Record<string, string> }>)[0]!.welsh.caption = 'Llun ysgol';
    expect(await problems(appeal)).toEqual([
      `${FILE}: description.eyes: expected the English text too, since its Welsh twin (welsh.description.eyes) is given: write both, or neither`,
      `${FILE}: photos[0].caption: expected the English text too, since its Welsh twin (photos[0].welsh.caption) is given: write both, or neither`,
    ]);
  });

  it('without the setting, English alone is fine; with it, each missing Welsh twin is named', async () => {
    const appeal = bilingualAppeal();
    delete appeal.welsh;
    (appeal.photos as Array<Record<string, unknown>>)[0]!.welsh = undefined;
    expect(await problems(appeal)).toEqual([]);
    const required = await problems(appeal, { requireWelsh: true });
    const because =
      'is given and content/settings.yaml requires both languages (languages.requireWelsh): write both, or neither';
    expect(required).toEqual([
      `${FILE}: welsh.lastSeen.place: expected the Welsh text too, since its English twin (lastSeen.place) ${because}`,
      `${FILE}: welsh.lastSeen.town: expected the Welsh text too, since its English twin (lastSeen.town) ${because}`,
      `${FILE}: welsh.description.height: expected the Welsh text too, since its English twin (description.height) ${because}`,
      `${FILE}: welsh.description.hair: expected the Welsh text too, since its English twin (description.hair) ${because}`,
      `${FILE}: welsh.circumstances: expected the Welsh text too, since its English twin (circumstances) ${because}`,
      `${FILE}: photos[0].welsh.alt: expected the Welsh text too, since its English twin (photos[0].alt) ${because}`,
    ]);
  });

  it('holds Welsh text to the rules of English text: hidden characters, markup, length, unknown fields', async () => {
    const appeal = bilingualAppeal();
    const welsh = appeal.welsh as Record<string, Record<string, string> | string>;
    (welsh.description as Record<string, string>).hair = 'Brown\u00ADtywyll';
    (welsh.lastSeen as Record<string, string>).place = '<b>Heol y Parc</b>';
    (welsh.lastSeen as Record<string, string>).town = 'C'.repeat(301);
    welsh.circumstances = 'Testun <!-- nodyn preifat -->';
    welsh.clothes = 'Côt';
    const found = await problems(appeal);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^appeals\/2026-0042\/index\.md: welsh\.description\.hair: .*invisible character/,
        ),
        expect.stringMatching(/: welsh\.lastSeen\.place: expected plain text, without HTML tags/),
        expect.stringMatching(/: welsh\.lastSeen\.town: .* of at most 300 characters/),
        expect.stringMatching(/: welsh\.circumstances: .*HTML comment/),
        expect.stringMatching(/: welsh\.clothes: unknown field/),
      ]),
    );
  });

  it('keeps Welsh out of a closed appeal, which holds nothing personal', async () => {
    const found = await problems(
      { status: 'found', closedAt: '2026-06-01', welsh: { circumstances: 'Testun' } },
      { body: '' },
    );
    expect(found).toContainEqual(expect.stringMatching(/: welsh: unknown field/));
  });

  it('compares the body with the Welsh circumstances', () => {
    expect(welshTwinProblems({ welsh: { circumstances: 'Testun' } }, '  ', false)).toContainEqual({
      field: 'circumstances (the text below the frontmatter)',
      message:
        'expected the English text too, since its Welsh twin (welsh.circumstances) is given: write both, or neither',
    });
  });
});
