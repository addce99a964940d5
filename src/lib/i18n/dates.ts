import { completedYears } from '../model/age.ts';
import { type CalendarDate, daysBetween, formatLongDate, formatMonthYear } from '../model/calendar-date.ts';
import { describeMissingSince, type MissingSince } from '../model/missing-since.ts';
import type { Locale } from './locales.ts';

/**
 * Dates, times, ages and durations in either language. English keeps the model's own wording
 * (GOV.UK style); Welsh follows the Welsh Government's style: "1 Mai 2026 am 6:30yh", "14 oed".
 */

const WELSH_MONTHS = [
  'Ionawr',
  'Chwefror',
  'Mawrth',
  'Ebrill',
  'Mai',
  'Mehefin',
  'Gorffennaf',
  'Awst',
  'Medi',
  'Hydref',
  'Tachwedd',
  'Rhagfyr',
];

/** "1 May 2026" / "1 Mai 2026". */
export function longDate(date: CalendarDate, locale: Locale): string {
  return locale === 'en' ? formatLongDate(date) : `${date.day} ${WELSH_MONTHS[date.month - 1]} ${date.year}`;
}

/** "May 2026" / "Mai 2026". */
export function monthYear(year: number, month: number, locale: Locale): string {
  return locale === 'en' ? formatMonthYear(year, month) : `${WELSH_MONTHS[month - 1]} ${year}`;
}

/** "6:30yh", "9yb", "12 canol dydd", "12 hanner nos". */
function welshClockTime(hour: number, minute: number): string {
  if (minute === 0 && hour === 12) return '12 canol dydd';
  if (minute === 0 && hour === 0) return '12 hanner nos';
  const suffix = hour < 12 ? 'yb' : 'yh';
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${h12}${suffix}` : `${h12}:${String(minute).padStart(2, '0')}${suffix}`;
}

/** "1 May 2026 at 6:30pm" / "1 Mai 2026 am 6:30yh". */
export function missingSinceText(value: MissingSince, locale: Locale): string {
  if (locale === 'en') return describeMissingSince(value);
  const day = longDate(value.date, locale);
  return value.time ? `${day} am ${welshClockTime(value.time.hour, value.time.minute)}` : day;
}

/** "14" / "14 oed"; an estimate is "about 14" / "tua 14 oed". */
export function ageText(years: number, estimated: boolean, locale: Locale): string {
  if (locale === 'en') return estimated ? `about ${years}` : `${years}`;
  return `${estimated ? 'tua ' : ''}${years} oed`;
}

/** The Welsh for "year" after a number: un flwyddyn, dwy flynedd, pum mlynedd, tair blynedd. */
function welshYears(n: number): string {
  if (n === 1) return '1 flwyddyn';
  if (n === 2) return '2 flynedd';
  // Numbers that nasalise "blynedd" when said aloud (pum, saith, wyth, naw, deng, deuddeng, pymtheng, deunaw, ugain, can).
  if ([5, 7, 8, 9, 10, 12, 15, 18, 20, 100].includes(n)) return `${n} mlynedd`;
  return `${n} blynedd`;
}

/** "212 days", "1 year", "3 years" / "212 diwrnod", "1 flwyddyn", "3 blynedd". */
export function missingForText(missingDate: CalendarDate, today: CalendarDate, locale: Locale): string {
  const days = daysBetween(missingDate, today);
  const years = completedYears(missingDate, today);
  if (locale === 'en') {
    if (days <= 0) return 'less than a day';
    if (years < 1) return days === 1 ? '1 day' : `${days} days`;
    return years === 1 ? '1 year' : `${years} years`;
  }
  if (days <= 0) return 'llai na diwrnod';
  // "dau ddiwrnod": soft mutation after two; every other number keeps "diwrnod".
  if (years < 1) return days === 2 ? '2 ddiwrnod' : `${days} diwrnod`;
  return welshYears(years);
}
