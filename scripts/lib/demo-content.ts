import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { stringifyMarkdownFile } from '../../src/lib/content/frontmatter.ts';

/**
 * Fictional demonstration content: 24 (or `count`) active appeals with generated, illustrated
 * portraits. Every name is invented, every police reference starts "DEMO-", every body starts
 * "This is a fictional demonstration appeal." and every picture is drawn from numbers (never from
 * a photo) and labelled "DEMONSTRATION IMAGE". Deterministic: the same seed writes the same files.
 *
 * Part 1 draws portraits (`drawPortraitJpeg`); part 2 builds appeals (`buildDemoAppeals`) and
 * writes them (`generateDemoContent`).
 */

// ---------------------------------------------------------------------------------------------
// Part 1: portraits
// ---------------------------------------------------------------------------------------------

/*
 * Draws an obviously artificial, illustrated portrait for demonstration appeals. Nothing here
 * comes from a photo of a real person: every shape is built from numbers, and every image carries
 * a "DEMONSTRATION IMAGE" strip and a "DEMO" badge so that no one mistakes it for a real child.
 */

export const HAIR_STYLES = [
  'crop',
  'short',
  'side-part',
  'curly-short',
  'afro',
  'long',
  'fringe-long',
  'ponytail',
  'bun',
  'braids',
  'headscarf',
] as const;
export type HairStyle = (typeof HAIR_STYLES)[number];

export const GARMENTS = ['hoodie', 't-shirt', 'jumper', 'puffer', 'school-blazer', 'polo'] as const;
export type Garment = (typeof GARMENTS)[number];

export interface PortraitOptions {
  sex: 'female' | 'male';
  /** Apparent age in years: younger faces are rounder, older ones longer. */
  age: number;
  skin: string;
  hairColour: string;
  hairStyle: HairStyle;
  eyeColour: string;
  clothingColour: string;
  garment: Garment;
  /** Headscarf colour, used when hairStyle is "headscarf". */
  scarfColour: string;
  glasses: boolean;
  freckles: boolean;
  earrings: boolean;
  scar: boolean;
  mole: boolean;
  /** Age-progressed variants say so in the label strip. */
  ageProgressed: boolean;
  /** Background gradient, top-left to bottom-right. */
  background: [string, string];
  /** Output size; the drawing is 3:4 and scales to fit. Default 1200 x 1600. */
  width: number;
  height: number;
  /** JPEG quality (mozjpeg). Default 80. */
  quality: number;
}

export const SKIN_TONES = [
  '#f7dcc8',
  '#efc4a4',
  '#e2ae8c',
  '#c99170',
  '#ab7552',
  '#8c5a3c',
  '#6d4129',
  '#4e2d1e',
] as const;

export const BACKGROUNDS: ReadonlyArray<[string, string]> = [
  ['#dfe9f3', '#b9cde0'],
  ['#e8e2d5', '#cdbfa6'],
  ['#e3efe4', '#b8d3bd'],
  ['#efe3ea', '#d6bccb'],
  ['#e6e6ee', '#bfc0d6'],
  ['#f1e9d8', '#d9c79d'],
];

/** A small, fast, seedable PRNG (mulberry32): same seed, same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function hexToRgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full =
    h.length === 3
      ? h
          .split('')
          .map((c) => c + c)
          .join('')
      : h;
  const n = Number.parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function mix(a: string, b: string, t: number): string {
  const [ar, ag, ab] = hexToRgb(a);
  const [br, bg, bb] = hexToRgb(b);
  const c = (x: number, y: number) =>
    Math.round(x + (y - x) * t)
      .toString(16)
      .padStart(2, '0');
  return `#${c(ar, br)}${c(ag, bg)}${c(ab, bb)}`;
}
const darken = (c: string, t: number) => mix(c, '#000000', t);
const lighten = (c: string, t: number) => mix(c, '#ffffff', t);
const f = (n: number) => (Math.round(n * 10) / 10).toString();

/** Fills in whatever the caller left out, from the seed. */
export function portraitDefaults(seed: number, opts: Partial<PortraitOptions> = {}): PortraitOptions {
  const rand = mulberry32(seed ^ 0x9e3779b9);
  const sex = opts.sex ?? (rand() < 0.5 ? 'female' : 'male');
  const styles: HairStyle[] =
    sex === 'female'
      ? ['long', 'fringe-long', 'ponytail', 'bun', 'braids', 'curly-short']
      : ['crop', 'short', 'side-part', 'curly-short'];
  return {
    sex,
    age: opts.age ?? 4 + Math.floor(rand() * 14),
    skin: opts.skin ?? pick(rand, SKIN_TONES),
    hairColour:
      opts.hairColour ?? pick(rand, ['#1f1a17', '#3b2a20', '#5a3b25', '#8a6240', '#a9773f', '#d1ad6b']),
    hairStyle: opts.hairStyle ?? pick(rand, styles),
    eyeColour:
      opts.eyeColour ?? pick(rand, ['#5b3a1e', '#3a2414', '#7d6a3a', '#4f7a4a', '#4a78a8', '#7d8b94']),
    clothingColour:
      opts.clothingColour ?? pick(rand, ['#24335a', '#3d6b48', '#a23b3b', '#6d7278', '#5e4a8b', '#c09a2e']),
    garment: opts.garment ?? pick(rand, GARMENTS),
    scarfColour: opts.scarfColour ?? pick(rand, ['#24335a', '#6b2438', '#2f4f4f', '#3a3a3a']),
    glasses: opts.glasses ?? rand() < 0.2,
    freckles: opts.freckles ?? rand() < 0.15,
    earrings: opts.earrings ?? rand() < 0.2,
    scar: opts.scar ?? false,
    mole: opts.mole ?? false,
    ageProgressed: opts.ageProgressed ?? false,
    background: opts.background ?? pick(rand, BACKGROUNDS),
    width: opts.width ?? 1200,
    height: opts.height ?? 1600,
    quality: opts.quality ?? 80,
  };
}

const W = 1200;
const H = 1600;
const STRIP = 150;
const BOTTOM = H - STRIP;
const CX = W / 2;

