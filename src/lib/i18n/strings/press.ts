import { defineStrings } from '../define-strings.ts';

/** The press and partners page: linking, photos, the removals feed, feeds and the embed. */
export const pressStrings = defineStrings(
  'press',
  {
    title: 'Press and partners',
    description:
      'How to link to, embed and share appeals, the feeds and the removals feed, and the terms for using photos.',
    lead: 'Thank you for helping to find missing children. This page explains how to use our appeals, and how to take them down again when a child is found or an appeal ends.',
    linkingHeading: 'Linking to an appeal',
    linkingAddress: 'Every appeal has a permanent address,',
    reference: 'reference',
    linkingRest:
      ", where the reference is the appeal's number, like 2026-0042. It never changes and never breaks. Please link to it rather than copying the appeal. When an appeal ends, the same address shows a short notice asking people to remove their copies, and it no longer shows the child.",
    linkingTools:
      'Each appeal page has share links, a printable A4 poster with a QR code, and a share image (1200 by 630 pixels) that social networks show when the link is posted.',
    photosHeading: 'Using photos',
    photosIntro:
      'Each appeal page has a "Download photo" link to an optimised JPEG with no hidden data (no location, camera or date details). If you use a photo:',
    photosOnly: 'use it only to help find the child;',
    photosShow: "show the appeal's link and the numbers to call with it;",
    photosCrop: 'do not crop out an "age-progressed image" label;',
    photosRemove: 'remove it, and any article or post that shows it, as soon as the appeal ends.',
    removalsHeading: 'Taking appeals down: the removals feed',
    removalsIntro:
      'When a child is found or an appeal is withdrawn, we remove it from this site straight away. Copies elsewhere stay up unless their owners remove them, so please check the removals feed and take down every appeal it lists: the article, the photo, social posts and printed posters.',
    schema: 'schema',
    removalsEntry:
      'Each entry gives only the appeal reference, its address and the date it closed. It never names the child. Newsroom systems can check it every few minutes and unpublish anything that uses an address it lists.',
    feedsHeading: 'Feeds of active appeals',
    feedsAll: 'RSS, all appeals, newest first:',
    feedsRegion: 'RSS for one region:',
    feedsJson: 'JSON (version 1):',
    feedsJsonFields:
      ". It lists each appeal's reference, address, name, age, sex, missing since, place, region, police reference, thumbnail, share image and the dates it was published and updated.",
    feedsLanguage: 'The RSS feeds come in each language: these are in English. The JSON is the same in both.',
    feedsLeave:
      'An appeal leaves these feeds as soon as it closes. If you store appeals from them, remove any appeal that is no longer listed, and check the removals feed.',
    embedHeading: 'Embedding the latest appeals',
    embedIntro: 'You can show our newest appeals on your website. Copy this code into your page:',
    embedFrameTitle: (organisation: string) => `Missing children: latest appeals from ${organisation}`,
    embedChange: 'Change',
    embedRegion: (ids: string) => `to one of: ${ids}. Leave it out for the whole country.`,
    embedLimit: (max: number, fallback: number) =>
      `is how many appeals to show, from 1 to ${max} (${fallback} if left out).`,
    embedFresh:
      'The embedded list comes from this site each time your page loads, so an appeal that ends disappears from your page straight away. You never need to update it.',
    contactHeading: 'Press contact',
    contactEmail: 'Email',
    contactCall: 'or call',
    contactPolice: 'For information about a missing child, always call the police, not the press office.',
  },
  {
    title: 'Y wasg a phartneriaid',
    description:
      'Sut i roi dolen i apeliadau, eu mewnosod a’u rhannu, y ffrydiau a’r ffrwd dileadau, a’r telerau ar gyfer defnyddio lluniau.',
    lead: 'Diolch am helpu i ddod o hyd i blant coll. Mae’r dudalen hon yn esbonio sut i ddefnyddio ein hapeliadau, a sut i’w tynnu i lawr eto pan ddeuir o hyd i blentyn neu pan ddaw apêl i ben.',
    linkingHeading: 'Rhoi dolen i apêl',
    linkingAddress: 'Mae gan bob apêl gyfeiriad parhaol,',
    reference: 'cyfeirnod',
    linkingRest:
      ', lle mai’r cyfeirnod yw rhif yr apêl, fel 2026-0042. Nid yw byth yn newid nac yn torri. Rhowch ddolen iddo yn hytrach na chopïo’r apêl. Pan ddaw apêl i ben, bydd yr un cyfeiriad yn dangos hysbysiad byr yn gofyn i bobl dynnu eu copïau, ac ni fydd yn dangos y plentyn mwyach.',
    linkingTools:
      'Mae gan bob tudalen apêl ddolenni rhannu, poster A4 i’w argraffu gyda chod QR, a delwedd rannu (1200 wrth 630 picsel) y mae rhwydweithiau cymdeithasol yn ei dangos pan fydd y ddolen yn cael ei phostio.',
    photosHeading: 'Defnyddio lluniau',
    photosIntro:
      'Mae gan bob tudalen apêl ddolen "Lawrlwytho’r llun" i JPEG wedi’i optimeiddio heb ddata cudd (dim manylion lleoliad, camera na dyddiad). Os ydych chi’n defnyddio llun:',
    photosOnly: 'defnyddiwch ef dim ond i helpu i ddod o hyd i’r plentyn;',
    photosShow: 'dangoswch ddolen yr apêl a’r rhifau i’w ffonio gydag ef;',
    photosCrop: 'peidiwch â thocio label "llun wedi’i heneiddio";',
    photosRemove:
      'tynnwch ef, ac unrhyw erthygl neu neges sy’n ei ddangos, cyn gynted ag y daw’r apêl i ben.',
    removalsHeading: 'Tynnu apeliadau i lawr: y ffrwd dileadau',
    removalsIntro:
      'Pan ddeuir o hyd i blentyn neu pan fydd apêl yn cael ei thynnu’n ôl, rydym yn ei thynnu oddi ar y wefan hon ar unwaith. Mae copïau mewn mannau eraill yn aros oni bai bod eu perchnogion yn eu tynnu, felly gwiriwch y ffrwd dileadau a thynnwch i lawr bob apêl y mae’n ei rhestru: yr erthygl, y llun, negeseuon cymdeithasol a phosteri wedi’u hargraffu.',
    schema: 'sgema',
    removalsEntry:
      'Mae pob cofnod yn rhoi cyfeirnod yr apêl, ei chyfeiriad a’r dyddiad y daeth i ben yn unig. Nid yw byth yn enwi’r plentyn. Gall systemau ystafelloedd newyddion ei gwirio bob ychydig funudau a dad-gyhoeddi unrhyw beth sy’n defnyddio cyfeiriad y mae’n ei restru.',
    feedsHeading: 'Ffrydiau o apeliadau gweithredol',
    feedsAll: 'RSS, pob apêl, y diweddaraf yn gyntaf:',
    feedsRegion: 'RSS ar gyfer un rhanbarth:',
    feedsJson: 'JSON (fersiwn 1):',
    feedsJsonFields:
      '. Mae’n rhestru cyfeirnod, cyfeiriad, enw, oed, rhyw, dyddiad mynd ar goll, lle, rhanbarth a chyfeirnod heddlu pob apêl, ei llun bach, ei delwedd rannu a’r dyddiadau y cafodd ei chyhoeddi a’i diweddaru.',
    feedsLanguage:
      'Mae’r ffrydiau RSS ar gael ym mhob iaith: mae’r rhain yn Gymraeg. Mae’r JSON yr un fath yn y ddwy.',
    feedsLeave:
      'Mae apêl yn gadael y ffrydiau hyn cyn gynted ag y daw i ben. Os ydych chi’n cadw apeliadau ohonynt, tynnwch unrhyw apêl nad yw wedi’i rhestru mwyach, a gwiriwch y ffrwd dileadau.',
    embedHeading: 'Mewnosod yr apeliadau diweddaraf',
    embedIntro: 'Gallwch ddangos ein hapeliadau diweddaraf ar eich gwefan. Copïwch y cod hwn i’ch tudalen:',
    embedFrameTitle: (organisation: string) => `Plant coll: yr apeliadau diweddaraf gan ${organisation}`,
    embedChange: 'Newidiwch',
    embedRegion: (ids: string) => `i un o: ${ids}. Gadewch ef allan ar gyfer y wlad gyfan.`,
    embedLimit: (max: number, fallback: number) =>
      `yw faint o apeliadau i’w dangos, o 1 i ${max} (${fallback} os caiff ei adael allan).`,
    embedFresh:
      'Daw’r rhestr wedi’i mewnosod o’r wefan hon bob tro y bydd eich tudalen yn llwytho, felly mae apêl sy’n dod i ben yn diflannu o’ch tudalen ar unwaith. Does byth angen i chi ei diweddaru.',
    contactHeading: 'Cyswllt i’r wasg',
    contactEmail: 'E-bost',
    contactCall: 'neu ffoniwch',
    contactPolice: 'I gael gwybodaeth am blentyn coll, ffoniwch yr heddlu bob amser, nid swyddfa’r wasg.',
  },
);
