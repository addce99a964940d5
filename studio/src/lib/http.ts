import type { AstroGlobal, APIContext } from 'astro';
import type { Action } from '../../../src/lib/studio/roles.ts';
import { can } from '../../../src/lib/studio/roles.ts';
import { isAppealId } from '../../../src/lib/model/appeal-id.ts';

/** The session cookie; `__Host-` (Secure, whole site, this host only) whenever the connection is HTTPS. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-studio_session' : 'studio_session';
}

/** The sign-in form's own token cookie (a double-submit token: there is no session yet). */
export function signInCookieName(secure: boolean): string {
  return secure ? '__Host-studio_signin' : 'studio_signin';
}

export function cookieOptions(secure: boolean, maxAgeSeconds: number) {
  return { httpOnly: true, sameSite: 'strict' as const, secure, path: '/', maxAge: maxAgeSeconds };
}

/** A plain page of text for a refused request. */
export function refusal(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The appeal id of the route, or undefined when it is not one (`../../etc`). */
export function routeId(context: AstroGlobal | APIContext): string | undefined {
  const id = context.params.id;
  return typeof id === 'string' && isAppealId(id) ? id : undefined;
}

/** Undefined when the signed-in person may do `action`; else the refusal to return. */
export function forbidden(context: AstroGlobal | APIContext, action: Action): Response | undefined {
  if (can(context.locals.user.role, action)) return undefined;
  return action === 'manage-users'
    ? refusal(403, 'Only an administrator can manage users. Ask the studio’s administrator.')
    : refusal(403, 'Only a publisher can do this. Ask a publisher in your team.');
}

/** The text of a form field ('' when absent or a file). */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
