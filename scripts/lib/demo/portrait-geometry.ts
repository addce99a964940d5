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
  const style = o.hairStyle;
  const longHair = style === 'long' || style === 'fringe-long';
  return {
    o,
    rand: mulberry32(seed),
    ...measurements(o.age),
    ...palette(o),
    style,
    longHair,
    earsHidden: longHair || style === 'braids' || style === 'afro' || style === 'headscarf',
  };
}

type Measurements = Omit<Portrait, 'o' | 'rand' | keyof Palette | 'style' | 'longHair' | 'earsHidden'>;

/** Where the face and body sit: a rounder face when young, a longer one and wider shoulders later. */
function measurements(age: number): Measurements {
  const t = Math.max(0, Math.min(1.4, (age - 4) / 13));
  const rx = 256 - 38 * t;
  const ry = rx * (1.1 + 0.24 * t);
  const cy = 640;
  const chinY = cy + ry;
  const eyeY = cy + ry * (0.12 - 0.08 * t);
  const noseY = eyeY + ry * 0.33;
  const shoulderY = chinY + 80 + 45 * t;
  return {
    t,
    rx,
    ry,
    cy,
    chinY,
    eyeY,
    eyeDX: rx * 0.4,
    eyeRX: 42 - 9 * t,
    eyeRY: 24 - 5 * t,
    noseY,
    mouthY: noseY + ry * 0.24,
    shoulderY,
    sw: 350 + 110 * t,
    neckW: rx * (0.4 + 0.08 * t),
    jaw: 0.66 - 0.14 * Math.min(1, t),
    hx: rx * 1.08,
    hy: ry * 1.05,
    top: shoulderY - 10,
  };
}

type Palette = Pick<
  Portrait,
  'skinLine' | 'hair' | 'hairDark' | 'hairLight' | 'cloth' | 'clothDark' | 'clothLight'
>;

/** Outline and shading colours, from the skin, hair and clothing colours. */
function palette(o: PortraitOptions): Palette {
  return {
    skinLine: darken(o.skin, 0.28),
    hair: o.hairColour,
    hairDark: darken(o.hairColour, 0.25),
    hairLight: lighten(o.hairColour, 0.18),
    cloth: o.clothingColour,
    clothDark: darken(o.clothingColour, 0.25),
    clothLight: lighten(o.clothingColour, 0.15),
  };
}
