import { localePath, type Locale } from '../i18n/locales.ts';
import { feedStrings } from '../i18n/strings/feeds.ts';
import type { ActiveAppealData } from '../model/appeal-schema.ts';
import type { AppealFacts } from '../model/appeal-view.ts';

/**
 * The machine-readable outputs for press and partners: the appeals API, the removals feed and the
 * items of the RSS feeds. Pure functions of validated appeals; the endpoints in `src/pages/` only
 * serialise what these return. A closed appeal appears only in the removals feed, as id, URL and
 * closing date: never a name, photo or place.
 */

export const API_VERSION = 1;
export const API_PATHS = {
  appeals: '/api/v1/appeals.json',
  appealsSchema: '/api/v1/appeals.schema.json',
  removals: '/api/v1/removals.json',
  removalsSchema: '/api/v1/removals.schema.json',
  appealsRss: '/feeds/appeals.xml',
  removalsRss: '/feeds/removals.xml',
  regionRss: (regionId: string) => `/feeds/regions/${regionId}.xml`,
} as const;

export interface FeedAppeal {
  id: string;
  data: ActiveAppealData<unknown>;
  facts: AppealFacts;
}

export interface ApiAppeal {
  id: string;
  url: string;
  name: string;
  knownAs: string[];
  ageNow: number;
  /** True when only an age at disappearance was given, so `ageNow` is an estimate. */
  ageNowIsEstimate: boolean;
  sex: 'female' | 'male';
  /** As authored: a date (2026-05-01) or a UK date and time (2026-05-01 18:30). */
  missingSince: string;
  place: string;
  town: string;
  region: { id: string; name: string };
  force: { name: string; reference: string };
  urgent: boolean;
  thumbnailUrl: string;
  shareCardUrl: string;
  published: string;
  updated: string;
}

export interface ApiRemoval {
  id: string;
  url: string;
  closedAt: string;
}

export const appealUrl = (site: string | URL, id: string) => new URL(`/appeals/${id}/`, site).href;

export function apiAppeal(
  appeal: FeedAppeal,
  site: string | URL,
  urls: { thumbnail: string; shareCard: string },
): ApiAppeal {
  const { data, facts } = appeal;
  return {
    id: appeal.id,
    url: appealUrl(site, appeal.id),
    name: data.name,
    knownAs: [...data.knownAs],
    ageNow: facts.ageNowYears,
    ageNowIsEstimate: facts.ageNow.startsWith('about'),
    sex: data.sex,
    missingSince: data.missingSince,
    place: data.lastSeen.place,
    town: data.lastSeen.town,
    region: { id: data.lastSeen.region, name: facts.regionName },
    force: { name: data.force.name, reference: data.force.reference },
    urgent: data.urgent,
    thumbnailUrl: new URL(urls.thumbnail, site).href,
    shareCardUrl: new URL(urls.shareCard, site).href,
    published: data.published,
    updated: data.updated,
  };
}

/** Newest published first, ties by id, so every feed lists appeals in one stable order. */
export function newestPublishedFirst<T extends { id: string; data: { published: string } }>(
  appeals: readonly T[],
): T[] {
  return [...appeals].sort(
    (a, b) => b.data.published.localeCompare(a.data.published) || b.id.localeCompare(a.id),
  );
}

export function appealsDocument(appeals: ApiAppeal[], generated: string, site: string | URL) {
  return {
    $schema: new URL(API_PATHS.appealsSchema, site).href,
    version: API_VERSION,
    generated,
    count: appeals.length,
    appeals,
  };
}

export interface ClosedForFeed {
  id: string;
  closedAt?: string | undefined;
  updated?: string | undefined;
}

/**
 * Removals, most recently closed first. A tombstone written by `appeal found` or `withdraw` always has
 * `closedAt`; one written by hand may not, and then the build date says "closed by this date".
 */
export function apiRemovals(
  closed: readonly ClosedForFeed[],
  site: string | URL,
  buildDate: string,
): ApiRemoval[] {
  return closed
    .map((c) => ({ id: c.id, url: appealUrl(site, c.id), closedAt: c.closedAt ?? c.updated ?? buildDate }))
    .sort((a, b) => b.closedAt.localeCompare(a.closedAt) || b.id.localeCompare(a.id));
}

export function removalsDocument(removals: ApiRemoval[], generated: string, site: string | URL) {
  return {
    $schema: new URL(API_PATHS.removalsSchema, site).href,
    version: API_VERSION,
    generated,
    count: removals.length,
    removals,
  };
}

export interface RssItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories?: string[];
  customData?: string;
}

/** A calendar date (YYYY-MM-DD) as the UTC midnight RSS needs. */
const dateOf = (text: string) => new Date(`${text.slice(0, 10)}T00:00:00Z`);

/** An appeal as an RSS item in `locale`, with `facts` in that language, linking to that language's page. */
export function appealRssItem(appeal: FeedAppeal, site: string | URL, locale: Locale = 'en'): RssItem {
  const { data, facts } = appeal;
  const t = feedStrings[locale];
  return {
    title: t.itemTitle(data.name, facts.ageNow, data.lastSeen.town),
    link: new URL(localePath(locale, `/appeals/${appeal.id}/`), site).href,
    pubDate: dateOf(data.published),
    description: `${t.itemDescription(data.name, facts.ageNow, facts.missingSince, facts.lastSeen)} ${facts.seeNow} ${facts.haveInformation}`,
    categories: [facts.regionName, ...(data.urgent ? [t.urgent] : [])],
  };
}

/** A removal as an RSS item: the id and address only, so a feed reader never shows a name. */
export function removalRssItem(removal: ApiRemoval): RssItem {
  return {
    title: `Appeal ${removal.id} is no longer active`,
    link: removal.url,
    pubDate: dateOf(removal.closedAt),
    description: `Appeal ${removal.id} is no longer active. Please remove every copy you made of it: articles, posts, posters and embedded photos.`,
  };
}
