// Verification reads the Welsh outputs as it reads the English: a closed appeal's Welsh address must
// show exactly the Welsh notice, nothing else may be published under it, and a closed child's name
// (however a Welsh page writes it) or a link to their Welsh page anywhere is a finding.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { closedNoticeText } from '../../src/lib/outputs/closed-notice.ts';
import type { Locale } from '../../src/lib/i18n/locales.ts';
import { verifyRelease } from '../../src/lib/publishing/verify-release.ts';

const ACTIVE = '2026-0001';
const CLOSED = '2026-0002';
const ROBOTS = '<meta name="robots" content="noindex">';
const notice = (locale: Locale) => {
  const [heading, ...rest] = closedNoticeText(locale);
  const paragraphs = rest.map((text) => `<p>${text}</p>`).join('');
  return `<html lang="${locale}"><head>${ROBOTS}</head><body><main><h1>${heading}</h1>${paragraphs}</main></body></html>`;
};
const page = (text: string) => `<html><body><main><h1>${text}</h1></main></body></html>`;

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function findings(files: Record<string, string>): string[] {
  root = mkdtempSync(path.join(tmpdir(), 'verify-welsh-'));
  const all: Record<string, string> = {
    [`appeals/${ACTIVE}/index.html`]: page('Ada Active'),
    [`cy/appeals/${ACTIVE}/index.html`]: page('Ada Active'),
    [`appeals/${CLOSED}/index.html`]: notice('en'),
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return verifyRelease({
    releaseDir: root,
    activeIds: [ACTIVE],
    closedIds: [CLOSED],
    forbiddenNames: [{ id: CLOSED, name: 'Dafydd Llewellyn', knownAs: [] }],
    publicDir: root,
  }).map((f) => `${f.kind} ${f.file}: ${f.problem}`);
}

it('passes a closed appeal whose Welsh address and poster show the Welsh notice', () => {
  expect(
    findings({
      [`cy/appeals/${CLOSED}/index.html`]: notice('cy'),
      [`cy/appeals/${CLOSED}/poster/index.html`]: notice('cy'),
    }),
  ).toEqual([]);
});

it('finds a Welsh address without its notice, a Welsh page still showing the appeal, and a file under it', () => {
  expect(findings({ [`cy/appeals/${CLOSED}/poster/index.html`]: notice('cy') })).toContain(
    `closed-page cy/appeals/${CLOSED}/index.html: closed appeal ${CLOSED} has no page in Cymraeg; its URL must keep answering with the notice`,
  );
  const shown = findings({
    [`cy/appeals/${CLOSED}/index.html`]: notice('en'),
    [`cy/appeals/${CLOSED}/poster/index.html`]: page('Apêl'),
    [`cy/appeals/${CLOSED}/share-card.jpg`]: 'x',
  });
  expect(shown).toEqual(
    expect.arrayContaining([
      expect.stringMatching(
        new RegExp(
          `^closed-page cy/appeals/${CLOSED}/index.html: closed appeal page is not exactly the neutral notice`,
        ),
      ),
      expect.stringMatching(
        new RegExp(`^closed-page cy/appeals/${CLOSED}/poster/index.html: closed appeal page is not exactly`),
      ),
      `closed-page cy/appeals/${CLOSED}/share-card.jpg: closed appeal ${CLOSED} still publishes a file other than its notice`,
    ]),
  );
});

it('finds a closed child’s name, written with Welsh letters, and a link to their Welsh page, in Welsh outputs', () => {
  const found = findings({
    [`cy/appeals/${CLOSED}/index.html`]: notice('cy'),
    'cy/appeals/index.html': page('DAFŶDD LLEWELLYN'),
    'cy/feeds/appeals.xml': `<rss><item><link>https://example.org/cy/appeals/${CLOSED}/</link></item></rss>`,
  });
  expect(found).toEqual([
    'name cy/appeals/index.html: contains "dafydd llewellyn", a name from closed appeal 2026-0002',
    `link cy/feeds/appeals.xml: links to closed appeal ${CLOSED}`,
  ]);
});
