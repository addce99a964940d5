// The pure parts of "nobody's work is lost or overwritten" (issue 19): a form's version and its
// comparison, the field differences a refused save shows, what a colleague is called, the return
// path after signing in, and (on real files and a real SQLite file) kept forms and presence.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formValuesFrom } from '../../src/lib/studio/appeal-form.ts';
import {
  encodeVersion,
  fieldDifferences,
  parseVersion,
  personName,
  sameVersion,
} from '../../src/lib/studio/form-version.ts';
import { KEPT_MS, keepForm, takeKeptForm } from '../../src/lib/studio/kept-forms.ts';
import { leavePresence, notePresence, othersEditing, PRESENCE_MS } from '../../src/lib/studio/presence.ts';
import { safeReturnPath, withRestoreKey } from '../../src/lib/studio/return-path.ts';
import { openStudioDb } from '../../src/lib/studio/studio-db.ts';
import { addUser } from '../../src/lib/studio/users.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'studio-editing-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('form versions', () => {
  const v = { draft: '2026-12-05T10:41:00.000Z', saves: 3, base: 'abc_DEF-123' };
  it('round-trips through the hidden field and compares every part', () => {
    expect(parseVersion(encodeVersion(v))).toEqual(v);
    expect(parseVersion(encodeVersion({ draft: '', saves: 0, base: 'x' }))).toEqual({
      draft: '',
      saves: 0,
      base: 'x',
    });
    expect(sameVersion(v, { ...v })).toBe(true);
    expect(sameVersion(v, { ...v, saves: 4 }), 'saved again').toBe(false);
    expect(sameVersion(v, { ...v, draft: '2026-12-05T11:00:00.000Z' }), 'discarded and restarted').toBe(
      false,
    );
    expect(sameVersion(v, { ...v, base: 'other' }), 'the appeal changed').toBe(false);
    for (const bad of ['', 'x', '3~a~b~c', '-1~~x', '3~<script>~x'])
      expect(parseVersion(bad), bad).toBeUndefined();
  });
});

describe('the differences a refused save shows', () => {
  const saved = formValuesFrom(
    {
      name: 'Zephyrine Quillfeather',
      urgent: true,
      description: { hair: 'Short, dyed red', eyes: 'Brown' },
      photos: [{ src: 'photo-1.jpg', alt: 'A portrait' }],
    },
    'What happened.',
  );
  it('lists each differing field by its label, theirs and yours, in the form order', () => {
    const yours = formValuesFrom(
      {
        name: 'Zephyrine Quillfeather',
        urgent: false,
        description: { hair: 'Long, dark brown', eyes: 'Brown' },
        photos: [{ src: 'photo-1.jpg', alt: 'A portrait' }],
      },
      'What happened.  ',
    );
    expect(fieldDifferences(saved, yours)).toEqual([
      { label: 'Hair', theirs: 'Short, dyed red', yours: 'Long, dark brown' },
      {
        label: 'Urgent appeal (Child Rescue Alert or police high-risk): show first, with an urgent banner',
        theirs: 'Yes',
        yours: 'No',
      },
    ]);
  });
  it('counts the photos as one field', () => {
    const yours = {
      ...saved,
      photos: [
        ...saved.photos,
        { src: 'photo-2.jpg', alt: 'Another', caption: '', kind: 'photo', taken: '' },
      ],
    };
    expect(fieldDifferences(saved, yours)).toEqual([
      { label: 'Photos', theirs: 'Photo 1: A portrait', yours: 'Photo 1: A portrait\nPhoto 2: Another' },
    ]);
    expect(fieldDifferences(saved, saved)).toEqual([]);
  });
});

it('calls a colleague by their display name, else by their email’s first part', () => {
  expect(personName('jo@example.org')).toBe('Jo');
  expect(personName('jo.bloggs@example.org')).toBe('Jo Bloggs');
  expect(personName('mary-jane_o@example.org')).toBe('Mary Jane O');
  expect(personName('jo@example.org', 'Joanna Bloggs')).toBe('Joanna Bloggs');
});

