/**
 * The Content Security Policy every page is served with. Search needs only
 * 'wasm-unsafe-eval' (Pagefind's WebAssembly), a worker from our origin or a blob,
 * and fetches to our origin. Nothing inline, nothing third-party.
 *
 * Framing is the one thing that differs by path: every page denies it, except the embeddable
 * widget under EMBED_PATH, which the sites in settings (`embed.allowedSites`) may frame.
 */
export const BASE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export const DENY_FRAMING = "frame-ancestors 'none'";
export const CONTENT_SECURITY_POLICY = `${BASE_CONTENT_SECURITY_POLICY}; ${DENY_FRAMING}`;

/** The one path other sites may frame: the embeddable list of latest appeals. */
export const EMBED_PATH = '/embed/';

export function embedFraming(allowedSites: readonly string[]): string {
  return `frame-ancestors ${allowedSites.join(' ')}`;
}

/**
 * HTTPS only, for a year, subdomains included: a visitor who once reached the site is never sent
 * to a plain-HTTP copy (where a network could read which child they looked at, or alter the
 * phone numbers). Browsers ignore it over plain HTTP, so local serving is unaffected. No `preload`:
 * that asks browsers to hard-code HTTPS for the whole registrable domain (the organisation's
 * every subdomain, which this site may not own) and takes months to undo, so it is the domain
 * owner's decision, to add at hstspreload.org once every subdomain serves HTTPS.
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/** Headers every response carries, whatever its path. */
export const SHARED_SECURITY_HEADERS: Record<string, string> = {
  'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), browsing-topics=()',
};

/** Every path but the embed's. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  ...SHARED_SECURITY_HEADERS,
  'X-Frame-Options': 'DENY',
};

/** The embed's: the same policy, but framable by the allowed sites (so no X-Frame-Options). */
export function embedSecurityHeaders(allowedSites: readonly string[]): Record<string, string> {
  return {
    'Content-Security-Policy': `${BASE_CONTENT_SECURITY_POLICY}; ${embedFraming(allowedSites)}`,
    ...SHARED_SECURITY_HEADERS,
  };
}
