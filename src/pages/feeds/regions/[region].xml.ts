import type { APIRoute, GetStaticPaths } from 'astro';
import { appealsRss, regionFeedPaths } from '../../../site/feeds.ts';

export const getStaticPaths = regionFeedPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) =>
  appealsRss('en', site!, (props as { region: { id: string; name: string } }).region);
