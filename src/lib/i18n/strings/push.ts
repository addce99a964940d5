import { defineStrings } from '../define-strings.ts';

/**
 * Web push (issue 21): the "Get alerts on this device" offer on the Get alerts page, and the
 * notifications themselves (rendered by the alerts service in the subscriber's language).
 */
export const pushStrings = defineStrings(
  'push',
  {
    heading: 'On this phone or computer',
    explain:
      'This phone or computer can also show a notification for each urgent appeal in the regions you ticked above, never more than one per appeal. We keep the address your browser gives us for this device, the regions, and when you agreed. To stop, press "Stop alerts on this device", or turn off notifications for this site in your browser.',
    subscribe: 'Get alerts on this device',
    unsubscribe: 'Stop alerts on this device',
    chooseRegion: 'Tick at least one region above first.',
    blocked:
      "Notifications are blocked for this site. Allow them in your browser's settings, then try again.",
    subscribed: 'Done: this device will show urgent appeals in the regions you ticked.',
    unsubscribed: 'Alerts on this device have stopped.',
    unreachable: 'The alerts service could not be reached. Try again later.',
    alertTitle: (region: string) => `Urgent appeal: ${region}`,
    alertBody: (name: string, age: string, lastSeen: string) =>
      `Please look out for ${name}, aged ${age}. Last seen: ${lastSeen}.`,
    noLongerActive: 'This appeal is no longer active',
  },
  {
    heading: "Ar y ffôn neu'r cyfrifiadur hwn",
    explain:
      'Gall y ffôn neu\'r cyfrifiadur hwn hefyd ddangos hysbysiad am bob apêl frys yn y rhanbarthau a diciwyd gennych uchod, dim mwy nag un am bob apêl. Rydym yn cadw\'r cyfeiriad y mae eich porwr yn ei roi i ni ar gyfer y ddyfais hon, y rhanbarthau, a phryd y cytunoch chi. I stopio, pwyswch "Atal rhybuddion ar y ddyfais hon", neu diffoddwch hysbysiadau ar gyfer y wefan hon yn eich porwr.',
    subscribe: 'Cael rhybuddion ar y ddyfais hon',
    unsubscribe: 'Atal rhybuddion ar y ddyfais hon',
    chooseRegion: 'Ticiwch o leiaf un rhanbarth uchod yn gyntaf.',
    blocked:
      "Mae hysbysiadau wedi'u rhwystro ar gyfer y wefan hon. Caniatewch nhw yng ngosodiadau eich porwr, yna rhowch gynnig arall arni.",
    subscribed:
      "Wedi'i wneud: bydd y ddyfais hon yn dangos apeliadau brys yn y rhanbarthau a diciwyd gennych.",
    unsubscribed: 'Mae rhybuddion ar y ddyfais hon wedi dod i ben.',
    unreachable: 'Nid oedd modd cyrraedd y gwasanaeth rhybuddion. Rhowch gynnig arall arni yn nes ymlaen.',
    alertTitle: (region: string) => `Apêl frys: ${region}`,
    alertBody: (name: string, age: string, lastSeen: string) =>
      `Cadwch lygad am ${name}, ${age} oed. Gwelwyd ddiwethaf: ${lastSeen}.`,
    noLongerActive: "Nid yw'r apêl hon yn weithredol mwyach",
  },
);
