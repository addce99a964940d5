import type { APIRoute } from 'astro';
import { removalsSchema } from '../../../lib/outputs/api-schemas.ts';
import { jsonResponse } from '../../../site/feeds.ts';

export const GET: APIRoute = ({ site }) => jsonResponse(removalsSchema(site!));
