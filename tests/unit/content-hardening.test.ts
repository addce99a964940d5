// Bad input as a careless or hostile author would write it: every case fails `npm run check` with
// the file, the field and the reason, and nothing crashes or leaks a file's contents.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content/content-errors.ts';
import { parseMarkdownFile, stringifyMarkdownFile } from '../../src/lib/content/frontmatter.ts';
import { validateContent } from '../../src/lib/content/validate-content.ts';
import { ingestPhoto, PhotoRejectedError } from '../../src/lib/photos/photo-ingest.ts';
import { FIXTURES, plainTestPhoto } from '../helpers/fixture-content.ts';

const TODAY = { year: 2026, month: 11, day: 29 };
const FILE = 'appeals/2026-0042/index.md';
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** The appeal as an author types it, unquoted dates and all. */
const RAW_APPEAL = `---
status: active
name: Zephyrine Quillfeather
knownAs: [Zeph]
sex: female
dateOfBirth: 2012-02-29
missingSince: 2026-05-01
lastSeen:
  place: Park Road
  town: Oldtown
  region: north-west
description:
  height: 5 ft 2 in
photos:
  - src: photo-1.jpg
    alt: Fictional portrait
    taken: 2026-03
force:
  name: Fixture Constabulary
  reference: 0123
consent:
  by: Mother
  date: 2026-05-02
reviewBy: 2027-05-01
urgent: false
published: 2026-05-02
updated: 2026-05-03
---

A fictional test appeal.
`;

interface Folder {
  root: string;
  dir: string;
}

/** A content folder with the fixture settings and appeal 2026-0042 written from `source`, with one real photo. */
async function folderWith(source: string, photo: Buffer | 'none' = 'none'): Promise<Folder> {
  const root = mkdtempSync(path.join(tmpdir(), 'appeals-hardening-'));
  roots.push(root);
  cpSync(path.join(FIXTURES, 'basic/settings.yaml'), path.join(root, 'settings.yaml'));
  const dir = path.join(root, 'appeals', '2026-0042');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.md'), source);
  writeFileSync(path.join(dir, 'photo-1.jpg'), photo === 'none' ? await plainTestPhoto(1) : photo);
  return { root, dir };
}

async function messages(folder: Folder | Promise<Folder>): Promise<string[]> {
  const { root } = await folder;
  return (await validateContent(root, { today: TODAY, displayRoot: root })).problems.map(formatProblem);
}

/** A PNG whose header claims these dimensions, with no pixel data behind it (as a decompression bomb). */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
    .png()
    .toBuffer();
  // The IHDR chunk follows the 8-byte signature: length(4) type(4) width(4) height(4) ...
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

