import { defineStrings } from '../define-strings.ts';

/** The printable A4 poster and its on-screen tools. */
export const posterStrings = defineStrings(
  'poster',
  {
    back: 'Back to the appeal',
    instructions:
      "Print this page on A4 paper (portrait) to put up a poster. If the appeal ends, the QR code's page will say so: please take the poster down then.",
    print: 'Print poster',
    title: (name: string) => `Poster: missing ${name}`,
    missing: 'Missing',
    whatToDo: 'What to do',
    seeNow: (name: string) => `If you see ${name} now, call`,
    infoPolice: 'If you have information, call the police on',
    quoting: 'quoting',
    or: (helplineName: string) => `, or ${helplineName} on`,
    free: '(free, confidential).',
    scan: 'Scan for the latest, or visit',
    takeDown: 'If that page says the appeal is no longer active, please take this poster down.',
    reference: (force: string, reference: string) => `${force} reference ${reference}`,
    appeal: (id: string) => `Appeal ${id}`,
  },
  {
    back: 'Yn ôl i’r apêl',
    instructions:
      'Argraffwch y dudalen hon ar bapur A4 (portread) i osod poster. Os daw’r apêl i ben, bydd tudalen y cod QR yn dweud hynny: tynnwch y poster i lawr bryd hynny.',
    print: 'Argraffu’r poster',
    title: (name: string) => `Poster: ${name} ar goll`,
    missing: 'Ar goll',
    whatToDo: 'Beth i’w wneud',
    seeNow: (name: string) => `Os ydych chi’n gweld ${name} nawr, ffoniwch`,
    infoPolice: 'Os oes gennych wybodaeth, ffoniwch yr heddlu ar',
    quoting: 'gan nodi',
    or: (helplineName: string) => `, neu ${helplineName} ar`,
    free: '(am ddim, cyfrinachol).',
    scan: 'Sganiwch i gael y diweddaraf, neu ewch i',
    takeDown:
      'Os yw’r dudalen honno’n dweud nad yw’r apêl yn weithredol mwyach, tynnwch y poster hwn i lawr.',
    reference: (force: string, reference: string) => `${force}, cyfeirnod ${reference}`,
    appeal: (id: string) => `Apêl ${id}`,
  },
);
