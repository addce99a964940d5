/**
 * Where to go after signing in: a path of the studio itself, never another site. Only a single
 * leading slash, then plain path and query characters: `//evil.example`, `/\evil`,
 * `https://evil.example` and anything with a scheme, space or control character fall back to `/`.
 */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next || !PLAIN.test(next) || next.includes('..')) return '/';
  // Encoded, too: `/%2F%2Fevil.example` is refused, though a browser would keep it on the studio.
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return '/';
  }
  return /^\/(?![/\\])/.test(decoded) && !decoded.includes('\\') ? next : '/';
}

const PLAIN = /^\/(?![/\\])[\w\-./?=&%~]*$/;

/** The edit form's address to come back to with a kept form: `restore=<key>` added to the return path. */
export function withRestoreKey(returnPath: string, key: string): string {
  const url = new URL(returnPath, 'http://studio.invalid');
  url.searchParams.set('restore', key);
  return `${url.pathname}${url.search}`;
}
