import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeAtomically } from '../files/atomic-write.ts';
import { nextAppealId } from '../model/appeal-id.ts';
import { type CalendarDate, daysInMonth, formatCalendarDate } from '../model/calendar-date.ts';
import { neutralPhotoName } from './photo-file.ts';

/** What `appeal new` collects, from flags or prompts. */
export interface NewAppealInput {
  name: string;
  knownAs: string[];
  sex: string;
  dateOfBirth?: string;
  ageAtDisappearance?: number;
  missingSince: string;
  place: string;
  town: string;
  region: string;
  description: Partial<Record<'height' | 'build' | 'hair' | 'eyes' | 'clothing' | 'features', string>>;
  photos: Array<{ alt: string; caption?: string; kind?: 'photo' | 'age-progressed'; taken?: string }>;
  forceName: string;
  reference: string;
  consentBy: string;
  consentDate?: string;
  reviewBy?: string;
  urgent: boolean;
  circumstances: string;
}

/** The date `months` calendar months after `date`, clamped to the month's last day. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** Default review interval: appeals should be looked at again within three months. */
export const REVIEW_MONTHS = 3;

/** Frontmatter for a new appeal, in the order the fields table documents. Photos get neutral names. */
export function newAppealFrontmatter(input: NewAppealInput, today: CalendarDate): Record<string, unknown> {
  const todayText = formatCalendarDate(today);
  const description = Object.fromEntries(
    Object.entries(input.description).filter(([, v]) => v && v.trim() !== ''),
  );
  return {
    status: 'active',
    name: input.name,
    knownAs: input.knownAs,
    sex: input.sex,
    ...(input.dateOfBirth !== undefined ? { dateOfBirth: input.dateOfBirth } : {}),
    ...(input.ageAtDisappearance !== undefined ? { ageAtDisappearance: input.ageAtDisappearance } : {}),
    missingSince: input.missingSince,
    lastSeen: { place: input.place, town: input.town, region: input.region },
    description,
    photos: input.photos.map((p, i) => ({
      src: neutralPhotoName(i + 1),
      alt: p.alt,
      ...(p.caption ? { caption: p.caption } : {}),
      kind: p.kind ?? 'photo',
      ...(p.taken ? { taken: p.taken } : {}),
    })),
    force: { name: input.forceName, reference: input.reference },
    consent: { by: input.consentBy, date: input.consentDate ?? todayText },
    reviewBy: input.reviewBy ?? formatCalendarDate(addMonths(today, REVIEW_MONTHS)),
    urgent: input.urgent,
    published: todayText,
    updated: todayText,
  };
}

/**
 * The record of ids handed out, in the studio's data folder: for each year, the highest number
 * given. Nothing else (no name, no date): it exists only so a discarded new appeal's id is never
 * given again, since its preview or a link to it may still be about.
 */
const ISSUED_IDS_FILE = 'issued-ids.json';

function readIssued(file: string): Record<string, number> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/** The next id of `year` after every id in `used` (content/ and drafts) and every id the record in `dataDir` says was handed out. */
export function nextUnissuedId(dataDir: string, used: Iterable<string>, year: number): string {
  const highest = readIssued(path.join(dataDir, ISSUED_IDS_FILE))[year];
  const given =
    Number.isInteger(highest) && highest! > 0 ? [`${year}-${String(highest).padStart(4, '0')}`] : [];
  return nextAppealId([...used, ...given], year);
}

/** `nextUnissuedId`, recorded as handed out before it is returned: a new draft's id is never given again. */
export function allocateAppealId(dataDir: string, used: Iterable<string>, year: number): string {
  const id = nextUnissuedId(dataDir, used, year);
  const file = path.join(dataDir, ISSUED_IDS_FILE);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeAtomically(file, `${JSON.stringify({ ...readIssued(file), [year]: Number(id.slice(5)) })}\n`, 0o600);
  return id;
}
