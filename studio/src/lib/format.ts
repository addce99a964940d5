import { formatLongDate, parseCalendarDate } from '../../../src/lib/model/calendar-date.ts';

/** "14:05 on 29 November 2026", in UK time: how the studio says when something happened. */
export function when(iso: string | number | undefined): string {
  if (iso === undefined || iso === '') return 'an unknown time';
  const date = new Date(iso);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(date);
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
  return `${time} on ${day}`;
}

/** "29 November 2026" for a YYYY-MM-DD date (a time after it, as in missingSince, is kept). */
export function longDate(text: string | undefined): string {
  const date = text ? parseCalendarDate(text.slice(0, 10)) : undefined;
  return date ? `${formatLongDate(date)}${text!.slice(10)}` : (text ?? '');
}
