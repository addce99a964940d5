import { defineStrings } from '../define-strings.ts';

/** The fixed text of the RSS feeds of active appeals, each language's feeds in its own language. */
export const feedStrings = defineStrings(
  'feeds',
  {
    allTitle: (organisation: string) => `Missing children: active appeals (${organisation})`,
    allDescription: (removals: string) =>
      `Every active appeal, newest first. Closed appeals leave this feed; see ${removals}.`,
    regionTitle: (region: string, organisation: string) =>
      `Missing children: active appeals in ${region} (${organisation})`,
    regionDescription: (region: string) =>
      `Active appeals for children last seen in ${region}, newest first.`,
    itemTitle: (name: string, age: string, town: string) => `Missing: ${name}, ${age}, from ${town}`,
    itemDescription: (name: string, age: string, since: string, lastSeen: string) =>
      `${name}, age ${age} now, has been missing since ${since}. Last seen: ${lastSeen}.`,
    urgent: 'Urgent',
  },
  {
    allTitle: (organisation: string) => `Plant coll: apeliadau gweithredol (${organisation})`,
    allDescription: (removals: string) =>
      `Pob apêl weithredol, y diweddaraf yn gyntaf. Mae apeliadau sydd wedi dod i ben yn gadael y ffrwd hon; gweler ${removals}.`,
    regionTitle: (region: string, organisation: string) =>
      `Plant coll: apeliadau gweithredol yn ${region} (${organisation})`,
    regionDescription: (region: string) =>
      `Apeliadau gweithredol am blant a welwyd ddiwethaf yn ${region}, y diweddaraf yn gyntaf.`,
    itemTitle: (name: string, age: string, town: string) => `Ar goll: ${name}, ${age}, o ${town}`,
    itemDescription: (name: string, age: string, since: string, lastSeen: string) =>
      `Mae ${name}, ${age} nawr, ar goll ers ${since}. Gwelwyd ddiwethaf: ${lastSeen}.`,
    urgent: 'Brys',
  },
);
