import { daysInMonth, formatCalendarDate, formatLongDate } from '../model/calendar-date.ts';
import { formatClockTime } from '../model/missing-since.ts';

/**
 * Dates as people type them into the studio (`4/12/2026`, `4 December 2026`, `2026-12-04`, with a
 * time like `9:30pm` where the field takes one), read in UK order and turned into the value the
 * file keeps, with the words the form shows back: "We read this as Friday 4 December 2026".
 */
export interface TypedDate {
  /** What the file keeps: `2026-12-04`, `2026-12-04 21:30`, or a month `2026-04`. */
  value: string;
  /** "Friday 4 December 2026 at 9:30pm", "April 2026". */
  spoken: string;
}

export interface TypedDateOptions {
  /** The field takes a time of day too (when a child went missing). */
  time?: boolean;
  /** The field takes a month on its own (when a photo was taken). */
  month?: boolean;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** 1–12 for "dec", "December", "sept"; undefined for anything else. */
function monthNumber(word: string): number | undefined {
  if (word.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((m) => m.startsWith(word) || (word === 'sept' && m === 'september'));
  return index < 0 ? undefined : index + 1;
}

function fullYear(text: string): number {
  // Two digits are this century: "4/12/26" is 2026.
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

interface Clock {
  hour: number;
  minute: number;
}

const TIME_12_RE = /(?:^|\s)(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)$/;
const TIME_24_RE = /(?:^|\s|t)(?:at\s+)?(\d{1,2}):(\d{2})$/;
const TIME_WORD_RE = /(?:^|\s)(?:at\s+)?(?:12\s*)?(noon|midday|midnight)$/;

/** A time of day at the end of the text, and the text before it. */
function splitTime(text: string): { rest: string; time?: Clock } | undefined {
  let m = TIME_WORD_RE.exec(text);
  if (m)
    return { rest: text.slice(0, m.index).trim(), time: { hour: m[1] === 'midnight' ? 0 : 12, minute: 0 } };
  m = TIME_12_RE.exec(text);
  if (m) {
    const hour = Number(m[1]);
    const minute = m[2] === undefined ? 0 : Number(m[2]);
    if (hour < 1 || hour > 12 || minute > 59) return undefined;
    return {
      rest: text.slice(0, m.index).trim(),
      time: { hour: (hour % 12) + (m[3] === 'pm' ? 12 : 0), minute },
    };
  }
  m = TIME_24_RE.exec(text);
  if (m) {
    const [hour, minute] = [Number(m[1]), Number(m[2])];
    if (hour > 23 || minute > 59) return undefined;
    return { rest: text.slice(0, m.index).trim(), time: { hour, minute } };
  }
  return { rest: text };
}

type DayMonthYear = { year: number; month: number; day?: number };

function readDate(text: string): DayMonthYear | undefined {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[2]) };
  // UK order: day, month, year.
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  if (m) return { year: fullYear(m[3]!), month: Number(m[2]), day: Number(m[1]) };
  m = /^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+([a-z]+)\s+(\d{4})$/.exec(text);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? { year: Number(m[3]), month, day: Number(m[1]) } : undefined;
  }
  m = /^([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? { year: Number(m[3]), month, day: Number(m[2]) } : undefined;
  }
  m = /^([a-z]+)\s+(\d{4})$/.exec(text);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? { year: Number(m[2]), month } : undefined;
  }
  return undefined;
}

/**
 * What someone typed, read as a date (and time, or month, where the field takes one); undefined
 * when it cannot be read as a real date, so the form keeps the text and the check says what is wrong.
 */
export function readTypedDate(typed: string, options: TypedDateOptions = {}): TypedDate | undefined {
  const text = typed
    .trim()
    .toLowerCase()
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?\s+/, '');
  if (text === '') return undefined;
  const split = splitTime(text);
  if (!split || (split.time && !options.time)) return undefined;
  const date = readDate(split.rest);
  if (!date || date.year < 1900 || date.month < 1 || date.month > 12) return undefined;
  if (date.day === undefined) {
    if (!options.month || split.time) return undefined;
    const name = MONTH_NAMES[date.month - 1]!;
    return {
      value: `${date.year}-${String(date.month).padStart(2, '0')}`,
      spoken: `${name[0]!.toUpperCase()}${name.slice(1)} ${date.year}`,
    };
  }
  if (date.day < 1 || date.day > daysInMonth(date.year, date.month)) return undefined;
  const day = { year: date.year, month: date.month, day: date.day };
  const weekday = WEEKDAYS[new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay()]!;
  const spokenDay = `${weekday} ${formatLongDate(day)}`;
  if (!split.time) return { value: formatCalendarDate(day), spoken: spokenDay };
  const { hour, minute } = split.time;
  return {
    value: `${formatCalendarDate(day)} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
    spoken: `${spokenDay} at ${formatClockTime(hour, minute)}`,
  };
}
