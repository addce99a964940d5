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
/** Any other tag (or what looks like one, in a script): a line break, a block's edge. */
const TAG_RE = /<\/?[a-z][^>]*>/gi;
/** A tag with attributes, whose values (alt text, titles, links) are read too. */
const ATTRIBUTES_RE = /<[a-z][^>\s]*\s[^>]*>/gi;

/**
 * Text as a reader sees it where a right-to-left override (U+202E) reverses it: each overridden
 * run, up to its end (U+202C or U+2069) or the end of its line or block, written backwards, so a
 * name typed backwards inside an override reads forwards, as on screen. Undefined when there is none.
 */
function visualOrder(text: string): string | undefined {
  if (!text.includes('\u202e')) return undefined;
  return text.replace(/\u202e([^\u202c\u2069\n]*)/g, (_, run: string) => [...run].reverse().join(''));
}

/**
 * What a published file says, for names to be looked for in: for HTML, the file with its tags
 * taken out of the text they sit in and set after it, so a name split by markup reads whole and
 * their attributes still count: an inline tag (emphasis, a link, a span) joins the text either side,
 * any other (a line break, a paragraph's end) stands for a space, as it does on screen; for any file,
 * HTML entities, JSON `\u` escapes and URL percent-escapes undone, and text reversed by a bidi
 * override added in the order it is shown. Comments and script bodies stay in: anything published counts.
 */
export function readableText(raw: string, kind: 'html' | 'other'): string {
  let text = raw;
  if (kind === 'html') {
    // Native passes, no callback: this runs over every page of every release.
    const tags = raw.match(ATTRIBUTES_RE) ?? [];
    text = raw.replace(INLINE_TAG_RE, '').replace(TAG_RE, '\n');
    text = `${text}\n${tags.join('\n')}`;
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
  const shown = visualOrder(text);
  return shown === undefined ? text : `${text}\n${shown}`;
}

/**
 * German letters as they are also written: ä, ö, ü (either case, composed or not) as ae, oe, ue.
 * Folding alone reads Müller as "muller"; written this way first, the name is "mueller", and
 * `phrasePattern` lets each ae, oe or ue stand for a, o or u, so Müller, Muller and Mueller match.
 */
const transliterated = (name: string) =>
  /[äöüÄÖÜ]|\u0308/.test(name)
    ? name.normalize('NFC').replace(/[äöüÄÖÜ]/g, (c) => `${c.normalize('NFD')[0]}e`)
    : name;

const words = (name: string) =>
  foldText(transliterated(name))
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
 * Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese), and
 * Korean, whose words take endings (김민준이): a name in them is found inside a longer word.
 */
const UNSPACED_RE =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Hangul}]/u;
const unspaced = (c: string | undefined) => c !== undefined && UNSPACED_RE.test(c);
const BETWEEN_WORDS = '[\\s_+-]+';
/** Between two words of a script without spaces: nothing, a space or a middle dot (マイ・ブリン). */
const BETWEEN_UNSPACED = '[\\s_+\\-\u30fb\u00b7]*';

const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

/** One word of a folded name, as a pattern: an apostrophe may be left out or be a space; ue may be u. */
const wordSource = (word: string) =>
  escapeRe(word)
    .replace(/'/g, "['\\s_+-]*")
    .replace(/([aou])e/g, '$1e?');

/** Words as a pattern, in order, each pair joined as its scripts are written. */
function wordsSource(parts: readonly string[], firstJoin?: string): string {
  return parts
    .map((word, i) => {
      if (i === 0) return wordSource(word);
      const join = unspaced(parts[i - 1]!.at(-1)) && unspaced(word[0]) ? BETWEEN_UNSPACED : BETWEEN_WORDS;
      return `${i === 1 && firstJoin ? firstJoin : join}${wordSource(word)}`;
    })
    .join('');
}

/**
 * Alternatives grouped by their first letter, `a(?:my|da)|b(?:o)`: the engine then tries only the
 * names that start with the letter it is at, not every name at every position of every file.
 */
function byFirstLetter(sources: readonly string[]): string {
  const groups = new Map<string, string[]>();
  const rest: string[] = [];
  for (const source of sources) {
    const first = /^[\p{L}\p{N}]/u.exec(source)?.[0];
    if (!first) {
      rest.push(source);
      continue;
    }
    const group = groups.get(first);
    if (group) group.push(source.slice(first.length));
    else groups.set(first, [source.slice(first.length)]);
  }
  return [...[...groups].map(([first, tails]) => `${first}(?:${tails.join('|')})`), ...rest].join('|');
}

/**
 * One pattern, for folded text, matching any of the `phrases` (names, folded here): between words
 * any run of spaces, `_`, `+` or `-` (file names, URLs); an apostrophe may be left out or written as
 * a space (O'Neill, ONeill, O Neill); ae, oe, ue may be a, o, u (Mueller, Müller); a name of two
 * words or more also as "Surname, First" (with the comma). Whole words only ("Lys" is not in
 * "analysis"), except at the edge of a name written in a script without spaces (王小明 is found in
 * 她的朋友王小明说).
 */
export function phrasePattern(phrases: readonly string[], flags = ''): RegExp | undefined {
  const parts = [...new Set(phrases.map(foldedPhrase).filter((p) => p.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  if (parts.length === 0) return undefined;
  // Names with a word boundary at both ends share one lookbehind and one lookahead: one per
  // alternative would be tried at every position of every file, tens of times slower.
  const bounded: string[] = [];
  const others: string[] = [];
  for (const phrase of parts) {
    const split = phrase.split(' ');
    const orders = [wordsSource(split)];
    if (split.length > 1 && !unspaced(phrase[0]))
      orders.push(wordsSource([split.at(-1)!, ...split.slice(0, -1)], '[\\s_+-]*,[\\s_+-]*'));
    const [open, close] = [!unspaced(phrase[0]), !unspaced(phrase.at(-1))];
    if (open && close) bounded.push(...orders);
    else others.push(`${open ? BEFORE : ''}(?:${orders.join('|')})${close ? AFTER : ''}`);
  }
  const source = [
    ...(bounded.length > 0 ? [`${BEFORE}(?:${byFirstLetter(bounded)})${AFTER}`] : []),
    ...others,
  ];
  return new RegExp(source.join('|'), `u${flags}`);
}
