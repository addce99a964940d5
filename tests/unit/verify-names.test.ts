import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { identifyingPhrases } from '../../src/lib/model/name-matching.ts';
import { foldText } from '../../src/lib/model/text-fold.ts';
import { activeNameMask, sharedNames, verifyRelease } from '../../src/lib/publishing/verify-release.ts';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function release(files: Record<string, string>): string {
  root = mkdtempSync(path.join(tmpdir(), 'verify-names-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const input = (releaseDir: string) => ({
  releaseDir,
  activeIds: [],
  closedIds: [],
  publicDir: releaseDir,
  forbiddenNames: [{ id: '2026-0200', name: 'Mason Elderwick', knownAs: [] }],
  activeNames: ['Mason Elderwick-Callowmere', 'Ada One'],
});

it('an active child whose name contains a closed child\'s name ("Amy Smith-Jones" and "Amy Smith") does not block publishing', () => {
  const dir = release({
    'appeals/index.html': '<h2>Mason Elderwick-Callowmere</h2><h2>Ada One</h2>',
    'search.json': '{"n":"MASON ELDERWICK-CALLOWMERE"}',
  });
  expect(verifyRelease(input(dir))).toEqual([]);
});

it("the closed child's name on its own is still found, even beside the longer active name", () => {
  const dir = release({
    'appeals/index.html': '<h2>Mason Elderwick-Callowmere</h2><p>Mason Elderwick, 14</p>',
    'mason-elderwick.txt': 'x',
  });
  expect(
    verifyRelease(input(dir))
      .map((f) => f.file)
      .sort(),
  ).toEqual(['appeals/index.html', 'mason-elderwick.txt']);
});

it('activeNameMask blanks only the active names that contain a forbidden one', () => {
  const unmask = activeNameMask(['Amy Smith'], ['Amy Smith-Jones', 'Amy Smithers', 'Bo Two']);
  // It works on folded text (src/lib/model/name-matching.ts), as verification reads every file.
  expect(unmask(foldText('Amy Smith-Jones, Bo Two, AMY SMITH'))).toBe(' , bo two, amy smith');
  expect(activeNameMask(['Amy Smith'], [])('amy smith')).toBe('amy smith');
});

describe('names as people write them', () => {
  const siobhan = { id: '2026-0300', name: "Siobhán O'Neill", knownAs: ['Will', 'May', 'Grace', 'Hope'] };
  const check = (files: Record<string, string>) =>
    verifyRelease({
      releaseDir: release(files),
      activeIds: [],
      closedIds: [],
      publicDir: root!,
      forbiddenNames: [siobhan],
    }).map((f) => `${f.file}: ${f.problem}`);

  it('folds case, accents, quotes, dashes and spaces alike on both sides', () => {
    expect(foldText('Siobhán O’Neill')).toBe("siobhan o'neill");
    expect(foldText('ZOË ŃOWAK')).toBe('zoe nowak');
    expect(foldText('Łucja Øyen-Straße')).toBe('lucja oyen-strasse');
    expect(foldText('Amy\u00a0Smith\u2011Jones')).toBe('amy smith-jones');
    expect(foldText('“Jo” ‘Jay’')).toBe('"jo" \'jay\'');
  });

  it('looks for the name, other names of two words or more, and a one-word other name only with the family name', () => {
    expect(identifyingPhrases("Siobhán O'Neill", ['Will', 'Shiv Oh', 'may'])).toEqual([
      "siobhan o'neill",
      "will o'neill",
      'shiv oh',
      "may o'neill",
    ]);
    expect(identifyingPhrases('Zeph', ['Z', 'Zee'])).toEqual(['zeph']);
  });

  it('never finds everyday words that are also her other names (Will, May, Grace, Hope), in pages, feeds, the index or scripts', () => {
    expect(
      check({
        'appeals/2026-0001/poster/index.html':
          '<main><p>If the appeal ends, the QR code\u2019s page will say so.</p><p>Missing since 14 May 2026</p></main>',
        'appeals/2026-0002/index.html': '<main><p>We hope she may come home. Grace Street.</p></main>',
        'feeds/appeals.xml': '<item><title>Missing since 1 May 2026</title></item>',
        'pagefind/pagefind-ui.js': 'const t={more:"Load more results",note:"This will take a moment"}',
        'pagefind/fragment/en_1.pf_fragment': '{"content":"may use buses, we hope"}',
        'will-may-grace-hope.txt': 'Will. May. Grace. Hope.',
      }),
    ).toEqual([]);
  });

  it('finds her name however it is written: curly quotes, no accents, capitals, entities, escapes, split by markup, in attributes', () => {
    const findings = check({
      'a/index.html': '<p>her friend Siobhán O’Neill</p>',
      'b/index.html': '<p>SIOBHAN O&#39;NEILL</p>',
      'c/index.html': '<p>Siobh&aacute;n <strong>O&rsquo;Neill</strong></p>',
      'd/index.html': '<img src="/x.webp" alt="Siobhán O&#x2019;Neill smiling">',
      'e/index.html': '<a href="https://wa.me/?text=Siobh%C3%A1n%20O%27Neill">Share</a>',
      'f.json': '{"name":"Siobh\\u00e1n O\\u2019Neill"}',
      'g.xml': '<title>Will O&apos;Neill</title>',
      'h/index.html': '<p>Siobhan ONeill</p>',
      'siobhan-oneill.txt': 'x',
    });
    expect(findings.sort()).toEqual([
      'a/index.html: contains "siobhan o\'neill", a name from closed appeal 2026-0300',
      'b/index.html: contains "siobhan o\'neill", a name from closed appeal 2026-0300',
      'c/index.html: contains "siobhan o\'neill", a name from closed appeal 2026-0300',
      'd/index.html: contains "siobhan o\'neill", a name from closed appeal 2026-0300',
      'e/index.html: contains "siobhan o\'neill", a name from closed appeal 2026-0300',
      'f.json: contains "siobhan o\'neill", a name from closed appeal 2026-0300',
      'g.xml: contains "will o\'neill", a name from closed appeal 2026-0300',
      'h/index.html: contains "siobhan oneill", a name from closed appeal 2026-0300',
      'siobhan-oneill.txt: file name contains "siobhan-oneill", a name from closed appeal 2026-0300',
    ]);
  });

  it('matches whole words only', () => {
    expect(
      check({
        'a/index.html': '<p>Siobhánna O’Neills</p><p>Xsiobhan o’neill</p>',
      }),
    ).toEqual([]);
  });
});

// Issue 20, points 1 and 2: names hidden by invisible characters, and names that are not whole words.
describe('hidden and not-whole-word names', () => {
  const maisie = { id: '2026-0400', name: 'Maisie Brindlecombe', knownAs: [] };
  const found = (
    forbidden: Array<{ id: string; name: string; knownAs: string[] }>,
    files: Record<string, string>,
  ) =>
    verifyRelease({
      releaseDir: release(files),
      activeIds: [],
      closedIds: [],
      publicDir: root!,
      forbiddenNames: forbidden,
    })
      .map((f) => f.file)
      .sort();
  const backwards = [...'Maisie Brindlecombe'].reverse().join('');

  it('ignores soft hyphens, joiners, word joiners, bidi marks and overrides, typed, as references or escaped', () => {
    const files = {
      'a/index.html': '<p>her friend Maisie Brin&shy;dlecombe said</p>',
      'b/index.html': '<p>Maisie Brin\u00addlecombe</p>',
      'c/index.html': '<p>Mai&zwnj;sie Brindle&NoBreak;combe</p>',
      'd/index.html': '<p>Maisie&lrm; Brin&#8203;dle&#x2060;combe</p>',
      'e/index.html': `<p>her friend \u202e${backwards}\u202c said</p>`,
      'f/index.html': `<p>her friend &#x202E;${backwards}&#x202C; said</p>`,
      'g.json': '{"content":"Maisie Brin\\u00addlecombe"}',
      'h.json': `{"content":"\\u202e${backwards}"}`,
      'i/index.html': '<p>Maisie\u3164Brindlecombe, Maisie \u2067Brindlecombe\u2069</p>',
    };
    expect(found([maisie], files)).toEqual(Object.keys(files).sort());
  });

  it('reads a line break and every block boundary as a space', () => {
    expect(
      found([maisie], {
        'a/index.html': '<p>Maisie<br>Brindlecombe</p>',
        'b/index.html': '<li>Maisie</li><li>Brindlecombe</li>',
        'c/index.html': '<p>Maisie</p>\n<p>Brindlecombe</p>',
        'd/index.html': '<td>Maisie</td><td>Brindle<wbr>combe</td>',
      }),
    ).toEqual(['a/index.html', 'b/index.html', 'c/index.html', 'd/index.html']);
  });

  it('finds a name in a script written without spaces inside a longer run, and a Korean name with its ending', () => {
    expect(
      found(
        [
          { id: '2026-0401', name: '王小明', knownAs: [] },
          { id: '2026-0402', name: 'ブリン マイ', knownAs: [] },
          { id: '2026-0403', name: '김민준', knownAs: [] },
          { id: '2026-0404', name: 'สมชาย', knownAs: [] },
        ],
        {
          'a/index.html': '<p>她的朋友王小明说</p>',
          'b/index.html': '<p>友達のブリン・マイさんが</p>',
          'c/index.html': '<p>友達のブリンマイさん</p>',
          'd/index.html': '<p>김민준이 실종되었다</p>',
          'e/index.html': '<p>เพื่อนของสมชายบอกว่า</p>',
          'f/index.html': '<p>她的朋友王小说</p><p>김민서가</p>',
        },
      ),
    ).toEqual(['a/index.html', 'b/index.html', 'c/index.html', 'd/index.html', 'e/index.html']);
  });

  it('finds "Surname, First" with the comma, but not the two words reversed without one', () => {
    expect(
      found([{ id: '2026-0405', name: 'Maisie Jo Brindlecombe', knownAs: ['Mo'] }], {
        'a/index.html': '<p>BRINDLECOMBE, Maisie Jo (14)</p>',
        'b.json': '{"n":"Brindlecombe,Maisie Jo"}',
        'c/index.html': '<p>Mrs Brindlecombe, Mo and I</p>',
        'd/index.html': '<p>Brindlecombe Maisie Jo</p>',
      }),
    ).toEqual(['a/index.html', 'b.json', 'c/index.html']);
  });

  it('reads Cyrillic and Greek letters drawn like Latin ones as those letters, in either case', () => {
    expect(foldText('M\u0430isie')).toBe('maisie');
    expect(foldText('\u041c\u0410ISIE \u0412RINDLECOMBE')).toBe('maisie brindlecombe');
    expect(foldText('\u039c\u0391\u0399SIE')).toBe('maisie');
    // A real Cyrillic name still matches itself, whatever its case.
    expect(foldText('\u041d\u0438\u043d\u0430')).toBe(foldText('\u041d\u0418\u041d\u0410'));
    expect(
      found(
        [
          maisie,
          {
            id: '2026-0406',
            name: '\u041d\u0438\u043d\u0430 \u041f\u0435\u0442\u0440\u043e\u0432\u0430',
            knownAs: [],
          },
        ],
        {
          'a/index.html': '<p>M\u0430isi\u0435 Brindl\u0435\u0441omb\u0435</p>',
          'b/index.html': '<p>\u041d\u0418\u041d\u0410 \u041f\u0415\u0422\u0420\u041e\u0412\u0410</p>',
          'c/index.html': '<p>Maisie Brindlecomb\u0444</p>',
        },
      ),
    ).toEqual(['a/index.html', 'b/index.html']);
  });

  it('reads ä, ö, ü and ae, oe, ue as one, both ways, and ß as ss', () => {
    const files = {
      'a/index.html': '<p>J\u00fcrgen M\u00fcller</p>',
      'b/index.html': '<p>Juergen Mueller</p>',
      'c/index.html': '<p>JURGEN MULLER</p>',
      'd/index.html': '<p>Ju\u0308rgen Mu\u0308ller</p>',
    };
    expect(found([{ id: '2026-0407', name: 'J\u00fcrgen M\u00fcller', knownAs: [] }], files)).toEqual(
      Object.keys(files).sort(),
    );
    expect(found([{ id: '2026-0408', name: 'Juergen Mueller', knownAs: [] }], files)).toEqual(
      Object.keys(files).sort(),
    );
    expect(
      found([{ id: '2026-0409', name: 'Grete Stra\u00dfer', knownAs: [] }], {
        'a/index.html': '<p>GRETE STRASSER</p>',
      }),
    ).toEqual(['a/index.html']);
  });
});

// Issue 20, point 8: a closed child's name given to an active appeal cannot be looked for; say so.
describe('names shared with an active appeal', () => {
  const closed = [
    { id: '2026-0500', name: 'Jay Smith', knownAs: ['Jojo Smith'] },
    { id: '2026-0501', name: 'Jürgen Müller', knownAs: [] },
  ];

  it('lists each active name a closed child has too, as matching reads names, with the closed id only', () => {
    expect(sharedNames(closed, ['Ada One', 'JAY SMITH', 'Juergen Mueller', 'Amy Smith-Jones'])).toEqual([
      { closedId: '2026-0500', name: 'JAY SMITH' },
      { closedId: '2026-0501', name: 'Juergen Mueller' },
    ]);
    expect(sharedNames(closed, ['Jay Smithers', 'Smith'])).toEqual([]);
  });

  it("does not look for a shared name, but still looks for the closed child's other names", () => {
    const dir = release({
      'appeals/index.html': '<h2>Jay Smith</h2><h2>Juergen Mueller</h2>',
      'other/index.html': '<p>Jojo Smith</p>',
    });
    expect(
      verifyRelease({
        releaseDir: dir,
        activeIds: [],
        closedIds: [],
        publicDir: dir,
        forbiddenNames: closed,
        activeNames: ['Jay Smith', 'Juergen Mueller'],
      }).map((f) => `${f.file}: ${f.problem}`),
    ).toEqual(['other/index.html: contains "jojo smith", a name from closed appeal 2026-0500']);
  });
});

it("folding drops exactly Unicode's default-ignorable characters (and accent marks), as its list says", () => {
  const kept: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCodePoint(cp);
    if (/\p{Default_Ignorable_Code_Point}/u.test(c) && foldText(`a${c}b`) !== 'ab')
      kept.push(cp.toString(16));
  }
  expect(kept).toEqual([]);
  expect(foldText('a\u2028b\u00a0c\u3000d')).toBe('a\u2028b c d');
});
