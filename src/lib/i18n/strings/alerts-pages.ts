import { defineStrings } from '../define-strings.ts';

/** The "Get alerts" page, its answer to a sign-up, and the page shown when the service is down. */
export const alertsPageStrings = defineStrings(
  'alerts pages',
  {
    title: 'Get alerts',
    description:
      'Get an email when police ask us to share an urgent appeal for a child at high risk in your region.',
    intro:
      'When police ask us to share an urgent appeal, because a child is at high risk right now, we can email you if it is in a region you choose. You might be the person who sees them.',
    sendHeading: 'What we send, and how often',
    send: 'One email for each urgent appeal in your regions, and never more than one per appeal, whichever regions you pick. Nothing else: no newsletters, no reminders. Most weeks there are none. Before any alert, we send one email asking you to confirm.',
    keepHeading: 'What we keep',
    keep: 'Your email address, the regions you chose, and when and on which version of this page you agreed. We use them only to send these alerts and share them with no one. If you do not confirm within 48 hours, we delete your address.',
    stopHeading: 'How to stop',
    stop: 'Every alert has a "Stop these alerts" link. One press stops them and deletes your email address. Or email',
    regionsLegend: 'Which regions?',
    allRegions: 'All of the UK',
    emailLabel: 'Your email address',
    button: 'Get alerts',
    seeNow: 'If you see a missing child now, do not wait for an alert: call',
    checkTitle: 'Check your email',
    checkSent:
      'We have sent an email to the address you gave. Open the link in it and press Confirm to start getting alerts. The link works for 48 hours.',
    checkNothing: 'If nothing arrives within a few minutes, check your spam folder, or',
    checkAgain: 'sign up again',
    checkAlready: 'If the address is already signed up, the email lets you update your regions.',
    unavailableTitle: 'Alerts could not be reached',
    unavailableHeading: 'Sorry, alerts could not be reached',
    unavailableText:
      'The alerts service did not answer, so nothing was changed. Please try again in a few minutes from the',
    unavailableAfter: ' page.',
    unavailableStill: 'Every appeal is still on this site:',
    unavailableAll: 'see all appeals',
  },
  {
    title: 'Cael rhybuddion',
    description:
      'Cael e-bost pan fydd yr heddlu’n gofyn i ni rannu apêl frys am blentyn sydd mewn perygl mawr yn eich rhanbarth.',
    intro:
      'Pan fydd yr heddlu’n gofyn i ni rannu apêl frys, am fod plentyn mewn perygl mawr ar hyn o bryd, gallwn anfon e-bost atoch os yw mewn rhanbarth rydych chi’n ei ddewis. Efallai mai chi fydd y person sy’n eu gweld.',
    sendHeading: 'Beth rydym yn ei anfon, a pha mor aml',
    send: 'Un e-bost ar gyfer pob apêl frys yn eich rhanbarthau, a byth mwy nag un i bob apêl, pa ranbarthau bynnag a ddewiswch. Dim byd arall: dim cylchlythyrau, dim nodiadau atgoffa. Does dim un yn y rhan fwyaf o wythnosau. Cyn unrhyw rybudd, rydym yn anfon un e-bost yn gofyn i chi gadarnhau.',
    keepHeading: 'Beth rydym yn ei gadw',
    keep: 'Eich cyfeiriad e-bost, y rhanbarthau a ddewisoch, a phryd ac ar ba fersiwn o’r dudalen hon y cytunoch. Rydym yn eu defnyddio i anfon y rhybuddion hyn yn unig ac nid ydym yn eu rhannu â neb. Os na fyddwch yn cadarnhau o fewn 48 awr, rydym yn dileu eich cyfeiriad.',
    stopHeading: 'Sut i stopio',
    stop: 'Mae dolen "Stopio’r rhybuddion hyn" ym mhob rhybudd. Mae un clic yn eu stopio ac yn dileu eich cyfeiriad e-bost. Neu anfonwch e-bost at',
    regionsLegend: 'Pa ranbarthau?',
    allRegions: 'Y Deyrnas Unedig gyfan',
    emailLabel: 'Eich cyfeiriad e-bost',
    button: 'Cael rhybuddion',
    seeNow: 'Os ydych chi’n gweld plentyn coll nawr, peidiwch ag aros am rybudd: ffoniwch',
    checkTitle: 'Gwiriwch eich e-bost',
    checkSent:
      'Rydym wedi anfon e-bost i’r cyfeiriad a roesoch. Agorwch y ddolen ynddo a phwyswch Cadarnhau i ddechrau cael rhybuddion. Mae’r ddolen yn gweithio am 48 awr.',
    checkNothing: 'Os na fydd dim yn cyrraedd o fewn ychydig funudau, gwiriwch eich ffolder sbam, neu',
    checkAgain: 'cofrestrwch eto',
    checkAlready:
      'Os yw’r cyfeiriad eisoes wedi cofrestru, mae’r e-bost yn gadael i chi ddiweddaru eich rhanbarthau.',
    unavailableTitle: 'Doedd dim modd cyrraedd y rhybuddion',
    unavailableHeading: 'Mae’n ddrwg gennym, doedd dim modd cyrraedd y rhybuddion',
    unavailableText:
      'Ni atebodd y gwasanaeth rhybuddion, felly ni newidiwyd dim. Rhowch gynnig arall arni ymhen ychydig funudau o’r dudalen',
    unavailableAfter: '.',
    unavailableStill: 'Mae pob apêl yn dal ar y wefan hon:',
    unavailableAll: 'gweld pob apêl',
  },
);
