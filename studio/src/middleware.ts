import { defineMiddleware } from 'astro:middleware';
import { crossSiteProblem, requestFacts, SAFE_METHODS } from '../../src/lib/studio/request-security.ts';
import { keepForm } from '../../src/lib/studio/kept-forms.ts';
import { lookupSession, sessionEndsAt, sessionOwner, tokensMatch } from '../../src/lib/studio/sessions.ts';
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

/** The forms worth keeping when a session ended while someone typed: the edit form. */
const KEPT_FORM_PATH = /^\/appeals\/\d{4}-\d{4}\/edit$/;

/**
 * A form post whose session has ended: when it is the edit form of a person whose session this
 * was, its text is kept for them (see kept-forms.ts). Returns the sign-in page's address.
 */
async function signInAfterPost(
  request: Request,
  pathname: string,
  ownerEmail: string | undefined,
): Promise<string> {
  const studio = getStudio();
  const params = new URLSearchParams({ next: pathname, 'signed-out': 'expired' });
  const owner = KEPT_FORM_PATH.test(pathname) ? ownerEmail : undefined;
  if (owner) {
    try {
      const form = await request.clone().formData();
      const fields = [...form.entries()].flatMap(([k, v]) =>
        typeof v === 'string' ? [[k, v] as [string, string]] : [],
      );
      const key = keepForm(studio.config.dataDir, { owner, path: pathname, fields }, Date.now());
      if (key) params.set('kept', key);
    } catch {
      // Not a form: there is nothing to keep.
    }
  }
  return `/sign-in?${params}`;
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
  // The edit form's heartbeat is not someone using the studio: it must not keep a session alive.
  const background = request.headers.get('x-studio-background') === '1';
  // Whose session it was, even if it has just ended: a form it sent is kept for them.
  const owner = safe ? undefined : sessionOwner(studio.db, token, Date.now());
  const session = lookupSession(studio.db, token, Date.now(), { touch: !background });
  if (!session || !token) {
    const html = (request.headers.get('accept') ?? '').includes('text/html');
    if (request.method === 'GET' && html) {
      return context.redirect(`/sign-in?next=${encodeURIComponent(context.url.pathname)}`, 303);
    }
    if (html && !safe) {
      // A form sent after the session ended: the studio's sign-in page (401), with the form kept.
      const address = new URL(await signInAfterPost(request, pathname, owner), context.url);
      const page = await next(new Request(address, { method: 'GET', headers: request.headers }));
      return new Response(page.body, { status: 401, headers: page.headers });
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
  context.locals.sessionEndsAt = sessionEndsAt(session);
  context.locals.sessionCreatedAt = session.createdAt;
  return next();
});
