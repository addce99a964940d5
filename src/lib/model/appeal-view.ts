import { ageFacts } from './age.ts';
import type { ActiveAppealData } from './appeal-schema.ts';
import { type CalendarDate, parseCalendarDate } from './calendar-date.ts';
import { parseMissingSince } from './missing-since.ts';
import type { SiteSettings } from './settings-schema.ts';
import type { Locale } from '../i18n/locales.ts';
import { ageText, longDate, missingForText, missingSinceText, monthYear } from '../i18n/dates.ts';
import { factStrings } from '../i18n/strings/facts.ts';

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
  description: Array<{ key: DescriptionKey; label: string; value: string }>;
}

export function parseDate(text: string): CalendarDate {
  const date = parseCalendarDate(text);
  if (!date) throw new Error(`Not a valid date: ${text}`);
  return date;
}

type Region = SiteSettings['regions'][number];

/**
 * A region's name in `locale`; `lang` is 'en' when a Welsh page has to fall back to the English
 * name, so screen readers pronounce it as English.
 */
export function regionLabel(
  region: Pick<Region, 'name' | 'welshName'>,
  locale: Locale,
): { name: string; lang: 'en' | undefined } {
  if (locale === 'cy' && region.welshName) return { name: region.welshName, lang: undefined };
  return { name: region.name, lang: locale === 'en' ? undefined : 'en' };
}

export function regionName(settings: SiteSettings, regionId: string, locale: Locale = 'en'): string {
  const region = settings.regions.find((r) => r.id === regionId);
  return region ? regionLabel(region, locale).name : regionId;
}

type DescriptionKey = keyof ActiveAppealData['description'];
const DESCRIPTION_KEYS: DescriptionKey[] = ['height', 'build', 'hair', 'eyes', 'clothing', 'features'];

export function appealFacts(
  appeal: ActiveAppealData<unknown>,
  settings: SiteSettings,
  today: CalendarDate,
  locale: Locale = 'en',
): AppealFacts {
  const t = factStrings[locale];
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
  const region = regionName(settings, appeal.lastSeen.region, locale);
  const { phones } = settings;
  return {
    ageAtDisappearance: ageText(ages.atDisappearance, false, locale),
    ageNow: ageText(ages.now, ages.estimated, locale),
    ageNowYears: ages.now,
    missingSince: missingSinceText(missing, locale),
    missingFor: missingForText(missing.date, today, locale),
    lastSeen: `${appeal.lastSeen.place}, ${appeal.lastSeen.town}, ${region}`,
    regionName: region,
    updated: longDate(parseDate(appeal.updated), locale),
    published: longDate(parseDate(appeal.published), locale),
    seeNow: t.seeNow(appeal.name, phones.emergency),
    haveInformation: t.haveInformation(
      phones.police,
      appeal.force.reference,
      phones.helplineName,
      phones.helpline,
    ),
    description: DESCRIPTION_KEYS.flatMap((key) => {
      const value = appeal.description[key];
      return value ? [{ key, label: t[key], value }] : [];
    }),
  };
}

/** "Taken May 2026" or "Made 3 January 2026" (age-progressed); the kind itself is shown as a tag. */
export function photoLabel(
  photo: {
    kind: 'photo' | 'age-progressed';
    taken?: string | undefined;
  },
  locale: Locale = 'en',
): string | undefined {
  if (!photo.taken) return undefined;
  const t = factStrings[locale];
  const verb = photo.kind === 'age-progressed' ? t.made : t.taken;
  const full = parseCalendarDate(photo.taken);
  if (full) return `${verb} ${longDate(full, locale)}`;
  const month = parseCalendarDate(`${photo.taken}-01`);
  return month ? `${verb} ${monthYear(month.year, month.month, locale)}` : undefined;
}
