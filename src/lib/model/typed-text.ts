import { decodeHTML } from 'entities';

/**
 * Content files are read with YAML that keeps every value as the text typed (see
 * src/lib/content/frontmatter.ts); these turn text into numbers only where a schema expects one.
 */

/** A whole number typed as text ("14", " 24 "), as a number; anything else as it is. */
export function wholeNumberFromText(value: unknown): unknown {
  return typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
}

/** A number given where text is expected (by code, not YAML), as its text. */
export function numberToText(value: unknown): unknown {
  return typeof value === 'number' ? String(value) : value;
}

/**
 * Characters that draw nothing or reorder others, so text can hide a name it seems not to hold:
 * controls but tab and line breaks, format characters (\p{Cf}: soft hyphen, zero-width joiners,
 * word joiner, bidi marks, embeddings, overrides and isolates) and every other Unicode
 * default-ignorable (Hangul fillers, variation selectors, the combining grapheme joiner…).
 */
const HIDDEN_RE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
/** An HTML character reference (&shy; &#173; &#xAD;), which HTML and Markdown turn into its character. */
const REFERENCE_RE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

interface HiddenCharacter {
  code: string;
  written?: string;
  index: number;
}

const codeOf = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The first hidden character in `text`, typed or written as an HTML character reference: its code
 * (U+00AD), how it is written when that is a reference ("&shy;"), and where it starts. Undefined
 * when there is none.
 */
export function hiddenCharacter(text: string): HiddenCharacter | undefined {
  const raw = HIDDEN_RE.exec(text);
  let found: HiddenCharacter | undefined = raw ? { code: codeOf(raw[0]), index: raw.index } : undefined;
  if (!text.includes('&')) return found;
  for (const reference of text.matchAll(REFERENCE_RE)) {
    if (found && found.index < reference.index) break;
    const decoded = decodeHTML(reference[0]);
    if (decoded !== reference[0] && HIDDEN_RE.test(decoded)) {
      found = { code: codeOf(decoded), written: reference[0], index: reference.index };
      break;
    }
  }
  return found;
}

/** What `npm run check` says of a hidden character: contains "invisible character", which the studio reads. */
export function hiddenCharacterMessage(hidden: { code: string; written?: string }): string {
  const what = hidden.written ? `${hidden.code}, written ${hidden.written}` : hidden.code;
  return `expected visible text only, got an invisible character (${what}) that can hide or reorder letters; ${hidden.written ? `remove ${hidden.written}` : 'retype the text'}`;
}
