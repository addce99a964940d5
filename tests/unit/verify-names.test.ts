import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
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
  forbiddenNames: [{ id: '2026-0200', names: ['Mason Elderwick'] }],
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
  expect(unmask('Amy Smith-Jones, Bo Two, Amy Smith')).toBe(' , Bo Two, Amy Smith');
  expect(activeNameMask(['Amy Smith'], [])('Amy Smith')).toBe('Amy Smith');
});
