import { defineStrings } from '../define-strings.ts';

/** The frame of every public page: skip link, header, language switch, banners and footer. */
export const layoutStrings = defineStrings(
  'layout',
  {
    skipLink: 'Skip to main content',
    previewTitle: 'Preview: ',
    navLabel: 'Main',
    navAll: 'All appeals',
    navSearch: 'Search',
    navHelp: 'Help and contacts',
    searchLabel: 'Search appeals',
    searchPlaceholder: 'Name or place',
    searchButton: 'Search',
    emergencyBefore: 'Seen a missing child now? Call',
    languageNavLabel: 'Choose a language',
    /** Read out before the other language's name, in that other language (GOV.UK's pattern). */
    switchTo: 'Newid yr iaith i’r Gymraeg',
    footerHeading: 'Contacts',
    footerSeeNow: 'See a missing child now: call',
    footerPolice: 'Information about an appeal: call the police on',
    footerHelpline: 'call or text',
    footerHelplineAfter: '(free, confidential, 24 hours)',
    footerAlerts: 'Get alerts',
    footerPress: 'Press and partners',
    footerPrivacy: 'This site sets no cookies and uses no analytics or third-party services.',
    demoStrong: 'Demonstration content.',
    demoText:
      'Every appeal on this site is fictional and every picture is generated. No real child is shown.',
    previewStrong: 'Preview: not published.',
    previewText: 'This is how the appeal page will look. Only staff signed in to the studio can see it.',
  },
  {
    skipLink: 'Neidio i’r prif gynnwys',
    previewTitle: 'Rhagolwg: ',
    navLabel: 'Prif ddewislen',
    navAll: 'Pob apêl',
    navSearch: 'Chwilio',
    navHelp: 'Help a chysylltiadau',
    searchLabel: 'Chwilio apeliadau',
    searchPlaceholder: 'Enw neu le',
    searchButton: 'Chwilio',
    emergencyBefore: 'Wedi gweld plentyn coll nawr? Ffoniwch',
    languageNavLabel: 'Dewis iaith',
    switchTo: 'Change the language to English',
    footerHeading: 'Cysylltiadau',
    footerSeeNow: 'Gweld plentyn coll nawr: ffoniwch',
    footerPolice: 'Gwybodaeth am apêl: ffoniwch yr heddlu ar',
    footerHelpline: 'ffoniwch neu anfonwch neges destun i',
    footerHelplineAfter: '(am ddim, cyfrinachol, 24 awr)',
    footerAlerts: 'Cael rhybuddion',
    footerPress: 'Y wasg a phartneriaid',
    footerPrivacy:
      'Nid yw’r wefan hon yn gosod cwcis nac yn defnyddio dadansoddeg na gwasanaethau trydydd parti.',
    demoStrong: 'Cynnwys enghreifftiol.',
    demoText:
      'Mae pob apêl ar y wefan hon yn ddychmygol ac mae pob llun wedi’i greu gan gyfrifiadur. Nid oes yr un plentyn go iawn i’w weld yma.',
    previewStrong: 'Rhagolwg: heb ei gyhoeddi.',
    previewText:
      'Dyma sut y bydd tudalen yr apêl yn edrych. Dim ond staff sydd wedi mewngofnodi i’r stiwdio sy’n gallu ei gweld.',
  },
);
