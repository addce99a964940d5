import type opentype from 'opentype.js';

/**
 * Text set as SVG paths from bundled fonts, so the renderer needs no fonts of its own.
 * A typeface is one or more subset files of one design (Latin, then Latin Extended, …); a line is
 * set in the first typeface that has every letter of it, so no word mixes two designs.
 */
export type Typeface = readonly opentype.Font[];

/** A glyph that was drawn, kept so tests can read back which character each glyph is. */
export interface DrawnGlyph {
  char: string;
  font: opentype.Font;
  glyph: opentype.Glyph;
}

/** Whitespace is never drawn: wrapping splits text at it, and lines rejoin with plain spaces. */
const SPACE_RE = /^\s$/u;
/** A mark that sits on the letter before it: the card sets one glyph per character, so it cannot place one. */
const MARK_RE = /^\p{M}$/u;

/** The font of a typeface with a real glyph (not .notdef, glyph 0) for one character, or undefined. */
export function fontWithGlyph(fonts: Typeface, char: string): opentype.Font | undefined {
  if (MARK_RE.test(char)) return undefined;
  // The character map alone: charToGlyph would parse the glyph's outline too.
  return fonts.find((font) => font.charToGlyphIndex(char) !== 0);
}

const hasEveryLetter = (fonts: Typeface, text: string) =>
  [...text].every((char) => SPACE_RE.test(char) || fontWithGlyph(fonts, char) !== undefined);

/**
 * The fonts to set `text` in: the first typeface with every letter of it, else every typeface's
 * subsets in turn, letter by letter. Text is NFC-normalised first, as the card draws it.
 */
export function typefaceFor(typefaces: readonly Typeface[], text: string): Typeface {
  const nfc = text.normalize('NFC');
  return typefaces.find((fonts) => hasEveryLetter(fonts, nfc)) ?? typefaces.flat();
}

function glyphFor(fonts: Typeface, char: string): DrawnGlyph {
  const font = fontWithGlyph(fonts, char);
  // Content validation refuses such text first (card-glyphs.ts); drawing a "?" instead would misspell a name.
  if (!font)
    throw new Error(
      `the share card's fonts cannot draw '${char}' (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`,
    );
  return { char, font, glyph: font.charToGlyph(char) };
}

const num = (n: number) => String(Math.round(n * 10) / 10);

/** Path data written out here: opentype.js's own `toPathData` can run two numbers together ("13.70"). */
function pathData(path: opentype.Path): string {
  return path.commands
    .map((c) => {
      switch (c.type) {
        case 'M':
        case 'L':
          return `${c.type}${num(c.x)} ${num(c.y)}`;
        case 'Q':
          return `Q${num(c.x1)} ${num(c.y1)} ${num(c.x)} ${num(c.y)}`;
        case 'C':
          return `C${num(c.x1)} ${num(c.y1)} ${num(c.x2)} ${num(c.y2)} ${num(c.x)} ${num(c.y)}`;
        default:
          return 'Z';
      }
    })
    .join('');
}

/** The width of a line of text at a size, in pixels. */
export function textWidth(fonts: Typeface, text: string, size: number): number {
  let width = 0;
  for (const char of text.normalize('NFC')) {
    const { font, glyph } = glyphFor(fonts, char);
    width += ((glyph.advanceWidth ?? 0) * size) / font.unitsPerEm;
  }
  return width;
}

/** One line of text with its baseline at (x, y): SVG path data, and the glyphs it drew. */
export function setText(
  fonts: Typeface,
  text: string,
  x: number,
  y: number,
  size: number,
): { d: string; glyphs: DrawnGlyph[] } {
  let cursor = x;
  const parts: string[] = [];
  const glyphs: DrawnGlyph[] = [];
  for (const char of text.normalize('NFC')) {
    const drawn = glyphFor(fonts, char);
    glyphs.push(drawn);
    parts.push(pathData(drawn.glyph.getPath(cursor, y, size)));
    cursor += ((drawn.glyph.advanceWidth ?? 0) * size) / drawn.font.unitsPerEm;
  }
  return { d: parts.filter(Boolean).join(''), glyphs };
}

/**
 * Greedy word wrap into at most `maxLines` lines no wider than `maxWidth`. A word too long for a
 * line is kept whole; the caller shrinks the size until everything fits (see `fitText`).
 */
export function wrapText(fonts: Typeface, text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(fonts, candidate, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The largest size from `size` down to `minSize` at which the text wraps into `maxLines`; at the minimum, extra words are cut with an ellipsis. */
export function fitText(
  fonts: Typeface,
  text: string,
  options: { size: number; minSize: number; maxWidth: number; maxLines: number },
): { size: number; lines: string[] } {
  for (let size = options.size; size >= options.minSize; size -= 2) {
    const lines = wrapText(fonts, text, size, options.maxWidth);
    if (lines.length <= options.maxLines && lines.every((l) => textWidth(fonts, l, size) <= options.maxWidth))
      return { size, lines };
  }
  const size = options.minSize;
  const lines = wrapText(fonts, text, size, options.maxWidth).slice(0, options.maxLines);
  let last = lines[lines.length - 1] ?? '';
  while (last.length > 1 && textWidth(fonts, `${last}…`, size) > options.maxWidth)
    last = [...last].slice(0, -1).join('').trimEnd();
  lines[lines.length - 1] = `${last}…`;
  return { size, lines };
}
