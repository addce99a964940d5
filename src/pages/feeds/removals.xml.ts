import type { APIRoute } from 'astro';
import { REMOVALS_FILES } from '../../lib/outputs/feed-files.ts';
import { removalsFiles, xmlResponse } from '../../site/feeds.ts';

export const GET: APIRoute = async ({ site }) =>
  xmlResponse((await removalsFiles(site!))[REMOVALS_FILES.rss]);
