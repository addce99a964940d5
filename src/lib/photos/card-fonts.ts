import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import opentype from 'opentype.js';

/**
 * The share card's typeface, bundled as an npm package (Atkinson Hyperlegible, made for legibility),
 * so a card looks the same on every machine and needs no network or system fonts.
 */
export interface CardFonts {
  regular: opentype.Font[];
  bold: opentype.Font[];
}

const require = createRequire(import.meta.url);

function loadFont(file: string): opentype.Font {
  const bytes = readFileSync(require.resolve(`@fontsource/atkinson-hyperlegible/files/${file}`));
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

let fonts: CardFonts | undefined;

/** The Latin subset first, then Latin Extended for names such as "Łucja" or "Ciarán". */
export function cardFonts(): CardFonts {
  fonts ??= {
    regular: [
      loadFont('atkinson-hyperlegible-latin-400-normal.woff'),
      loadFont('atkinson-hyperlegible-latin-ext-400-normal.woff'),
    ],
    bold: [
      loadFont('atkinson-hyperlegible-latin-700-normal.woff'),
      loadFont('atkinson-hyperlegible-latin-ext-700-normal.woff'),
    ],
  };
  return fonts;
}