/** The SVG source of a portrait; `drawPortraitJpeg` rasterises it. */
export function portraitSvg(seed: number, partial: Partial<PortraitOptions> = {}): string {
  const o = portraitDefaults(seed, partial);
  const rand = mulberry32(seed);
  const t = Math.max(0, Math.min(1.4, (o.age - 4) / 13));
  const rx = 256 - 38 * t;
  const ry = rx * (1.1 + 0.24 * t);
  const cy = 640;
  const chinY = cy + ry;
  const eyeY = cy + ry * (0.12 - 0.08 * t);
  const eyeDX = rx * 0.4;
  const eyeRX = 42 - 9 * t;
  const eyeRY = 24 - 5 * t;
  const noseY = eyeY + ry * 0.33;
  const mouthY = noseY + ry * 0.24;
  const shoulderY = chinY + 80 + 45 * t;
  const sw = 350 + 110 * t;
  const neckW = rx * (0.4 + 0.08 * t);
  const jaw = 0.66 - 0.14 * Math.min(1, t);
  const skinLine = darken(o.skin, 0.28);
  const hair = o.hairColour;
  const hairDark = darken(hair, 0.25);
  const hairLight = lighten(hair, 0.18);
  const cloth = o.clothingColour;
  const clothDark = darken(cloth, 0.25);
  const clothLight = lighten(cloth, 0.15);
  const style = o.hairStyle;
  const longHair = style === 'long' || style === 'fringe-long';
  const earsHidden = longHair || style === 'braids' || style === 'afro' || style === 'headscarf';
  const parts: string[] = [];
  const push = (s: string) => parts.push(s);

  // Background, soft vignette, and a paper-like texture.
  push(`<rect width="${W}" height="${H}" fill="url(#bg)"/>`);
  push(`<rect width="${W}" height="${H}" fill="url(#vignette)"/>`);
  // A few loose pencil strokes in the background, as on an illustration board.
  for (let i = 0; i < 5; i++) {
    const x = 60 + rand() * 1080;
    const y = 120 + rand() * 1100;
    const len = 120 + rand() * 200;
    const a = -0.6 + rand() * 0.3;
    push(
      `<path d="M${f(x)} ${f(y)} l${f(Math.cos(a) * len)} ${f(Math.sin(a) * len)}" stroke="${darken(o.background[1], 0.12)}" stroke-width="5" stroke-linecap="round" opacity="0.35"/>`,
    );
  }

  // Hair behind the head.
  const hx = rx * 1.08;
  const hy = ry * 1.05;
  if (longHair) {
    const low = shoulderY + 20;
    push(
      `<path d="M${f(CX - hx * 1.06)} ${f(cy)} A${f(hx * 1.06)} ${f(hy * 1.04)} 0 0 1 ${f(CX + hx * 1.06)} ${f(cy)} L${f(CX + hx * 1.12)} ${f(low)} L${f(CX - hx * 1.12)} ${f(low)} Z" fill="${hairDark}"/>`,
    );
  } else if (style === 'afro') {
    const ar = rx * (o.sex === 'female' ? 1.45 : 1.28);
    const ay = cy - ry * 0.22;
    push(`<ellipse cx="${CX}" cy="${f(ay)}" rx="${f(ar)}" ry="${f(ar * 0.95)}" fill="${hair}"/>`);
    for (let a = 0; a < 360; a += 20) {
      const r = (a * Math.PI) / 180;
      push(
        `<circle cx="${f(CX + Math.cos(r) * ar * 0.93)}" cy="${f(ay + Math.sin(r) * ar * 0.88)}" r="${f(rx * 0.2)}" fill="${hair}"/>`,
      );
    }
    for (let i = 0; i < 40; i++) {
      const r = rand() * Math.PI * 2;
      const d = rand() * ar * 0.9;
      push(
        `<circle cx="${f(CX + Math.cos(r) * d)}" cy="${f(ay + Math.sin(r) * d * 0.95)}" r="${f(10 + rand() * 14)}" fill="none" stroke="${hairLight}" stroke-width="4" opacity="0.45"/>`,
      );
    }
  } else if (style === 'ponytail') {
    push(
      `<path d="M${f(CX + rx * 0.4)} ${f(cy - ry * 0.8)} C${f(CX + rx * 1.3)} ${f(cy - ry * 0.75)} ${f(CX + rx * 1.45)} ${f(cy + ry * 0.2)} ${f(CX + rx * 1.12)} ${f(cy + ry * 1.0)} C${f(CX + rx * 1.05)} ${f(cy + ry * 0.5)} ${f(CX + rx * 0.95)} ${f(cy - ry * 0.1)} ${f(CX + rx * 0.5)} ${f(cy - ry * 0.4)} Z" fill="${hair}" stroke="${hairDark}" stroke-width="4"/>`,
    );
  } else if (style === 'bun') {
    push(
      `<circle cx="${CX}" cy="${f(cy - ry * 1.02)}" r="${f(rx * 0.42)}" fill="${hair}" stroke="${hairDark}" stroke-width="5"/>`,
    );
    push(
      `<path d="M${f(CX - rx * 0.3)} ${f(cy - ry * 1.08)} Q${CX} ${f(cy - ry * 1.25)} ${f(CX + rx * 0.3)} ${f(cy - ry * 1.02)}" fill="none" stroke="${hairLight}" stroke-width="6" opacity="0.6"/>`,
    );
  } else if (style === 'braids') {
    push(
      `<path d="M${f(CX - hx)} ${f(cy)} A${f(hx)} ${f(hy)} 0 0 1 ${f(CX + hx)} ${f(cy)} L${f(CX + hx)} ${f(shoulderY)} L${f(CX - hx)} ${f(shoulderY)} Z" fill="${hairDark}"/>`,
    );
  } else if (style === 'headscarf') {
    const sc = o.scarfColour;
    push(
      `<path d="M${f(CX - rx * 1.26)} ${f(cy)} A${f(rx * 1.26)} ${f(ry * 1.2)} 0 0 1 ${f(CX + rx * 1.26)} ${f(cy)} L${f(CX + rx * 1.34)} ${f(shoulderY + 40)} Q${f(CX + sw * 0.62)} ${f(shoulderY + 190)} ${CX} ${f(shoulderY + 240)} Q${f(CX - sw * 0.62)} ${f(shoulderY + 190)} ${f(CX - rx * 1.34)} ${f(shoulderY + 40)} Z" fill="${sc}" stroke="${darken(sc, 0.3)}" stroke-width="5"/>`,
    );
  }

  // Torso and clothing.
  const top = shoulderY - 10;
  push(
    `<path d="M${f(CX - sw)} ${BOTTOM} L${f(CX - sw)} ${f(shoulderY + 150)} Q${f(CX - sw)} ${f(shoulderY)} ${f(CX - sw + 170)} ${f(top)} L${f(CX + sw - 170)} ${f(top)} Q${f(CX + sw)} ${f(shoulderY)} ${f(CX + sw)} ${f(shoulderY + 150)} L${f(CX + sw)} ${BOTTOM} Z" fill="url(#cloth)" stroke="${clothDark}" stroke-width="5"/>`,
  );
  // Suggestion of arms.
  for (const side of [-1, 1]) {
    const x = CX + side * (sw - 105);
    push(
      `<path d="M${f(x)} ${f(shoulderY + 120)} Q${f(x - side * 12)} ${f(shoulderY + 260)} ${f(x - side * 4)} ${BOTTOM}" fill="none" stroke="${clothDark}" stroke-width="6" opacity="0.6"/>`,
    );
  }
  if (o.garment === 'puffer') {
    for (let y = shoulderY + 70; y < BOTTOM; y += 85) {
      push(
        `<path d="M${f(CX - sw + 8)} ${f(y)} Q${CX} ${f(y + 22)} ${f(CX + sw - 8)} ${f(y)}" fill="none" stroke="${clothDark}" stroke-width="5" opacity="0.7"/>`,
      );
    }
    push(
      `<line x1="${CX}" y1="${f(top + 40)}" x2="${CX}" y2="${BOTTOM}" stroke="${clothDark}" stroke-width="6"/>`,
    );
  }
  if (o.garment === 'hoodie' && style !== 'headscarf') {
    push(`<ellipse cx="${CX}" cy="${f(top + 10)}" rx="${f(neckW + 120)}" ry="80" fill="${clothDark}"/>`);
    push(
      `<ellipse cx="${CX}" cy="${f(top + 18)}" rx="${f(neckW + 70)}" ry="52" fill="${darken(cloth, 0.45)}"/>`,
    );
  }

  // Neck, with the neckline cut into the clothing.
  if (style !== 'headscarf') {
    const dip = o.garment === 'school-blazer' || o.garment === 'polo' ? 95 : o.garment === 'puffer' ? 10 : 55;
    push(
      `<path d="M${f(CX - neckW)} ${f(cy + ry * 0.45)} L${f(CX - neckW)} ${f(top + 4)} Q${CX} ${f(top + dip * 1.5)} ${f(CX + neckW)} ${f(top + 4)} L${f(CX + neckW)} ${f(cy + ry * 0.45)} Z" fill="${darken(o.skin, 0.06)}"/>`,
    );
    push(
      `<ellipse cx="${CX}" cy="${f(chinY + 12)}" rx="${f(neckW * 1.05)}" ry="34" fill="${darken(o.skin, 0.2)}" opacity="0.55"/>`,
    );
    const neckline = `M${f(CX - neckW - 6)} ${f(top + 2)} Q${CX} ${f(top + dip * 1.5 + 8)} ${f(CX + neckW + 6)} ${f(top + 2)}`;
    if (o.garment === 'school-blazer') {
      push(
        `<path d="M${f(CX - neckW - 20)} ${f(top)} L${CX} ${f(top + 230)} L${f(CX + neckW + 20)} ${f(top)} L${f(CX + neckW + 70)} ${f(top + 10)} L${CX} ${f(top + 330)} L${f(CX - neckW - 70)} ${f(top + 10)} Z" fill="#f4f4f2" stroke="#c9c9c4" stroke-width="4"/>`,
      );
      push(
        `<path d="M${f(CX - 22)} ${f(top + 110)} L${f(CX + 22)} ${f(top + 110)} L${f(CX + 34)} ${f(top + 300)} L${CX} ${f(top + 340)} L${f(CX - 34)} ${f(top + 300)} Z" fill="${darken(cloth, 0.1)}" stroke="${clothDark}" stroke-width="3"/>`,
      );
      push(
        `<path d="M${f(CX - 18)} ${f(top + 150)} L${f(CX + 28)} ${f(top + 190)} M${f(CX - 26)} ${f(top + 230)} L${f(CX + 30)} ${f(top + 270)}" stroke="#d9c36a" stroke-width="8"/>`,
      );
      for (const side of [-1, 1]) {
        push(
          `<path d="M${f(CX + side * (neckW + 70))} ${f(top + 10)} L${f(CX + side * 12)} ${f(top + 340)} L${f(CX + side * 12)} ${BOTTOM} L${f(CX + side * (neckW + 150))} ${BOTTOM} L${f(CX + side * (neckW + 150))} ${f(top + 330)} L${f(CX + side * (neckW + 110))} ${f(top + 260)} Z" fill="${darken(cloth, 0.12)}" stroke="${clothDark}" stroke-width="4"/>`,
        );
      }
    } else if (o.garment === 'polo') {
      push(`<path d="${neckline}" fill="none" stroke="${clothLight}" stroke-width="10"/>`);
      for (const side of [-1, 1]) {
        push(
          `<path d="M${f(CX + side * (neckW + 6))} ${f(top)} L${f(CX + side * 8)} ${f(top + 140)} L${f(CX + side * (neckW + 70))} ${f(top + 70)} Z" fill="${clothLight}" stroke="${clothDark}" stroke-width="4"/>`,
        );
      }
      push(
        `<circle cx="${CX}" cy="${f(top + 180)}" r="7" fill="${clothDark}"/><circle cx="${CX}" cy="${f(top + 225)}" r="7" fill="${clothDark}"/>`,
      );
    } else if (o.garment === 'puffer') {
      push(
        `<rect x="${f(CX - neckW - 40)}" y="${f(top - 40)}" width="${f(2 * neckW + 80)}" height="90" rx="40" fill="${cloth}" stroke="${clothDark}" stroke-width="5"/>`,
      );
    } else {
      push(
        `<path d="${neckline}" fill="none" stroke="${clothDark}" stroke-width="${o.garment === 'jumper' ? 18 : 9}"/>`,
      );
      if (o.garment === 'hoodie') {
        push(
          `<path d="M${f(CX - 40)} ${f(top + 60)} l-6 170 M${f(CX + 40)} ${f(top + 60)} l6 170" stroke="${clothLight}" stroke-width="7" stroke-linecap="round"/>`,
        );
      }
    }
  }

  // Long hair falls in front of the shoulders; braids hang in strands.
  if (longHair) {
    const end = shoulderY + (o.sex === 'female' ? 280 : 120);
    for (const side of [-1, 1]) {
      push(
        `<path d="M${f(CX + side * hx)} ${f(cy - ry * 0.1)} Q${f(CX + side * hx * 1.15)} ${f(cy + ry)} ${f(CX + side * rx * 0.98)} ${f(end)} L${f(CX + side * rx * 0.55)} ${f(end - 20)} Q${f(CX + side * rx * 0.8)} ${f(cy + ry * 0.7)} ${f(CX + side * rx * 0.82)} ${f(cy - ry * 0.1)} Z" fill="${hair}" stroke="${hairDark}" stroke-width="4"/>`,
      );
      for (let k = 0; k < 3; k++) {
        const x0 = CX + side * rx * (0.88 + 0.08 * k);
        push(
          `<path d="M${f(x0)} ${f(cy + ry * 0.3)} Q${f(x0 + side * 20)} ${f(cy + ry * 0.9)} ${f(x0 - side * 10)} ${f(end - 40)}" fill="none" stroke="${hairLight}" stroke-width="4" opacity="0.5"/>`,
        );
      }
    }
  } else if (style === 'braids') {
    const end = shoulderY + 300;
    for (const side of [-1, 1]) {
      for (const off of [0.86, 1.02]) {
        for (let y = cy - ry * 0.1; y < end; y += 34) {
          const x = CX + side * rx * off + Math.sin(y / 50) * 3;
          push(
            `<ellipse cx="${f(x)}" cy="${f(y)}" rx="21" ry="22" fill="${hair}" stroke="${hairDark}" stroke-width="4"/>`,
          );
        }
      }
    }
  }

  // Ears.
  if (!earsHidden) {
    for (const side of [-1, 1]) {
      const ex = CX + side * rx * 0.97;
      const ey = eyeY + ry * 0.08;
      push(
        `<ellipse cx="${f(ex)}" cy="${f(ey)}" rx="${f(rx * 0.14)}" ry="${f(ry * 0.19)}" fill="${o.skin}" stroke="${skinLine}" stroke-width="4"/>`,
      );
      push(
        `<path d="M${f(ex + side * 8)} ${f(ey - 30)} Q${f(ex - side * 10)} ${f(ey)} ${f(ex + side * 6)} ${f(ey + 28)}" fill="none" stroke="${skinLine}" stroke-width="4" opacity="0.6"/>`,
      );
      if (o.earrings)
        push(
          `<circle cx="${f(ex + side * 4)}" cy="${f(ey + ry * 0.17)}" r="8" fill="#d7b44a" stroke="#8f7420" stroke-width="2"/>`,
        );
    }
  }

  // Head.
  push(
    `<path d="M${f(CX - rx)} ${f(cy)} C${f(CX - rx)} ${f(cy - ry * 0.55)} ${f(CX - rx * 0.55)} ${f(cy - ry)} ${CX} ${f(cy - ry)} ` +
      `C${f(CX + rx * 0.55)} ${f(cy - ry)} ${f(CX + rx)} ${f(cy - ry * 0.55)} ${f(CX + rx)} ${f(cy)} ` +
      `C${f(CX + rx)} ${f(cy + ry * 0.55)} ${f(CX + rx * jaw)} ${f(cy + ry)} ${CX} ${f(cy + ry)} ` +
      `C${f(CX - rx * jaw)} ${f(cy + ry)} ${f(CX - rx)} ${f(cy + ry * 0.55)} ${f(CX - rx)} ${f(cy)} Z" fill="url(#skin)" stroke="${skinLine}" stroke-width="4"/>`,
  );

  // Cheeks and freckles.
  for (const side of [-1, 1]) {
    push(
      `<ellipse cx="${f(CX + side * rx * 0.55)}" cy="${f(mouthY - 35)}" rx="48" ry="34" fill="#e0705f" opacity="${f(0.1 + 0.08 * (1 - Math.min(1, t)))}"/>`,
    );
  }
  if (t > 0.6) {
    for (const side of [-1, 1]) {
      push(
        `<path d="M${f(CX + side * rx * 0.78)} ${f(eyeY + ry * 0.2)} Q${f(CX + side * rx * 0.72)} ${f(noseY + ry * 0.12)} ${f(CX + side * rx * 0.5)} ${f(mouthY + ry * 0.05)}" fill="none" stroke="${darken(o.skin, 0.18)}" stroke-width="5" stroke-linecap="round" opacity="${f(Math.min(0.3, (t - 0.6) * 0.6))}"/>`,
      );
    }
  }
  if (o.freckles) {
    for (let i = 0; i < 34; i++) {
      const side = i % 2 === 0 ? -1 : 1;
      const x = CX + side * (25 + rand() * rx * 0.55);
      const y = noseY - 55 + rand() * 70;
      push(
        `<circle cx="${f(x)}" cy="${f(y)}" r="${f(2.5 + rand() * 2.5)}" fill="${darken(o.skin, 0.3)}" opacity="0.7"/>`,
      );
    }
  }
  if (o.mole)
    push(`<circle cx="${f(CX - rx * 0.5)}" cy="${f(noseY + 25)}" r="6" fill="${darken(o.skin, 0.45)}"/>`);

  // Eyes and brows.
  for (const side of [-1, 1]) {
    const ex = CX + side * eyeDX;
    const ir = eyeRY * 0.92;
    push(
      `<ellipse cx="${f(ex)}" cy="${f(eyeY)}" rx="${f(eyeRX)}" ry="${f(eyeRY)}" fill="#fbfaf6" stroke="${skinLine}" stroke-width="3"/>`,
    );
    push(`<circle cx="${f(ex)}" cy="${f(eyeY + 1)}" r="${f(ir)}" fill="${o.eyeColour}"/>`);
    push(`<circle cx="${f(ex)}" cy="${f(eyeY + 1)}" r="${f(ir * 0.45)}" fill="#141010"/>`);
    push(`<circle cx="${f(ex + ir * 0.3)}" cy="${f(eyeY - ir * 0.35)}" r="${f(ir * 0.24)}" fill="#ffffff"/>`);
    push(
      `<path d="M${f(ex - eyeRX * 1.05)} ${f(eyeY + 2)} Q${f(ex)} ${f(eyeY - eyeRY * 1.9)} ${f(ex + eyeRX * 1.05)} ${f(eyeY + 2)}" fill="none" stroke="#2a1d17" stroke-width="5" stroke-linecap="round"/>`,
    );
    const by = eyeY - eyeRY - 30 + 4 * t;
    push(
      `<path d="M${f(ex - side * eyeRX * 1.1)} ${f(by + 4)} Q${f(ex)} ${f(by - 20)} ${f(ex + side * eyeRX * 1.15)} ${f(by + 8)}" fill="none" stroke="${darken(hair, 0.12)}" stroke-width="${f(10 + 2 * t)}" stroke-linecap="round"/>`,
    );
  }
  if (o.scar) {
    const ex = CX + eyeDX;
    push(
      `<path d="M${f(ex + 6)} ${f(eyeY - eyeRY - 64)} l16 22" stroke="${lighten(o.skin, 0.35)}" stroke-width="5" stroke-linecap="round"/>`,
    );
  }

  // Nose and mouth.
  push(
    `<path d="M${f(CX - 4)} ${f(eyeY + 15)} Q${f(CX - 14)} ${f(noseY - 30)} ${f(CX - 8)} ${f(noseY - 12)}" fill="none" stroke="${skinLine}" stroke-width="4" opacity="0.45" stroke-linecap="round"/>`,
  );
  push(
    `<path d="M${f(CX - 26)} ${f(noseY + 2)} Q${CX} ${f(noseY + 22)} ${f(CX + 26)} ${f(noseY + 2)}" fill="none" stroke="${skinLine}" stroke-width="6" stroke-linecap="round"/>`,
  );
  const mw = 54 + 10 * t + rand() * 10;
  const smile = 10 + rand() * 18;
  const lip = mix(o.skin, '#a2423f', 0.55);
  push(
    `<path d="M${f(CX - mw)} ${f(mouthY)} Q${CX} ${f(mouthY + smile)} ${f(CX + mw)} ${f(mouthY)}" fill="none" stroke="${lip}" stroke-width="9" stroke-linecap="round"/>`,
  );
  push(
    `<path d="M${f(CX - mw * 0.45)} ${f(mouthY + smile * 0.6 + 18)} Q${CX} ${f(mouthY + smile * 0.6 + 28)} ${f(CX + mw * 0.45)} ${f(mouthY + smile * 0.6 + 18)}" fill="none" stroke="${lip}" stroke-width="5" stroke-linecap="round" opacity="0.45"/>`,
  );

  // Hair in front: the cap and hairline.
  const sideDrop =
    longHair || style === 'braids' ? 0.38 : style === 'ponytail' || style === 'bun' ? 0.12 : 0.02;
  const inner = rx * 0.93;
  const start = `M${f(CX - hx)} ${f(cy + ry * sideDrop)} L${f(CX - hx)} ${f(cy)} A${f(hx)} ${f(hy)} 0 0 1 ${f(CX + hx)} ${f(cy)} L${f(CX + hx)} ${f(cy + ry * sideDrop)} L${f(CX + inner)} ${f(cy + ry * sideDrop)}`;
  const end = `L${f(CX - inner)} ${f(cy + ry * sideDrop)} Z`;
  let hairline = '';
  switch (style) {
    case 'crop':
    case 'short':
    case 'curly-short': {
      const h = style === 'crop' ? 0.62 : 0.52;
      hairline = `L${f(CX + inner)} ${f(cy - ry * 0.2)} Q${f(CX + rx * 0.85)} ${f(cy - ry * h)} ${f(CX + rx * 0.35)} ${f(cy - ry * (h + 0.04))} Q${CX} ${f(cy - ry * (h + 0.1))} ${f(CX - rx * 0.35)} ${f(cy - ry * (h + 0.04))} Q${f(CX - rx * 0.85)} ${f(cy - ry * h)} ${f(CX - inner)} ${f(cy - ry * 0.2)}`;
      break;
    }
    case 'side-part':
      hairline = `Q${f(CX + rx * 0.9)} ${f(cy - ry * 0.35)} ${f(CX + rx * 0.45)} ${f(cy - ry * 0.42)} Q${f(CX - rx * 0.1)} ${f(cy - ry * 0.5)} ${f(CX - rx * 0.5)} ${f(cy - ry * 0.35)} Q${f(CX - rx * 0.85)} ${f(cy - ry * 0.25)} ${f(CX - inner)} ${f(cy - ry * 0.05)}`;
      break;
    case 'fringe-long': {
      const y = cy - ry * 0.3;
      const steps = 7;
      hairline = `L${f(CX + inner)} ${f(y)}`;
      for (let i = 1; i <= steps; i++) {
        const x0 = CX + inner - ((2 * inner) / steps) * (i - 0.5);
        const x1 = CX + inner - ((2 * inner) / steps) * i;
        hairline += ` Q${f(x0)} ${f(y + 26)} ${f(x1)} ${f(y)}`;
      }
      break;
    }
    case 'long':
      hairline = `Q${f(CX + rx * 0.75)} ${f(cy - ry * 0.35)} ${f(CX + rx * 0.25)} ${f(cy - ry * 0.6)} Q${f(CX + 10)} ${f(cy - ry * 0.72)} ${CX} ${f(cy - ry * 0.8)} Q${f(CX - 10)} ${f(cy - ry * 0.72)} ${f(CX - rx * 0.25)} ${f(cy - ry * 0.6)} Q${f(CX - rx * 0.75)} ${f(cy - ry * 0.35)} ${f(CX - inner)} ${f(cy + ry * sideDrop)}`;
      break;
    case 'ponytail':
    case 'bun':
    case 'braids':
    case 'afro':
      hairline = `L${f(CX + inner)} ${f(cy - ry * 0.15)} Q${f(CX + rx * 0.8)} ${f(cy - ry * 0.62)} ${f(CX + rx * 0.3)} ${f(cy - ry * 0.7)} Q${CX} ${f(cy - ry * 0.76)} ${f(CX - rx * 0.3)} ${f(cy - ry * 0.7)} Q${f(CX - rx * 0.8)} ${f(cy - ry * 0.62)} ${f(CX - inner)} ${f(cy - ry * 0.15)}`;
      break;
    case 'headscarf':
      break;
  }
  if (style === 'headscarf') {
    const sc = o.scarfColour;
    push(
      `<path d="M${f(CX - rx * 1.22)} ${f(cy + ry * 0.95)} L${f(CX - rx * 1.22)} ${f(cy)} A${f(rx * 1.22)} ${f(ry * 1.16)} 0 0 1 ${f(CX + rx * 1.22)} ${f(cy)} L${f(CX + rx * 1.22)} ${f(cy + ry * 0.95)} ` +
        `L${f(CX + rx * 0.86)} ${f(cy + ry * 0.72)} Q${f(CX + rx * 0.98)} ${f(cy - ry * 0.3)} ${f(CX + rx * 0.5)} ${f(cy - ry * 0.6)} Q${CX} ${f(cy - ry * 0.74)} ${f(CX - rx * 0.5)} ${f(cy - ry * 0.6)} ` +
        `Q${f(CX - rx * 0.98)} ${f(cy - ry * 0.3)} ${f(CX - rx * 0.86)} ${f(cy + ry * 0.72)} Z" fill="${sc}" stroke="${darken(sc, 0.3)}" stroke-width="5"/>`,
    );
    push(
      `<path d="M${f(CX - rx * 0.9)} ${f(cy - ry * 0.62)} Q${CX} ${f(cy - ry * 1.0)} ${f(CX + rx * 0.9)} ${f(cy - ry * 0.62)}" fill="none" stroke="${lighten(sc, 0.2)}" stroke-width="6" opacity="0.6"/>`,
    );
  } else {
    push(
      `<path d="${start} ${hairline} ${end}" fill="${hair}" stroke="${hairDark}" stroke-width="4" stroke-linejoin="round"/>`,
    );
    if (style === 'curly-short' || style === 'afro') {
      for (let a = 185; a <= 355; a += 12) {
        const r = (a * Math.PI) / 180;
        push(
          `<circle cx="${f(CX + Math.cos(r) * hx * 0.98)}" cy="${f(cy + Math.sin(r) * hy * 0.98)}" r="${f(rx * 0.17)}" fill="${hair}"/>`,
        );
      }
      for (let i = 0; i < 26; i++) {
        const a = Math.PI * (1.1 + rand() * 0.8);
        const d = 0.75 + rand() * 0.25;
        push(
          `<circle cx="${f(CX + Math.cos(a) * hx * d)}" cy="${f(cy + Math.sin(a) * hy * d)}" r="${f(8 + rand() * 10)}" fill="none" stroke="${hairLight}" stroke-width="4" opacity="0.5"/>`,
        );
      }
    } else {
      // Strands give the cap a drawn texture.
      for (let i = 0; i < 9; i++) {
        const dx = -rx * 0.6 + (rx * 1.2 * i) / 8;
        const y0 = cy - hy * Math.sqrt(1 - (dx / hx) ** 2) + 14;
        push(
          `<path d="M${f(CX + dx)} ${f(y0)} Q${f(CX + dx * 1.2)} ${f(y0 + ry * 0.15)} ${f(CX + dx * 1.35)} ${f(y0 + ry * 0.3)}" fill="none" stroke="${hairLight}" stroke-width="4" opacity="0.45"/>`,
        );
      }
    }
  }

  // Glasses sit on top of everything on the face.
  if (o.glasses) {
    const gr = eyeRX * 1.55;
    for (const side of [-1, 1]) {
      push(
        `<rect x="${f(CX + side * eyeDX - gr)}" y="${f(eyeY - gr * 0.72)}" width="${f(gr * 2)}" height="${f(gr * 1.44)}" rx="${f(gr * 0.5)}" fill="#ffffff" fill-opacity="0.08" stroke="#23201f" stroke-width="9"/>`,
      );
      push(
        `<path d="M${f(CX + side * (eyeDX + gr))} ${f(eyeY - 8)} L${f(CX + side * rx * 0.98)} ${f(eyeY - 14)}" stroke="#23201f" stroke-width="8"/>`,
      );
    }
    push(
      `<path d="M${f(CX - eyeDX + gr)} ${f(eyeY - 6)} Q${CX} ${f(eyeY - 26)} ${f(CX + eyeDX - gr)} ${f(eyeY - 6)}" fill="none" stroke="#23201f" stroke-width="8"/>`,
    );
  }

  // Labels: a "DEMO" badge that survives square and wide crops, and the strip at the bottom.
  push(`<rect x="36" y="470" width="150" height="64" rx="10" fill="#111111" fill-opacity="0.82"/>`);
  push(
    `<text x="111" y="514" text-anchor="middle" font-family="DejaVu Sans, Verdana, Arial, sans-serif" font-weight="bold" font-size="34" letter-spacing="3" fill="#ffffff">DEMO</text>`,
  );
  push(`<rect x="0" y="${BOTTOM}" width="${W}" height="${STRIP}" fill="#111111"/>`);
  push(`<rect x="0" y="${BOTTOM}" width="${W}" height="8" fill="#f2c230"/>`);
  push(
    `<text x="${CX}" y="${BOTTOM + 74}" text-anchor="middle" font-family="DejaVu Sans, Verdana, Arial, sans-serif" font-weight="bold" font-size="56" letter-spacing="4" fill="#ffffff">DEMONSTRATION IMAGE</text>`,
  );
  const sub = o.ageProgressed
    ? 'Fictional age-progressed illustration · not a real person'
    : 'Fictional illustration · not a real person';
  push(
    `<text x="${CX}" y="${BOTTOM + 124}" text-anchor="middle" font-family="DejaVu Sans, Verdana, Arial, sans-serif" font-size="32" fill="#f2c230">${sub}</text>`,
  );

  const [bg1, bg2] = o.background;
  const defs = `<defs>
<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${bg1}"/><stop offset="1" stop-color="${bg2}"/></linearGradient>
<radialGradient id="vignette" cx="0.5" cy="0.42" r="0.75"><stop offset="0.55" stop-color="#000000" stop-opacity="0"/><stop offset="1" stop-color="#000000" stop-opacity="0.16"/></radialGradient>
<radialGradient id="skin" cx="0.42" cy="0.38" r="0.7"><stop offset="0" stop-color="${lighten(o.skin, 0.1)}"/><stop offset="0.65" stop-color="${o.skin}"/><stop offset="1" stop-color="${darken(o.skin, 0.1)}"/></radialGradient>
<linearGradient id="cloth" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${clothLight}"/><stop offset="1" stop-color="${darken(cloth, 0.15)}"/></linearGradient>
</defs>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${o.width}" height="${o.height}" viewBox="0 0 ${W} ${H}" preserveAspectRatio="xMidYMid meet">${defs}${parts.join('')}</svg>`;
}

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

