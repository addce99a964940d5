import { type CalendarDate, daysBetween } from './calendar-date.ts';

/**
 * Completed years from `from` to `on`. A 29 February start counts as complete on 1 March in
 * other years, as in UK law, which falls out of comparing month and day.
 */
export function completedYears(from: CalendarDate, on: CalendarDate): number {
  let years = on.year - from.year;
  if (on.month < from.month || (on.month === from.month && on.day < from.day)) years -= 1;
  return years;
}

export interface AgeFacts {
  /** Age when the child went missing. */
  atDisappearance: number;
  /** Age on the build date. */
  now: number;
  /** True when only an age (not a date of birth) was given, so "now" is an estimate. */
  estimated: boolean;
}

export function ageFacts(
  input: { dateOfBirth?: CalendarDate; ageAtDisappearance?: number },
  missingDate: CalendarDate,
  today: CalendarDate,
): AgeFacts {
  if (input.dateOfBirth) {
    return {
      atDisappearance: completedYears(input.dateOfBirth, missingDate),
      now: completedYears(input.dateOfBirth, today),
      estimated: false,
    };
  }
  const atDisappearance = input.ageAtDisappearance ?? 0;
  return {
    atDisappearance,
    now: atDisappearance + Math.max(0, completedYears(missingDate, today)),
    estimated: true,
  };
}

/** "today", "1 day", "45 days", "1 year", "3 years": days under a year, whole years after. */
export function describeMissingDuration(missingDate: CalendarDate, today: CalendarDate): string {
  const days = daysBetween(missingDate, today);
  if (days <= 0) return 'less than a day';
  const years = completedYears(missingDate, today);
  if (years < 1) return days === 1 ? '1 day' : `${days} days`;
  return years === 1 ? '1 year' : `${years} years`;
}
