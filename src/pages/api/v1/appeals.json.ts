import type { APIRoute } from 'astro';
import { appealsDocument } from '../../../lib/outputs/api-feeds.ts';
import { apiAppeals, generatedDate, jsonResponse } from '../../../site/feeds.ts';

export const GET: APIRoute = async ({ site }) =>
  jsonResponse(appealsDocument(await apiAppeals(site!), generatedDate(), site!));
