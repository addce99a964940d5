import { defineMiddleware } from 'astro:middleware';
import { crossSiteProblem, requestFacts, SAFE_METHODS } from '../../src/lib/studio/request-security.ts';
import { lookupSession, tokensMatch } from '../../src/lib/studio/sessions.ts';
import { getStudio } from './lib/context.ts';
import { refusal, sessionCookieName } from './lib/http.ts';

/**
 * Every request passes here. Deny by default: only the sign-in page is open; every other page,
 * endpoint and Astro's own routes (even unknown addresses) need a live session, and every request
 * that changes anything must come from the studio's own origin and carry the session's CSRF token.
 * (The studio's static CSS and JavaScript are served before this, and hold nothing private.)
 */
const OPEN_PATHS = new Set(['/sign-in']);

/** The token of a form post, read from a copy of the request so the page can still read the form. */
async function submittedToken(request: Request): Promise<string | null> {
  const header = request.headers.get('x-csrf-token');
  if (header) return header;
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data') && !type.startsWith('application/x-www-form-urlencoded'))
    return null;
  try {
    const value = (await request.clone().formData()).get('csrf');
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

export const onRequest = defineMiddleware(async (context, next) => {
  const studio = getStudio();
  const { request } = context;
  const facts = requestFacts(context.url, request.headers, context.clientAddress, studio.config.trust);
  context.locals.facts = facts;
  const safe = SAFE_METHODS.has(request.method);
  if (!safe) {
    const problem = crossSiteProblem(request.headers, facts.origin);
    if (problem) return refusal(403, `Refused: ${problem}.`);
  }
  const pathname = context.url.pathname.replace(/\/+$/, '') || '/';
  if (OPEN_PATHS.has(pathname)) return next();

  const token = context.cookies.get(sessionCookieName(facts.secure))?.value;
  const session = lookupSession(studio.db, token, Date.now());
  if (!session || !token) {
    if (request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html')) {
      return context.redirect(`/sign-in?next=${encodeURIComponent(context.url.pathname)}`, 303);
    }
    return refusal(401, 'Sign in to the studio first.');
  }
  if (!safe && !tokensMatch(await submittedToken(request), session.csrf)) {
    return refusal(
      403,
      'Refused: this form is out of date or did not come from the studio (its security token is missing or wrong). Go back, reload the page and try again.',
    );
  }
  context.locals.user = { email: session.email, role: session.role };
  context.locals.csrf = session.csrf;
  context.locals.sessionToken = token;
  return next();
});
