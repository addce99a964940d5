import { describe, expect, it } from 'vitest';
import { ageBandLabel, searchFacts } from '../../src/lib/search/search-facets.ts';
import {
  hasCriteria,
  pagefindOptions,
  parseSearchState,
  resultCountText,
  serialiseSearchState,
  toggleFilter,
} from '../../src/lib/search/search-state.ts';

const BANDS = [
  { label: '0 to 11', min: 0, max: 11 },
  { label: '12 to 14', min: 12, max: 14 },
  { label: '15 to 17', min: 15, max: 17 },
];

describe('search state in the URL', () => {
  it('round-trips query, repeated filters and sort', () => {
    const state = parseSearchState(
      '?q=Leeds+girl&region=Yorkshire+and+the+Humber&region=London&sex=Female&sort=newest',
    );
    expect(state).toEqual({
      q: 'Leeds girl',
      filters: {
        region: ['Yorkshire and the Humber', 'London'],
        sex: ['Female'],
        age: [],
        year: [],
        force: [],
      },
      sort: 'newest',
    });
    expect(parseSearchState(serialiseSearchState(state))).toEqual(state);
    expect(serialiseSearchState(parseSearchState(''))).toBe('');
  });

  it('ignores unknown sorts and duplicate values', () => {
    expect(parseSearchState('?sort=bogus&sex=Male&sex=Male').sort).toBe('relevance');
    expect(parseSearchState('?sex=Male&sex=Male').filters.sex).toEqual(['Male']);
  });

  it('maps to Pagefind options, listing everything newest first when there are no words', () => {
    const state = toggleFilter(parseSearchState('?region=London'), 'sex', 'Female', true);
    expect(pagefindOptions(state)).toEqual({
      filters: { region: { any: ['London'] }, sex: { any: ['Female'] } },
      sort: { missing: 'desc' },
    });
    expect(pagefindOptions(parseSearchState('?q=tia'))).toEqual({ filters: {} });
    expect(pagefindOptions(parseSearchState('?q=tia&sort=oldest'))).toEqual({
      filters: {},
      sort: { missing: 'asc' },
    });
    // The name sort was dropped (one sort key keeps Pagefind's metadata small): old links fall back.
    expect(parseSearchState('?q=tia&sort=name').sort).toBe('relevance');
    expect(toggleFilter(state, 'sex', 'Female', false).filters.sex).toEqual([]);
    expect(hasCriteria(parseSearchState(''))).toBe(false);
    expect(hasCriteria(parseSearchState('?age=0+to+11'))).toBe(true);
  });

  it('describes the count for screen readers', () => {
    expect(resultCountText(1, parseSearchState('?q=tia'))).toBe('1 appeal found for “tia”');
    expect(resultCountText(3, parseSearchState(''))).toBe('3 appeals found');
  });
});

describe('search facets', () => {
  it('puts ages in the configured bands', () => {
    expect(ageBandLabel(0, BANDS)).toBe('0 to 11');
    expect(ageBandLabel(11, BANDS)).toBe('0 to 11');
    expect(ageBandLabel(12, BANDS)).toBe('12 to 14');
    expect(ageBandLabel(17, BANDS)).toBe('15 to 17');
    expect(ageBandLabel(20, BANDS)).toBe('18 and over');
  });

  it('builds filters, sort keys and card metadata', () => {
    const facts = searchFacts({
      name: 'Tia Fallowmere',
      sex: 'female',
      regionName: 'Scotland',
      forceName: 'Police Scotland',
      missingSince: '2017-12-28 20:10',
      ageNow: 20,
      ageNowText: '20',
      missingSinceText: '28 December 2017 at 8:10pm',
      lastSeenText: 'Glasgow, Scotland',
      ageBands: BANDS,
    });
    expect(facts.filters).toEqual({
      region: 'Scotland',
      sex: 'Female',
      age: '18 and over',
      year: '2017',
      force: 'Police Scotland',
    });
    expect(facts.sort).toEqual({ missing: '2017-12-28T20:10' });
    expect(facts.meta.missingAt).toBe(facts.sort.missing);
  });
});

describe("guarding against Pagefind's shorter-word fallback", async () => {
  const { queryTrulyMatches, wordsAt } = await import('../../src/lib/search/search-state.ts');
  it('accepts real matches, prefixes and stems, and refuses fallbacks', () => {
    expect(queryTrulyMatches('Zephyrine', ['Zephyrine'])).toBe(true);
    expect(queryTrulyMatches('zeph', ['Zephyrine.'])).toBe(true);
    expect(queryTrulyMatches('walking', ['walked'])).toBe(true);
    expect(queryTrulyMatches('Tobiah', ['to', 'told'])).toBe(false);
    expect(queryTrulyMatches('Isabella', ['is'])).toBe(false);
    expect(queryTrulyMatches('Theodore', ['the'])).toBe(false);
    expect(queryTrulyMatches('girl Leeds', ['Leeds', 'girl'])).toBe(true);
    expect(queryTrulyMatches('girl Tobiah', ['girl', 'to'])).toBe(false);
    expect(queryTrulyMatches('Lys', ['Lys,'])).toBe(true);
    expect(wordsAt('Seen in Oldtown, near the park', [2, 5])).toEqual(['Oldtown,', 'park']);
  });
});
