/**
 * What the generated nginx configuration (host-config.ts) decides from a request's path alone, for the
 * small Node server `npm start` falls back to without nginx (scripts/lib/static-server.ts): an appeal
 * URL (410 with the notice if its `_gone/<id>` marker is in the release), a host file (never served),
 * a page that is never indexed (`X-Robots-Tag: noindex`), or a page or file looked up as usual.
 */
import { APPEAL_URI_REGEX, HOST_FILES, noindexPage } from './host-config.ts';

export type LiveAnswer =
  { kind: 'appeal'; id: string } | { kind: 'host-file' } | { kind: 'noindex-page' } | { kind: 'page' };

const APPEAL_URI = new RegExp(APPEAL_URI_REGEX);

/** The request path (before `?`) as nginx's `$uri` has it: decoded, with repeated slashes merged. */
function normalisedUri(rawPath: string): string | undefined {
  try {
    return decodeURIComponent(rawPath).replace(/\/{2,}/g, '/');
  } catch {
    return undefined;
  }
}

export function liveAnswer(rawPath: string): LiveAnswer {
  const uri = normalisedUri(rawPath);
  if (uri === undefined) return { kind: 'page' };
  const top = uri.split('/')[1] ?? '';
  if (HOST_FILES.includes(top)) return { kind: 'host-file' };
  const id = APPEAL_URI.exec(uri)?.groups?.id;
  if (id) return { kind: 'appeal', id };
  return noindexPage(uri) ? { kind: 'noindex-page' } : { kind: 'page' };
}
