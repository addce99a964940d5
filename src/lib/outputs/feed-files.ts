import { getRssString } from '@astrojs/rss';
import {
  apiRemovals,
  removalRssItem,
  removalsDocument,
  type ClosedForFeed,
  type RssItem,
} from './api-feeds.ts';

/**
 * The text of the files the site publishes as feeds, each from one function, so the build's
 * endpoints and the publishing stopgaps (the takedown) write the very same bytes. RSS is written by
 * `@astrojs/rss` (a plain library: XML from data, nothing of Astro's runtime).
 */

export interface RssFeed {
  title: string;
  description: string;
  site: string | URL;
  items: RssItem[];
}

/** An RSS 2.0 feed as the site publishes every feed. */
export function rssXml(feed: RssFeed): Promise<string> {
  return getRssString({
    ...feed,
    site: String(feed.site),
    customData: '<language>en-gb</language>',
    trailingSlash: true,
  });
}

/** JSON as the site publishes it: two-space indents and a final newline. */
export const jsonText = (body: unknown) => `${JSON.stringify(body, null, 2)}\n`;

/** The removals feeds inside a release. */
export const REMOVALS_FILES = { json: 'api/v1/removals.json', rss: 'feeds/removals.xml' } as const;

/**
 * Both removals feeds, for every closed appeal: what `/api/v1/removals.json` and
 * `/feeds/removals.xml` hold. The build serves them from its endpoints; the takedown writes them
 * into its release, so partners hear of a closure at once and in the same words.
 */
export async function removalsFeedFiles(input: {
  closed: readonly ClosedForFeed[];
  site: string | URL;
  /** The build date, YYYY-MM-DD: the feeds' "generated", and the closing date of a tombstone without one. */
  generated: string;
  organisationName: string;
}): Promise<Record<(typeof REMOVALS_FILES)[keyof typeof REMOVALS_FILES], string>> {
  const removals = apiRemovals(input.closed, input.site, input.generated);
  return {
    [REMOVALS_FILES.json]: jsonText(removalsDocument(removals, input.generated, input.site)),
    [REMOVALS_FILES.rss]: await rssXml({
      title: `Appeals to take down (${input.organisationName})`,
      description:
        'Appeals that are no longer active. Remove every copy you made of each one. This feed never holds a name or photo.',
      site: input.site,
      items: removals.map(removalRssItem),
    }),
  };
}
