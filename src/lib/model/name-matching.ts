import { decodeHTML } from 'entities';
import { foldText } from './text-fold.ts';

/**
 * How verification tells whether a closed child's name appears in published text. Both the name
 * and the text are folded the same way (`foldText`, src/lib/model/text-fold.ts), so that one name written differently still
 * matches: case, accents (Siobhán, siobhan), curly or straight quotes (O’Neill, O'Neill), dashes,
 * HTML entities (O&#39;Neill, Siobh&aacute;n), JSON and URL escapes. Names match as whole words
 * only, so "Lys" is not found in "analysis".
 *
 * What is looked for is what identifies the child (`identifyingPhrases`): the name, each other
 * name of two words or more, and each one-word other name together with the family name ("Will
 * O'Neill"). A one-word other name alone identifies nobody: "Will", "May", "Grace" and "Hope" are
 * everyday words, found in every release ("this page will…", "14 May 2026"), and looking for them
 * would block every closure.
 */

/** A closed child's names, from the private archive. */
export interface ClosedNames {
  id: string;
  name: string;
  knownAs: readonly string[];
}

/** Tags whose edges fall inside a run of text, so that "Siobhán <em>O'Neill</em>" reads as one name. */
const INLINE_TAG_RE =
  /<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr)(?=[\s/>])[^>]*>/gi;

/**
 * What a published file says, for names to be looked for in: for HTML, the file with its inline
 * tags (emphasis, links, spans) taken out of the text they sit in and set after it, so a name split
 * by markup reads whole and their attributes still count (other tags stay, separating blocks, with
 * alt text and other attribute values in place); for any file, HTML entities, JSON `\u` escapes and
 * URL percent-escapes undone. Comments and script bodies stay in: anything published counts.
 */
export function readableText(raw: string, kind: 'html' | 'other'): string {
  let text = raw;
  if (kind === 'html') {
    const inline: string[] = [];
    text = raw.replace(INLINE_TAG_RE, (tag) => {
      inline.push(tag);
      return '';
    });
    text = `${text}\n${inline.join('\n')}`;
  }
  // Each step only where its escape occurs: most files have no JSON or URL escapes at all.
  if (text.includes('&')) text = decodeHTML(text);
  if (text.includes('\\u'))
    text = text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  if (text.includes('%'))
    text = text.replace(/(?:%[0-9a-fA-F]{2})+/g, (escaped) => {
      try {
        return decodeURIComponent(escaped);
      } catch {
        return escaped;
      }
    });
  return text;
}

const words = (name: string) =>
  foldText(name)
    .trim()
    .split(/[\s_+-]+/)
    .filter(Boolean);

/** A name folded, with its words joined by one space: how `identifyingPhrases` lists it. */
export const foldedPhrase = (name: string) => words(name).join(' ');

/**
 * The phrases that identify a closed child, folded: the name; each other name of two words or
 * more; each one-word other name followed by the family name (the name's last word). A one-word
 * name is looked for on its own, having nothing to pair with.
 */
export function identifyingPhrases(name: string, knownAs: readonly string[] = []): string[] {
  const full = words(name);
  const family = full.length > 1 ? full.at(-1) : undefined;
  const phrases = [full];
  for (const other of knownAs) {
    const parts = words(other);
    if (parts.length > 1) phrases.push(parts);
    else if (parts.length === 1 && family) phrases.push([parts[0]!, family]);
  }
  return [...new Set(phrases.map((p) => p.join(' ')).filter((p) => p.length >= 2))];
}

export const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One whole-word pattern, for folded text, matching any of the folded `phrases`. Between words it
 * allows any run of spaces, `_`, `+` or `-` (file names, URLs); an apostrophe may also be left out
 * or written as a space (O'Neill, ONeill, O Neill).
 */
export function phrasePattern(phrases: readonly string[], flags = ''): RegExp | undefined {
  const parts = [...new Set(phrases.map((p) => foldText(p).trim()).filter((p) => p.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  if (parts.length === 0) return undefined;
  const source = parts
    .map((p) =>
      p
        .split(/[\s_+-]+/)
        .map((word) => escapeRe(word).replace(/'/g, "['\\s_+-]*"))
        .join('[\\s_+-]+'),
    )
    .join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, `u${flags}`);
}
