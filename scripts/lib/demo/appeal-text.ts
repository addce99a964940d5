/**
 * The circumstances of a demo appeal: where and when the child was last seen, why the police are
 * concerned, and sometimes a word from the family. Every text starts "This is a fictional
 * demonstration appeal."
 */
import { describeMissingSince, type MissingSince } from '../../../src/lib/model/missing-since.ts';
import { capitalise } from './descriptions.ts';
import { PLACES, type Town } from './places.ts';
import type { Slot } from './schedule.ts';

interface TextSubject {
  i: number;
  id: string;
  first: string;
  sex: 'female' | 'male';
  age: number;
  ageNow: number;
  slot: Slot;
  missingSince: MissingSince;
  home: Town;
  elsewhere: Town;
  monthMissing: string;
  ageProgressed: boolean;
}

/** The place last seen (it reads after "was last seen") and the circumstances in Markdown. */
export function circumstances(s: TextSubject, r: () => number): { place: string; body: string } {
  const place = PLACES[(s.i * 3 + Math.floor(r() * PLACES.length)) % PLACES.length]!;
  const paragraphs = [
    `This is a fictional demonstration appeal. ${s.first} was last seen ${place} in ${s.home.town} on ${describeMissingSince(s.missingSince)}.`,
    concern(s),
  ];
  if (r() < 0.6) paragraphs.push(closing(s, r));
  return { place, body: paragraphs.join('\n\n') };
}

const pronouns = (sex: 'female' | 'male'): [string, string, string] =>
  sex === 'female' ? ['she', 'her', 'her'] : ['he', 'him', 'his'];

/** Why the police are concerned, or what may have happened, by the kind of case. */
function concern(s: TextSubject): string {
  const [she, her, hers] = pronouns(s.sex);
  if (s.slot.group === 'urgent') {
    const reasons = [
      s.age <= 11 ? `of ${hers} young age` : `${she} has not been in touch with anyone since ${she} left`,
      `${she} needs daily medication that ${she} does not have with ${her}`,
      `${she} may not be dressed for the cold weather`,
    ];
    return `Police are especially concerned for ${s.first} because ${reasons[s.i % reasons.length]}. Officers are checking places ${she} is known to visit.`;
  }
  if (s.slot.group === 'old') return longMissing(s);
  if (s.age >= 12)
    return `${capitalise(she)} has links to ${s.elsewhere.town} and may have travelled there by bus or train.`;
  return `${capitalise(she)} may be with an adult ${she} knows. Police are keen to hear from anyone who saw ${her} that day.`;
}

function longMissing(s: TextSubject): string {
  const [she] = pronouns(s.sex);
  return (
    `${s.first} was ${s.age} when ${she} went missing in ${s.monthMissing}.` +
    (s.ageProgressed
      ? ` The second picture is an age-progressed illustration of how ${she} might look at ${s.ageNow}.`
      : s.age >= 12
        ? ` ${capitalise(she)} may have travelled to ${s.elsewhere.town}.`
        : ` ${capitalise(she)} may be with an adult ${she} knows.`)
  );
}

/** A word from the family, or how to call the police. */
function closing(s: TextSubject, r: () => number): string {
  const [she] = pronouns(s.sex);
  return r() < 0.5
    ? `${s.first}'s family say: "We just want to know you are safe. You are not in any trouble."`
    : `If you have seen ${s.first}, or know where ${she} might be, please call 101 quoting ${`DEMO-${s.id}`}.`;
}
