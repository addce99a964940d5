import type { APIRoute } from 'astro';
import { appealRssItem } from '../../lib/outputs/api-feeds.ts';
import { activeNewestFirst, organisationName, rssResponse } from '../../site/feeds.ts';

export const GET: APIRoute = async ({ site }) =>
  rssResponse({
    title: `Missing children: active appeals (${organisationName()})`,
    description:
      'Every active appeal, newest first. Closed appeals leave this feed; see /feeds/removals.xml.',
    site: site!,
    items: (await activeNewestFirst()).map((appeal) => appealRssItem(appeal, site!)),
  });
