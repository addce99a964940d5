// Issue 19, point 17: every letter of a name the card draws is the letter the name has, or
// `npm run check` refuses the name. The glyphs the card drew are read back through the fonts' own
// character maps, and the rendered JPEG is compared with the "?" a missing glyph used to become.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content/content-errors.ts';
import { PRINTABLE_ASCII_RE } from '../../src/lib/content/share-card-problems.ts';
import { stringifyMarkdownFile } from '../../src/lib/content/frontmatter.ts';
import { validateContent } from '../../src/lib/content/validate-content.ts';
import { cardGlyphProblem, characterTheCardCannotDraw } from '../../src/lib/outputs/card-glyphs.ts';
import { setText, typefaceFor, type DrawnGlyph } from '../../src/lib/outputs/svg-text.ts';
import { cardFonts } from '../../src/lib/photos/card-fonts.ts';
import { renderShareCard, shareCardDrawing, type ShareCardText } from '../../src/lib/photos/share-card.ts';
import { FIXTURES, plainTestPhoto } from '../helpers/fixture-content.ts';

const fonts = cardFonts();
const WEIGHTS = [fonts.regular, fonts.bold];
const [ATKINSON_BOLD, NOTO_BOLD] = fonts.bold;

/** Fictional names and the letters of each language, as people type them (NFC). */
const LANGUAGES: Record<string, { names: string[]; letters: string }> = {
  Welsh: { names: ['Tomos Gwŷn Pritchard', 'Siôn Ŵyn ap Dafydd'], letters: 'ŵŷŴŶâêîôûÂÊÎÔÛ' },
  Irish: { names: ['Aoife Ó Súilleabháin', 'Ciarán Ní Bhríain'], letters: 'áéíóúÁÉÍÓÚ' },
  Polish: { names: ['Zofia Łęcka-Żółć', 'Jaś Ńźdźbło'], letters: 'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ' },
  Turkish: { names: ['Ayşe Gül Yıldız', 'İlkay Çağrı Öztürk'], letters: 'ğıİşçöüĞŞÇÖÜ' },
  // Comma below (U+0219, U+021B), as Romanian is written, not the Turkish cedilla.
  Romanian: { names: ['Ștefania Țăran', 'Ionuț Bădărău'], letters: 'șțăâîȘȚĂÂÎ' },
  Vietnamese: {
    names: ['Nguyễn Thị Ánh', 'Trần Văn Đức', 'Phạm Thị Hương'],
    letters:
      'ươƯƠđĐạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ',
  },
  Macron: { names: ['Ōtaki Kōji', 'Tāne Ōrewa'], letters: 'ŌōĀāĒēĪīŪū' },
  Greek: {
    names: ['Ελένη Παπαδοπούλου'],
    letters: 'ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ',
  },
  Cyrillic: {
    names: ['Олена Шевчук', 'Їжак Ґудзь'],
    letters: 'АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгґдеєжзиіїйклмнопрстуфхцчшщьюяЁёЫыЭэЪъ',
  },
};

/** The characters the font's own character map says a drawn glyph is. */
function charactersOf(drawn: DrawnGlyph): string[] {
  const map = (drawn.font.tables.cmap as unknown as { glyphIndexMap: Record<string, number> }).glyphIndexMap;
  return Object.entries(map)
    .filter(([, index]) => index === drawn.glyph.index)
    .map(([code]) => String.fromCodePoint(Number(code)));
}

function readBack(glyphs: readonly DrawnGlyph[]): string {
  for (const g of glyphs) {
    expect(g.glyph.index, `.notdef drawn for '${g.char}'`).not.toBe(0);
    expect(charactersOf(g), `the glyph drawn for '${g.char}'`).toContain(g.char);
    // A letter with no outline would be an invisible gap in the name.
    if (g.char !== ' ') expect(g.glyph.getPath(0, 0, 72).commands.length).toBeGreaterThan(0);
  }
  return glyphs.map((g) => charactersOf(g).find((c) => c === g.char) ?? '').join('');
}

function cardText(name: string, extra: Partial<ShareCardText> = {}): ShareCardText {
  return {
    name,
    facts: 'Age 14 now · Missing since 3 March 2026',
    lastSeen: 'Last seen: Market Street, Leeds, Yorkshire and the Humber',
    seeNow: 'See this child now? Call 999',
    information: 'Information? Call 101 quoting DEMO-1234, or 116 000',
    address: 'appeals.example.org/appeals/2026-0101/',
    demonstration: true,
    ...extra,
  };
}

