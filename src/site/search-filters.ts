import type { FilterKey, SortOrder } from '../lib/search/search-state.ts';
import { ageBandLabel } from '../lib/search/search-facets.ts';
import type { ActiveAppeal } from './appeals.ts';
import { siteSettings } from './settings.ts';

export const FILTER_LABELS: Record<FilterKey, string> = {
  region: 'Region last seen',
  sex: 'Sex',
  age: 'Age now',
  year: 'Year missing',
  force: 'Police force',
};

export const SORT_LABELS: Record<SortOrder, string> = {
  relevance: 'Best match',
  newest: 'Missing since (newest first)',
  oldest: 'Missing since (oldest first)',
};

const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'en-GB'));

/** Every filter value present among active appeals, in a sensible order, for the search form. */
export function searchFilterValues(active: readonly ActiveAppeal[]): Record<FilterKey, string[]> {
  const bands = [...siteSettings.ageBands.map((b) => b.label)];
  const ageValues = new Set(active.map((a) => ageBandLabel(a.facts.ageNowYears, siteSettings.ageBands)));
  return {
    region: siteSettings.regions
      .map((r) => r.name)
      .filter((name) => active.some((a) => a.facts.regionName === name)),
    sex: sorted(active.map((a) => (a.data.sex === 'female' ? 'Female' : 'Male'))),
    age: [
      ...bands.filter((b) => ageValues.has(b)),
      ...sorted([...ageValues].filter((v) => !bands.includes(v))),
    ],
    year: sorted(active.map((a) => a.data.missingSince.slice(0, 4))).reverse(),
    force: sorted(active.map((a) => a.data.force.name)),
  };
}