// ---------------------------------------------------------------------------------------------
// Part 2: appeals
// ---------------------------------------------------------------------------------------------

export const DEMO_APPEAL_COUNT = 24;
export const DEMO_SEED = 20261129;
/** The last day any demo appeal may be missing from, published or updated. */
export const DEMO_LATEST_DATE = '2026-11-28';

export const DEMO_REGIONS: ReadonlyArray<{ id: string; name: string }> = [
  { id: 'north-east', name: 'North East' },
  { id: 'north-west', name: 'North West' },
  { id: 'yorkshire-and-the-humber', name: 'Yorkshire and the Humber' },
  { id: 'east-midlands', name: 'East Midlands' },
  { id: 'west-midlands', name: 'West Midlands' },
  { id: 'east-of-england', name: 'East of England' },
  { id: 'london', name: 'London' },
  { id: 'south-east', name: 'South East' },
  { id: 'south-west', name: 'South West' },
  { id: 'wales', name: 'Wales' },
  { id: 'scotland', name: 'Scotland' },
  { id: 'northern-ireland', name: 'Northern Ireland' },
];

/** The settings that go with the demo content (`content/settings.yaml`). */
export const DEMO_SETTINGS = {
  organisation: {
    name: 'Missing Children Appeals (demonstration site)',
    email: 'appeals@example.org',
    pressEmail: 'press@example.org',
  },
  phones: { emergency: '999', police: '101', helpline: '116 000', helplineName: 'Missing People' },
  regions: DEMO_REGIONS.map((r) => ({ ...r })),
  baseUrl: 'https://appeals.example.org',
  appealsPerPage: 12,
  demoContent: true,
};

