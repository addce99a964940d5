/**
 * Headers for every response, the studio's static files included. A strict policy: our own
 * scripts, styles and images only, nothing inline, never framed, pages never cached, no referrer
 * sent to other sites.
 */
export const STUDIO_SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  // Not no-referrer: with it browsers send "Origin: null" on form posts, and the origin check needs the real one.
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), browsing-topics=()',
  'Cache-Control': 'no-store',
};
