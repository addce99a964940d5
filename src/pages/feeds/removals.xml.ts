import type { APIRoute } from 'astro';
import { removalRssItem } from '../../lib/outputs/api-feeds.ts';
import { organisationName, removals, rssResponse } from '../../site/feeds.ts';

export const GET: APIRoute = async ({ site }) =>
  rssResponse({
    title: `Appeals to take down (${organisationName()})`,
    description:
      'Appeals that are no longer active. Remove every copy you made of each one. This feed never holds a name or photo.',
    site: site!,
    items: (await removals(site!)).map(removalRssItem),
  });
