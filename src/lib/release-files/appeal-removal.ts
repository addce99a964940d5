import { parse } from 'node-html-parser';
import { checkedAppealIds } from '../model/appeal-id.ts';

/**
 * Cutting an appeal out of a built file's text, for the immediate takedown
 * (src/lib/publishing/takedown.ts): pure functions of text, byte for byte everything else.
 *
 * What identifies an appeal in the output, generically by file type (new outputs must carry these):
 * - HTML: the outermost element of each card or mention carries `data-appeal-id="<id>"`;
 * - XML (RSS, Atom, sitemaps): an `<item>`, `<entry>` or `<url>` whose text links to `/appeals/<id>/`;
 * - JSON: an object with `"id": "<id>"` inside an array;
 * - files of its own: everything under `/appeals/<id>/`, and any file named `<id>.<ext>` or in a
 *   folder named `<id>` (share cards, posters).
 */

const checkedIds = (ids: readonly string[]) => checkedAppealIds(ids, 'Takedown');

/**
 * Removes every element carrying `data-appeal-id` of one of `ids`, byte for byte everything else.
 * A list item (`<li>`) left holding nothing but the removed element goes with it.
 */
export function removeAppealElements(
  html: string,
  ids: readonly string[],
): { html: string; removed: number } {
  checkedIds(ids);
  if (!ids.some((id) => html.includes(`data-appeal-id="${id}"`))) return { html, removed: 0 };
  const doc = parse(html, {
    comment: true,
    blockTextElements: { script: true, style: true, pre: true, noscript: true },
  });
  const ranges: Array<readonly [number, number]> = [];
  for (const id of ids) {
    for (const element of doc.querySelectorAll(`[data-appeal-id="${id}"]`)) {
      const parent = element.parentNode;
      const alone =
        parent?.tagName === 'LI' &&
        parent.childNodes.every((child) => child === element || child.textContent.trim() === '');
      ranges.push(alone ? parent.range : element.range);
    }
  }
  // Outermost first; nested matches inside a removed range are dropped with it.
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let cursor = 0;
  let removed = 0;
  for (const [start, end] of ranges) {
    if (start < cursor) continue;
    out += html.slice(cursor, start);
    cursor = end;
    removed++;
  }
  return { html: out + html.slice(cursor), removed };
}

const linksTo = (text: string, id: string) => new RegExp(`/appeals/${id}(?![0-9])`).test(text);

/** Removes RSS `<item>`, Atom `<entry>` and sitemap `<url>` entries that link to one of `ids`. */
export function removeXmlEntries(xml: string, ids: readonly string[]): { xml: string; removed: number } {
  checkedIds(ids);
  let removed = 0;
  const out = xml.replace(/[ \t]*<(item|entry|url)(?:\s[^>]*)?>[\s\S]*?<\/\1>[ \t]*\r?\n?/g, (entry) => {
    if (!ids.some((id) => linksTo(entry, id))) return entry;
    removed++;
    return '';
  });
  return { xml: out, removed };
}

/** Removes, at any depth, array entries that are objects whose `id` is one of `ids`. */
export function removeJsonEntries(
  value: unknown,
  ids: readonly string[],
): { value: unknown; removed: number } {
  checkedIds(ids);
  const closing = new Set(ids);
  let removed = 0;
  const isClosing = (item: unknown) =>
    typeof item === 'object' &&
    item !== null &&
    !Array.isArray(item) &&
    closing.has((item as { id?: unknown }).id as string);
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      return node.filter((item) => (isClosing(item) ? (removed++, false) : true)).map(walk);
    }
    if (typeof node === 'object' && node !== null)
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return { value: walk(value), removed };
}

/** JSON text with one of `ids` removed, keeping the file's indentation; undefined when nothing changes. */
export function removeJsonTextEntries(text: string, ids: readonly string[]): string | undefined {
  const { value, removed } = removeJsonEntries(JSON.parse(text), ids);
  if (removed === 0) return undefined;
  const indent = /^[[{]\s*\n(\s+)/.exec(text)?.[1];
  return `${JSON.stringify(value, null, indent)}${text.endsWith('\n') ? '\n' : ''}`;
}

/** Files that belong to one appeal alone: its pages, and files or folders named after its id. */
export function ownedByAppeal(file: string, id: string): boolean {
  const parts = file.split(/[\\/]/);
  if (parts[0] === 'appeals' && parts[1] === id) return true;
  return parts.some((part, i) => part === id || (i === parts.length - 1 && part.startsWith(`${id}.`)));
}
