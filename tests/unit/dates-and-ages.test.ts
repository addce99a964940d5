import { describe, expect, it } from 'vitest';
import { ageFacts, completedYears, describeMissingDuration } from '../../src/lib/model/age.ts';
import {
  daysBetween,
  formatLongDate,
  londonDateOf,
  parseCalendarDate,
} from '../../src/lib/model/calendar-date.ts';
import { buildDate } from '../../src/lib/model/build-date.ts';
import { readOperatorEnv } from '../../src/lib/config/operator-env.ts';
import {
  describeMissingSince,
  formatClockTime,
  parseMissingSince,
} from '../../src/lib/model/missing-since.ts';

const d = (text: string) => {
  const date = parseCalendarDate(text);
  if (!date) throw new Error(`bad test date ${text}`);
  return date;
};

describe('calendar dates', () => {
  it('parses real dates and refuses impossible ones', () => {
    expect(parseCalendarDate('2026-05-01')).toEqual({ year: 2026, month: 5, day: 1 });
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseCalendarDate('2026-02-29')).toBeUndefined();
    expect(parseCalendarDate('2026-02-31')).toBeUndefined();
    expect(parseCalendarDate('2026-13-01')).toBeUndefined();
    expect(parseCalendarDate('31/02/2026')).toBeUndefined();
    expect(parseCalendarDate('2026-5-1')).toBeUndefined();
    expect(parseCalendarDate('1900-02-29')).toBeUndefined();
    expect(parseCalendarDate('2000-02-29')).toBeDefined();
  });

  it('formats dates in plain British English', () => {
    expect(formatLongDate(d('2026-05-01'))).toBe('1 May 2026');
    expect(formatLongDate(d('2025-12-25'))).toBe('25 December 2025');
  });

  it('counts days across month, year and leap-day boundaries', () => {
    expect(daysBetween(d('2026-01-01'), d('2026-01-02'))).toBe(1);
    expect(daysBetween(d('2024-02-28'), d('2024-03-01'))).toBe(2);
    expect(daysBetween(d('2025-12-31'), d('2026-01-01'))).toBe(1);
    // Across the clocks going forward (29 March 2026) a day is still a day.
    expect(daysBetween(d('2026-03-28'), d('2026-03-30'))).toBe(2);
  });

  it('takes today in Europe/London, not UTC', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    expect(londonDateOf(new Date('2026-06-30T23:30:00Z'))).toEqual({ year: 2026, month: 7, day: 1 });
    // In winter London is on UTC.
    expect(londonDateOf(new Date('2026-12-31T23:30:00Z'))).toEqual({ year: 2026, month: 12, day: 31 });
    expect(londonDateOf(new Date('2027-01-01T00:30:00Z'))).toEqual({ year: 2027, month: 1, day: 1 });
  });

  it('uses BUILD_DATE when set and rejects a bad one', () => {
    expect(buildDate(readOperatorEnv({ BUILD_DATE: '2026-11-29' }))).toEqual({
      year: 2026,
      month: 11,
      day: 29,
    });
    expect(buildDate(readOperatorEnv({}), new Date('2026-06-30T23:30:00Z'))).toEqual({
      year: 2026,
      month: 7,
      day: 1,
    });
    expect(() => readOperatorEnv({ BUILD_DATE: '29/11/2026' })).toThrow(
      'BUILD_DATE: expected a date like 2026-05-01, got "29/11/2026"',
    );
  });
});

describe('missing since', () => {
  it('accepts a date with an optional UK time', () => {
    expect(parseMissingSince('2026-05-01')).toEqual({ date: d('2026-05-01') });
    expect(parseMissingSince('2026-05-01 18:30')).toEqual({
      date: d('2026-05-01'),
      time: { hour: 18, minute: 30 },
    });
    expect(parseMissingSince('2026-05-01T07:05')).toEqual({
      date: d('2026-05-01'),
      time: { hour: 7, minute: 5 },
    });
    expect(parseMissingSince('2026-05-01 24:00')).toBeUndefined();
    expect(parseMissingSince('2026-05-01 6pm')).toBeUndefined();
  });

  it('describes times the GOV.UK way', () => {
    expect(formatClockTime(18, 30)).toBe('6:30pm');
    expect(formatClockTime(9, 0)).toBe('9am');
    expect(formatClockTime(12, 0)).toBe('12 noon');
    expect(formatClockTime(0, 0)).toBe('12 midnight');
    expect(formatClockTime(0, 15)).toBe('12:15am');
    expect(describeMissingSince(parseMissingSince('2026-05-01 18:30')!)).toBe('1 May 2026 at 6:30pm');
    expect(describeMissingSince(parseMissingSince('2026-05-01')!)).toBe('1 May 2026');
  });
});

describe('ages', () => {
  it('counts a birthday only once it has arrived', () => {
    expect(completedYears(d('2012-06-15'), d('2026-06-14'))).toBe(13);
    expect(completedYears(d('2012-06-15'), d('2026-06-15'))).toBe(14);
    expect(completedYears(d('2012-06-15'), d('2026-12-31'))).toBe(14);
  });

  it('treats a 29 February birthday as 1 March in other years', () => {
    expect(completedYears(d('2012-02-29'), d('2025-02-28'))).toBe(12);
    expect(completedYears(d('2012-02-29'), d('2025-03-01'))).toBe(13);
    expect(completedYears(d('2012-02-29'), d('2028-02-29'))).toBe(16);
    expect(completedYears(d('2012-02-29'), d('2028-02-28'))).toBe(15);
  });

  it('gives age at disappearance and now from a date of birth', () => {
    expect(ageFacts({ dateOfBirth: d('2011-09-01') }, d('2025-08-31'), d('2026-11-29'))).toEqual({
      atDisappearance: 13,
      now: 15,
      estimated: false,
    });
  });

  it('estimates age now from an age at disappearance', () => {
    expect(ageFacts({ ageAtDisappearance: 14 }, d('2019-11-30'), d('2026-11-29'))).toEqual({
      atDisappearance: 14,
      now: 20,
      estimated: true,
    });
    expect(ageFacts({ ageAtDisappearance: 14 }, d('2019-11-30'), d('2026-11-30'))).toEqual({
      atDisappearance: 14,
      now: 21,
      estimated: true,
    });
  });
});

describe('missing duration', () => {
  it('counts days under a year and whole years after', () => {
    expect(describeMissingDuration(d('2026-11-29'), d('2026-11-29'))).toBe('less than a day');
    expect(describeMissingDuration(d('2026-11-28'), d('2026-11-29'))).toBe('1 day');
    expect(describeMissingDuration(d('2026-05-01'), d('2026-11-29'))).toBe('212 days');
    expect(describeMissingDuration(d('2025-11-30'), d('2026-11-29'))).toBe('364 days');
    expect(describeMissingDuration(d('2025-11-29'), d('2026-11-29'))).toBe('1 year');
    expect(describeMissingDuration(d('2019-11-30'), d('2026-11-29'))).toBe('6 years');
    expect(describeMissingDuration(d('2024-02-29'), d('2025-02-28'))).toBe('365 days');
    expect(describeMissingDuration(d('2024-02-29'), d('2025-03-01'))).toBe('1 year');
  });
});
