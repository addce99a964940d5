import type { APIRoute } from 'astro';
import { sessionEndsAt, touchSession } from '../../../src/lib/studio/sessions.ts';
import { getStudio } from '../lib/context.ts';

/** "Stay signed in" (the warning before the session ends): counts as using the studio now. */
export const POST: APIRoute = (context) => {
  const studio = getStudio();
  const now = Date.now();
  touchSession(studio.db, context.locals.sessionToken, now);
  const ends = sessionEndsAt({ createdAt: context.locals.sessionCreatedAt, lastSeenAt: now });
  return Response.json({ sessionEndsAt: ends, now });
};
