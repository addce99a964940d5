import type opentype from 'opentype.js';

/**
 * Text set as SVG paths from a bundled font, so the renderer needs no fonts of its own.
 * Each character takes its glyph from the first font that has one (a subset, then its fallback).
 */

function glyphFor(
  fonts: readonly opentype.Font[],
  char: string,
): { font: opentype.Font; glyph: opentype.Glyph } {
  for (const font of fonts) {
    const glyph = font.charToGlyph(char);
    if (glyph.index !== 0) return { font, glyph };
  }
  const font = fonts[0]!;
  return { font, glyph: font.charToGlyph('?') };
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
export function textWidth(fonts: readonly opentype.Font[], text: string, size: number): number {
  let width = 0;
  for (const char of text) {
    const { font, glyph } = glyphFor(fonts, char);
    width += ((glyph.advanceWidth ?? 0) * size) / font.unitsPerEm;
  }
  return width;
}

/** SVG path data for one line of text with its baseline at (x, y). */
export function textPath(
  fonts: readonly opentype.Font[],
  text: string,
  x: number,
  y: number,
  size: number,
): string {
  let cursor = x;
  const parts: string[] = [];
  for (const char of text) {
    const { font, glyph } = glyphFor(fonts, char);
    parts.push(pathData(glyph.getPath(cursor, y, size)));
    cursor += ((glyph.advanceWidth ?? 0) * size) / font.unitsPerEm;
  }
  return parts.filter(Boolean).join('');
}

/**
 * Greedy word wrap into at most `maxLines` lines no wider than `maxWidth`. A word too long for a
 * line is kept whole; the caller shrinks the size until everything fits (see `fitText`).
 */
export function wrapText(
  fonts: readonly opentype.Font[],
  text: string,
  size: number,
  maxWidth: number,
): string[] {
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
  fonts: readonly opentype.Font[],
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
    last = last.slice(0, -1).trimEnd();
  lines[lines.length - 1] = `${last}…`;
  return { size, lines };
}
