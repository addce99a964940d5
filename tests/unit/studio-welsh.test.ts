import { describe, expect, it } from 'vitest';
import {
  APPEAL_FORM,
  appealFromForm,
  formValuesFrom,
  pairedFields,
  photosFromForm,
} from '../../src/lib/studio/appeal-form.ts';
import { changedNames, diffAppeal, isEmptyDiff } from '../../src/lib/studio/appeal-diff.ts';
import { plainProblem } from '../../src/lib/studio/plain-problems.ts';

const ENGLISH = {
  status: 'active',
  name: 'Eirlys Fictional',
  lastSeen: { place: 'Outside the library', town: 'Cardiff', region: 'wales' },
  description: { hair: 'Dark brown' },
  photos: [{ src: 'photo-1.jpg', alt: 'Fictional portrait', kind: 'photo' }],
};
const WELSH = {
  ...ENGLISH,
  welsh: {
    lastSeen: { place: "Y tu allan i'r llyfrgell" },
    description: { hair: 'Brown tywyll' },
    circumstances: 'Apêl ffug.',
  },
  photos: [{ src: 'photo-1.jpg', alt: 'Fictional portrait', kind: 'photo', welsh: { alt: 'Portread ffug' } }],
};

describe('the Welsh twins in the studio form', () => {
  it('lays each Welsh twin beside its English field, required only where the settings say so', () => {
    const place = APPEAL_FORM.find((s) => s.fields.some((f) => f.path === 'lastSeen.place'))!;
    const groups = pairedFields(place.fields, false).map((g) => g.map((f) => f.path));
    expect(groups).toContainEqual(['lastSeen.place', 'welsh.lastSeen.place']);
    expect(groups).toContainEqual(['lastSeen.region']);
    const welsh = pairedFields(place.fields, false).find((g) => g.length === 2)![1]!;
    expect(welsh).toMatchObject({ label: 'Where last seen, in Welsh (Cymraeg)', required: 'no' });
    expect(pairedFields(place.fields, true).find((g) => g.length === 2)![1]!.required).toBe('yes');
    const all = APPEAL_FORM.flatMap((s) => s.fields).filter((f) => f.welshOf !== undefined);
    expect(all.map((f) => f.path)).toEqual([
      'welsh.lastSeen.place',
      'welsh.lastSeen.town',
      'welsh.description.height',
      'welsh.description.build',
      'welsh.description.hair',
      'welsh.description.eyes',
      'welsh.description.clothing',
      'welsh.description.features',
      'welsh.circumstances',
    ]);
  });

  it('reads and writes the welsh: blocks, and leaves none behind when the Welsh is emptied', () => {
    const { values, photos } = formValuesFrom(WELSH, 'Fictional.');
    expect(values['welsh.lastSeen.place']).toBe("Y tu allan i'r llyfrgell");
    expect(values['welsh.circumstances']).toBe('Apêl ffug.');
    expect(photos[0]!['welsh.alt']).toBe('Portread ffug');
    const saved = appealFromForm(values, photos, WELSH);
    expect(saved.data.welsh).toEqual(WELSH.welsh);
    expect((saved.data.photos as unknown[])[0]).toEqual(WELSH.photos[0]);
    expect(Object.keys(saved.data)).toEqual(expect.arrayContaining(['description', 'welsh', 'photos']));
    const keys = Object.keys(saved.data);
    expect(keys.indexOf('welsh'), 'after the description, as the README lists it').toBe(
      keys.indexOf('description') + 1,
    );

    const emptied = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, k.startsWith('welsh.') ? '' : v]),
    );
    const rows = photosFromForm([
      ['photos[0].src', 'photo-1.jpg'],
      ['photos[0].alt', 'Fictional portrait'],
      ['photos[0].welsh.alt', '  '],
    ]);
    const plain = appealFromForm(emptied, rows, WELSH);
    expect(plain.data).not.toHaveProperty('welsh');
    expect((plain.data.photos as unknown[])[0]).not.toHaveProperty('welsh');
  });

  it('shows a change made only in Welsh as a change to approve, named in the form’s words', () => {
    const diff = diffAppeal({ data: ENGLISH, body: 'Fictional.' }, { data: WELSH, body: 'Fictional.' });
    expect(isEmptyDiff(diff)).toBe(false);
    expect(diff.otherChanged).toEqual([]);
    expect(diff.fields.map((f) => [f.label, f.before, f.after])).toEqual([
      ['Where last seen, in Welsh (Cymraeg)', '', "Y tu allan i'r llyfrgell"],
      ['Hair, in Welsh (Cymraeg)', '', 'Brown tywyll'],
      ['What happened, in plain words, in Welsh (Cymraeg)', '', 'Apêl ffug.'],
    ]);
    expect(changedNames(diff)).toContain('Photo 1');
    expect(diff.photos[0]!.changed).toEqual(['Description for people who cannot see it, in Welsh (Cymraeg)']);
  });

  it('says the rules between the languages in comms staff’s words, beside the box to fix', () => {
    const file = 'content/appeals/2026-0042/index.md';
    expect(
      plainProblem(
        {
          file,
          field: 'welsh.description.hair',
          message:
            'expected the Welsh text too, since its English twin (description.hair) is given and content/settings.yaml requires both languages (languages.requireWelsh): write both, or neither',
        },
        1,
      ),
    ).toEqual({
      input: 'welsh.description.hair',
      message: 'Enter the hair in Welsh (Cymraeg) too: every appeal is published in English and in Welsh.',
    });
    expect(
      plainProblem(
        {
          file,
          field: 'photos[0].caption',
          message:
            'expected the English text too, since its Welsh twin (photos[0].welsh.caption) is given: write both, or neither',
        },
        1,
      ),
    ).toEqual({
      input: 'photos[0].caption',
      message:
        'Enter the caption of photo 1 in English too, or empty its Welsh: the English page must say what the Welsh one says.',
    });
    expect(
      plainProblem(
        {
          file,
          field: 'welsh.circumstances',
          message: 'expected plain Markdown text; HTML tags are not allowed',
        },
        1,
      ),
    ).toEqual({
      input: 'welsh.circumstances',
      message: 'In what happened, in Welsh (Cymraeg), HTML tags are not allowed.',
    });
    expect(
      plainProblem(
        {
          file,
          field: 'photos[0].welsh.alt',
          message: 'expected plain text, without HTML tags (<…>), got "<b>"',
        },
        1,
      ),
    ).toEqual({
      input: 'photos[0].welsh.alt',
      message:
        'Remove the < and > signs and what is between them from the description of photo 1 in Welsh (Cymraeg).',
    });
  });
});