export function demoSettingsYaml(): string {
  const q = (s: string) => JSON.stringify(s);
  const o = DEMO_SETTINGS;
  return [
    '# Site settings for the demonstration site: every appeal in content/appeals is fictional.',
    '# Checked against settingsSchema (src/lib/model/settings-schema.ts). Written by scripts/generate-demo-content.ts.',
    'organisation:',
    `  name: ${q(o.organisation.name)}`,
    `  email: ${q(o.organisation.email)}`,
    `  pressEmail: ${q(o.organisation.pressEmail)}`,
    'phones:',
    `  emergency: ${q(o.phones.emergency)}`,
    `  police: ${q(o.phones.police)}`,
    `  helpline: ${q(o.phones.helpline)}`,
    `  helplineName: ${q(o.phones.helplineName)}`,
    'regions:',
    ...o.regions.flatMap((r) => [`  - id: ${r.id}`, `    name: ${q(r.name)}`]),
    `baseUrl: ${q(o.baseUrl)}`,
    `appealsPerPage: ${o.appealsPerPage}`,
    `demoContent: ${o.demoContent}`,
    '',
  ].join('\n');
}

interface Town {
  town: string;
  force: string;
}

/** Real towns and the real forces that police them; every reference is a fake "DEMO-" one. */
const REGION_TOWNS: Record<string, Town[]> = {
  'north-east': [
    { town: 'Newcastle upon Tyne', force: 'Northumbria Police' },
    { town: 'Middlesbrough', force: 'Cleveland Police' },
    { town: 'Durham', force: 'Durham Constabulary' },
    { town: 'Sunderland', force: 'Northumbria Police' },
  ],
  'north-west': [
    { town: 'Manchester', force: 'Greater Manchester Police' },
    { town: 'Liverpool', force: 'Merseyside Police' },
    { town: 'Preston', force: 'Lancashire Constabulary' },
    { town: 'Carlisle', force: 'Cumbria Constabulary' },
  ],
  'yorkshire-and-the-humber': [
    { town: 'Leeds', force: 'West Yorkshire Police' },
    { town: 'Sheffield', force: 'South Yorkshire Police' },
    { town: 'Hull', force: 'Humberside Police' },
    { town: 'York', force: 'North Yorkshire Police' },
  ],
  'east-midlands': [
    { town: 'Nottingham', force: 'Nottinghamshire Police' },
    { town: 'Leicester', force: 'Leicestershire Police' },
    { town: 'Derby', force: 'Derbyshire Constabulary' },
    { town: 'Lincoln', force: 'Lincolnshire Police' },
  ],
  'west-midlands': [
    { town: 'Birmingham', force: 'West Midlands Police' },
    { town: 'Stoke-on-Trent', force: 'Staffordshire Police' },
    { town: 'Coventry', force: 'West Midlands Police' },
    { town: 'Worcester', force: 'West Mercia Police' },
  ],
  'east-of-england': [
    { town: 'Norwich', force: 'Norfolk Constabulary' },
    { town: 'Chelmsford', force: 'Essex Police' },
    { town: 'Cambridge', force: 'Cambridgeshire Constabulary' },
    { town: 'Luton', force: 'Bedfordshire Police' },
  ],
  london: [
    { town: 'Croydon', force: 'Metropolitan Police Service' },
    { town: 'Hackney', force: 'Metropolitan Police Service' },
    { town: 'Ealing', force: 'Metropolitan Police Service' },
    { town: 'Lewisham', force: 'Metropolitan Police Service' },
  ],
  'south-east': [
    { town: 'Brighton', force: 'Sussex Police' },
    { town: 'Reading', force: 'Thames Valley Police' },
    { town: 'Maidstone', force: 'Kent Police' },
    { town: 'Southampton', force: 'Hampshire and Isle of Wight Constabulary' },
  ],
  'south-west': [
    { town: 'Bristol', force: 'Avon and Somerset Police' },
    { town: 'Plymouth', force: 'Devon and Cornwall Police' },
    { town: 'Bournemouth', force: 'Dorset Police' },
    { town: 'Gloucester', force: 'Gloucestershire Constabulary' },
  ],
  wales: [
    { town: 'Cardiff', force: 'South Wales Police' },
    { town: 'Wrexham', force: 'North Wales Police' },
    { town: 'Newport', force: 'Gwent Police' },
    { town: 'Aberystwyth', force: 'Dyfed-Powys Police' },
  ],
  scotland: [
    { town: 'Glasgow', force: 'Police Scotland' },
    { town: 'Edinburgh', force: 'Police Scotland' },
    { town: 'Aberdeen', force: 'Police Scotland' },
    { town: 'Dundee', force: 'Police Scotland' },
  ],
  'northern-ireland': [
    { town: 'Belfast', force: 'Police Service of Northern Ireland' },
    { town: 'Lisburn', force: 'Police Service of Northern Ireland' },
    { town: 'Newry', force: 'Police Service of Northern Ireland' },
    { town: 'Ballymena', force: 'Police Service of Northern Ireland' },
  ],
};

