import sharp from 'sharp';
import { cardFonts, type CardFonts } from './card-fonts.ts';
import { type DrawnGlyph, fitText, setText, type Typeface, typefaceFor } from '../outputs/svg-text.ts';
import type { ShareCardText } from '../outputs/share-card-text.ts';

export type { ShareCardText };

/** The size every social network shows as a large preview (Open Graph, X's summary_large_image). */
export const SHARE_CARD = { width: 1200, height: 630, photoWidth: 450, quality: 55 } as const;

const INK = '#0b0c0c';
const RED = '#b00020';
const escapeXml = (s: string) =>
  s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** One line of the card, set: its path data and colour, and the glyphs it drew. */
export interface CardLine {
  fill: string;
  d: string;
  glyphs: DrawnGlyph[];
}

/**
 * The card's right-hand panel, laid out in the card's coordinates (the photo fills x < photoWidth).
 * Each text is NFC-normalised, so a letter typed as "w" + a combining circumflex is drawn as "ŵ".
 */
export function shareCardDrawing(
  text: ShareCardText,
  fonts: CardFonts = cardFonts(),
): { lines: CardLine[]; badge: { x: number; y: number; w: number; h: number } } {
  const { width, height, photoWidth } = SHARE_CARD;
  const left = photoWidth + 40;
  const maxWidth = width - left - 40;
  const lines: CardLine[] = [];
  const line = (fonts: Typeface, content: string, x: number, y: number, size: number, fill: string) =>
    lines.push({ fill, ...setText(fonts, content, x, y, size) });
  // A text wraps and shrinks in the one typeface that has all its letters (see `typefaceFor`).
  const fit = (weight: Typeface[], content: string, options: Parameters<typeof fitText>[2]) => {
    const fonts = typefaceFor(weight, content);
    return { fonts, ...fitText(fonts, content.normalize('NFC'), options) };
  };
  const label = (content: string, x: number, y: number, size: number, fill: string) =>
    line(typefaceFor(fonts.bold, content), content, x, y, size, fill);

  let y = 40;
  if (text.demonstration) {
    label('DEMONSTRATION: FICTIONAL APPEAL', left, y + 22, 22, INK);
    y += 40;
  }
  // The word MISSING in white on a red panel.
  const badge = { x: left, y, w: 300, h: 76 };
  label('MISSING', left + 20, y + 60, 60, '#ffffff');
  y += badge.h + 58;
  const name = fit(fonts.bold, text.name, { size: 64, minSize: 40, maxWidth, maxLines: 2 });
  for (const l of name.lines) {
    line(name.fonts, l, left, y, name.size, INK);
    y += name.size * 1.1;
  }
  y += 8;
  for (const [content, size, maxLines] of [
    [text.facts, 30, 1],
    [text.lastSeen, 30, 2],
  ] as const) {
    const fitted = fit(fonts.regular, content, { size, minSize: 22, maxWidth, maxLines });
    for (const l of fitted.lines) {
      line(fitted.fonts, l, left, y + 4, fitted.size, INK);
      y += fitted.size * 1.3;
    }
  }
  // Whom to call sits at the foot of the card, whatever the length of the text above it.
  const foot = height - 40;
  const info = fit(fonts.regular, text.information, { size: 26, minSize: 18, maxWidth, maxLines: 1 });
  const see = fit(fonts.bold, text.seeNow, { size: 34, minSize: 22, maxWidth, maxLines: 1 });
  const address = fit(fonts.regular, text.address, { size: 22, minSize: 14, maxWidth, maxLines: 1 });
  line(address.fonts, address.lines[0]!, left, foot, address.size, INK);
  line(info.fonts, info.lines[0]!, left, foot - 44, info.size, INK);
  line(see.fonts, see.lines[0]!, left, foot - 88, see.size, RED);
  return { lines, badge };
}

/** The card's right-hand panel as SVG. */
export function shareCardSvg(text: ShareCardText, fonts: CardFonts = cardFonts()): string {
  const { width, height, photoWidth } = SHARE_CARD;
  const { lines, badge } = shareCardDrawing(text, fonts);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width - photoWidth}" height="${height}" viewBox="${photoWidth} 0 ${width - photoWidth} ${height}">`,
    `<title>${escapeXml(`Missing: ${text.name.normalize('NFC')}`)}</title>`,
    `<rect x="${photoWidth}" y="0" width="${width - photoWidth}" height="${height}" fill="#ffffff"/>`,
    `<rect x="${photoWidth}" y="0" width="12" height="${height}" fill="${RED}"/>`,
    `<rect x="${badge.x}" y="${badge.y}" width="${badge.w}" height="${badge.h}" fill="${RED}"/>`,
    ...lines.map((l) => `<path fill="${l.fill}" d="${l.d}"/>`),
    '</svg>',
  ].join('');
}

/** Two images of the same height, as raw 3-channel rows, side by side: a copy, not a blend. */
function sideBySide(
  left: { data: Buffer; width: number },
  right: { data: Buffer; width: number },
  height: number,
): Buffer {
  const row = (left.width + right.width) * 3;
  const out = Buffer.allocUnsafe(row * height);
  for (let y = 0; y < height; y++) {
    left.data.copy(out, y * row, y * left.width * 3, (y + 1) * left.width * 3);
    right.data.copy(out, y * row + left.width * 3, y * right.width * 3, (y + 1) * right.width * 3);
  }
  return out;
}

/**
 * The share card as a JPEG: the child's photo on the left, the text on the right. sharp writes no
 * metadata unless asked, so nothing from the source photo (EXIF, GPS, XMP, ICC) reaches the card.
 */
export async function renderShareCard(photo: Buffer | string, text: ShareCardText): Promise<Buffer> {
  const { width, height, photoWidth, quality } = SHARE_CARD;
  // A 3:4 portrait loses only a sliver at each side, so a centred crop keeps the face.
  const [portrait, panel] = await Promise.all([
    sharp(photo)
      .rotate()
      .resize(photoWidth, height, { fit: 'cover', position: 'centre' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true }),
    sharp(Buffer.from(shareCardSvg(text)))
      .flatten({ background: '#ffffff' })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true }),
  ]);
  const card = sideBySide(
    { data: portrait.data, width: photoWidth },
    { data: panel.data, width: width - photoWidth },
    height,
  );
  // Trellis quantisation (mozjpeg's main saving, without its slow scan search) and the perceptual
  // quantisation tables: a card of a grainy photo is about 36 kB at quality 55, under the 40 kB a
  // share image should be, in a third of mozjpeg's time (see BENCHMARKS.md).
  return sharp(card, { raw: { width, height, channels: 3 } })
    .jpeg({ quality, quantisationTable: 3, trellisQuantisation: true, optimiseCoding: true })
    .toBuffer();
}
