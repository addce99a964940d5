import sharp from 'sharp';
import { cardFonts, type CardFonts } from './card-fonts.ts';
import { fitText, textPath } from '../outputs/svg-text.ts';
import type { ShareCardText } from '../outputs/share-card-text.ts';

export type { ShareCardText };

/** The size every social network shows as a large preview (Open Graph, X's summary_large_image). */
export const SHARE_CARD = { width: 1200, height: 630, photoWidth: 450, quality: 55 } as const;

const INK = '#0b0c0c';
const RED = '#b00020';
const escapeXml = (s: string) =>
  s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** The card's right-hand panel as SVG, in the card's coordinates (the photo fills x < photoWidth). */
export function shareCardSvg(text: ShareCardText, fonts: CardFonts = cardFonts()): string {
  const { width, height, photoWidth } = SHARE_CARD;
  const left = photoWidth + 40;
  const maxWidth = width - left - 40;
  const paths: Array<{ d: string; fill: string }> = [];
  let y = 40;
  if (text.demonstration) {
    paths.push({ d: textPath(fonts.bold, 'DEMONSTRATION: FICTIONAL APPEAL', left, y + 22, 22), fill: INK });
    y += 40;
  }
  // The word MISSING in white on a red panel.
  const badge = { x: left, y, w: 300, h: 76 };
  paths.push({ d: textPath(fonts.bold, 'MISSING', left + 20, y + 60, 60), fill: '#ffffff' });
  y += badge.h + 58;
  const name = fitText(fonts.bold, text.name, { size: 64, minSize: 40, maxWidth, maxLines: 2 });
  for (const line of name.lines) {
    paths.push({ d: textPath(fonts.bold, line, left, y, name.size), fill: INK });
    y += name.size * 1.1;
  }
  y += 8;
  for (const [content, size, lines] of [
    [text.facts, 30, 1],
    [text.lastSeen, 30, 2],
  ] as const) {
    const fitted = fitText(fonts.regular, content, { size, minSize: 22, maxWidth, maxLines: lines });
    for (const line of fitted.lines) {
      paths.push({ d: textPath(fonts.regular, line, left, y + 4, fitted.size), fill: INK });
      y += fitted.size * 1.3;
    }
  }
  // Whom to call sits at the foot of the card, whatever the length of the text above it.
  const foot = height - 40;
  const info = fitText(fonts.regular, text.information, { size: 26, minSize: 18, maxWidth, maxLines: 1 });
  const see = fitText(fonts.bold, text.seeNow, { size: 34, minSize: 22, maxWidth, maxLines: 1 });
  const address = fitText(fonts.regular, text.address, { size: 22, minSize: 14, maxWidth, maxLines: 1 });
  paths.push({ d: textPath(fonts.regular, address.lines[0]!, left, foot, address.size), fill: INK });
  paths.push({ d: textPath(fonts.regular, info.lines[0]!, left, foot - 44, info.size), fill: INK });
  paths.push({ d: textPath(fonts.bold, see.lines[0]!, left, foot - 88, see.size), fill: RED });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width - photoWidth}" height="${height}" viewBox="${photoWidth} 0 ${width - photoWidth} ${height}">`,
    `<title>${escapeXml(`Missing: ${text.name}`)}</title>`,
    `<rect x="${photoWidth}" y="0" width="${width - photoWidth}" height="${height}" fill="#ffffff"/>`,
    `<rect x="${photoWidth}" y="0" width="12" height="${height}" fill="${RED}"/>`,
    `<rect x="${badge.x}" y="${badge.y}" width="${badge.w}" height="${badge.h}" fill="${RED}"/>`,
    ...paths.map((p) => `<path fill="${p.fill}" d="${p.d}"/>`),
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
