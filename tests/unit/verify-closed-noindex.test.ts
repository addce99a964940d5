// Verification refuses a closed appeal's page that search engines may index: the notice must carry
// `<meta name="robots" content="noindex">` at the appeal's URL and at every page below it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { verifyRelease } from '../../src/lib/publishing/verify-release.ts';

const ACTIVE = '2026-0001';
const CLOSED = '2026-0002';
const ROBOTS = '<meta name="robots" content="noindex">';
const notice = (robots: string) =>
  `<html><head><title>Appeal no longer active</title>${robots}</head><body><main><h1>This appeal is no longer active</h1><p>This appeal is no longer active. Thank you to everyone who shared it.</p><p>Please remove any copies you made: posters, posts, articles.</p><p><a href="/appeals/">See the appeals that are active now</a></p></main></body></html>`;

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A release with one active appeal and one closed one, its notice at its URL and its poster's. */
function release(closedPages: Record<string, string>): string {
  root = mkdtempSync(path.join(tmpdir(), 'verify-noindex-'));
  const files: Record<string, string> = {
    [`appeals/${ACTIVE}/index.html`]: '<html><body><main><h1>Ada Active</h1></main></body></html>',
    ...closedPages,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const verify = (dir: string) =>
  verifyRelease({
    releaseDir: dir,
    activeIds: [ACTIVE],
    closedIds: [CLOSED],
    forbiddenNames: [],
    publicDir: dir,
  }).map((f) => `${f.kind} ${f.file}: ${f.problem}`);

it('passes the notice marked noindex at the URL and below it', () => {
  const dir = release({
    [`appeals/${CLOSED}/index.html`]: notice(ROBOTS),
    [`appeals/${CLOSED}/poster/index.html`]: notice(ROBOTS),
  });
  expect(verify(dir)).toEqual([]);
});

for (const [how, robots] of [
  ['with no robots tag', ''],
  ['with robots "index, follow"', '<meta name="robots" content="index, follow">'],
  ['with noindex only in another tag', '<meta name="googlebot" content="noindex">'],
] as const) {
  it(`refuses a closed appeal's page ${how}, and names it`, () => {
    const dir = release({
      [`appeals/${CLOSED}/index.html`]: notice(robots),
      [`appeals/${CLOSED}/poster/index.html`]: notice(ROBOTS),
    });
    expect(verify(dir)).toEqual([
      `closed-page appeals/${CLOSED}/index.html: closed appeal page is not marked noindex`,
    ]);
  });
}

it('refuses a page below a closed appeal (its poster) that is not marked noindex', () => {
  const dir = release({
    [`appeals/${CLOSED}/index.html`]: notice(ROBOTS),
    [`appeals/${CLOSED}/poster/index.html`]: notice(''),
  });
  expect(verify(dir)).toEqual([
    `closed-page appeals/${CLOSED}/poster/index.html: closed appeal page is not marked noindex`,
  ]);
});
