import { defineStrings } from '../define-strings.ts';

/**
 * What the alerts service writes to a subscriber, in the language they chose: the confirmation
 * email, the alert email, and the service's own pages (the confirm and unsubscribe buttons, their
 * results, and its error pages).
 */
export const alertsEmailStrings = defineStrings(
  'alerts email',
  {
    confirmSubject: 'Confirm your urgent appeal alerts',
    confirmAsked: (organisation: string) =>
      `Someone, probably you, asked ${organisation} to email this address when a child is at high risk.`,
    confirmHow:
      'To start getting alerts, open the link below and press Confirm. The link works for 48 hours.',
    confirmNotYou:
      'If it was not you, ignore this email: nothing more will be sent, and your address will be deleted.',
    confirmLink: 'Confirm your alerts',
    alertSubject: (region: string) => `Urgent appeal: ${region}`,
    alertLookOut: (region: string, name: string, age: string) =>
      `Urgent appeal in ${region}: please look out for ${name}, aged ${age}.`,
    alertMissing: (since: string, lastSeen: string) => `Missing since ${since}. Last seen: ${lastSeen}.`,
    alertPageHas: 'The appeal page has the photo and the latest details:',
    alertSeeAppeal: 'See the appeal',
    alertStop: 'Stop these alerts',
    alertStopText: 'To stop these alerts:',

    confirmTitle: 'Confirm your alerts',
    confirmPress: 'Press the button to start getting urgent appeal alerts by email.',
    confirmButton: 'Confirm',
    confirmedTitle: 'You will get alerts',
    confirmedThanks: 'Thank you. We will email you when a child is at high risk in the regions you chose.',
    confirmedStop: 'Every alert has a link to stop them.',
    unsubscribeTitle: 'Stop getting alerts',
    unsubscribePress: 'Press the button to stop getting alerts and delete your email address.',
    unsubscribeButton: 'Stop alerts',
    unsubscribedTitle: 'You will get no more alerts',
    unsubscribedDeleted: 'Your email address has been deleted.',
    badLinkTitle: 'This link does not work',
    badLinkWhy:
      'It may have expired (confirmation links last 48 hours), been used already, or been copied only in part.',
    badLinkAgain: 'To get alerts, sign up again on the "Get alerts" page.',
    backToAppeals: 'Back to the appeals',
    notFoundTitle: 'Page not found',
    notFoundText: 'Check the address, or go back to the appeals.',
    wrongMethodTitle: 'This page does not take that request',
    crossSiteTitle: 'This form must be sent from our site',
    crossSiteText: 'Go to the "Get alerts" page and send it from there.',
    wrongTypeTitle: 'This form was sent in a way we do not accept',
    tooLargeTitle: 'This form is too large',
    unreadableTitle: 'This form could not be read',
    fromBrowser: 'Send it from the page in a browser.',
    tooManyTitle: 'Too many tries',
    tooManyText: 'Wait a few minutes, then try again.',
    brokenTitle: 'Sorry, something went wrong',
    brokenText: 'Try again later.',
    problemTitle: 'There is a problem',
  },
  {
    confirmSubject: 'Cadarnhewch eich rhybuddion am apeliadau brys',
    confirmAsked: (organisation: string) =>
      `Gofynnodd rhywun, chi mae’n debyg, i ${organisation} anfon e-bost i’r cyfeiriad hwn pan fydd plentyn mewn perygl mawr.`,
    confirmHow:
      'I ddechrau cael rhybuddion, agorwch y ddolen isod a phwyswch Cadarnhau. Mae’r ddolen yn gweithio am 48 awr.',
    confirmNotYou:
      'Os nad chi oedd e, anwybyddwch yr e-bost hwn: ni fydd dim byd arall yn cael ei anfon, a bydd eich cyfeiriad yn cael ei ddileu.',
    confirmLink: 'Cadarnhau eich rhybuddion',
    alertSubject: (region: string) => `Apêl frys: ${region}`,
    // The age comes with its "oed" (src/lib/i18n/dates.ts); "yn ardal" keeps the region's name unmutated.
    alertLookOut: (region: string, name: string, age: string) =>
      `Apêl frys yn ardal ${region}: cadwch lygad am ${name}, ${age}.`,
    alertMissing: (since: string, lastSeen: string) =>
      `Ar goll ers ${since}. Gwelwyd ddiwethaf: ${lastSeen}.`,
    alertPageHas: 'Mae’r llun a’r manylion diweddaraf ar dudalen yr apêl:',
    alertSeeAppeal: 'Gweld yr apêl',
    alertStop: 'Stopio’r rhybuddion hyn',
    alertStopText: 'I stopio’r rhybuddion hyn:',

    confirmTitle: 'Cadarnhau eich rhybuddion',
    confirmPress: 'Pwyswch y botwm i ddechrau cael rhybuddion am apeliadau brys drwy e-bost.',
    confirmButton: 'Cadarnhau',
    confirmedTitle: 'Byddwch yn cael rhybuddion',
    confirmedThanks:
      'Diolch. Byddwn yn anfon e-bost atoch pan fydd plentyn mewn perygl mawr yn y rhanbarthau a ddewisoch.',
    confirmedStop: 'Mae dolen i’w stopio ym mhob rhybudd.',
    unsubscribeTitle: 'Stopio cael rhybuddion',
    unsubscribePress: 'Pwyswch y botwm i stopio cael rhybuddion ac i ddileu eich cyfeiriad e-bost.',
    unsubscribeButton: 'Stopio rhybuddion',
    unsubscribedTitle: 'Ni fyddwch yn cael rhagor o rybuddion',
    unsubscribedDeleted: 'Mae eich cyfeiriad e-bost wedi cael ei ddileu.',
    badLinkTitle: 'Nid yw’r ddolen hon yn gweithio',
    badLinkWhy:
      'Efallai ei bod wedi dod i ben (mae dolenni cadarnhau’n para 48 awr), wedi cael ei defnyddio’n barod, neu mai dim ond rhan ohoni a gopïwyd.',
    badLinkAgain: 'I gael rhybuddion, cofrestrwch eto ar y dudalen "Cael rhybuddion".',
    backToAppeals: 'Yn ôl i’r apeliadau',
    notFoundTitle: 'Heb ddod o hyd i’r dudalen',
    notFoundText: 'Gwiriwch y cyfeiriad, neu ewch yn ôl i’r apeliadau.',
    wrongMethodTitle: 'Nid yw’r dudalen hon yn derbyn y cais hwnnw',
    crossSiteTitle: 'Rhaid anfon y ffurflen hon o’n gwefan ni',
    crossSiteText: 'Ewch i’r dudalen "Cael rhybuddion" a’i hanfon oddi yno.',
    wrongTypeTitle: 'Anfonwyd y ffurflen hon mewn ffordd nad ydym yn ei derbyn',
    tooLargeTitle: 'Mae’r ffurflen hon yn rhy fawr',
    unreadableTitle: 'Doedd dim modd darllen y ffurflen hon',
    fromBrowser: 'Anfonwch hi o’r dudalen mewn porwr.',
    tooManyTitle: 'Gormod o ymdrechion',
    tooManyText: 'Arhoswch ychydig funudau, yna rhowch gynnig arall arni.',
    brokenTitle: 'Mae’n ddrwg gennym, aeth rhywbeth o’i le',
    brokenText: 'Rhowch gynnig arall arni nes ymlaen.',
    problemTitle: 'Mae problem wedi codi',
  },
);