/** Generic places on made-up streets; each reads after "was last seen". */
const PLACES = [
  'outside the library on Station Road',
  'at the bus station',
  'near the skate park in Victoria Park',
  'outside a newsagent on High Street',
  'at the railway station',
  'leaving school on Mill Lane',
  'in the shopping centre',
  'at a bus stop on London Road',
  'near the canal towpath by Bridge Street',
  'outside the leisure centre on Church Street',
  'in the playground on Chapel Road',
  'walking along Queen Street towards the town centre',
  'outside a fast-food restaurant on Market Street',
  'at the retail park off Park Lane',
];

/** First names are common ones; surnames are invented, so no name belongs to a real child. */
const FIRST_NAMES = {
  female: [
    'Ella',
    'Amara',
    'Zainab',
    'Chloe',
    'Priya',
    'Maisie',
    'Aaliyah',
    'Grace',
    'Sienna',
    'Hannah',
    'Leah',
    'Poppy',
    'Rosie',
    'Freya',
    'Nadia',
    'Jasmine',
    'Alexandra',
    'Imogen',
    'Tia',
    'Layla',
  ],
  male: [
    'Kofi',
    'Tariq',
    'Harvey',
    'Oliver',
    'Reuben',
    'Ethan',
    'Jayden',
    'Darius',
    'Mason',
    'Leon',
    'Kai',
    'Arjun',
    'Toby',
    'Alfie',
    'Samuel',
    'Noah',
    'Ibrahim',
    'Lewis',
    'Dylan',
    'Mateo',
  ],
};
const REGIONAL_FIRST_NAMES: Record<string, { female: string[]; male: string[] }> = {
  wales: { female: ['Ffion', 'Cerys'], male: ['Rhys', 'Owain'] },
  scotland: { female: ['Isla', 'Eilidh'], male: ['Callum', 'Finlay'] },
  'northern-ireland': { female: ['Niamh', 'Aoife'], male: ['Cian', 'Oisin'] },
};
const SURNAMES = [
  'Marlowby',
  'Fenwright',
  'Callowmere',
  'Ashdenby',
  'Brindlecombe',
  'Hollinsgrove',
  'Tamberlyn',
  'Wrenfield',
  'Oakhollow',
  'Kestwick',
  'Dunmarrow',
  'Penrallick',
  'Harrowfell',
  'Sallowby',
  'Corriemont',
  'Fallowmere',
  'Greythorne',
  'Windlecote',
  'Larkhollow',
  'Merrivane',
  'Thornacre',
  'Elderwick',
  'Cindermoor',
  'Brackenfold',
  'Alderwyn',
  'Pellowdene',
  'Skelbrook',
  'Mistlecombe',
  'Quillerby',
  'Rushmeade',
];
const NICKNAMES: Record<string, string> = {
  Alexandra: 'Lexi',
  Samuel: 'Sam',
  Oliver: 'Ollie',
  Jasmine: 'Jas',
  Imogen: 'Immy',
  Rosie: 'Ro',
  Harvey: 'Harv',
  Ibrahim: 'Ibby',
  Eilidh: 'Ellie',
  Finlay: 'Fin',
  Callum: 'Cal',
  Poppy: 'Pops',
  Alfie: 'Alf',
  Zainab: 'Zee',
};

