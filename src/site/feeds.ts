import { loadAppeals, type ActiveAppeal } from './appeals.ts';
import { siteSettings } from './settings.ts';
import { regionName } from '../lib/model/appeal-view.ts';
import { shareCardPath } from './appeal-images.ts';
import { partnerThumbnail } from './photo-sizes.ts';
import { API_PATHS, apiAppeal, appealRssItem, newestPublishedFirst } from '../lib/outputs/api-feeds.ts';
import type { Locale } from '../lib/i18n/locales.ts';
import { feedStrings } from '../lib/i18n/strings/feeds.ts';
import { jsonText, removalsFeedFiles, rssXml, type RssFeed } from '../lib/outputs/feed-files.ts';
import { buildDate } from '../lib/model/build-date.ts';
import { operatorEnv } from './operator-env.ts';
import { formatCalendarDate } from '../lib/model/calendar-date.ts';

/** The build date as YYYY-MM-DD: every file a build writes says the same "generated" date. */
export const generatedDate = () => formatCalendarDate(buildDate(operatorEnv));

export async function apiAppeals(site: URL) {
  const { active } = await loadAppeals();
  return newestPublishedFirst(active).map((appeal) =>
    apiAppeal(appeal, site, {
      thumbnail: partnerThumbnail(appeal.photos[0]!.source),
      shareCard: shareCardPath(appeal.id),
    }),
  );
}

/** Both removals feeds' text (src/lib/outputs/feed-files.ts), which the takedown writes too. */
export async function removalsFiles(site: URL) {
  const { closed } = await loadAppeals();
  return removalsFeedFiles({
    closed,
    site,
    generated: generatedDate(),
    organisationName: organisationName(),
  });
}

export const jsonFileResponse = (text: string) =>
  new Response(text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });

export const jsonResponse = (body: unknown) => jsonFileResponse(jsonText(body));

export const xmlResponse = (text: string) =>
  new Response(text, { headers: { 'Content-Type': 'application/xml' } });

export const rssResponse = async (feed: RssFeed) => xmlResponse(await rssXml(feed));

export async function activeNewestFirst(filter: (appeal: ActiveAppeal) => boolean = () => true) {
  const { active } = await loadAppeals();
  return newestPublishedFirst(active.filter(filter));
}

export const organisationName = () => siteSettings.organisation.name;

/** The RSS feed of active appeals (all, or one region's) in `locale`. */
export async function appealsRss(
  locale: Locale,
  site: URL,
  region?: { id: string; name: string },
): Promise<Response> {
  const t = feedStrings[locale];
  const appeals = await activeNewestFirst((a) => !region || a.data.lastSeen.region === region.id);
  return rssResponse({
    title: region
      ? t.regionTitle(regionName(siteSettings, region.id, locale), organisationName())
      : t.allTitle(organisationName()),
    description: region
      ? t.regionDescription(regionName(siteSettings, region.id, locale))
      : t.allDescription(API_PATHS.removalsRss),
    site,
    items: appeals.map((appeal) => appealRssItem({ ...appeal, facts: appeal.factsIn[locale] }, site, locale)),
  });
}

// One feed per region in the settings, even one with no appeals now, so a subscription never breaks.
export const regionFeedPaths = () =>
  siteSettings.regions.map((region) => ({ params: { region: region.id }, props: { region } }));
