/**
 * What the studio may believe about a request: whether it came over TLS, from which address, and
 * whether a state-changing request came from the studio's own pages. Headers a client can forge
 * (X-Forwarded-*) count only when the administrator says a reverse proxy sets them
 * (`STUDIO_TRUST_PROXY=1`); the proxy must then overwrite them, as the README's nginx example does.
 */
export interface RequestFacts {
  /** True when the browser's connection was HTTPS: cookies are then marked Secure. */
  secure: boolean;
  /** The origin the browser sees, like https://studio.example.org. */
  origin: string;
  /** The client's address, for the sign-in rate limit. */
  clientAddress: string;
}

export interface TrustSettings {
  trustProxy: boolean;
  /** The public origin behind the proxy (`STUDIO_ORIGIN`), when set. */
  publicOrigin?: string | undefined;
}

export function requestFacts(
  url: URL,
  headers: Headers,
  socketAddress: string,
  trust: TrustSettings,
): RequestFacts {
  const forwardedProto = trust.trustProxy
    ? headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
    : undefined;
  const secure = forwardedProto ? forwardedProto === 'https' : url.protocol === 'https:';
  // The proxy appends the address it saw: the last entry is the one no client could write.
  const forwardedFor = trust.trustProxy
    ? headers.get('x-forwarded-for')?.split(',').at(-1)?.trim()
    : undefined;
  const origin = trust.publicOrigin ?? `${secure ? 'https' : 'http'}://${url.host}`;
  return { secure, origin, clientAddress: forwardedFor || socketAddress };
}

export const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Why a state-changing request must be refused as cross-site, or undefined when it came from the
 * studio's own origin. Browsers send Origin on every POST; `Sec-Fetch-Site` is the fallback.
 */
export function crossSiteProblem(headers: Headers, expectedOrigin: string): string | undefined {
  const origin = headers.get('origin');
  if (origin !== null)
    return origin === expectedOrigin
      ? undefined
      : `the request came from ${origin === 'null' ? 'an opaque origin' : origin}, not ${expectedOrigin}`;
  const site = headers.get('sec-fetch-site');
  if (site === 'same-origin') return undefined;
  return 'the request did not say where it came from (no Origin header)';
}

/** False for an address whose path, decoded, has `.` or `..` segments, backslashes or NUL: nothing in the studio needs them. */
export function plainPath(url: string): boolean {
  const pathname = url.split('?')[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  return !/(^|[/\\])\.\.?([/\\]|$)|\\|\0/.test(decoded);
}

/**
 * Whether a request's `Host` names this studio: 127.0.0.1, localhost or [::1] on the port it
 * listens on, or the host of `STUDIO_ORIGIN`. Any other name means a page elsewhere pointed its own
 * host name at this studio (DNS rebinding) to read it or post to it as if it were the studio.
 */
export function studioHost(
  host: string | undefined,
  port: number,
  publicOrigin: string | undefined,
): boolean {
  if (!host) return false;
  const name = host.toLowerCase();
  if (publicOrigin !== undefined && name === new URL(publicOrigin).host) return true;
  const own = ['127.0.0.1', 'localhost', '[::1]'];
  return own.some((h) => name === `${h}:${port}` || (port === 80 && name === h));
}