const HAIR_COLOURS = [
  { name: 'black', hex: '#1f1a17' },
  { name: 'dark brown', hex: '#3b2a20' },
  { name: 'brown', hex: '#5a3b25' },
  { name: 'light brown', hex: '#8a6240' },
  { name: 'auburn', hex: '#7e3a1f' },
  { name: 'ginger', hex: '#b5562a' },
  { name: 'dark blonde', hex: '#a9834f' },
  { name: 'blonde', hex: '#d6b36e' },
] as const;
type HairColour = (typeof HAIR_COLOURS)[number];
/** Children's hair often darkens with age; age-progressed images follow suit. */
const HAIR_DARKENS: Record<string, string> = {
  blonde: 'dark blonde',
  'dark blonde': 'light brown',
  'light brown': 'brown',
  ginger: 'auburn',
};

const EYE_COLOURS = [
  { name: 'Brown', hex: '#5b3a1e' },
  { name: 'Dark brown', hex: '#3a2414' },
  { name: 'Hazel', hex: '#7d6a3a' },
  { name: 'Green', hex: '#4f7a4a' },
  { name: 'Blue', hex: '#4a78a8' },
  { name: 'Grey', hex: '#7d8b94' },
] as const;

const CLOTHING_COLOURS = [
  { name: 'navy', hex: '#24335a' },
  { name: 'green', hex: '#3d6b48' },
  { name: 'red', hex: '#a23b3b' },
  { name: 'grey', hex: '#6d7278' },
  { name: 'black', hex: '#25272b' },
  { name: 'maroon', hex: '#6b2438' },
  { name: 'mustard', hex: '#c09a2e' },
  { name: 'light blue', hex: '#6a9ccc' },
  { name: 'purple', hex: '#5e4a8b' },
  { name: 'pink', hex: '#d98aa6' },
  { name: 'orange', hex: '#d07a35' },
] as const;
type ClothingColour = (typeof CLOTHING_COLOURS)[number];

const SCARF_COLOURS = [
  { name: 'navy', hex: '#24335a' },
  { name: 'maroon', hex: '#6b2438' },
  { name: 'dark green', hex: '#2f4f3f' },
  { name: 'grey', hex: '#5a5d62' },
] as const;

const GARMENT_WORDS: Record<Garment, string> = {
  hoodie: 'hooded top',
  't-shirt': 'T-shirt',
  jumper: 'jumper',
  puffer: 'padded jacket',
  'school-blazer': 'school blazer',
  polo: 'polo shirt',
};

const FEATURES = [
  { text: 'Freckles across the nose and cheeks', flag: 'freckles' },
  { text: 'Wears glasses with dark frames', flag: 'glasses' },
  { text: 'Pierced ears', flag: 'earrings' },
  { text: 'Small scar above the left eyebrow', flag: 'scar' },
  { text: 'Small mole on the right cheek', flag: 'mole' },
  { text: 'Dimples when smiling', flag: undefined },
  { text: 'A small gap between the front teeth', flag: undefined },
  { text: 'Bitten fingernails', flag: undefined },
] as const;
type FeatureFlag = 'freckles' | 'glasses' | 'earrings' | 'scar' | 'mole';

