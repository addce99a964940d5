import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { removalRssItem, type ApiRemoval } from '../outputs/api-feeds.ts';

/**
 * Adds newly closed appeals to the removals feeds of an already built release, for the immediate
 * takedown (src/lib/publishing/takedown.ts), so partners polling the feeds hear of a closure at once rather
 * than after the full rebuild. The full build then writes the same entries itself.
 */

const byNewestClosure = (a: ApiRemoval, b: ApiRemoval) =>
  b.closedAt.localeCompare(a.closedAt) || b.id.localeCompare(a.id);

/** `/api/v1/removals.json` with `added` merged in (an id already listed is replaced). */
export function withRemovalsJson(text: string, added: readonly ApiRemoval[]): string {
  const doc = JSON.parse(text) as { removals?: ApiRemoval[]; count?: number };
  if (!Array.isArray(doc.removals)) throw new Error('removals.json: expected a "removals" list');
  const ids = new Set(added.map((r) => r.id));
  doc.removals = [...doc.removals.filter((r) => !ids.has(r.id)), ...added].sort(byNewestClosure);
  doc.count = doc.removals.length;
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

/** One RSS `<item>`, in the shape `@astrojs/rss` writes. */
export function removalItemXml(removal: ApiRemoval): string {
  const item = removalRssItem(removal);
  return `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.link)}</link><guid isPermaLink="true">${escapeXml(item.link)}</guid><description>${escapeXml(item.description)}</description><pubDate>${item.pubDate.toUTCString()}</pubDate></item>`;
}

/** `/feeds/removals.xml` with items for `added`, newest first, ahead of the items already there. */
export function withRemovalsRss(xml: string, added: readonly ApiRemoval[]): string {
  const items = [...added].sort(byNewestClosure).map(removalItemXml).join('');
  const at = xml.indexOf('<item>') >= 0 ? xml.indexOf('<item>') : xml.indexOf('</channel>');
  if (at < 0) throw new Error('removals.xml: expected an RSS <channel>');
  return xml.slice(0, at) + items + xml.slice(at);
}

/** The removals feeds inside a release, as written by the build. */
export const REMOVALS_FILES = { json: 'api/v1/removals.json', rss: 'feeds/removals.xml' } as const;

/**
 * Adds `added` to both removals feeds of the release in `dir` by writing new files and renaming them
 * over the old (the takedown's files are hard links to the live release's, never edited in place).
 * Returns the files rewritten; a release built before the feeds existed has none to update.
 */
export function addRemovalsToRelease(
  dir: string,
  added: readonly ApiRemoval[],
  replaceFile: (file: string, content: string) => void,
): string[] {
  const rewritten: string[] = [];
  for (const [file, update] of [
    [REMOVALS_FILES.json, withRemovalsJson],
    [REMOVALS_FILES.rss, withRemovalsRss],
  ] as const) {
    const full = path.join(dir, file);
    if (!existsSync(full)) continue;
    replaceFile(full, update(readFileSync(full, 'utf8'), added));
    rewritten.push(file);
  }
  return rewritten;
}
