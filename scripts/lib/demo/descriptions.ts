/**
 * The words that describe a fictional child: height, build, hair, clothing, and the alt text of
 * each picture, written from the same look the picture is drawn from.
 */
import type { Look } from './looks.ts';
import type { Garment } from './portrait-options.ts';

export const GARMENT_WORDS: Record<Garment, string> = {
  hoodie: 'hooded top',
  't-shirt': 'T-shirt',
  jumper: 'jumper',
  puffer: 'padded jacket',
  'school-blazer': 'school blazer',
  polo: 'polo shirt',
};

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

function heightText(cm: number): string {
  const inches = Math.round(cm / 2.54);
  return `${Math.floor(inches / 12)} ft ${inches % 12} in (${cm} cm)`;
}
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
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

export function hairDescription(look: Look): string {
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

export function altText(
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

export interface Appearance {
  height: string;
  build: string;
  clothing: string;
}

/** Height, build and what the child was wearing, with a little chance in each. */
export function describeAppearance(
  look: Look,
  sex: 'female' | 'male',
  age: number,
  r: () => number,
): Appearance {
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
  return { height: heightText(cm), build, clothing: clothingText(look, sex, r) };
}

function clothingText(look: Look, sex: 'female' | 'male', r: () => number): string {
  const bottoms =
    look.garment === 'school-blazer'
      ? `white shirt, striped tie, grey ${sex === 'female' && r() < 0.5 ? 'skirt' : 'trousers'} and black school shoes`
      : `${['blue jeans', 'black jogging bottoms', 'grey jogging bottoms', 'dark blue jeans', sex === 'female' ? 'black leggings' : 'black cargo trousers'][Math.floor(r() * 5)]} and ${['white trainers', 'black trainers', 'grey trainers', 'black boots'][Math.floor(r() * 4)]}`;
  const bag =
    r() < 0.35
      ? `; carrying a ${['black rucksack', 'grey sports bag', 'small red backpack'][Math.floor(r() * 3)]}`
      : '';
  return look.garment === 'school-blazer'
    ? `School uniform: ${look.colour.name} blazer, ${bottoms}${bag}`
    : `${capitalise(look.colour.name)} ${GARMENT_WORDS[look.garment]}, ${bottoms}${bag}`;
}

/** Who an age-progressed picture shows: a boy or girl, a teenager, or a young adult. */
export function olderWho(sex: 'female' | 'male', ageNow: number): string {
  if (ageNow >= 18) return sex === 'female' ? 'young woman' : 'young man';
  if (ageNow >= 13) return sex === 'female' ? 'teenage girl' : 'teenage boy';
  return sex === 'female' ? 'girl' : 'boy';
}
