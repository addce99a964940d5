import type { APIRoute } from 'astro';
import { getStudio } from '../../../lib/context.ts';
import { refusal } from '../../../lib/http.ts';

/** A job's state as JSON: what the progress page's script and the tests wait on. */
export const GET: APIRoute = (context) => {
  const job = getStudio().jobs.get(context.params.job ?? '');
  if (!job) return refusal(404, 'There is no such job (the studio may have been restarted).');
  const { events: _events, ...rest } = job;
  return new Response(JSON.stringify(rest), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
};
