import type { APIRoute } from 'astro';
import { appealsRss } from '../../site/feeds.ts';

export const GET: APIRoute = ({ site }) => appealsRss('en', site!);
