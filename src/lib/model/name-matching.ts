import { decodeHTML } from 'entities';

/**
 * How verification tells whether a closed child's name appears in published text. Both the name
 * and the text are folded the same way (`foldName`), so that one name written differently still
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

/**
 * Single characters read as another: letters that Unicode decomposition leaves whole, as people
 * write them without accents, every apostrophe-like mark as `'`, every double quote as `"`, every
 * dash as `-`.
 */
const PLAIN: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ð: 'd',
  ...Object.fromEntries([...'\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb\u0060\u00b4'].map((c) => [c, "'"])),
  ...Object.fromEntries([...'\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb'].map((c) => [c, '"'])),
  ...Object.fromEntries([...'\u2010\u2011\u2012\u2013\u2014\u2015\u2212'].map((c) => [c, '-'])),
};
const PLAIN_RE = new RegExp(`[${Object.keys(PLAIN).join('')}]`, 'g');
// The combining marks that decomposing Latin, Greek and Cyrillic letters yields (no `u` flag: faster).
const MARKS_RE = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+/g;
// eslint-disable-next-line no-control-regex
const NON_ASCII_RE = /[^\u0000-\u007f]/;

/**
 * Text as names are compared: decomposed (NFKD, which also turns a no-break space into a space)
 * with the accent marks dropped, lower case, the characters of `PLAIN` replaced. Undoes no markup
 * or escapes: see `readableText`. Runs of white space are left, as `phrasePattern` allows any.
 */
export function foldName(text: string): string {
  return NON_ASCII_RE.test(text)
    ? text
        .normalize('NFKD')
        .replace(MARKS_RE, '')
        .toLowerCase()
        .replace(PLAIN_RE, (c) => PLAIN[c]!)
    : text.toLowerCase();
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
  foldName(name)
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
  const parts = [...new Set(phrases.map((p) => foldName(p).trim()).filter((p) => p.length >= 2))].sort(
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