describe("the share card's fonts", () => {
  for (const [language, { names, letters }] of Object.entries(LANGUAGES)) {
    it(`draw every ${language} letter as itself, in both weights`, () => {
      expect(characterTheCardCannotDraw(letters, WEIGHTS)).toBeUndefined();
      for (const weight of WEIGHTS) {
        const typeface = typefaceFor(weight, letters);
        expect(readBack(setText(typeface, letters, 0, 50, 30).glyphs)).toBe(letters);
      }
    });

    it(`draw ${language} names on the card, glyph for glyph: ${names.join(', ')}`, () => {
      for (const name of names) {
        const reference = `REF-${name.split(' ')[0]}`;
        const { lines } = shareCardDrawing(
          cardText(name, {
            lastSeen: `Last seen: ${name} Street, Leeds, Yorkshire and the Humber`,
            information: `Information? Call 101 quoting ${reference}, or 116 000`,
          }),
        );
        // The name is the first text after MISSING; it may wrap to two lines.
        const drawn = lines.map((l) => readBack(l.glyphs));
        const nameAt = drawn.indexOf('MISSING') + 1;
        const nameLines = drawn.slice(nameAt).findIndex((l) => l.startsWith('Age '));
        expect(drawn.slice(nameAt, nameAt + nameLines).join(' ')).toBe(name);
        const all = drawn.join(' ');
        expect(all).toContain(`${name} Street`);
        expect(all).toContain(`quoting ${reference}`);
      }
    });
  }

  it('draw every printable ASCII character in Atkinson Hyperlegible Next, so check skips the fonts for such text', () => {
    const ascii = Array.from({ length: 0x7f - 0x21 }, (_, i) => String.fromCharCode(0x21 + i)).join('');
    expect(PRINTABLE_ASCII_RE.test(`${ascii} \t\n`)).toBe(true);
    expect(PRINTABLE_ASCII_RE.test('Gwŷn')).toBe(false);
    for (const weight of WEIGHTS) {
      expect(typefaceFor(weight, ascii)).toBe(weight[0]);
      expect(readBack(setText(weight[0]!, ascii, 0, 50, 30).glyphs)).toBe(ascii);
    }
  });

  it('set a whole line in Atkinson Hyperlegible Next where it has every letter, else in Noto Sans', () => {
    expect(typefaceFor(fonts.bold, 'Tomos Gwŷn Pritchard')).toBe(ATKINSON_BOLD);
    expect(typefaceFor(fonts.bold, 'Zofia Łęcka-Żółć')).toBe(ATKINSON_BOLD);
    // Atkinson lacks "ễ" and "Ō": the whole name moves to Noto, so no word mixes two designs.
    expect(typefaceFor(fonts.bold, 'Nguyễn Thị Ánh')).toBe(NOTO_BOLD);
    expect(typefaceFor(fonts.bold, 'Ōtaki Kōji')).toBe(NOTO_BOLD);
  });

  it('draw a letter typed with a separate accent ("y" + U+0302) as the one letter (NFC)', () => {
    const decomposed = 'Tomos Gwy\u0302n Pritchard';
    expect(decomposed).not.toBe('Tomos Gwŷn Pritchard');
    expect(characterTheCardCannotDraw(decomposed, WEIGHTS)).toBeUndefined();
    const a = shareCardDrawing(cardText(decomposed));
    const b = shareCardDrawing(cardText('Tomos Gwŷn Pritchard'));
    expect(a.lines.map((l) => l.d)).toEqual(b.lines.map((l) => l.d));
    expect(a.lines.map((l) => readBack(l.glyphs)).join(' ')).toContain('Tomos Gwŷn Pritchard');
  });

  it('name the first character they cannot draw, and refuse to draw it rather than print "?"', () => {
    expect(characterTheCardCannotDraw('Tomos Gwŷn Pritchard', WEIGHTS)).toBeUndefined();
    expect(characterTheCardCannotDraw('Wang 王小明', WEIGHTS)).toBe('王');
    expect(characterTheCardCannotDraw('Sam 😀', WEIGHTS)).toBe('😀');
    // No single character "q̂" exists, and the card cannot place a mark on a letter.
    expect(characterTheCardCannotDraw('Iq\u0302bal', WEIGHTS)).toBe('q\u0302');
    expect(characterTheCardCannotDraw('\u0302', WEIGHTS)).toBe('\u0302');
    expect(cardGlyphProblem('Wang 王小明', WEIGHTS)).toMatch(
      /^the share card's font cannot draw '王' \(U\+738B\), so the card shared on social media would show it wrong;/,
    );
    expect(cardGlyphProblem('Iq\u0302bal', WEIGHTS)).toContain(
      "'q\u0302' (U+0071 U+0302, a letter with a separate accent mark)",
    );
    expect(() => shareCardDrawing(cardText('Wang 王小明'))).toThrow(/cannot draw '王' \(U\+738B\)/);
  });
});

