/**
 * Calendar dates as plain `YYYY-MM-DD` strings. Appeals deal in UK calendar days, not instants,
 * so we never let a JavaScript Date's time zone shift a day.
 */
export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Parses `YYYY-MM-DD`; returns undefined for anything else, including 2026-02-31. */
export function parseCalendarDate(text: string): CalendarDate | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/**
 * Why text shaped like a date (`2026-02-30`, `2026-13-01`) is not a real one, in plain words;
 * undefined when it is a real date or not shaped like one at all.
 */
export function impossibleDateReason(text: string): string | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `there is no month ${month}`;
  if (day < 1) return 'days start at 1';
  const days = daysInMonth(year, month);
  return day > days ? `${MONTHS[month - 1]} ${year} has ${days} days` : undefined;
}

export function formatCalendarDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole days from `a` to `b` (negative if b is earlier). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  const epochDay = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
  return epochDay(b) - epochDay(a);
}

/** The calendar date in Europe/London at the given instant. */
export function londonDateOf(instant: Date): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "1 May 2026", the GOV.UK style. */
export function formatLongDate(date: CalendarDate): string {
  return `${date.day} ${MONTHS[date.month - 1]} ${date.year}`;
}

/** "May 2026". */
export function formatMonthYear(year: number, month: number): string {
  return `${MONTHS[month - 1]} ${year}`;
}
