import rss from '@astrojs/rss';
import { loadAppeals, type ActiveAppeal } from './appeals.ts';
import { siteSettings } from './settings.ts';
import { shareCardPath } from './appeal-images.ts';
import { partnerThumbnail } from './photo-sizes.ts';
import { apiAppeal, apiRemovals, newestPublishedFirst, type RssItem } from '../lib/outputs/api-feeds.ts';
import { buildDate } from '../lib/model/build-date.ts';
import { formatCalendarDate } from '../lib/model/calendar-date.ts';

/** The build date as YYYY-MM-DD: every file a build writes says the same "generated" date. */
export const generatedDate = () => formatCalendarDate(buildDate());

export async function apiAppeals(site: URL) {
  const { active } = await loadAppeals();
  return newestPublishedFirst(active).map((appeal) =>
    apiAppeal(appeal, site, {
      thumbnail: partnerThumbnail(appeal.photos[0]!.source),
      shareCard: shareCardPath(appeal.id),
    }),
  );
}

export async function removals(site: URL) {
  const { closed } = await loadAppeals();
  return apiRemovals(closed, site, generatedDate());
}

export function jsonResponse(body: unknown): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}

export function rssResponse(options: { title: string; description: string; site: URL; items: RssItem[] }) {
  return rss({ ...options, customData: '<language>en-gb</language>', trailingSlash: true });
}

export async function activeNewestFirst(filter: (appeal: ActiveAppeal) => boolean = () => true) {
  const { active } = await loadAppeals();
  return newestPublishedFirst(active.filter(filter));
}

export const organisationName = () => siteSettings.organisation.name;
