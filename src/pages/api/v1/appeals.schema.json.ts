import type { APIRoute } from 'astro';
import { appealsSchema } from '../../../lib/outputs/api-schemas.ts';
import { jsonResponse } from '../../../site/feeds.ts';

export const GET: APIRoute = ({ site }) => jsonResponse(appealsSchema(site!));
