/**
 * Fictional demonstration appeals, built in memory: every name is invented, every police reference
 * starts "DEMO-", every body starts "This is a fictional demonstration appeal." and every picture is
 * drawn from numbers (never from a photo) and labelled "DEMONSTRATION IMAGE". Pure and
 * deterministic: the same seed builds the same appeals; write-demo.ts writes them out.
 */
import { formatMissingSinceValue, type MissingSince } from '../../../src/lib/model/missing-since.ts';
import { circumstances } from './appeal-text.ts';
import { calendarDateOf, dateText, dayOf, monthYear, yearsBetween, type Day } from './dates.ts';
import { capitalise, describeAppearance, hairDescription, type Appearance } from './descriptions.ts';
import { chooseLook, type Feature, type Look } from './looks.ts';
import { chooseName, SURNAMES, type DemoName, type NamePool } from './people.ts';
import { appealPhotos, type AppealPhotos, type DemoPhoto } from './photos.ts';
import { DEMO_REGIONS, REGION_TOWNS, type Town } from './places.ts';
import { mulberry32, shuffle } from './random.ts';
import { schedule, type Slot } from './schedule.ts';

export const DEMO_APPEAL_COUNT = 24;
export const DEMO_SEED = 20261129;

/** Ids run 2026-0001…2026-9000, then back a year, so a new appeal still finds a free id in 2026. */
const IDS_PER_YEAR = 9000;
export const MAX_DEMO_APPEALS = 2 * IDS_PER_YEAR;

export function demoAppealId(index: number): string {
  return `${2026 - Math.floor(index / IDS_PER_YEAR)}-${String((index % IDS_PER_YEAR) + 1).padStart(4, '0')}`;
}

export interface DemoAppeal {
  id: string;
  /** Frontmatter, in the order an author would write it. */
  data: Record<string, unknown>;
  /** The circumstances: plain Markdown paragraphs. */
  body: string;
  photos: DemoPhoto[];
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
  const names: NamePool = { surnames: shuffle(rand, SURNAMES), used: new Set() };
  return slots.map((slot, i) => buildAppeal(i, slot, ages[i]!, seed, names));
}

/** Where appeal `i` happened: its region (every fifth in turn), home town and another town nearby. */
interface Whereabouts {
  region: { id: string; name: string };
  home: Town;
  elsewhere: Town;
}

function whereabouts(i: number, r: () => number): Whereabouts {
  const region = DEMO_REGIONS[(i * 5) % DEMO_REGIONS.length]!;
  const towns = REGION_TOWNS[region.id]!;
  const round = Math.floor(i / DEMO_REGIONS.length);
  const home = towns[round % towns.length]!;
  const elsewhere = towns[(round + 1 + Math.floor(r() * (towns.length - 1))) % towns.length]!;
  return { region, home, elsewhere };
}

/** The child's ages: from a date of birth for two appeals in three, from an age alone for the rest. */
interface Ages {
  useBirthDate: boolean;
  birth: Day;
  ageAt: (day: Day) => number;
  ageNow: number;
}

function ages(i: number, slot: Slot, age: number, r: () => number): Ages {
  const useBirthDate = i % 3 !== 1;
  const birth = slot.missing - Math.round(age * 365.25 + (0.05 + r() * 0.9) * 365);
  const ageAt = (day: Day) =>
    useBirthDate ? yearsBetween(birth, day) : age + Math.floor((day - slot.missing) / 365.25);
  return { useBirthDate, birth, ageAt, ageNow: ageAt(slot.published) };
}

/** One appeal, drawing from its own seed in a fixed order: place, name, look, description, age, photos, text. */
function buildAppeal(i: number, slot: Slot, age: number, seed: number, names: NamePool): DemoAppeal {
  const r = mulberry32(seed + (i + 1) * 7919);
  const id = demoAppealId(i);
  const where = whereabouts(i, r);
  const sex: 'female' | 'male' = (i % 2) ^ (Math.floor(i / DEMO_REGIONS.length) % 2) ? 'male' : 'female';
  const name = chooseName(i, where.region.id, sex, r, names);
  const { look, features } = chooseLook(sex, age, r);
  const appearance = describeAppearance(look, sex, age, r);
  const years = ages(i, slot, age, r);
  const missingSince: MissingSince = slot.time
    ? { date: calendarDateOf(slot.missing), time: slot.time }
    : { date: calendarDateOf(slot.missing) };
  const ageProgressed = slot.group === 'old' && yearsBetween(slot.missing, slot.published) >= 5;
  const subject = { i, seed, first: name.first, sex, age, look, ageProgressed, ...years };
  const photos = appealPhotos({ ...subject, missing: slot.missing, published: slot.published }, r);
  const text = circumstances(
    { ...subject, id, slot, missingSince, ...where, monthMissing: monthYear(slot.missing) },
    r,
  );
  const facts = { i, id, slot, sex, age, name, look, features, appearance, years, where, photos };
  const data = frontmatter({ ...facts, missingSince, place: text.place }, r);
  return { id, data, body: text.body, photos: photos.photos };
}

interface Facts {
  i: number;
  id: string;
  slot: Slot;
  sex: 'female' | 'male';
  age: number;
  name: DemoName;
  look: Look;
  features: Feature[];
  appearance: Appearance;
  years: Ages;
  where: Whereabouts;
  photos: AppealPhotos;
  missingSince: MissingSince;
  place: string;
}

/** The frontmatter, in the order an author would write it. */
function frontmatter(f: Facts, r: () => number): Record<string, unknown> {
  const { slot, where } = f;
  return {
    status: 'active',
    name: f.name.name,
    knownAs: f.name.knownAs,
    sex: f.sex,
    ...(f.years.useBirthDate ? { dateOfBirth: dateText(f.years.birth) } : { ageAtDisappearance: f.age }),
    missingSince: formatMissingSinceValue(f.missingSince),
    lastSeen: { place: capitalise(f.place), town: where.home.town, region: where.region.id },
    description: {
      height: f.appearance.height,
      build: f.appearance.build,
      hair: hairDescription(f.look),
      eyes: f.look.eyes.name,
      clothing: f.appearance.clothing,
      features: f.features
        .map((feature, k) =>
          k === 0 ? feature.text : feature.text.charAt(0).toLowerCase() + feature.text.slice(1),
        )
        .join('; '),
    },
    photos: f.photos.entries,
    force: { name: where.home.force, reference: `DEMO-${f.id}` },
    consent: { by: consentBy(slot, where.home.force, r), date: dateText(slot.consent) },
    reviewBy: dateText(dayOf('2027-01-15') + ((f.i * 37) % 330)),
    urgent: slot.group === 'urgent',
    published: dateText(slot.published),
    updated: dateText(slot.updated),
  };
}

/** Who consented: a parent for an old case, a parent, carer or the police for a new one. */
function consentBy(slot: Slot, force: string, r: () => number): string {
  if (slot.group === 'old') return r() < 0.5 ? 'Parents' : 'Mother';
  return ['Mother', 'Father', 'Parents', 'Grandmother', 'Foster carer', force][Math.floor(r() * 6)]!;
}