describe('dates stay text until the schema reads them', () => {
  it('accepts the appeal as typed, keeps a reference with a leading zero as written and reads an age as a number', async () => {
    const folder = await folderWith(RAW_APPEAL);
    expect(await messages(folder)).toEqual([]);
    const report = await validateContent(folder.root, { today: TODAY });
    const appeal = report.appeals[0]!;
    expect(appeal.status === 'active' && appeal.data.force.reference).toBe('0123');
    expect(appeal.status === 'active' && appeal.data.missingSince).toBe('2026-05-01');
    const aged = RAW_APPEAL.replace('dateOfBirth: 2012-02-29', 'ageAtDisappearance: 14');
    const agedReport = await validateContent((await folderWith(aged)).root, { today: TODAY });
    expect(agedReport.problems).toEqual([]);
    expect(agedReport.appeals[0]!.status === 'active' && agedReport.appeals[0]!.data.ageAtDisappearance).toBe(
      14,
    );
    // YAML's own rules would have made it the number 123, and 2026-02-30 into 2 March.
    expect(parseMarkdownFile(RAW_APPEAL).data.force).toEqual({
      name: 'Fixture Constabulary',
      reference: '0123',
    });
  });

  const impossible: Array<[string, string, string, string]> = [
    [
      'missingSince',
      'missingSince: 2026-05-01',
      'missingSince: 2026-02-30',
      '"2026-02-30" (February 2026 has 28 days)',
    ],
    [
      'dateOfBirth',
      'dateOfBirth: 2012-02-29',
      'dateOfBirth: 2011-02-29',
      '"2011-02-29" (February 2011 has 28 days)',
    ],
    ['published', 'published: 2026-05-02', 'published: 2026-04-31', '"2026-04-31" (April 2026 has 30 days)'],
    ['updated', 'updated: 2026-05-03', 'updated: 2026-13-01', '"2026-13-01" (there is no month 13)'],
    ['reviewBy', 'reviewBy: 2027-05-01', 'reviewBy: 2027-05-00', '"2027-05-00" (days start at 1)'],
    ['consent.date', 'date: 2026-05-02', 'date: 2026-09-31', '"2026-09-31" (September 2026 has 30 days)'],
    ['photos[0].taken', 'taken: 2026-03', 'taken: 2026-13', '"2026-13" (there is no month 13)'],
  ];
  it.each(impossible)('refuses an impossible %s, quoted or not', async (field, from, to, got) => {
    const expected = `${FILE}: ${field}: expected a real date like 2026-05-01, got ${got}`;
    expect(await messages(folderWith(RAW_APPEAL.replace(from, to)))).toContain(expected);
    const [key, value] = to.split(': ') as [string, string];
    expect(await messages(folderWith(RAW_APPEAL.replace(from, `${key}: "${value}"`)))).toContain(expected);
  });

  it('refuses an impossible time, and an impossible closedAt on a tombstone', async () => {
    expect(
      await messages(
        folderWith(RAW_APPEAL.replace('missingSince: 2026-05-01', 'missingSince: "2026-05-01 24:30"')),
      ),
    ).toContain(
      `${FILE}: missingSince: expected a real date like 2026-05-01, got "2026-05-01 24:30" (there is no hour 24; use the 24-hour clock, 00:00 to 23:59)`,
    );
    const tombstone = await folderWith('---\nstatus: found\nclosedAt: 2026-02-29\n---\n');
    rmSync(path.join(tombstone.dir, 'photo-1.jpg'));
    expect(await messages(tombstone)).toEqual([
      `${FILE}: closedAt: expected a real date like 2026-05-01, got "2026-02-29" (February 2026 has 28 days)`,
    ]);
  });
});

