/**
 * The pictures of one demo appeal: a main illustration, then an age-progressed one for a child
 * missing five years or more, or sometimes an earlier one. Each has its frontmatter entry and the
 * recipe of its portrait.
 */
import { dateText, monthText, monthYear, type Day } from './dates.ts';
import { altText, olderWho } from './descriptions.ts';
import { earlierLook, olderLook, portraitOf, type Look } from './looks.ts';
import type { PortraitOptions } from './portrait-options.ts';

export interface DemoPhoto {
  /** Neutral file name beside index.md, e.g. photo-1.jpg. */
  file: string;
  seed: number;
  portrait: Partial<PortraitOptions>;
}

/** What the pictures are drawn of. */
interface PhotoSubject {
  /** The appeal's index, for each picture's seed. */
  i: number;
  seed: number;
  first: string;
  sex: 'female' | 'male';
  age: number;
  look: Look;
  missing: Day;
  published: Day;
  /** The child's age on a day, and now. */
  ageAt: (day: Day) => number;
  ageNow: number;
  ageProgressed: boolean;
}

export interface AppealPhotos {
  /** The frontmatter's `photos`. */
  entries: Array<Record<string, unknown>>;
  photos: DemoPhoto[];
}

export function appealPhotos(s: PhotoSubject, r: () => number): AppealPhotos {
  const taken = s.missing - 20 - Math.floor(r() * 120);
  const out: AppealPhotos = { entries: [], photos: [] };
  add(out, mainPhoto(s, taken, r));
  if (s.ageProgressed) add(out, ageProgressedPhoto(s, r));
  else if (r() < 0.3) add(out, earlierPhoto(s, taken, r));
  return out;
}

function add(out: AppealPhotos, photo: { entry: Record<string, unknown>; photo: DemoPhoto }): void {
  out.entries.push(photo.entry);
  out.photos.push(photo.photo);
}

const who = (sex: 'female' | 'male') => (sex === 'female' ? 'girl' : 'boy');

function mainPhoto(s: PhotoSubject, taken: Day, r: () => number) {
  const entry = {
    src: 'photo-1.jpg',
    alt: altText('photo', who(s.sex), s.look, s.first, s.ageNow),
    ...(r() < 0.4 ? { caption: `Illustration from ${monthYear(taken)}` } : {}),
    kind: 'photo',
    taken: monthText(taken),
  };
  const photo = {
    file: 'photo-1.jpg',
    seed: s.seed + (s.i + 1) * 101,
    portrait: portraitOf(s.look, s.sex, s.age, false),
  };
  return { entry, photo };
}

function ageProgressedPhoto(s: PhotoSubject, r: () => number) {
  const older = olderLook(s.look, s.sex, r);
  const entry = {
    src: 'photo-2.jpg',
    alt: altText('age-progressed', olderWho(s.sex, s.ageNow), older, s.first, s.ageNow),
    caption: `How ${s.first} might look at ${s.ageNow}`,
    kind: 'age-progressed',
    taken: monthText(s.published),
  };
  const photo = {
    file: 'photo-2.jpg',
    seed: s.seed + (s.i + 1) * 101 + 1,
    portrait: portraitOf(older, s.sex, s.ageNow, true),
  };
  return { entry, photo };
}

function earlierPhoto(s: PhotoSubject, taken: Day, r: () => number) {
  const other = earlierLook(s.look);
  const earlier = taken - 60 - Math.floor(r() * 200);
  const entry = {
    src: 'photo-2.jpg',
    alt: altText('photo', who(s.sex), other, s.first, s.ageNow),
    kind: 'photo',
    taken: dateText(earlier),
  };
  const photo = {
    file: 'photo-2.jpg',
    seed: s.seed + (s.i + 1) * 101 + 2,
    portrait: portraitOf(other, s.sex, Math.max(4, s.ageAt(earlier)), false),
  };
  return { entry, photo };
}
