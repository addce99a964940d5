import { ageFacts, describeMissingDuration } from './age.ts';
import type { ActiveAppealData } from './appeal-schema.ts';
import { type CalendarDate, formatLongDate, formatMonthYear, parseCalendarDate } from './calendar-date.ts';
import { describeMissingSince, parseMissingSince } from './missing-since.ts';
import type { SiteSettings } from './settings-schema.ts';

/** Everything an appeal page shows, worked out once at build so the views stay thin. */
export interface AppealFacts {
  ageAtDisappearance: string;
  ageNow: string;
  /** Age now in whole years (an estimate when only an age was given). */
  ageNowYears: number;
  missingSince: string;
  missingFor: string;
  lastSeen: string;
  regionName: string;
  updated: string;
  published: string;
  seeNow: string;
  haveInformation: string;
  description: Array<{ label: string; value: string }>;
}

export function parseDate(text: string): CalendarDate {
  const date = parseCalendarDate(text);
  if (!date) throw new Error(`Not a valid date: ${text}`);
  return date;
}

export function regionName(settings: SiteSettings, regionId: string): string {
  return settings.regions.find((r) => r.id === regionId)?.name ?? regionId;
}

const DESCRIPTION_LABELS: Array<[keyof ActiveAppealData['description'], string]> = [
  ['height', 'Height'],
  ['build', 'Build'],
  ['hair', 'Hair'],
  ['eyes', 'Eyes'],
  ['clothing', 'Last seen wearing'],
  ['features', 'Distinguishing features'],
];

export function appealFacts(
  appeal: ActiveAppealData<unknown>,
  settings: SiteSettings,
  today: CalendarDate,
): AppealFacts {
  const missing = parseMissingSince(appeal.missingSince);
  if (!missing) throw new Error(`Not a valid missingSince: ${appeal.missingSince}`);
  const ages = ageFacts(
    {
      dateOfBirth: appeal.dateOfBirth ? parseDate(appeal.dateOfBirth) : undefined,
      ageAtDisappearance: appeal.ageAtDisappearance,
    },
    missing.date,
    today,
  );
  const region = regionName(settings, appeal.lastSeen.region);
  const { phones } = settings;
  return {
    ageAtDisappearance: `${ages.atDisappearance}`,
    ageNow: ages.estimated ? `about ${ages.now}` : `${ages.now}`,
    ageNowYears: ages.now,
    missingSince: describeMissingSince(missing),
    missingFor: describeMissingDuration(missing.date, today),
    lastSeen: `${appeal.lastSeen.place}, ${appeal.lastSeen.town}, ${region}`,
    regionName: region,
    updated: formatLongDate(parseDate(appeal.updated)),
    published: formatLongDate(parseDate(appeal.published)),
    seeNow: `If you see ${appeal.name} now, call ${phones.emergency}.`,
    haveInformation: `If you have information, call ${phones.police} quoting ${appeal.force.reference}, or ${phones.helplineName} on ${phones.helpline} (free, confidential).`,
    description: DESCRIPTION_LABELS.flatMap(([key, label]) => {
      const value = appeal.description[key];
      return value ? [{ label, value }] : [];
    }),
  };
}

/** "Taken May 2026" or "Made 3 January 2026" (age-progressed); the kind itself is shown as a tag. */
export function photoLabel(photo: {
  kind: 'photo' | 'age-progressed';
  taken?: string | undefined;
}): string | undefined {
  if (!photo.taken) return undefined;
  const verb = photo.kind === 'age-progressed' ? 'Made' : 'Taken';
  const full = parseCalendarDate(photo.taken);
  if (full) return `${verb} ${formatLongDate(full)}`;
  const month = parseCalendarDate(`${photo.taken}-01`);
  return month ? `${verb} ${formatMonthYear(month.year, month.month)}` : undefined;
}