describe('check opens every photo', () => {
  const field = `${FILE}: photos[0].src:`;
  const cases: Array<[string, () => Promise<Buffer>, RegExp]> = [
    [
      'text saved as .jpg',
      () => Promise.resolve(Buffer.from('Not a photo at all, just notes.\n')),
      /not an image that can be read/,
    ],
    ['an empty file', () => Promise.resolve(Buffer.alloc(0)), /the file is empty \(0 bytes\)/],
    [
      'a JPEG cut short',
      async () => {
        const jpeg = await sharp({
          create: {
            width: 900,
            height: 1200,
            channels: 3,
            background: '#456',
            noise: { type: 'gaussian', mean: 128, sigma: 40 },
          },
        })
          .jpeg()
          .toBuffer();
        return jpeg.subarray(0, Math.floor(jpeg.length / 2));
      },
      /the file ends too early/,
    ],
    [
      'a PNG cut short',
      async () => {
        const png = await sharp({ create: { width: 700, height: 700, channels: 3, background: '#456' } })
          .png()
          .toBuffer();
        return png.subarray(0, png.length - 12);
      },
      /the file ends too early/,
    ],
    [
      'a WebP cut short',
      async () => {
        const webp = await sharp({
          create: {
            width: 700,
            height: 700,
            channels: 3,
            background: '#456',
            noise: { type: 'gaussian', mean: 128, sigma: 40 },
          },
        })
          .webp()
          .toBuffer();
        return webp.subarray(0, webp.length - 100);
      },
      /the file ends too early/,
    ],
    [
      'an SVG drawing',
      () =>
        Promise.resolve(
          Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"><a href="javascript:alert(1)"><rect width="800" height="800"/></a></svg>',
          ),
        ),
      /got an SVG drawing, which can carry scripts and links/,
    ],
    [
      'a GIF',
      async () =>
        sharp({ create: { width: 700, height: 700, channels: 3, background: '#456' } })
          .gif()
          .toBuffer(),
      /got a GIF file/,
    ],
    [
      'a photo too small to recognise a child from',
      async () =>
        sharp({ create: { width: 599, height: 900, channels: 3, background: '#456' } })
          .jpeg()
          .toBuffer(),
      /expected at least 600 px on the short side, got 599×900 px/,
    ],
    [
      'a decompression bomb',
      () => pngClaiming(20_000, 20_000),
      /at most 50 megapixels, got 20000×20000 px \(400 megapixels\)/,
    ],
  ];
  it.each(cases)('refuses %s, naming the file and field', async (_, photo, reason) => {
    const found = (await messages(folderWith(RAW_APPEAL, await photo()))).filter((m) => m.startsWith(field));
    expect(found, found.join('\n')).toHaveLength(1);
    expect(found[0]).toMatch(reason);
  });

  it('refuses a file too large to be a photo, without reading it all', async () => {
    const folder = await folderWith(RAW_APPEAL);
    truncateSync(path.join(folder.dir, 'photo-1.jpg'), 41 * 1024 * 1024);
    expect(await messages(folder)).toEqual([
      `${field} expected a photo of at most 40 MB, got 41 MB; resize it or use \`npm run appeal -- new\`, which does`,
    ]);
  });

  it('accepts JPEG, PNG, WebP and AVIF photos that are whole', async () => {
    const base = sharp({
      create: {
        width: 640,
        height: 800,
        channels: 3,
        background: '#567',
        noise: { type: 'gaussian', mean: 128, sigma: 30 },
      },
    });
    for (const photo of [
      await base.clone().jpeg().toBuffer(),
      await base.clone().png().toBuffer(),
      await base.clone().webp().toBuffer(),
      await base.clone().avif({ effort: 0 }).toBuffer(),
    ]) {
      expect(await messages(folderWith(RAW_APPEAL, photo))).toEqual([]);
    }
  });
});

describe('photo ingest (`appeal new`) refuses what check refuses', () => {
  it('refuses an SVG, a decompression bomb and a photo cut short, writing nothing', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'appeals-ingest-')), 'photo-1.jpg');
    roots.push(path.dirname(out));
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="900" height="900"><rect width="900" height="900"/></svg>',
    );
    await expect(ingestPhoto(svg, out)).rejects.toThrow(/got an SVG drawing/);
    await expect(ingestPhoto(await pngClaiming(20_000, 20_000), out)).rejects.toThrow(
      /at most 50 megapixels/,
    );
    const jpeg = await sharp({
      create: {
        width: 900,
        height: 1200,
        channels: 3,
        background: '#456',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .jpeg()
      .toBuffer();
    await expect(ingestPhoto(jpeg.subarray(0, jpeg.length / 2), out)).rejects.toThrow(PhotoRejectedError);
    expect(existsSync(out)).toBe(false);
    await expect(ingestPhoto(jpeg, out)).resolves.toMatchObject({ width: 900, height: 1200 });
  });
});

