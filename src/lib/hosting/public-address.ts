/**
 * Where people reach the live site, for the studio's links ("Public address", the link at the end of
 * a publish) and for the port `npm start` serves on. One rule, in order:
 *
 * 1. `LIVE_SITE_URL`, when the operator sets it (a proxy, another port, another machine);
 * 2. else settings' `baseUrl`, unless it is a placeholder (a domain reserved for examples, such as
 *    the demo's `https://appeals.example.org`), which is nobody's site;
 * 3. else `npm start`'s own address, http://127.0.0.1:4321/.
 *
 * Pure: the caller reads the environment and the settings.
 */

/** Where `npm start` serves the live release unless told otherwise. */
export const LOCAL_SITE_PORT = 4321;
export const LOCAL_SITE_ADDRESS = `http://127.0.0.1:${LOCAL_SITE_PORT}/`;

/** Domains reserved for documentation (RFC 2606, RFC 6761): no real site can be there. */
const RESERVED_HOST = /(^|\.)(example\.(org|com|net)|example|test|invalid)$/i;

/** True for an address no real site can have: unreadable, or on a domain reserved for examples. */
export function isPlaceholderAddress(address: string): boolean {
  try {
    return RESERVED_HOST.test(new URL(address).hostname);
  } catch {
    return true;
  }
}

/** The site's address with a trailing slash, as links are built from it. */
function withSlash(address: string): string {
  const url = new URL(address);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url.href;
}

/** The public site's address by the rule above. */
export function publicSiteAddress(input: {
  liveSiteUrl?: string | undefined;
  baseUrl?: string | undefined;
}): string {
  if (input.liveSiteUrl) return withSlash(input.liveSiteUrl);
  if (input.baseUrl && !isPlaceholderAddress(input.baseUrl)) return withSlash(input.baseUrl);
  return LOCAL_SITE_ADDRESS;
}

/** An appeal's address on the public site (appeal URLs are absolute paths, as the site builds them). */
export function publicAppealUrl(siteAddress: string, id: string): string {
  return new URL(`/appeals/${id}/`, siteAddress).href;
}

/**
 * The port `npm start` should listen on for this address: its port when the address is plain HTTP
 * on this machine's loopback (so the studio's links reach what `npm start` serves), else undefined.
 */
export function localPort(siteAddress: string): number | undefined {
  const url = new URL(siteAddress);
  if (url.protocol !== 'http:') return undefined;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return undefined;
  return url.port === '' ? 80 : Number(url.port);
}
