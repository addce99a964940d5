/** A portrait rendered as a JPEG over a paper-grain texture. */
import sharp from 'sharp';
import { mulberry32 } from './random.ts';
import { BOTTOM, H } from './portrait-geometry.ts';
import { portraitDefaults, type PortraitOptions } from './portrait-options.ts';
import { portraitSvg } from './portrait-svg.ts';

/**
 * Renders a portrait as a metadata-free mozjpeg JPEG (sharp writes no EXIF unless asked).
 * Same seed and options give the same bytes.
 */
export async function drawPortraitJpeg(seed: number, opts: Partial<PortraitOptions> = {}): Promise<Buffer> {
  const o = portraitDefaults(seed, opts);
  const height = Math.round((o.height * BOTTOM) / H);
  const texture = await sharp(paperTexture(seed), {
    raw: { width: TEXTURE_W, height: TEXTURE_H, channels: 4 },
  })
    .resize(o.width, height, { fit: 'fill', kernel: 'cubic' })
    .raw()
    .toBuffer();
  return sharp(Buffer.from(portraitSvg(seed, o)), { density: 72 })
    .composite([{ input: texture, raw: { width: o.width, height, channels: 4 }, top: 0, left: 0 }])
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: o.quality, mozjpeg: true })
    .toBuffer();
}

const TEXTURE_W = 96;
const TEXTURE_H = 116;

/**
 * A small RGBA tile of soft value noise (two octaves) that, scaled up, reads as paper grain over
 * the drawing. Built from the seed, so it costs a few milliseconds instead of an SVG filter.
 */
function paperTexture(seed: number): Buffer {
  const rand = mulberry32(seed ^ 0x5bd1e995);
  const coarseW = 13;
  const coarseH = 16;
  const coarse = Array.from({ length: coarseW * coarseH }, () => rand());
  const buf = Buffer.alloc(TEXTURE_W * TEXTURE_H * 4);
  for (let y = 0; y < TEXTURE_H; y++) {
    for (let x = 0; x < TEXTURE_W; x++) {
      const gx = (x / TEXTURE_W) * (coarseW - 1);
      const gy = (y / TEXTURE_H) * (coarseH - 1);
      const x0 = Math.floor(gx);
      const y0 = Math.floor(gy);
      const fx = gx - x0;
      const fy = gy - y0;
      const at = (i: number, j: number) =>
        coarse[Math.min(coarseH - 1, j) * coarseW + Math.min(coarseW - 1, i)]!;
      const smooth =
        (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) +
        (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
      const v = 0.6 * smooth + 0.4 * rand();
      const i = (y * TEXTURE_W + x) * 4;
      const light = v > 0.5;
      buf[i] = light ? 255 : 70;
      buf[i + 1] = light ? 252 : 60;
      buf[i + 2] = light ? 245 : 50;
      buf[i + 3] = Math.round(Math.abs(v - 0.5) * 2 * 22);
    }
  }
  return buf;
}