describe('content holds regular files only', () => {
  it('refuses a photo that is a link to a file elsewhere, without naming or reading the target', async () => {
    const secret = path.join(mkdtempSync(path.join(tmpdir(), 'appeals-archive-')), 'closed-child.jpg');
    roots.push(path.dirname(secret));
    writeFileSync(secret, await plainTestPhoto(7));
    const folder = await folderWith(RAW_APPEAL);
    rmSync(path.join(folder.dir, 'photo-1.jpg'));
    symlinkSync(secret, path.join(folder.dir, 'photo-1.jpg'));
    const found = await messages(folder);
    expect(found).toEqual([
      `${FILE}: photos[0].src: expected a regular file, got a symbolic link; content must hold real files, not links to files elsewhere: copy the file in instead ("photo-1.jpg")`,
    ]);
    expect(found.join('\n')).not.toContain(secret);

    // /etc/passwd as a photo: refused as a link, its contents never printed.
    rmSync(path.join(folder.dir, 'photo-1.jpg'));
    symlinkSync('/etc/passwd', path.join(folder.dir, 'photo-1.jpg'));
    const passwd = (await messages(folder)).join('\n');
    expect(passwd).toMatch(/photos\[0\]\.src: expected a regular file, got a symbolic link/);
    expect(passwd).not.toMatch(/root:|\/etc\/passwd/);
  });

  it('refuses a linked index.md, a linked appeal folder, a linked settings file and a pipe', async () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'appeals-elsewhere-'));
    roots.push(elsewhere);
    writeFileSync(path.join(elsewhere, 'index.md'), RAW_APPEAL);
    const folder = await folderWith(RAW_APPEAL);
    rmSync(path.join(folder.dir, 'index.md'));
    symlinkSync(path.join(elsewhere, 'index.md'), path.join(folder.dir, 'index.md'));
    symlinkSync(folder.dir, path.join(folder.root, 'appeals', '2026-0043'));
    execFileSync('mkfifo', [path.join(folder.dir, 'notes')]);
    rmSync(path.join(folder.root, 'settings.yaml'));
    symlinkSync(path.join(FIXTURES, 'basic/settings.yaml'), path.join(folder.root, 'settings.yaml'));
    const found = await messages(folder);
    expect(found).toEqual(
      expect.arrayContaining([
        `${FILE}: expected a regular file, got a symbolic link; content must hold real files, not links to files elsewhere: copy the file in instead`,
        'appeals/2026-0043: expected an appeal folder, got a symbolic link; content must hold real folders, not links to folders elsewhere',
        'appeals/2026-0042/notes: expected a regular file, got a device, pipe or socket',
        'settings.yaml: expected a regular file, got a symbolic link; content must hold real files, not links to files elsewhere: copy the file in instead',
      ]),
    );
  });

  it('refuses photo paths outside the appeal folder and control characters, without crashing', async () => {
    for (const src of ['../2026-0001/photo-1.jpg', '/etc/passwd.jpg', '..\\\\x.jpg', '"\\u0000.jpg"']) {
      const found = await messages(folderWith(RAW_APPEAL.replace('src: photo-1.jpg', `src: ${src}`)));
      expect(found, src).toContain(
        `${FILE}: photos[0].src: expected a photo file name beside index.md, like photo-1.jpg, with no folders or control characters, got ${src.startsWith('"') ? '"\\u0000.jpg"' : JSON.stringify(src.replace('\\\\\\\\', '\\\\'))}`,
      );
    }
  });

  it('refuses an index.md too large to be an appeal', async () => {
    const folder = await folderWith(RAW_APPEAL + 'x'.repeat(1024 * 1024));
    expect(await messages(folder)).toEqual([
      `${FILE}: expected an index.md of at most 1 MB of text, got 1.0 MB`,
    ]);
  });
});

const body = (text: string) => RAW_APPEAL.replace('A fictional test appeal.\n', text);

