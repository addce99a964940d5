import { defineStrings } from '../define-strings.ts';

/** The neutral notice at a closed appeal's address (410 Gone). It never says why the appeal closed. */
export const closedStrings = defineStrings(
  'closed',
  {
    title: 'Appeal no longer active',
    heading: 'This appeal is no longer active',
    thanks: 'This appeal is no longer active. Thank you to everyone who shared it.',
    removeCopies: 'Please remove any copies you made: posters, posts, articles.',
    link: 'See the appeals that are active now',
  },
  {
    title: 'Apêl nad yw’n weithredol mwyach',
    heading: 'Nid yw’r apêl hon yn weithredol mwyach',
    thanks: 'Nid yw’r apêl hon yn weithredol mwyach. Diolch i bawb a’i rhannodd.',
    removeCopies: 'Tynnwch unrhyw gopïau a wnaethoch: posteri, negeseuon, erthyglau.',
    link: 'Gweld yr apeliadau sy’n weithredol nawr',
  },
);
