/**
 * Text folded for matching names, the same way on both sides, by `npm run check` (photo file
 * names) and by verification (every published file): decomposed (NFKD, which also turns a no-break
 * space into a space) with the accent marks dropped, lower case, letters that do not decompose
 * spelt plain (Zoë Ńowak → zoe nowak, Łucja → lucja, Straße → strasse), every apostrophe-like mark
 * as `'`, every double quote as `"`, every dash as `-`. White space is left as it is.
 */

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
// eslint-disable-next-line no-misleading-character-class -- ranges of lone combining marks, each matched on its own
const MARKS_RE = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+/g;
const NON_ASCII_RE = /[^\u0000-\u007f]/;

/** See the top of this file. ASCII text (most of any page) needs only lower case. */
export function foldText(text: string): string {
  return NON_ASCII_RE.test(text)
    ? text
        .normalize('NFKD')
        .replace(MARKS_RE, '')
        .toLowerCase()
        .replace(PLAIN_RE, (c) => PLAIN[c]!)
    : text.toLowerCase();
}
