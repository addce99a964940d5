import { defineStrings } from '../define-strings.ts';

/** What is wrong with a "Get alerts" form, in the language the person signed up in. */
export const alertsFormStrings = defineStrings(
  'alerts-form',
  {
    email: 'Enter an email address, like name@example.com.',
    region: 'Choose at least one region, or all of the UK.',
    unknownRegion: 'Choose regions from the list on the page.',
    outdated: 'This form is out of date. Reload the page and try again.',
    language: 'Choose English or Welsh (en or cy) for the language.',
  },
  {
    email: 'Rhowch gyfeiriad e-bost, fel enw@example.com.',
    region: "Dewiswch o leiaf un rhanbarth, neu'r DU gyfan.",
    unknownRegion: "Dewiswch ranbarthau o'r rhestr ar y dudalen.",
    outdated: "Mae'r ffurflen hon wedi dyddio. Ail-lwythwch y dudalen a rhowch gynnig arall arni.",
    language: 'Dewiswch Saesneg neu Gymraeg (en neu cy) ar gyfer yr iaith.',
  },
);
