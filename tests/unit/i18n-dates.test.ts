import { describe, expect, it } from 'vitest';
import {
  ageText,
  longDate,
  missingForText,
  missingSinceText,
  monthYear,
} from '../../src/lib/i18n/dates.ts';
import { parseCalendarDate } from '../../src/lib/model/calendar-date.ts';
import { parseMissingSince } from '../../src/lib/model/missing-since.ts';

const d = (text: string) => parseCalendarDate(text)!;

describe('dates and ages in Welsh and English', () => {
  it('names the month in each language', () => {
    expect(longDate(d('2026-05-01'), 'cy')).toBe('1 Mai 2026');
    expect(longDate(d('2025-12-25'), 'cy')).toBe('25 Rhagfyr 2025');
    expect(longDate(d('2026-02-03'), 'cy')).toBe('3 Chwefror 2026');
    expect(longDate(d('2026-05-01'), 'en')).toBe('1 May 2026');
    expect(monthYear(2026, 7, 'cy')).toBe('Gorffennaf 2026');
    expect(monthYear(2026, 7, 'en')).toBe('July 2026');
  });

  it('gives the time the Welsh way: yb, yh, canol dydd, hanner nos', () => {
    expect(missingSinceText(parseMissingSince('2026-05-01 18:30')!, 'cy')).toBe('1 Mai 2026 am 6:30yh');
    expect(missingSinceText(parseMissingSince('2026-05-01 09:00')!, 'cy')).toBe('1 Mai 2026 am 9yb');
    expect(missingSinceText(parseMissingSince('2026-05-01 12:00')!, 'cy')).toBe('1 Mai 2026 am 12 canol dydd');
    expect(missingSinceText(parseMissingSince('2026-05-01 00:00')!, 'cy')).toBe('1 Mai 2026 am 12 hanner nos');
    expect(missingSinceText(parseMissingSince('2026-05-01')!, 'cy')).toBe('1 Mai 2026');
    expect(missingSinceText(parseMissingSince('2026-05-01 18:30')!, 'en')).toBe('1 May 2026 at 6:30pm');
  });

  it('says "oed" after an age in Welsh, and "tua" for an estimate', () => {
    expect(ageText(14, false, 'cy')).toBe('14 oed');
    expect(ageText(14, true, 'cy')).toBe('tua 14 oed');
    expect(ageText(14, false, 'en')).toBe('14');
    expect(ageText(14, true, 'en')).toBe('about 14');
  });

  it('counts days, then years, with the Welsh mutations of "blwyddyn" and "diwrnod"', () => {
    const today = d('2026-11-29');
    expect(missingForText(d('2026-11-29'), today, 'cy')).toBe('llai na diwrnod');
    expect(missingForText(d('2026-11-28'), today, 'cy')).toBe('1 diwrnod');
    expect(missingForText(d('2026-11-27'), today, 'cy')).toBe('2 ddiwrnod');
    expect(missingForText(d('2026-05-01'), today, 'cy')).toBe('212 diwrnod');
    expect(missingForText(d('2025-11-29'), today, 'cy')).toBe('1 flwyddyn');
    expect(missingForText(d('2024-11-29'), today, 'cy')).toBe('2 flynedd');
    expect(missingForText(d('2023-11-29'), today, 'cy')).toBe('3 blynedd');
    expect(missingForText(d('2021-11-29'), today, 'cy')).toBe('5 mlynedd');
    expect(missingForText(d('2016-11-29'), today, 'cy')).toBe('10 mlynedd');
    expect(missingForText(d('2026-05-01'), today, 'en')).toBe('212 days');
    expect(missingForText(d('2023-11-29'), today, 'en')).toBe('3 years');
  });
});