/** Rough UK average heights in cm by age, [girls, boys]. */
const HEIGHTS: Record<number, [number, number]> = {
  4: [102, 103],
  5: [109, 110],
  6: [115, 116],
  7: [121, 122],
  8: [127, 128],
  9: [132, 133],
  10: [138, 138],
  11: [144, 143],
  12: [151, 149],
  13: [156, 156],
  14: [159, 163],
  15: [161, 169],
  16: [162, 173],
  17: [163, 175],
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d) / DAY_MS;
}
function dateText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
function longDate(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
function monthYear(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
function clockTime(time: string): string {
  const [h, m] = time.split(':').map(Number);
  if (h === 12 && m === 0) return '12 noon';
  const suffix = h! < 12 ? 'am' : 'pm';
  const h12 = h! % 12 === 0 ? 12 : h! % 12;
  return m === 0 ? `${h12}${suffix}` : `${h12}:${String(m).padStart(2, '0')}${suffix}`;
}
/** Whole years from one day to another, as a birthday counts them. */
function yearsBetween(from: number, to: number): number {
  const a = new Date(from * DAY_MS);
  const b = new Date(to * DAY_MS);
  let years = b.getUTCFullYear() - a.getUTCFullYear();
  if (
    b.getUTCMonth() < a.getUTCMonth() ||
    (b.getUTCMonth() === a.getUTCMonth() && b.getUTCDate() < a.getUTCDate())
  )
    years--;
  return years;
}
function heightText(cm: number): string {
  const inches = Math.round(cm / 2.54);
  return `${Math.floor(inches / 12)} ft ${inches % 12} in (${cm} cm)`;
}
function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function shuffle<T>(rand: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface DemoPhoto {
  /** Neutral file name beside index.md, e.g. photo-1.jpg. */
  file: string;
  seed: number;
  portrait: Partial<PortraitOptions>;
}

export interface DemoAppeal {
  id: string;
  /** Frontmatter, in the order an author would write it. */
  data: Record<string, unknown>;
  /** The circumstances: plain Markdown paragraphs. */
  body: string;
  photos: DemoPhoto[];
}

interface Slot {
  group: 'old' | 'new' | 'urgent';
  missing: number;
  time?: string | undefined;
  published: number;
  updated: number;
  consent: number;
}

/** When each appeal started, oldest first: cases from 2016-2025 moved onto the site in early 2026, then 2026 cases, then recent urgent ones. */
function schedule(count: number, rand: () => number): Slot[] {
  const latest = dayNumber(DEMO_LATEST_DATE);
  const nUrgent = Math.min(4, count);
  const rest = count - nUrgent;
  const nOld = Math.round(rest * 0.6);
  const nNew = rest - nOld;
  const spread = (k: number, n: number, a: string, b: string) =>
    n <= 1 ? dayNumber(a) : dayNumber(a) + ((dayNumber(b) - dayNumber(a)) * k) / (n - 1);
  const time = () =>
    `${String(7 + Math.floor(rand() * 16)).padStart(2, '0')}:${String(Math.floor(rand() * 12) * 5).padStart(2, '0')}`;
  const slots: Slot[] = [];

  const old = Array.from({ length: nOld }, (_, k) =>
    Math.round(spread(k, nOld, '2016-03-14', '2025-11-20') + (rand() - 0.5) * 40),
  ).sort((a, b) => a - b);
  old.forEach((missing, k) => {
    const published = dayNumber('2026-01-12') + Math.floor((k * 50) / Math.max(1, nOld));
    const updated = rand() < 0.5 ? published : Math.min(latest, published + 14 + Math.floor(rand() * 200));
    slots.push({
      group: 'old',
      missing,
      time: k % 5 === 2 ? time() : undefined,
      published,
      updated,
      consent: published - Math.floor(rand() * 3),
    });
  });

  const fresh = Array.from({ length: nNew }, (_, k) =>
    Math.round(spread(k, nNew, '2026-03-10', '2026-10-30') + (rand() - 0.5) * 16),
  ).sort((a, b) => a - b);
  fresh.forEach((missing, k) => {
    const published = missing + (rand() < 0.5 ? 0 : 1);
    const updated = rand() < 0.4 ? published : Math.min(latest, published + 1 + Math.floor(rand() * 20));
    slots.push({
      group: 'new',
      missing,
      time: k % 3 === 1 ? time() : undefined,
      published,
      updated,
      consent: Math.max(missing, published - Math.floor(rand() * 2)),
    });
  });

  for (let k = 0; k < nUrgent; k++) {
    const missing = Math.round(spread(k, nUrgent, '2026-11-09', '2026-11-27'));
    const published = Math.min(latest, missing + (k % 2));
    slots.push({
      group: 'urgent',
      missing,
      time: time(),
      published,
      updated: Math.min(latest, published + (k % 2 === 0 ? 1 : 0)),
      consent: missing,
    });
  }
  return slots;
}

interface Look {
  skin: string;
  skinIndex: number;
  hair: HairColour;
  style: HairStyle;
  eyes: (typeof EYE_COLOURS)[number];
  colour: ClothingColour;
  garment: Garment;
  scarf: (typeof SCARF_COLOURS)[number];
  flags: Set<FeatureFlag>;
  background: [string, string];
}

function hairPhrase(look: Pick<Look, 'hair' | 'style' | 'scarf'>): string {
  const c = look.hair.name;
  switch (look.style) {
    case 'crop':
      return `very short ${c} hair`;
    case 'short':
      return `short ${c} hair`;
    case 'side-part':
      return `collar-length ${c} hair`;
    case 'curly-short':
      return `short curly ${c} hair`;
    case 'afro':
      return `${c} afro-textured hair`;
    case 'long':
      return `long ${c} hair`;
    case 'fringe-long':
      return `long ${c} hair with a fringe`;
    case 'ponytail':
      return `${c} hair in a ponytail`;
    case 'bun':
      return `${c} hair tied up in a bun`;
    case 'braids':
      return `${c} box braids`;
    case 'headscarf':
      return `a ${look.scarf.name} headscarf`;
  }
}

function hairDescription(look: Look): string {
  const c = look.hair.name;
  switch (look.style) {
    case 'crop':
      return `Very short ${c} hair, cut close at the sides`;
    case 'short':
      return `Short ${c} hair`;
    case 'side-part':
      return `Collar-length ${c} hair with a side parting`;
    case 'curly-short':
      return `Short, curly ${c} hair`;
    case 'afro':
      return `${capitalise(c)} afro-textured hair, worn natural`;
    case 'long':
      return `Long ${c} hair, usually worn loose with a centre parting`;
    case 'fringe-long':
      return `Long ${c} hair with a straight fringe`;
    case 'ponytail':
      return `Shoulder-length ${c} hair, often tied back in a ponytail`;
    case 'bun':
      return `Long ${c} hair, usually tied up in a bun`;
    case 'braids':
      return `Long ${c} hair in box braids`;
    case 'headscarf':
      return `${capitalise(c)} hair, usually covered by a ${look.scarf.name} headscarf`;
  }
}

function altText(
  kind: 'photo' | 'age-progressed',
  who: string,
  look: Look,
  first: string,
  ageNow: number,
): string {
  const extras = [
    look.flags.has('glasses') ? 'glasses' : '',
    look.flags.has('freckles') ? 'freckles' : '',
  ].filter(Boolean);
  const withExtras = extras.length ? ` and ${extras.join(' and ')}` : '';
  const core = `${who} with ${hairPhrase(look)}${withExtras}, wearing a ${look.colour.name} ${GARMENT_WORDS[look.garment]}`;
  return kind === 'age-progressed'
    ? `Age-progressed illustration of how ${first} might look at ${ageNow}: a ${core} (demonstration image, not a real person)`
    : `Illustration of a ${core} (demonstration image, not a real person)`;
}

function portraitOf(
  look: Look,
  sex: 'female' | 'male',
  age: number,
  ageProgressed: boolean,
): Partial<PortraitOptions> {
  return {
    sex,
    age,
    skin: look.skin,
    hairColour: look.hair.hex,
    hairStyle: look.style,
    eyeColour: look.eyes.hex,
    clothingColour: look.colour.hex,
    garment: look.garment,
    scarfColour: look.scarf.hex,
    glasses: look.flags.has('glasses'),
    freckles: look.flags.has('freckles'),
    earrings: look.flags.has('earrings'),
    scar: look.flags.has('scar'),
    mole: look.flags.has('mole'),
    ageProgressed,
    background: look.background,
  };
}

/** Ids run 2026-0001…2026-9000, then back a year, so a new appeal still finds a free id in 2026. */
const IDS_PER_YEAR = 9000;
export const MAX_DEMO_APPEALS = 2 * IDS_PER_YEAR;

export function demoAppealId(index: number): string {
  return `${2026 - Math.floor(index / IDS_PER_YEAR)}-${String((index % IDS_PER_YEAR) + 1).padStart(4, '0')}`;
}

/**
 * Builds the demo appeals in memory: frontmatter, circumstances and the portrait recipe for
 * each photo. Pure and deterministic; `generateDemoContent` writes them out.
 */
export function buildDemoAppeals(count = DEMO_APPEAL_COUNT, seed = DEMO_SEED): DemoAppeal[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_DEMO_APPEALS)
    throw new RangeError(`count must be a whole number from 1 to ${MAX_DEMO_APPEALS}, got ${count}`);
  const rand = mulberry32(seed);
  const slots = schedule(count, rand);
  const ages = shuffle(
    rand,
    Array.from({ length: count }, (_, i) => 4 + (i % 14)),
  );
  const surnames = shuffle(rand, SURNAMES);
  const used = new Set<string>();
  const appeals: DemoAppeal[] = [];

  slots.forEach((slot, i) => {
    const r = mulberry32(seed + (i + 1) * 7919);
    const id = demoAppealId(i);
    const region = DEMO_REGIONS[(i * 5) % DEMO_REGIONS.length]!;
    const towns = REGION_TOWNS[region.id]!;
    const home = towns[Math.floor(i / DEMO_REGIONS.length) % towns.length]!;
    const elsewhere =
      towns[(Math.floor(i / DEMO_REGIONS.length) + 1 + Math.floor(r() * (towns.length - 1))) % towns.length]!;
    const sex: 'female' | 'male' = (i % 2) ^ (Math.floor(i / DEMO_REGIONS.length) % 2) ? 'male' : 'female';
    const age = ages[i]!;
    const [she, her, hers] = sex === 'female' ? ['she', 'her', 'her'] : ['he', 'him', 'his'];

    // Name: regional first names where they fit, invented surnames always.
    const regional = REGIONAL_FIRST_NAMES[region.id]?.[sex].filter((n) => !used.has(n)) ?? [];
    const general = FIRST_NAMES[sex].filter((n) => !used.has(n));
    const pool = regional.length && r() < 0.7 ? regional : general.length ? general : FIRST_NAMES[sex];
    const first = pool[Math.floor(r() * pool.length)]!;
    used.add(first);
    const surname = surnames[i % surnames.length]!;
    const name =
      i < surnames.length
        ? `${first} ${surname}`
        : `${first} ${surname}-${surnames[(i * 7 + 3) % surnames.length]}`;
    const knownAs: string[] = [];
    if (NICKNAMES[first]) knownAs.push(NICKNAMES[first]);
    if (i % 7 === 3) knownAs.push(`${first} ${surnames[(i + 11) % surnames.length]}`);

    // Look, chosen so the picture and the description agree.
    const skinIndex = Math.floor(r() * SKIN_TONES.length);
    const hairChoices = HAIR_COLOURS.filter(
      (h) =>
        (skinIndex >= 5
          ? ['black', 'dark brown']
          : skinIndex >= 3
            ? ['black', 'dark brown', 'brown']
            : null
        )?.includes(h.name) ?? true,
    );
    const styles: HairStyle[] =
      sex === 'female'
        ? [
            'long',
            'fringe-long',
            'ponytail',
            'bun',
            'side-part',
            'curly-short',
            ...(skinIndex >= 4 ? (['afro', 'braids', 'braids'] as const) : []),
          ]
        : [
            'crop',
            'short',
            'short',
            'side-part',
            'curly-short',
            ...(skinIndex >= 4 ? (['afro', 'crop'] as const) : []),
          ];
    const style: HairStyle =
      sex === 'female' && age >= 9 && r() < 0.12 ? 'headscarf' : styles[Math.floor(r() * styles.length)]!;
    const featureCount = 1 + (r() < 0.4 ? 1 : 0);
    const features = shuffle(
      r,
      FEATURES.filter(
        (f) => !(f.flag === 'freckles' && skinIndex > 4) && !(f.flag === 'earrings' && style === 'headscarf'),
      ),
    ).slice(0, featureCount);
    const look: Look = {
      skin: SKIN_TONES[skinIndex]!,
      skinIndex,
      hair: hairChoices[Math.floor(r() * hairChoices.length)]!,
      style,
      eyes: (skinIndex >= 4 ? EYE_COLOURS.slice(0, 3) : EYE_COLOURS)[
        Math.floor(r() * (skinIndex >= 4 ? 3 : EYE_COLOURS.length))
      ]!,
      colour: CLOTHING_COLOURS[Math.floor(r() * CLOTHING_COLOURS.length)]!,
      garment:
        age >= 11 && r() < 0.2
          ? 'school-blazer'
          : GARMENTS.filter((g) => g !== 'school-blazer')[Math.floor(r() * 5)]!,
      scarf: SCARF_COLOURS[Math.floor(r() * SCARF_COLOURS.length)]!,
      flags: new Set(features.flatMap((f) => (f.flag ? [f.flag] : []))),
      background: BACKGROUNDS[Math.floor(r() * BACKGROUNDS.length)]!,
    };

    // Description.
    const [girlCm, boyCm] = HEIGHTS[age]!;
    const cm = (sex === 'female' ? girlCm : boyCm) + Math.round((r() - 0.5) * 12);
    const build = [
      'slim',
      'slim',
      'medium',
      'medium',
      'stocky',
      age >= 13 ? 'tall and slim' : 'small for their age',
    ][Math.floor(r() * 6)]!;
    const bottoms =
      look.garment === 'school-blazer'
        ? `white shirt, striped tie, grey ${sex === 'female' && r() < 0.5 ? 'skirt' : 'trousers'} and black school shoes`
        : `${['blue jeans', 'black jogging bottoms', 'grey jogging bottoms', 'dark blue jeans', sex === 'female' ? 'black leggings' : 'black cargo trousers'][Math.floor(r() * 5)]} and ${['white trainers', 'black trainers', 'grey trainers', 'black boots'][Math.floor(r() * 4)]}`;
    const bag =
      r() < 0.35
        ? `; carrying a ${['black rucksack', 'grey sports bag', 'small red backpack'][Math.floor(r() * 3)]}`
        : '';
    const clothing =
      look.garment === 'school-blazer'
        ? `School uniform: ${look.colour.name} blazer, ${bottoms}${bag}`
        : `${capitalise(look.colour.name)} ${GARMENT_WORDS[look.garment]}, ${bottoms}${bag}`;

    // Dates.
    const useBirthDate = i % 3 !== 1;
    const birth = slot.missing - Math.round(age * 365.25 + (0.05 + r() * 0.9) * 365);
    const ageAt = (day: number) =>
      useBirthDate ? yearsBetween(birth, day) : age + Math.floor((day - slot.missing) / 365.25);
    const ageNow = ageAt(slot.published);
    const yearsMissing = yearsBetween(slot.missing, slot.published);
    const missingSince = slot.time ? `${dateText(slot.missing)} ${slot.time}` : dateText(slot.missing);

    // Photos.
    const who = sex === 'female' ? 'girl' : 'boy';
    const photos: Array<Record<string, unknown>> = [];
    const demoPhotos: DemoPhoto[] = [];
    const taken = slot.missing - 20 - Math.floor(r() * 120);
    photos.push({
      src: 'photo-1.jpg',
      alt: altText('photo', who, look, first, ageNow),
      ...(r() < 0.4 ? { caption: `Illustration from ${monthYear(taken)}` } : {}),
      kind: 'photo',
      taken: dateText(taken).slice(0, 7),
    });
    demoPhotos.push({
      file: 'photo-1.jpg',
      seed: seed + (i + 1) * 101,
      portrait: portraitOf(look, sex, age, false),
    });

    const ageProgressed = slot.group === 'old' && yearsMissing >= 5;
    if (ageProgressed) {
      const older: Look = {
        ...look,
        hair: HAIR_COLOURS.find((h) => h.name === (HAIR_DARKENS[look.hair.name] ?? look.hair.name))!,
        style: (
          {
            crop: 'short',
            short: 'side-part',
            'side-part': 'short',
            'curly-short': 'crop',
            afro: sex === 'female' ? 'bun' : 'curly-short',
            long: 'ponytail',
            'fringe-long': 'long',
            ponytail: 'long',
            bun: 'long',
            braids: 'braids',
            headscarf: 'headscarf',
          } as const
        )[look.style],
        colour: CLOTHING_COLOURS[(CLOTHING_COLOURS.indexOf(look.colour) + 3) % CLOTHING_COLOURS.length]!,
        garment: (['hoodie', 'jumper', 'puffer', 't-shirt'] as const)[Math.floor(r() * 4)]!,
        background: BACKGROUNDS[(BACKGROUNDS.indexOf(look.background) + 1) % BACKGROUNDS.length]!,
      };
      const olderWho =
        ageNow >= 18
          ? sex === 'female'
            ? 'young woman'
            : 'young man'
          : ageNow >= 13
            ? sex === 'female'
              ? 'teenage girl'
              : 'teenage boy'
            : who;
      photos.push({
        src: 'photo-2.jpg',
        alt: altText('age-progressed', olderWho, older, first, ageNow),
        caption: `How ${first} might look at ${ageNow}`,
        kind: 'age-progressed',
        taken: dateText(slot.published).slice(0, 7),
      });
      demoPhotos.push({
        file: 'photo-2.jpg',
        seed: seed + (i + 1) * 101 + 1,
        portrait: portraitOf(older, sex, ageNow, true),
      });
    } else if (r() < 0.3) {
      const other: Look = {
        ...look,
        colour: CLOTHING_COLOURS[(CLOTHING_COLOURS.indexOf(look.colour) + 5) % CLOTHING_COLOURS.length]!,
        garment: look.garment === 'hoodie' ? 't-shirt' : 'hoodie',
        background: BACKGROUNDS[(BACKGROUNDS.indexOf(look.background) + 2) % BACKGROUNDS.length]!,
      };
      const earlier = taken - 60 - Math.floor(r() * 200);
      photos.push({
        src: 'photo-2.jpg',
        alt: altText('photo', who, other, first, ageNow),
        kind: 'photo',
        taken: dateText(earlier),
      });
      demoPhotos.push({
        file: 'photo-2.jpg',
        seed: seed + (i + 1) * 101 + 2,
        portrait: portraitOf(other, sex, Math.max(4, ageAt(earlier)), false),
      });
    }

    // Circumstances.
    const place = PLACES[(i * 3 + Math.floor(r() * PLACES.length)) % PLACES.length]!;
    const when = `on ${longDate(slot.missing)}${slot.time ? ` at ${clockTime(slot.time)}` : ''}`;
    const paragraphs = [
      `This is a fictional demonstration appeal. ${first} was last seen ${place} in ${home.town} ${when}.`,
    ];
    if (slot.group === 'urgent') {
      const reasons = [
        age <= 11 ? `of ${hers} young age` : `${she} has not been in touch with anyone since ${she} left`,
        `${she} needs daily medication that ${she} does not have with ${her}`,
        `${she} may not be dressed for the cold weather`,
      ];
      paragraphs.push(
        `Police are especially concerned for ${first} because ${reasons[i % reasons.length]}. Officers are checking places ${she} is known to visit.`,
      );
    } else if (slot.group === 'old') {
      paragraphs.push(
        `${first} was ${age} when ${she} went missing in ${monthYear(slot.missing)}.` +
          (ageProgressed
            ? ` The second picture is an age-progressed illustration of how ${she} might look at ${ageNow}.`
            : age >= 12
              ? ` ${capitalise(she)} may have travelled to ${elsewhere.town}.`
              : ` ${capitalise(she)} may be with an adult ${she} knows.`),
      );
    } else if (age >= 12) {
      paragraphs.push(
        `${capitalise(she)} has links to ${elsewhere.town} and may have travelled there by bus or train.`,
      );
    } else {
      paragraphs.push(
        `${capitalise(she)} may be with an adult ${she} knows. Police are keen to hear from anyone who saw ${her} that day.`,
      );
    }
    if (r() < 0.6) {
      paragraphs.push(
        r() < 0.5
          ? `${first}'s family say: "We just want to know you are safe. You are not in any trouble."`
          : `If you have seen ${first}, or know where ${she} might be, please call 101 quoting ${`DEMO-${id}`}.`,
      );
    }

    const data: Record<string, unknown> = {
      status: 'active',
      name,
      knownAs,
      sex,
      ...(useBirthDate ? { dateOfBirth: dateText(birth) } : { ageAtDisappearance: age }),
      missingSince,
      lastSeen: { place: capitalise(place), town: home.town, region: region.id },
      description: {
        height: heightText(cm),
        build,
        hair: hairDescription(look),
        eyes: look.eyes.name,
        clothing,
        features: features
          .map((f, k) => (k === 0 ? f.text : f.text.charAt(0).toLowerCase() + f.text.slice(1)))
          .join('; '),
      },
      photos,
      force: { name: home.force, reference: `DEMO-${id}` },
      consent: {
        by:
          slot.group === 'old'
            ? r() < 0.5
              ? 'Parents'
              : 'Mother'
            : ['Mother', 'Father', 'Parents', 'Grandmother', 'Foster carer', home.force][
                Math.floor(r() * 6)
              ]!,
        date: dateText(slot.consent),
      },
      reviewBy: dateText(dayNumber('2027-01-15') + ((i * 37) % 330)),
      urgent: slot.group === 'urgent',
      published: dateText(slot.published),
      updated: dateText(slot.updated),
    };
    appeals.push({ id, data, body: paragraphs.join('\n\n'), photos: demoPhotos });
  });
  return appeals;
}

export interface GenerateDemoOptions {
  /** How many appeals (ids 2026-0001 upwards). Default 24. */
  count?: number;
  /** Changes every name, date and picture. Default DEMO_SEED. */
  seed?: number;
  /** settings.yaml: write it only when missing (default), always, or never. */
  settings?: 'if-missing' | 'overwrite' | 'skip';
  /** Photos rendered at once. Default 4. */
  concurrency?: number;
  /** Photo size, for fast fixtures; default 1200 x 1600. */
  photoSize?: { width: number; height: number };
}

export interface GenerateDemoResult {
  ids: string[];
  /** Every file written, relative to outDir. */
  files: string[];
}

/**
 * Writes the demo appeals to `<outDir>/appeals/<id>/` (index.md and photos), and the demo
 * settings to `<outDir>/settings.yaml`. Each appeal folder it writes is wiped first; no other
 * folder is touched.
 */
export async function generateDemoContent(
  outDir: string,
  options: GenerateDemoOptions = {},
): Promise<GenerateDemoResult> {
  const appeals = buildDemoAppeals(options.count ?? DEMO_APPEAL_COUNT, options.seed ?? DEMO_SEED);
  const files: string[] = [];
  mkdirSync(path.join(outDir, 'appeals'), { recursive: true });
  const settingsPath = path.join(outDir, 'settings.yaml');
  const settingsMode = options.settings ?? 'if-missing';
  if (settingsMode === 'overwrite' || (settingsMode === 'if-missing' && !existsSync(settingsPath))) {
    writeFileSync(settingsPath, demoSettingsYaml());
    files.push('settings.yaml');
  }

  const jobs: Array<() => Promise<void>> = [];
  for (const appeal of appeals) {
    const dir = path.join(outDir, 'appeals', appeal.id);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'index.md'), stringifyMarkdownFile(appeal.data, appeal.body));
    files.push(path.join('appeals', appeal.id, 'index.md'));
    for (const photo of appeal.photos) {
      files.push(path.join('appeals', appeal.id, photo.file));
      jobs.push(async () => {
        const jpeg = await drawPortraitJpeg(photo.seed, { ...photo.portrait, ...options.photoSize });
        writeFileSync(path.join(dir, photo.file), jpeg);
      });
    }
  }
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return { ids: appeals.map((a) => a.id), files };
}
