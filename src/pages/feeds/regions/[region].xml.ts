import type { APIRoute, GetStaticPaths } from 'astro';
import { appealRssItem } from '../../../lib/outputs/api-feeds.ts';
import { siteSettings } from '../../../site/settings.ts';
import { activeNewestFirst, organisationName, rssResponse } from '../../../site/feeds.ts';

// One feed per region in the settings, even one with no appeals now, so a subscription never breaks.
export const getStaticPaths = (() =>
  siteSettings.regions.map((region) => ({
    params: { region: region.id },
    props: { name: region.name },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props, site }) =>
  rssResponse({
    title: `Missing children: active appeals in ${(props as { name: string }).name} (${organisationName()})`,
    description: `Active appeals for children last seen in ${(props as { name: string }).name}, newest first.`,
    site: site!,
    items: (await activeNewestFirst((a) => a.data.lastSeen.region === params.region)).map((appeal) =>
      appealRssItem(appeal, site!),
    ),
  });
