import type { APIRoute } from 'astro';
import { REMOVALS_FILES } from '../../../lib/outputs/feed-files.ts';
import { jsonFileResponse, removalsFiles } from '../../../site/feeds.ts';

export const GET: APIRoute = async ({ site }) =>
  jsonFileResponse((await removalsFiles(site!))[REMOVALS_FILES.json]);
