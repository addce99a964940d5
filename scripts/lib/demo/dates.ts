/**
 * Demo dates as day numbers (whole days since 1970-01-01), so that the schedule can spread and
 * jitter them with plain arithmetic; reading and writing them is the model's calendar dates.
 */
import { completedYears } from '../../../src/lib/model/age.ts';
import {
  type CalendarDate,
  daysBetween,
  formatCalendarDate,
  formatMonthYear,
  parseCalendarDate,
} from '../../../src/lib/model/calendar-date.ts';

/** Whole days since 1970-01-01. */
export type Day = number;

const EPOCH: CalendarDate = { year: 1970, month: 1, day: 1 };

/** The day number of `YYYY-MM-DD`. */
export function dayOf(text: string): Day {
  const date = parseCalendarDate(text);
  if (!date) throw new Error(`not a calendar date: ${text}`);
  return daysBetween(EPOCH, date);
}

/** The calendar date of a day number: the one step the model has no use for (it never counts forward). */
export function calendarDateOf(day: Day): CalendarDate {
  const date = new Date(Date.UTC(EPOCH.year, EPOCH.month - 1, EPOCH.day + day));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** `2026-05-01`. */
export const dateText = (day: Day): string => formatCalendarDate(calendarDateOf(day));

/** `2026-05`. */
export const monthText = (day: Day): string => dateText(day).slice(0, 7);

/** "May 2026". */
export function monthYear(day: Day): string {
  const { year, month } = calendarDateOf(day);
  return formatMonthYear(year, month);
}

/** Whole years from one day to another, as a birthday counts them. */
export const yearsBetween = (from: Day, to: Day): number =>
  completedYears(calendarDateOf(from), calendarDateOf(to));