describe('names and text', () => {
  it('refuses a name, or circumstances, far too long to be one', async () => {
    const found = await messages(
      folderWith(
        body(`${'Word '.repeat(1001)}\n`).replace(
          'name: Zephyrine Quillfeather',
          `name: ${'Zephyrine '.repeat(40)}`,
        ),
      ),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^appeals\/2026-0042\/index\.md: name: expected the child's name of at most 300 characters, got "Zephyrine Zephyrine/,
        ),
        `${FILE}: circumstances (the text below the frontmatter): expected at most 5,000 characters, got 5,008; the public reads a few paragraphs, not a report`,
      ]),
    );
  });

  it('refuses markup and invisible characters in names and other fields', async () => {
    const found = await messages(
      folderWith(
        RAW_APPEAL.replace('name: Zephyrine Quillfeather', 'name: "<script>alert(1)</script> Zephyrine"')
          .replace('knownAs: [Zeph]', 'knownAs: ["Ze\\u200Bph", "\\u202Ehpez"]')
          .replace('place: Park Road', 'place: "<img src=x onerror=alert(1)>"'),
      ),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        `${FILE}: name: expected plain text, without HTML tags (<…>), got "<script>alert(1)</script> Zephyrine"`,
        `${FILE}: knownAs[0]: expected visible text only, got an invisible character (U+200B) that can hide or reorder letters; retype the text, got "Ze\u200Bph"`,
        `${FILE}: knownAs[1]: expected visible text only, got an invisible character (U+202E) that can hide or reorder letters; retype the text, got "\u202Ehpez"`,
        `${FILE}: lastSeen.place: expected plain text, without HTML tags (<…>), got "<img src=x onerror=alert(1)>"`,
      ]),
    );
  });

  // Issue 20, point 1: a hidden character splits a name on the page and hides it from any search.
  it('refuses soft hyphens, joiners, bidi controls and other default-ignorables in every text field, typed or as references', async () => {
    const found = await messages(
      folderWith(
        RAW_APPEAL.replace('name: Zephyrine Quillfeather', 'name: "Zephyrine Quill\\u00ADfeather"')
          .replace('knownAs: [Zeph]', 'knownAs: ["Ze&zwnj;ph", "Ze\\u3164ph", "Ze\\u034Fph"]')
          .replace('place: Park Road', 'place: "Park&NoBreak;Road"')
          .replace('town: Oldtown', 'town: "Old&#x2066;town"')
          .replace('height: 5 ft 2 in', 'height: "5 ft&lrm; 2 in"')
          .replace('alt: Fictional portrait', 'alt: "Fictional &#173;portrait"')
          .replace('by: Mother', 'by: "Mo\\uFE0Fther"'),
      ),
    );
    const expected = (field: string, what: string, fix: string): unknown =>
      expect.stringContaining(
        `${FILE}: ${field}: expected visible text only, got an invisible character (${what}) that can hide or reorder letters; ${fix}`,
      );
    expect(found).toEqual(
      expect.arrayContaining([
        expected('name', 'U+00AD', 'retype the text'),
        expected('knownAs[0]', 'U+200C, written &zwnj;', 'remove &zwnj;'),
        expected('knownAs[1]', 'U+3164', 'retype the text'),
        expected('knownAs[2]', 'U+034F', 'retype the text'),
        expected('lastSeen.place', 'U+2060, written &NoBreak;', 'remove &NoBreak;'),
        expected('lastSeen.town', 'U+2066, written &#x2066;', 'remove &#x2066;'),
        expected('description.height', 'U+200E, written &lrm;', 'remove &lrm;'),
        expected('photos[0].alt', 'U+00AD, written &#173;', 'remove &#173;'),
        expected('consent.by', 'U+FE0F', 'retype the text'),
      ]),
    );
    // Ampersands that are not references are text: "Smith & Sons", "R&B".
    expect(
      await messages(folderWith(RAW_APPEAL.replace('place: Park Road', 'place: "Smith & Sons, R&B shop"'))),
    ).toEqual([]);
  });

  it('refuses a photo file named after the child, accents or not', async () => {
    const source = RAW_APPEAL.replace('name: Zephyrine Quillfeather', 'name: Zoë Ńowak')
      .replace('knownAs: [Zeph]', 'knownAs: []')
      .replace('src: photo-1.jpg', 'src: zoe-nowak.jpg');
    const folder = await folderWith(source);
    writeFileSync(path.join(folder.dir, 'zoe-nowak.jpg'), await plainTestPhoto(2));
    expect(await messages(folder)).toContain(
      `${FILE}: photos[0].src: expected a neutral file name like photo-1.jpg, got "zoe-nowak.jpg", which contains part of the child's name (zoe, nowak); use \`npm run appeal -- new\` to ingest photos`,
    );
  });
});

