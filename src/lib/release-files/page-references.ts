import { ASSET_DIRS } from '../hosting/host-config.ts';
import { escapeRe } from '../model/name-matching.ts';

/** What a built page refers to, read from its HTML: pure functions of text. */

/** Photo URLs an HTML page uses: src, srcset and Pagefind's image metadata. */
export function photoReferences(html: string): string[] {
  return [...html.matchAll(/\/_photos\/[^"'\s,)<>]+/g)].map((m) => m[0]);
}

/** Site-relative paths of the scripts, styles and photos a page uses (`_astro/…`, `_photos/…`). */
export function assetReferences(html: string): string[] {
  const dirs = [ASSET_DIRS.astro, ASSET_DIRS.photos].map(escapeRe).join('|');
  return [
    ...new Set([...html.matchAll(new RegExp(`/((?:${dirs})/[^"'\\s,)<>?#]+)`, 'g'))].map((m) => m[1]!)),
  ];
}
