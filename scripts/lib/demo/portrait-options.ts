/**
 * What a demonstration portrait can look like, and the defaults drawn from its seed. Every
 * portrait is drawn from these numbers, never from a photo of a real person.
 */
import { mulberry32, pick } from './random.ts';

/** Every hair style a portrait can draw. */
export type HairStyle =
  | 'crop'
  | 'short'
  | 'side-part'
  | 'curly-short'
  | 'afro'
  | 'long'
  | 'fringe-long'
  | 'ponytail'
  | 'bun'
  | 'braids'
  | 'headscarf';

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
