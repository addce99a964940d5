import { defineStrings } from '../define-strings.ts';

/** The help and contacts page. Phone numbers and names come from the settings, between the parts. */
export const helpStrings = defineStrings(
  'help',
  {
    title: 'Help and contacts',
    description: 'What to do if you see a missing child or have information, and how this site works.',
    seeHeading: 'If you see a missing child now',
    seeCall: 'Call',
    seeText:
      'straight away. Tell the operator where the child is, what they look like and which way they went. Do not approach the child if you feel unsafe.',
    infoHeading: 'If you have information',
    infoPolice: 'Call the police on',
    infoQuote: 'and quote the police reference on the appeal page. You can also call or text',
    infoOn: 'on',
    infoFree: 'It is free and confidential, and you do not have to give your name.',
    knowHeading: 'If a child you know is missing',
    knowPolice: 'Contact the police first.',
    knowSupport: (helpline: string) => `${helpline} can support you on`,
    knowAppeal: 'and can talk to you about an appeal once the police agree.',
    aboutHeading: 'About this site',
    aboutPublishes: (organisation: string) =>
      `${organisation} publishes appeals for missing children with the consent of their families or the police. Each appeal has a permanent address that never changes.`,
    aboutEnds:
      "When an appeal ends, we remove the child's name, photos and details from this site straight away. The appeal's address then shows a short notice. Please remove any copies you made: posters, posts and articles.",
    privacyHeading: 'Your privacy',
    privacyText: 'This site sets no cookies, uses no analytics and loads nothing from other websites.',
    contactHeading: 'Contact us',
    contactEmail: 'Email',
    contactPress: 'Press enquiries:',
  },
  {
    title: 'Help a chysylltiadau',
    description:
      'Beth i’w wneud os ydych chi’n gweld plentyn coll neu os oes gennych wybodaeth, a sut mae’r wefan hon yn gweithio.',
    seeHeading: 'Os ydych chi’n gweld plentyn coll nawr',
    seeCall: 'Ffoniwch',
    seeText:
      'ar unwaith. Dywedwch wrth y gweithredwr ble mae’r plentyn, sut mae’n edrych a pha ffordd yr aeth. Peidiwch â mynd at y plentyn os nad ydych chi’n teimlo’n ddiogel.',
    infoHeading: 'Os oes gennych wybodaeth',
    infoPolice: 'Ffoniwch yr heddlu ar',
    infoQuote:
      'a rhowch gyfeirnod yr heddlu sydd ar dudalen yr apêl. Gallwch hefyd ffonio neu anfon neges destun at',
    infoOn: 'ar',
    infoFree: 'Mae am ddim ac yn gyfrinachol, a does dim rhaid i chi roi eich enw.',
    knowHeading: 'Os oes plentyn rydych chi’n ei adnabod ar goll',
    knowPolice: 'Cysylltwch â’r heddlu yn gyntaf.',
    knowSupport: (helpline: string) => `Gall ${helpline} eich cefnogi ar`,
    knowAppeal: 'a siarad â chi am apêl unwaith y bydd yr heddlu’n cytuno.',
    aboutHeading: 'Am y wefan hon',
    aboutPublishes: (organisation: string) =>
      `Mae ${organisation} yn cyhoeddi apeliadau am blant coll gyda chaniatâd eu teuluoedd neu’r heddlu. Mae gan bob apêl gyfeiriad parhaol nad yw byth yn newid.`,
    aboutEnds:
      'Pan ddaw apêl i ben, rydym yn tynnu enw, lluniau a manylion y plentyn oddi ar y wefan hon ar unwaith. Wedyn bydd cyfeiriad yr apêl yn dangos hysbysiad byr. Tynnwch unrhyw gopïau a wnaethoch: posteri, negeseuon ac erthyglau.',
    privacyHeading: 'Eich preifatrwydd',
    privacyText:
      'Nid yw’r wefan hon yn gosod cwcis, yn defnyddio dadansoddeg nac yn llwytho dim o wefannau eraill.',
    contactHeading: 'Cysylltu â ni',
    contactEmail: 'E-bost',
    contactPress: 'Ymholiadau’r wasg:',
  },
);
