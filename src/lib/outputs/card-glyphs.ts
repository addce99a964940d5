import { fontWithGlyph, type Typeface } from './svg-text.ts';

/**
 * Whether the share card can draw a text: every character must have a real glyph in one of the
 * card's typefaces, in every weight the card uses, or a name would be shared misspelled on every
 * network. Content validation refuses text that fails, so a build never draws a wrong letter.
 */

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * The first character of `text` (after NFC normalisation, as the card draws it) that the card
 * cannot draw, or undefined. A letter with a separate accent mark that has no single-character
 * form ("q" + U+0302) counts as one character the card cannot draw: it sets one glyph per
 * character and cannot place a mark on the letter before it.
 */
export function characterTheCardCannotDraw(
  text: string,
  weights: ReadonlyArray<readonly Typeface[]>,
): string | undefined {
  for (const { segment } of graphemes.segment(text.normalize('NFC'))) {
    if (/^\s+$/u.test(segment)) continue;
    const chars = [...segment];
    const drawable =
      chars.length === 1 && weights.every((typefaces) => typefaces.some((t) => fontWithGlyph(t, segment)));
    if (!drawable) return segment;
  }
  return undefined;
}

const codePoints = (s: string) =>
  [...s].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

/** Why the share card cannot show a text as written, or undefined if it can. */
export function cardGlyphProblem(
  text: string,
  weights: ReadonlyArray<readonly Typeface[]>,
): string | undefined {
  const char = characterTheCardCannotDraw(text, weights);
  if (char === undefined) return undefined;
  const mark = [...char].length > 1 ? ', a letter with a separate accent mark' : '';
  return `the share card's font cannot draw '${char}' (${codePoints(char)}${mark}), so the card shared on social media would show it wrong; write it with letters the card can draw, for a name as the family would spell it in English letters`;
}
