import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import opentype from 'opentype.js';
import type { Typeface } from '../outputs/svg-text.ts';

/**
 * The share card's typefaces, bundled as npm packages so a card looks the same on every machine
 * and needs no network or system fonts. Atkinson Hyperlegible Next (made for legibility) sets
 * every line it can; Noto Sans sets a line with a letter Atkinson lacks (Vietnamese "Nguyễn",
 * "Ō", Greek, Cyrillic), whole, so no word mixes two designs. WOFF files, not WOFF2: opentype.js
 * reads WOFF2 only with a separate decompressor.
 */
export interface CardFonts {
  regular: Typeface[];
  bold: Typeface[];
}

const require = createRequire(import.meta.url);

function loadFont(file: string): opentype.Font {
  const bytes = readFileSync(require.resolve(file));
  // Glyphs are parsed when first drawn: the Noto subsets hold thousands, the card draws a few dozen.
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), {
    lowMemory: true,
  });
}

const ATKINSON_SUBSETS = ['latin', 'latin-ext'];
const NOTO_SUBSETS = ['latin', 'latin-ext', 'vietnamese', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext'];

/** The font files the card reads, in order of preference: each typeface's subsets, Latin first. */
export function cardFontFiles(weight: 400 | 700): string[][] {
  return [
    ATKINSON_SUBSETS.map(
      (s) =>
        `@fontsource/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-${s}-${weight}-normal.woff`,
    ),
    NOTO_SUBSETS.map((s) => `@fontsource/noto-sans/files/noto-sans-${s}-${weight}-normal.woff`),
  ];
}

let fonts: CardFonts | undefined;

/** The card's fonts, read once per process. */
export function cardFonts(): CardFonts {
  fonts ??= {
    regular: cardFontFiles(400).map((files) => files.map(loadFont)),
    bold: cardFontFiles(700).map((files) => files.map(loadFont)),
  };
  return fonts;
}
