/**
 * How each fictional child looks, chosen so that the picture and the written description agree:
 * skin, hair, eyes, clothing and distinguishing features, and how an age-progressed picture or an
 * earlier photo changes them.
 */
import {
  BACKGROUNDS,
  GARMENTS,
  SKIN_TONES,
  type Garment,
  type HairStyle,
  type PortraitOptions,
} from './portrait-options.ts';
import { shuffle } from './random.ts';

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

export interface Look {
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

export type Feature = (typeof FEATURES)[number];
type Sex = 'female' | 'male';

/** A look for a child of `sex` and `age`, and the distinguishing features it shows. */
export function chooseLook(sex: Sex, age: number, r: () => number): { look: Look; features: Feature[] } {
  const skinIndex = Math.floor(r() * SKIN_TONES.length);
  const hairChoices = hairColoursFor(skinIndex);
  const style = hairStyleFor(sex, age, skinIndex, r);
  const features = featuresFor(skinIndex, style, r);
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
  return { look, features };
}

function hairColoursFor(skinIndex: number): HairColour[] {
  return HAIR_COLOURS.filter(
    (h) =>
      (skinIndex >= 5
        ? ['black', 'dark brown']
        : skinIndex >= 3
          ? ['black', 'dark brown', 'brown']
          : null
      )?.includes(h.name) ?? true,
  );
}

function hairStyleFor(sex: Sex, age: number, skinIndex: number, r: () => number): HairStyle {
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
  return sex === 'female' && age >= 9 && r() < 0.12 ? 'headscarf' : styles[Math.floor(r() * styles.length)]!;
}

/** One or two features that suit the look: no freckles on the darkest skin, no earrings under a headscarf. */
function featuresFor(skinIndex: number, style: HairStyle, r: () => number): Feature[] {
  const featureCount = 1 + (r() < 0.4 ? 1 : 0);
  return shuffle(
    r,
    FEATURES.filter(
      (f) => !(f.flag === 'freckles' && skinIndex > 4) && !(f.flag === 'earrings' && style === 'headscarf'),
    ),
  ).slice(0, featureCount);
}

/** The style a child's hair grows into over the years. */
const OLDER_STYLE = {
  crop: 'short',
  short: 'side-part',
  'side-part': 'short',
  'curly-short': 'crop',
  afro: 'curly-short',
  long: 'ponytail',
  'fringe-long': 'long',
  ponytail: 'long',
  bun: 'long',
  braids: 'braids',
  headscarf: 'headscarf',
} as const satisfies Record<HairStyle, HairStyle>;

/** The look years later, for an age-progressed picture: darker hair, a grown-up style, other clothes. */
export function olderLook(look: Look, sex: Sex, r: () => number): Look {
  return {
    ...look,
    hair: HAIR_COLOURS.find((h) => h.name === (HAIR_DARKENS[look.hair.name] ?? look.hair.name))!,
    style: look.style === 'afro' && sex === 'female' ? 'bun' : OLDER_STYLE[look.style],
    colour: CLOTHING_COLOURS[(CLOTHING_COLOURS.indexOf(look.colour) + 3) % CLOTHING_COLOURS.length]!,
    garment: (['hoodie', 'jumper', 'puffer', 't-shirt'] as const)[Math.floor(r() * 4)]!,
    background: BACKGROUNDS[(BACKGROUNDS.indexOf(look.background) + 1) % BACKGROUNDS.length]!,
  };
}

/** The same child in other clothes, for an earlier photo. */
export function earlierLook(look: Look): Look {
  return {
    ...look,
    colour: CLOTHING_COLOURS[(CLOTHING_COLOURS.indexOf(look.colour) + 5) % CLOTHING_COLOURS.length]!,
    garment: look.garment === 'hoodie' ? 't-shirt' : 'hoodie',
    background: BACKGROUNDS[(BACKGROUNDS.indexOf(look.background) + 2) % BACKGROUNDS.length]!,
  };
}

/** The recipe of the portrait of `look` at `age`. */
export function portraitOf(
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
