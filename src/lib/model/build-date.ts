import { type CalendarDate, londonDateOf } from './calendar-date.ts';

/** Today in Europe/London, or the operator's fixed `BUILD_DATE`, for reproducible builds and tests. */
export function buildDate(operator: { buildDate: CalendarDate | undefined }, now = new Date()): CalendarDate {
  return operator.buildDate ?? londonDateOf(now);
}
