// The security headers as literal text, written out by hand: a test that compared the headers
// with the constants that made them would pass whatever the constants said. Loosening the CSP,
// or dropping a header, must fail these tests and be a deliberate edit here.

/** The Content Security Policy without its framing directive (which differs by path). */
export const PINNED_CSP_WITHOUT_FRAMING =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self'; img-src 'self' data: blob:; style-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

export const PINNED_DENY_FRAMING = "frame-ancestors 'none'";

/** The whole policy on every path but the embed's. */
export const PINNED_CSP = `${PINNED_CSP_WITHOUT_FRAMING}; ${PINNED_DENY_FRAMING}`;

/** Headers on every path, the embed's included. */
export const PINNED_SHARED_HEADERS: Readonly<Record<string, string>> = {
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), browsing-topics=()',
};

/** Every header of a page but the embed's, as nginx sends them: for servers standing in for the host. */
export const PINNED_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': PINNED_CSP,
  ...PINNED_SHARED_HEADERS,
  'X-Frame-Options': 'DENY',
};

/**
 * The studio's headers on every response (scripts/studio.ts), as the README promises them: our own
 * files only, nothing inline, never framed, never sniffed, pages never cached.
 */
export const PINNED_STUDIO_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), browsing-topics=()',
  'Cache-Control': 'no-store',
};

/**
 * A studio page's policy, made by Astro (security.csp in studio/astro.config.mjs): the same
 * directives, then script-src and style-src of 'self' plus the SHA-256 hashes of Astro's own
 * island scripts, so no 'unsafe-inline' is ever needed.
 */
export const PINNED_STUDIO_PAGE_CSP =
  /^default-src 'none';img-src 'self' blob:;font-src 'self';connect-src 'self';form-action 'self';frame-ancestors 'none';base-uri 'none'; script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+; style-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+;$/;
