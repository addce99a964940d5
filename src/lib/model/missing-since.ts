import {
  type CalendarDate,
  formatCalendarDate,
  formatLongDate,
  impossibleDateReason,
  parseCalendarDate,
} from './calendar-date.ts';

/** When a child went missing: a UK calendar date and, if known, the UK local time. */
export interface MissingSince {
  date: CalendarDate;
  time?: { hour: number; minute: number };
}

const DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2}))?$/;

/** Parses `2026-05-01` or `2026-05-01 18:30` (UK local time). */
export function parseMissingSince(text: string): MissingSince | undefined {
  const m = DATE_TIME_RE.exec(text.trim());
  if (!m) return undefined;
  const date = parseCalendarDate(m[1]!);
  if (!date) return undefined;
  if (m[2] === undefined) return { date };
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (hour > 23 || minute > 59) return undefined;
  return { date, time: { hour, minute } };
}

/** Why text shaped like `2026-02-30 18:30` is not a real date and time; undefined otherwise. */
export function impossibleMissingSinceReason(text: string): string | undefined {
  const m = DATE_TIME_RE.exec(text.trim());
  if (!m) return undefined;
  const dateReason = impossibleDateReason(m[1]!);
  if (dateReason || m[2] === undefined) return dateReason;
  if (Number(m[2]) > 23) return `there is no hour ${Number(m[2])}; use the 24-hour clock, 00:00 to 23:59`;
  if (Number(m[3]) > 59) return `there is no minute ${Number(m[3])}`;
  return undefined;
}

/** The frontmatter value for a missing-since: "2026-05-01" or "2026-05-01 18:30". */
export function formatMissingSinceValue(value: MissingSince): string {
  const date = formatCalendarDate(value.date);
  if (!value.time) return date;
  return `${date} ${String(value.time.hour).padStart(2, '0')}:${String(value.time.minute).padStart(2, '0')}`;
}

/** "6:30pm", "12 noon", "12 midnight": GOV.UK style for times. */
export function formatClockTime(hour: number, minute: number): string {
  if (minute === 0 && hour === 12) return '12 noon';
  if (minute === 0 && hour === 0) return '12 midnight';
  const suffix = hour < 12 ? 'am' : 'pm';
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${h12}${suffix}` : `${h12}:${String(minute).padStart(2, '0')}${suffix}`;
}

/** "1 May 2026 at 6:30pm", or "1 May 2026" when the time is not known. */
export function describeMissingSince(value: MissingSince): string {
  const day = formatLongDate(value.date);
  return value.time ? `${day} at ${formatClockTime(value.time.hour, value.time.minute)}` : day;
}