describe('the return path after signing in', () => {
  it('is a path of the studio only', () => {
    for (const bad of [
      '//evil.example',
      'https://evil.example',
      '/\\evil',
      '/\\/evil.example',
      '/%2F%2Fevil.example',
      '/%5Cevil',
      'javascript:alert(1)',
      '/appeals/../../etc',
      ' /appeals/',
      '',
      null,
      undefined,
    ])
      expect(safeReturnPath(bad), String(bad)).toBe('/');
    for (const good of ['/', '/appeals/2026-0042/edit', '/appeals/2026-0042/?saved', '/jobs/abc'])
      expect(safeReturnPath(good)).toBe(good);
  });
  it('carries the kept form’s key back to the form', () => {
    expect(withRestoreKey('/appeals/2026-0042/edit', 'k'.repeat(43))).toBe(
      `/appeals/2026-0042/edit?restore=${'k'.repeat(43)}`,
    );
    expect(withRestoreKey('/appeals/2026-0042/edit?saved', 'k')).toBe(
      '/appeals/2026-0042/edit?saved=&restore=k',
    );
  });
});

describe('kept forms', () => {
  const form = {
    owner: 'jo@example.org',
    path: '/appeals/2026-0042/edit',
    fields: [
      ['csrf', 'stale-token'],
      ['name', 'Typed name'],
      ['password', 'never kept'],
      ['version', '1~~x'],
    ] as Array<[string, string]>,
  };
  it('keeps the text owner-only, without the token or a password, for its owner and path, once', () => {
    const key = keepForm(dir, form, 1_000)!;
    const files = readdirSync(path.join(dir, 'kept-forms'));
    expect(files).toEqual([`${key}.json`]);
    const file = path.join(dir, 'kept-forms', files[0]!);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'kept-forms')).mode & 0o777).toBe(0o700);
    expect(readFileSync(file, 'utf8')).not.toMatch(/stale-token|never kept/);
    expect(takeKeptForm(dir, key, 'max@example.org', form.path, 2_000), 'another person').toBeUndefined();
    expect(
      takeKeptForm(dir, key, form.owner, '/appeals/2026-0043/edit', 2_000),
      'another form',
    ).toBeUndefined();
    expect(takeKeptForm(dir, key, form.owner, form.path, 2_000)?.fields).toEqual([
      ['name', 'Typed name'],
      ['version', '1~~x'],
    ]);
    expect(takeKeptForm(dir, key, form.owner, form.path, 2_000), 'one use').toBeUndefined();
  });
  it('expires after an hour and refuses keys that are not keys', () => {
    const key = keepForm(dir, form, 1_000)!;
    expect(takeKeptForm(dir, key, form.owner, form.path, 1_000 + KEPT_MS + 1)).toBeUndefined();
    expect(takeKeptForm(dir, '../../etc/passwd', form.owner, form.path, 1_000)).toBeUndefined();
  });
  it('does not keep a form too big to be an appeal', () => {
    expect(keepForm(dir, { ...form, fields: [['name', 'x'.repeat(300_000)]] }, 1_000)).toBeUndefined();
  });
});

it('presence: who else has the form open, until they leave or two minutes pass', async () => {
  const db = openStudioDb(dir);
  try {
    for (const email of ['jo@example.org', 'pia@example.org'])
      await addUser(db, { email, role: 'publisher', password: 'amber kettle lantern 42', now: 0 });
    notePresence(db, '2026-0042', 'jo@example.org', 1_000);
    expect(othersEditing(db, '2026-0042', 'pia@example.org', 2_000)).toEqual(['jo@example.org']);
    expect(othersEditing(db, '2026-0042', 'jo@example.org', 2_000), 'not yourself').toEqual([]);
    expect(othersEditing(db, '2026-0043', 'pia@example.org', 2_000), 'another appeal').toEqual([]);
    expect(othersEditing(db, '2026-0042', 'pia@example.org', 1_000 + PRESENCE_MS + 1), 'expired').toEqual([]);
    notePresence(db, '2026-0042', 'jo@example.org', 5_000);
    leavePresence(db, '2026-0042', 'jo@example.org');
    expect(othersEditing(db, '2026-0042', 'pia@example.org', 5_000), 'left').toEqual([]);
  } finally {
    db.close();
  }
});