describe('the rendered share card', () => {
  it('shows "ŷ" and "Ō", not the "?" a missing glyph became, nor a plain "y" or "O"', async () => {
    const photo = await plainTestPhoto(3);
    const pixels = async (name: string) =>
      (await sharp(await renderShareCard(photo, cardText(name)))
        .raw()
        .toBuffer()) as Buffer;
    const differing = (a: Buffer, b: Buffer) => {
      let n = 0;
      for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) > 64) n++;
      return n;
    };
    for (const [name, question, plain] of [
      ['Tomos Gwŷn Pritchard', 'Tomos Gw?n Pritchard', 'Tomos Gwyn Pritchard'],
      ['Ōtaki Kōji', '?taki K?ji', 'Otaki Koji'],
    ] as const) {
      const [drawn, asQuestion, asPlain] = await Promise.all([name, question, plain].map(pixels));
      expect(differing(drawn!, asQuestion!), `${name} drawn as ${question}`).toBeGreaterThan(100);
      expect(differing(drawn!, asPlain!), `${name} drawn as ${plain}`).toBeGreaterThan(20);
    }
  });
});

describe('npm run check', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
  const TODAY = { year: 2026, month: 11, day: 29 };
  const FILE = 'appeals/2026-0042/index.md';

  async function check(appeal: Record<string, unknown>, settings?: (yaml: string) => string) {
    const root = mkdtempSync(path.join(tmpdir(), 'appeals-card-glyphs-'));
    roots.push(root);
    cpSync(path.join(FIXTURES, 'basic/settings.yaml'), path.join(root, 'settings.yaml'));
    if (settings) {
      const file = path.join(root, 'settings.yaml');
      writeFileSync(file, settings(readFileSync(file, 'utf8')));
    }
    const dir = path.join(root, 'appeals', '2026-0042');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'index.md'),
      stringifyMarkdownFile(
        {
          status: 'active',
          sex: 'female',
          dateOfBirth: '2012-02-29',
          missingSince: '2026-05-01 18:30',
          lastSeen: { place: 'Park Road', town: 'Oldtown', region: 'north-west' },
          description: { height: '5 ft 2 in' },
          photos: [{ src: 'photo-1.jpg', alt: 'Fictional portrait' }],
          force: { name: 'Fixture Constabulary', reference: 'FIX-1' },
          consent: { by: 'Mother', date: '2026-05-02' },
          reviewBy: '2027-05-01',
          urgent: false,
          published: '2026-05-02',
          updated: '2026-05-03',
          ...appeal,
        },
        'A fictional test appeal.',
      ),
    );
    writeFileSync(path.join(dir, 'photo-1.jpg'), await plainTestPhoto(1));
    return (await validateContent(root, { today: TODAY, displayRoot: root })).problems.map(formatProblem);
  }

  it('accepts names in Welsh, Irish, Polish, Turkish, Romanian, Vietnamese, Greek and Cyrillic, and with macrons', async () => {
    const names = Object.values(LANGUAGES).flatMap((l) => l.names);
    for (const name of names)
      expect(await check({ name, lastSeen: { place: name, town: 'Oldtown', region: 'north-west' } })).toEqual(
        [],
      );
    // Typed with a separate accent, as some keyboards send it: drawn as "ŵ" (NFC), so accepted.
    expect(await check({ name: 'Siôn W\u0302yn' })).toEqual([]);
  });

  it("refuses, by file, field and character, what the card's font cannot draw", async () => {
    const problems = await check({
      name: 'Wang 王小明',
      force: { name: 'Fixture Constabulary', reference: 'FIX★1' },
      lastSeen: { place: 'Park Road', town: 'Iq\u0302bal Town', region: 'north-west' },
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /^appeals\/2026-0042\/index\.md: name: the share card's font cannot draw '王' \(U\+738B\)/,
      ),
      expect.stringMatching(
        /^appeals\/2026-0042\/index\.md: force\.reference: .*cannot draw '★' \(U\+2605\)/,
      ),
      expect.stringMatching(
        /^appeals\/2026-0042\/index\.md: lastSeen\.town: .*cannot draw 'q\u0302' \(U\+0071 U\+0302, a letter with a separate accent mark\)/,
      ),
    ]);
    expect(problems.every((p) => p.startsWith(FILE))).toBe(true);
  });

  it('refuses a region name or phone number in the settings that the card cannot draw', async () => {
    const problems = await check({ name: 'Tomos Gwŷn Pritchard' }, (yaml) =>
      yaml.replace('name: London', 'name: Londres ☂').replace('helpline: "116 000"', 'helpline: "116 000 ☎"'),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^settings\.yaml: phones\.helpline: .*cannot draw '☎' \(U\+260E\)/),
      expect.stringMatching(/^settings\.yaml: regions\[1\]\.name: .*cannot draw '☂' \(U\+2602\)/),
    ]);
  });
});
