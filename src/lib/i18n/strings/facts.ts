import { defineStrings } from '../define-strings.ts';

/** The facts worked out for each appeal (src/lib/model/appeal-view.ts): labels and call-to-action sentences. */
export const factStrings = defineStrings(
  'facts',
  {
    seeNow: (name: string, emergency: string) => `If you see ${name} now, call ${emergency}.`,
    haveInformation: (police: string, reference: string, helplineName: string, helpline: string) =>
      `If you have information, call ${police} quoting ${reference}, or ${helplineName} on ${helpline} (free, confidential).`,
    height: 'Height',
    build: 'Build',
    hair: 'Hair',
    eyes: 'Eyes',
    clothing: 'Last seen wearing',
    features: 'Distinguishing features',
    taken: 'Taken',
    made: 'Made',
  },
  {
    seeNow: (name: string, emergency: string) => `Os ydych chi’n gweld ${name} nawr, ffoniwch ${emergency}.`,
    haveInformation: (police: string, reference: string, helplineName: string, helpline: string) =>
      `Os oes gennych wybodaeth, ffoniwch ${police} gan nodi ${reference}, neu ${helplineName} ar ${helpline} (am ddim, cyfrinachol).`,
    height: 'Taldra',
    build: 'Corffolaeth',
    hair: 'Gwallt',
    eyes: 'Llygaid',
    clothing: 'Yn gwisgo pan welwyd ddiwethaf',
    features: 'Nodweddion adnabod',
    taken: 'Tynnwyd',
    made: 'Crëwyd',
  },
);
