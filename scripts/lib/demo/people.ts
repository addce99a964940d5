/**
 * The fictional children's names: common first names (some regional) and invented surnames, so no
 * name belongs to a real child.
 */

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
export const SURNAMES = [
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

/** The surnames in the order one build hands them out, and the first names it has used. */
export interface NamePool {
  surnames: readonly string[];
  used: Set<string>;
}

export interface DemoName {
  first: string;
  /** The full name: from the 31st appeal on, a double-barrelled one, so that names stay unique. */
  name: string;
  knownAs: string[];
}

/** A name for appeal `i`: a regional first name where one fits and is free, an invented surname always. */
export function chooseName(
  i: number,
  regionId: string,
  sex: 'female' | 'male',
  r: () => number,
  pool: NamePool,
): DemoName {
  const { surnames, used } = pool;
  const first = chooseFirstName(regionId, sex, r, used);
  const surname = surnames[i % surnames.length]!;
  const name =
    i < surnames.length
      ? `${first} ${surname}`
      : `${first} ${surname}-${surnames[(i * 7 + 3) % surnames.length]}`;
  const knownAs: string[] = [];
  const nickname = NICKNAMES[first];
  if (nickname) knownAs.push(nickname);
  if (i % 7 === 3) knownAs.push(`${first} ${surnames[(i + 11) % surnames.length]}`);
  return { first, name, knownAs };
}

function chooseFirstName(
  regionId: string,
  sex: 'female' | 'male',
  r: () => number,
  used: Set<string>,
): string {
  const regional = REGIONAL_FIRST_NAMES[regionId]?.[sex].filter((n) => !used.has(n)) ?? [];
  const general = FIRST_NAMES[sex].filter((n) => !used.has(n));
  const pool = regional.length && r() < 0.7 ? regional : general.length ? general : FIRST_NAMES[sex];
  const first = pool[Math.floor(r() * pool.length)]!;
  used.add(first);
  return first;
}
