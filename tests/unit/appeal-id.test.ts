import { describe, expect, it } from 'vitest';
import { isAppealId, nextAppealId } from '../../src/lib/model/appeal-id.ts';
import { addMonths } from '../../src/lib/content/new-appeal.ts';
import { namePartsIn, neutralPhotoName } from '../../src/lib/content/photo-file.ts';
import { telHref } from '../../src/lib/model/phone.ts';

describe('appeal ids', () => {
  it('accepts YYYY-NNNN only', () => {
    expect(isAppealId('2026-0042')).toBe(true);
    expect(isAppealId('2026-42')).toBe(false);
    expect(isAppealId('2026-0000')).toBe(false);
    expect(isAppealId('amy-smith')).toBe(false);
    expect(isAppealId('2026-0042-amy')).toBe(false);
    expect(isAppealId('../2026-0042')).toBe(false);
  });

  it('allocates the next number in the year', () => {
    expect(nextAppealId([], 2026)).toBe('2026-0001');
    expect(nextAppealId(['2026-0001', '2026-0007', '2025-0099', '.new-x'], 2026)).toBe('2026-0008');
    expect(nextAppealId(['2025-0099'], 2026)).toBe('2026-0001');
    expect(() => nextAppealId(['2026-9999'], 2026)).toThrow(/No appeal ids left/);
  });
});

describe('file names and phone links', () => {
  it('names photos neutrally and finds name parts in file names', () => {
    expect(neutralPhotoName(2)).toBe('photo-2.jpg');
    expect(namePartsIn('photo-1.jpg', ['Amy Smith'])).toEqual([]);
    expect(namePartsIn('amy_smith_school.jpg', ['Amy Smith', 'Ames'])).toEqual(['amy', 'smith']);
    expect(namePartsIn('SMITH.JPG', ['Amy Smith'])).toEqual(['smith']);
  });

  it('dials digits only', () => {
    expect(telHref('116 000')).toBe('tel:116000');
    expect(telHref('999')).toBe('tel:999');
  });

  it('adds calendar months for review dates', () => {
    expect(addMonths({ year: 2026, month: 11, day: 30 }, 3)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(addMonths({ year: 2026, month: 1, day: 15 }, 3)).toEqual({ year: 2026, month: 4, day: 15 });
  });
});

describe('photo labels', () => {
  it('says when a photo was taken or an age-progressed image made', async () => {
    const { photoLabel } = await import('../../src/lib/model/appeal-view.ts');
    expect(photoLabel({ kind: 'photo', taken: '2026-03' })).toBe('Taken March 2026');
    expect(photoLabel({ kind: 'photo', taken: '2026-03-14' })).toBe('Taken 14 March 2026');
    expect(photoLabel({ kind: 'age-progressed', taken: '2025-10' })).toBe('Made October 2025');
    expect(photoLabel({ kind: 'photo' })).toBeUndefined();
  });
});
