import type { APIRoute } from 'astro';
import { removalsDocument } from '../../../lib/outputs/api-feeds.ts';
import { generatedDate, jsonResponse, removals } from '../../../site/feeds.ts';

export const GET: APIRoute = async ({ site }) =>
  jsonResponse(removalsDocument(await removals(site!), generatedDate(), site!));
