/**
 * The shared measurements of one portrait: a 1200 x 1600 drawing whose face grows longer and
 * narrower with age. Each part of the drawing (portrait-body.ts, portrait-face.ts) reads them.
 */
import { darken, lighten } from './colour.ts';
import { mulberry32 } from './random.ts';
import type { HairStyle, PortraitOptions } from './portrait-options.ts';

export const W = 1200;
export const H = 1600;
export const STRIP = 150;
export const BOTTOM = H - STRIP;
export const CX = W / 2;

/** Appends one SVG element to the drawing. */
export type Push = (svg: string) => void;

export interface Portrait {
  o: PortraitOptions;
  /** Draws in the order the parts are painted, so the same seed gives the same strokes. */
  rand: () => number;
  /** How grown-up the face is: 0 at 4 years old, 1 at 17. */
  t: number;
  rx: number;
  ry: number;
  cy: number;
  chinY: number;
  eyeY: number;
  eyeDX: number;
  eyeRX: number;
  eyeRY: number;
  noseY: number;
  mouthY: number;
  shoulderY: number;
  sw: number;
  neckW: number;
  jaw: number;
  skinLine: string;
  hair: string;
  hairDark: string;
  hairLight: string;
  cloth: string;
  clothDark: string;
  clothLight: string;
  style: HairStyle;
  longHair: boolean;
  earsHidden: boolean;
  /** The hair's outline around the head. */
  hx: number;
  hy: number;
  /** The top of the clothing. */
  top: number;
}

/** The measurements of the portrait of `o`, with its own random strokes from `seed`. */
export function portraitGeometry(seed: number, o: PortraitOptions): Portrait {
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
  const hx = rx * 1.08;
  const hy = ry * 1.05;
  const top = shoulderY - 10;
  return {
    o,
    rand,
    t,
    rx,
    ry,
    cy,
    chinY,
    eyeY,
    eyeDX,
    eyeRX,
    eyeRY,
    noseY,
    mouthY,
    shoulderY,
    sw,
    neckW,
    jaw,
    skinLine,
    hair,
    hairDark,
    hairLight,
    cloth,
    clothDark,
    clothLight,
    style,
    longHair,
    earsHidden,
    hx,
    hy,
    top,
  };
}
