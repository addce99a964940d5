import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { identifyingPhrases } from '../../src/lib/model/name-matching.ts';
import { foldText } from '../../src/lib/model/text-fold.ts';
import { activeNameMask, verifyRelease } from '../../src/lib/publishing/verify-release.ts';

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
