import type { AgeBand } from '../model/settings-schema.ts';
import type { Locale } from '../i18n/locales.ts';
import { searchStrings } from '../i18n/strings/search.ts';

/** A band's name: its label from the settings in English, its numbers in Welsh ("12 i 14"). */
export const bandLabel = (band: AgeBand, locale: Locale = 'en') =>
  locale === 'en' ? band.label : searchStrings[locale].ageRange(band.min, band.max);

/** The band a child's age falls in, or "18 and over" for long-missing children now grown up. */
export function ageBandLabel(age: number, bands: readonly AgeBand[], locale: Locale = 'en'): string {
  const band = bands.find((b) => age >= b.min && age <= b.max);
  if (band) return bandLabel(band, locale);
  const highest = Math.max(...bands.map((b) => b.max));
  return age > highest ? searchStrings[locale].ageOver(highest + 1) : searchStrings[locale].ageUnknown;
}

/** The sex filter's value, in the page's language. */
export const sexLabel = (sex: 'female' | 'male', locale: Locale = 'en') =>
  sex === 'female' ? searchStrings[locale].female : searchStrings[locale].male;

/** The result-card metadata key that repeats a sort key, for merging sorted shards (merge-results.ts). */
export const SORT_META = { missing: 'missingAt' } as const;

export interface SearchFacts {
  filters: Record<'region' | 'sex' | 'age' | 'year' | 'force', string>;
  sort: { missing: string };
  meta: { age: string; missingSince: string; lastSeen: string; missingAt: string };
}

/** Filters, sort keys and result-card metadata for one appeal's search record. */
export function searchFacts(input: {
  name: string;
  sex: 'female' | 'male';
  regionName: string;
  forceName: string;
  missingSince: string;
  ageNow: number;
  ageNowText: string;
  missingSinceText: string;
  lastSeenText: string;
  ageBands: readonly AgeBand[];
  locale?: Locale;
}): SearchFacts {
  const missing = input.missingSince.replace(' ', 'T');
  return {
    filters: {
      region: input.regionName,
      sex: sexLabel(input.sex, input.locale),
      age: ageBandLabel(input.ageNow, input.ageBands, input.locale),
      year: input.missingSince.slice(0, 4),
      force: input.forceName,
    },
    // Sort keys compare as text: ISO dates sort by time. Only one sort: each key costs every first
    // search its share of Pagefind's metadata (see BENCHMARKS.md).
    sort: { missing },
    meta: {
      age: input.ageNowText,
      missingSince: input.missingSinceText,
      lastSeen: input.lastSeenText,
      missingAt: missing,
    },
  };
}
