import type { APIRoute } from 'astro';
import { deleteSession } from '../../../src/lib/studio/sessions.ts';
import { getStudio } from '../lib/context.ts';
import { sessionCookieName } from '../lib/http.ts';

/** Ends this session in the database (so the cookie is worthless even if copied) and clears the cookie. */
export const POST: APIRoute = (context) => {
  const name = sessionCookieName(context.locals.facts.secure);
  deleteSession(getStudio().db, context.locals.sessionToken);
  context.cookies.delete(name, { path: '/' });
  return context.redirect('/sign-in?signed-out', 303);
};
