/**
 * Text folded for matching names, the same way on both sides, by `npm run check` (photo file
 * names) and by verification (every published file): decomposed (NFKD, which also turns a no-break
 * space into a space) with the accent marks and every invisible character (Unicode's
 * default-ignorables: soft hyphens, zero-width joiners, word joiners, bidi marks and controls)
 * dropped, letters that do not decompose spelt plain (Zoë Ńowak → zoe nowak, Łucja → lucja,
 * Straße → strasse), Cyrillic and Greek letters that look like Latin ones read as those (Cyrillic
 * "а" → a), lower case, every apostrophe-like mark as `'`, every double quote as `"`, every dash
 * as `-`. White space is left as it is.
 */

/**
 * Cyrillic and Greek letters drawn like a Latin letter, as that letter: the single-letter Latin
 * prototypes Unicode's confusables.txt (UTS #39, "Unicode Security Mechanisms", section 4) gives
 * them, both cases. Where the two cases look like different Latin letters (Greek Ν is N, ν is v),
 * each case keeps its own; otherwise a letter's other case is read the same, so a Cyrillic name
 * in capitals still matches itself. Only letters that stand for a Latin letter in a name: not
 * digits or symbols (confusables.txt also reads "0" as "O" and "l" as "I").
 */
const LOOK_ALIKE: Record<string, string> = {
  // Cyrillic, small: а е о р с у х ѕ і ј һ ԁ ԛ ԝ ӏ ү
  '\u0430': 'a',
  '\u0435': 'e',
  '\u043e': 'o',
  '\u0440': 'p',
  '\u0441': 'c',
  '\u0443': 'y',
  '\u0445': 'x',
  '\u0455': 's',
  '\u0456': 'i',
  '\u0458': 'j',
  '\u04bb': 'h',
  '\u0501': 'd',
  '\u051b': 'q',
  '\u051d': 'w',
  '\u04cf': 'l',
  '\u04af': 'y',
  // Cyrillic, capital only: В Н К М Т (their small letters are drawn as small capitals)
  '\u0412': 'b',
  '\u041d': 'h',
  '\u041a': 'k',
  '\u041c': 'm',
  '\u0422': 't',
  '\u04c0': 'l',
  // Greek, small: α ι ο ρ υ ν γ ϲ ϳ
  '\u03b1': 'a',
  '\u03b9': 'i',
  '\u03bf': 'o',
  '\u03c1': 'p',
  '\u03c5': 'u',
  '\u03bd': 'v',
  '\u03b3': 'y',
  '\u03f2': 'c',
  '\u03f3': 'j',
  // Greek, capital: Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ
  '\u0391': 'a',
  '\u0392': 'b',
  '\u0395': 'e',
  '\u0396': 'z',
  '\u0397': 'h',
  '\u0399': 'i',
  '\u039a': 'k',
  '\u039c': 'm',
  '\u039d': 'n',
  '\u039f': 'o',
  '\u03a1': 'p',
  '\u03a4': 't',
  '\u03a5': 'y',
  '\u03a7': 'x',
};

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
  ẞ: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ð: 'd',
  ...Object.fromEntries([...'\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb\u0060\u00b4'].map((c) => [c, "'"])),
  ...Object.fromEntries([...'\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb'].map((c) => [c, '"'])),
  ...Object.fromEntries([...'\u2010\u2011\u2012\u2013\u2014\u2015\u2212'].map((c) => [c, '-'])),
};

/** Both tables, each letter's other case added where it has no entry of its own (Ł as ł). */
const MAPPED: Record<string, string> = (() => {
  const table: Record<string, string> = { ...PLAIN, ...LOOK_ALIKE };
  for (const [c, plain] of Object.entries(table)) {
    for (const other of [c.toUpperCase(), c.toLowerCase()]) {
      if (other.length === 1 && other !== c && other > '\u007f' && !(other in table)) table[other] = plain;
    }
  }
  return table;
})();
const MAPPED_RE = new RegExp(`[${Object.keys(MAPPED).join('')}]`, 'g');
/**
 * What folding drops, in one pass: the combining marks that decomposing Latin, Greek and Cyrillic
 * letters yields, and every Unicode default-ignorable (`\p{Default_Ignorable_Code_Point}`: soft
 * hyphen, zero-width characters, word joiner, bidi marks, embeddings, overrides and isolates,
 * Hangul fillers, variation selectors, tags…), written out without the `u` flag, which is slower.
 * A unit test checks the list against Unicode's property, code point by code point.
 */
const DROPPED_RE =
  // eslint-disable-next-line no-misleading-character-class -- ranges of lone combining marks, each matched on its own
  /(?:[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8]|\ud82f[\udca0-\udca3]|\ud834[\udd73-\udd7a]|[\udb40-\udb43][\udc00-\udfff])+/g;
const NON_ASCII_RE = /[^\u0000-\u007f]/;

/** See the top of this file. ASCII text (most of any page) needs only lower case. */
export function foldText(text: string): string {
  return NON_ASCII_RE.test(text)
    ? text
        .normalize('NFKD')
        .replace(DROPPED_RE, '')
        .replace(MAPPED_RE, (c) => MAPPED[c]!)
        .toLowerCase()
    : text.toLowerCase();
}