describe('circumstances allow only plain text, emphasis, lists and safe links', () => {
  const field = `${FILE}: circumstances (the text below the frontmatter):`;
  /** The body starts on the line after the closing ---; its first line is this line of the file. */
  const firstBodyLine = RAW_APPEAL.split('\n').indexOf('A fictional test appeal.') + 1;

  it('accepts paragraphs, emphasis, lists and https, mailto and tel links', async () => {
    const text =
      'She is *kind* and **brave**.\n\n- Call [101](tel:101)\n- Email [us](mailto:info@example.org)\n- See [Missing People](https://www.missingpeople.org.uk)\n';
    expect(await messages(folderWith(body(text)))).toEqual([]);
  });

  const refused: Array<[string, string, string]> = [
    [
      'a javascript: link',
      '[Click here](javascript:alert(1))',
      'expected links to https:, mailto: or tel: addresses, like [Missing People](https://www.missingpeople.org.uk), got "javascript:alert(1)"',
    ],
    ['a data: link', '[Open](data:text/html,<b>hi</b>)', 'got "data:text/html,<b>hi</b>"'],
    [
      'an http: link',
      'See http://example.org',
      'expected links to https:, mailto: or tel: addresses, got "http://example.org"; write the address with https://',
    ],
    ['a relative link', '[Other appeal](/appeals/2026-0001/)', 'got "/appeals/2026-0001/"'],
    [
      'an HTML comment',
      'Text <!-- private: mum on 07700 900123 -->',
      'expected plain Markdown text; an HTML comment (<!-- … -->) is not allowed: it would be published in the page source, where anyone can read it',
    ],
    [
      'an HTML tag',
      'Text <b onclick="x()">bold</b>',
      'expected plain Markdown text; HTML tags are not allowed',
    ],
    [
      'an image',
      '![me](https://tracker.example/pixel.png)',
      'expected plain Markdown text; images belong in the photos field, not the text',
    ],
    [
      'an image with escaped brackets',
      '![a\\]b](https://tracker.example/pixel.png)',
      'images belong in the photos field',
    ],
    [
      'a reference-style image',
      '![me][pic]\n\n[pic]: https://tracker.example/pixel.png',
      'images belong in the photos field',
    ],
    [
      'a reference-style link',
      '[site][s]\n\n[s]: javascript:alert(1)',
      'write links as [text](https://…), not as reference-style links ([text][name])',
    ],
    ['a heading', '# Missing!', 'headings (lines starting with #) are not allowed'],
    ['a code block', '    indented text', 'code is not allowed'],
    ['a table', '| a | b |\n| - | - |\n| 1 | 2 |', 'tables are not allowed'],
    // Issue 20, point 1: hidden characters, typed or as references Markdown decodes.
    [
      'a soft hyphen',
      'Her friend Maisie Brin\u00addlecombe',
      'an invisible character (U+00AD) that can hide',
    ],
    [
      '&shy;',
      'Her friend Maisie Brin&shy;dlecombe',
      '(U+00AD, written &shy;) that can hide or reorder letters; remove &shy;',
    ],
    ['&zwnj;', 'Maisie Brin&zwnj;dlecombe', '(U+200C, written &zwnj;)'],
    ['&NoBreak;', 'Maisie Brin&NoBreak;dlecombe', '(U+2060, written &NoBreak;)'],
    ['&lrm;', 'Maisie&lrm; Brindlecombe', '(U+200E, written &lrm;)'],
    ['a numeric reference', 'Maisie Brin&#xAD;dlecombe', '(U+00AD, written &#xAD;)'],
    ['a right-to-left override', 'Her friend \u202eebmocelDnirB eisiaM\u202c', '(U+202E)'],
    ['&#8238;', 'Her friend &#8238;ebmocelDnirB eisiaM', '(U+202E, written &#8238;)'],
    ['an isolate', 'Maisie \u2067Brindlecombe\u2069', '(U+2067)'],
    ['a Hangul filler', 'Maisie\u3164Brindlecombe', '(U+3164)'],
  ];
  it.each(refused)('refuses %s, naming the line', async (_, text, message) => {
    const found = (await messages(folderWith(body(text)))).filter((m) => m.startsWith(field));
    expect(
      found.some((m) => m.includes(message) && m.endsWith(`(line ${firstBodyLine})`)),
      found.join('\n'),
    ).toBe(true);
  });
});

describe('files written back', () => {
  it('round-trips the author\u2019s values as text', () => {
    const { data, body } = parseMarkdownFile(RAW_APPEAL);
    const again = parseMarkdownFile(stringifyMarkdownFile(data, body));
    expect(again.data).toEqual(data);
    expect(again.body.trim()).toBe(body.trim());
  });
});
