import type { FilterKey, SortOrder } from '../lib/search/search-state.ts';
import { ageBandLabel, bandLabel, sexLabel } from '../lib/search/search-facets.ts';
import type { ActiveAppeal } from './appeals.ts';
import { siteSettings } from './settings.ts';
import { regionsIn } from './regions.ts';
import type { Locale } from '../lib/i18n/locales.ts';
import { searchStrings } from '../lib/i18n/strings/search.ts';

export function filterLabels(locale: Locale): Record<FilterKey, string> {
  const t = searchStrings[locale];
  return {
    region: t.filterRegion,
    sex: t.filterSex,
    age: t.filterAge,
    year: t.filterYear,
    force: t.filterForce,
  };
}

export function sortLabels(locale: Locale): Record<SortOrder, string> {
  const t = searchStrings[locale];
  return { relevance: t.sortRelevance, newest: t.sortNewest, oldest: t.sortOldest };
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'en-GB'));

/** Every filter value present among active appeals, in a sensible order, for the search form. */
export function searchFilterValues(
  active: readonly ActiveAppeal[],
  locale: Locale,
): Record<FilterKey, string[]> {
  const bands = siteSettings.ageBands.map((b) => bandLabel(b, locale));
  const ageValues = new Set(
    active.map((a) => ageBandLabel(a.facts.ageNowYears, siteSettings.ageBands, locale)),
  );
  return {
    region: regionsIn(locale)
      .map((r) => r.name)
      .filter((name) => active.some((a) => a.factsIn[locale].regionName === name)),
    sex: sorted(active.map((a) => sexLabel(a.data.sex, locale))),
    age: [
      ...bands.filter((b) => ageValues.has(b)),
      ...sorted([...ageValues].filter((v) => !bands.includes(v))),
    ],
    year: sorted(active.map((a) => a.data.missingSince.slice(0, 4))).reverse(),
    force: sorted(active.map((a) => a.data.force.name)),
  };
}
