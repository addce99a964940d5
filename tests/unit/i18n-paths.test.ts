import { describe, expect, it } from 'vitest';
import { twinPath } from '../../src/lib/i18n/twin-path.ts';
import { inSitemap } from '../../src/lib/outputs/robots.ts';
import { pageAppealId } from '../../src/lib/search/search-shards.ts';
import { resultCountText, parseSearchState } from '../../src/lib/search/search-state.ts';
import { ageBandLabel, searchFacts } from '../../src/lib/search/search-facets.ts';
import { shareLinks, shareMessage } from '../../src/lib/outputs/share-links.ts';
import { closedNoticeText } from '../../src/lib/outputs/closed-notice.ts';

const SITE = 'https://appeals.example.org';
const BANDS = [
  { label: '0 to 11', min: 0, max: 11 },
  { label: '12 to 17', min: 12, max: 17 },
];

describe('paths and outputs in both languages', () => {
  it('finds a page’s twin in the other language at the same path', () => {
    expect(twinPath('/help/', 'cy')).toBe('/cy/help/');
    expect(twinPath('/cy/help/', 'en')).toBe('/help/');
    expect(twinPath('/', 'cy')).toBe('/cy/');
    expect(twinPath('/cy/', 'en')).toBe('/');
    expect(twinPath('/cy/appeals/2026-0001/', 'cy')).toBe('/cy/appeals/2026-0001/');
    // Not found is served at any address: its twin is the other language's home page.
    expect(twinPath('/404/', 'cy')).toBe('/cy/');
    expect(twinPath('/cy/404/', 'en')).toBe('/');
  });

  it('keeps Welsh closed appeals, notices, embeds, posters and the 404 out of the sitemap, as English ones', () => {
    const closed = ['2026-0002'];
    for (const p of ['/cy/', '/cy/help/', '/cy/appeals/2026-0001/', '/cy/appeals/region/wales/'])
      expect(inSitemap(SITE + p, closed), p).toBe(true);
    for (const p of [
      '/cy/appeals/2026-0002/',
      '/cy/appeals/2026-0002/poster/',
      '/cy/appeals/2026-0001/poster/',
      '/cy/appeals/closed/',
      '/cy/embed/latest/',
      '/cy/404/',
    ])
      expect(inSitemap(SITE + p, closed), p).toBe(false);
  });

  it('knows the appeal of a Welsh page in the search index', () => {
    expect(pageAppealId('cy/appeals/2026-0001/index.html')).toBe('2026-0001');
    expect(() => pageAppealId('cy/help/index.html')).toThrow(/not an appeal page/);
  });

  it('counts results, names filters and age bands in Welsh', () => {
    expect(resultCountText(1, parseSearchState('?q=tia'), 'cy')).toBe('Canfuwyd 1 apêl ar gyfer “tia”');
    expect(resultCountText(3, parseSearchState(''), 'cy')).toBe('Canfuwyd 3 apêl');
    expect(ageBandLabel(12, BANDS, 'cy')).toBe('12 i 17');
    expect(ageBandLabel(20, BANDS, 'cy')).toBe('18 a throsodd');
    expect(ageBandLabel(12, BANDS)).toBe('12 to 17');
    const facts = searchFacts({
      name: 'A',
      sex: 'female',
      regionName: 'Wales',
      forceName: 'F',
      missingSince: '2026-05-01',
      ageNow: 13,
      ageNowText: '13 oed',
      missingSinceText: '1 Mai 2026',
      lastSeenText: 'Town, Wales',
      ageBands: BANDS,
      locale: 'cy',
    });
    expect(facts.filters).toMatchObject({ sex: 'Benyw', age: '12 i 17' });
  });

  it('shares and closes in Welsh', () => {
    expect(shareMessage({ name: 'Ann', town: 'Bala' }, 'cy')).toBe(
      'Rhannwch os gwelwch yn dda: mae Ann ar goll o Bala.',
    );
    const email = shareLinks({ name: 'Ann', town: 'Bala' }, `${SITE}/cy/appeals/2026-0001/`, 'cy')[0]!;
    expect(email.label).toBe('E-bost');
    expect(decodeURIComponent(email.href)).toContain('subject=Ar goll: Ann');
    expect(closedNoticeText('cy')[0]).toBe('Nid yw’r apêl hon yn weithredol mwyach');
    expect(closedNoticeText()[0]).toBe('This appeal is no longer active');
  });
});
