import { type CalendarDate, londonDateOf, parseCalendarDate } from './calendar-date.ts';

/** Today in Europe/London, or `BUILD_DATE` (YYYY-MM-DD) when set, for reproducible builds and tests. */
export function buildDate(
  env: Record<string, string | undefined> = process.env,
  now = new Date(),
): CalendarDate {
  const fixed = env.BUILD_DATE;
  if (fixed) {
    const date = parseCalendarDate(fixed);
    if (!date) throw new Error(`BUILD_DATE: expected a date like 2026-05-01, got ${JSON.stringify(fixed)}`);
    return date;
  }
  return londonDateOf(now);
}
