/**
 * When each demo appeal happened: cases from 2016-2025 moved onto the site in early 2026, then
 * 2026 cases, then recent urgent ones, oldest first.
 */
import { dayOf, type Day } from './dates.ts';

/** The last day any demo appeal may be missing from, published or updated. */
const DEMO_LATEST_DATE = '2026-11-28';

interface ClockTime {
  hour: number;
  minute: number;
}

export interface Slot {
  group: 'old' | 'new' | 'urgent';
  missing: Day;
  /** When the time of day is known. */
  time?: ClockTime | undefined;
  published: Day;
  updated: Day;
  consent: Day;
}

/** The dates of `count` appeals, oldest first. */
export function schedule(count: number, rand: () => number): Slot[] {
  const nUrgent = Math.min(4, count);
  const rest = count - nUrgent;
  const nOld = Math.round(rest * 0.6);
  return [...oldSlots(nOld, rand), ...newSlots(rest - nOld, rand), ...urgentSlots(nUrgent, rand)];
}

/** The k-th of n days spread evenly from a to b. */
function spread(k: number, n: number, a: string, b: string): number {
  return n <= 1 ? dayOf(a) : dayOf(a) + ((dayOf(b) - dayOf(a)) * k) / (n - 1);
}

/** A time of day between 7am and 10:55pm, to the five minutes. */
function time(rand: () => number): ClockTime {
  return { hour: 7 + Math.floor(rand() * 16), minute: Math.floor(rand() * 12) * 5 };
}

const latest = () => dayOf(DEMO_LATEST_DATE);

/** Cases of 2016-2025, published when the site opened in early 2026; some updated since. */
function oldSlots(nOld: number, rand: () => number): Slot[] {
  const old = Array.from({ length: nOld }, (_, k) =>
    Math.round(spread(k, nOld, '2016-03-14', '2025-11-20') + (rand() - 0.5) * 40),
  ).sort((a, b) => a - b);
  return old.map((missing, k) => {
    const published = dayOf('2026-01-12') + Math.floor((k * 50) / Math.max(1, nOld));
    const updated = rand() < 0.5 ? published : Math.min(latest(), published + 14 + Math.floor(rand() * 200));
    return {
      group: 'old',
      missing,
      time: k % 5 === 2 ? time(rand) : undefined,
      published,
      updated,
      consent: published - Math.floor(rand() * 3),
    };
  });
}

/** Cases of 2026, published the day they were reported or the next. */
function newSlots(nNew: number, rand: () => number): Slot[] {
  const fresh = Array.from({ length: nNew }, (_, k) =>
    Math.round(spread(k, nNew, '2026-03-10', '2026-10-30') + (rand() - 0.5) * 16),
  ).sort((a, b) => a - b);
  return fresh.map((missing, k) => {
    const published = missing + (rand() < 0.5 ? 0 : 1);
    const updated = rand() < 0.4 ? published : Math.min(latest(), published + 1 + Math.floor(rand() * 20));
    return {
      group: 'new',
      missing,
      time: k % 3 === 1 ? time(rand) : undefined,
      published,
      updated,
      consent: Math.max(missing, published - Math.floor(rand() * 2)),
    };
  });
}

/** The last weeks' urgent cases, each with a time. */
function urgentSlots(nUrgent: number, rand: () => number): Slot[] {
  return Array.from({ length: nUrgent }, (_, k) => {
    const missing = Math.round(spread(k, nUrgent, '2026-11-09', '2026-11-27'));
    const published = Math.min(latest(), missing + (k % 2));
    return {
      group: 'urgent',
      missing,
      time: time(rand),
      published,
      updated: Math.min(latest(), published + (k % 2 === 0 ? 1 : 0)),
      consent: missing,
    };
  });
}
