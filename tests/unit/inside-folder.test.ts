import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insideFolder } from '../../src/lib/files/inside-folder.ts';

describe('insideFolder', () => {
  const root = path.resolve('/srv/site');

  it('holds the folder itself and what is under it', () => {
    expect(insideFolder(root, root)).toBe(true);
    expect(insideFolder(path.join(root, 'a', 'b.html'), root)).toBe(true);
    expect(insideFolder(`${root}${path.sep}`, root)).toBe(true);
    // Two dots starting a name are part of the name, not a step up.
    expect(insideFolder(path.join(root, '..archive'), root)).toBe(true);
  });

  it('refuses the parent, a sibling that shares a prefix, and a way out', () => {
    expect(insideFolder(path.dirname(root), root)).toBe(false);
    expect(insideFolder(`${root}-old`, root)).toBe(false);
    expect(insideFolder(path.join(root, '..', 'secret.txt'), root)).toBe(false);
    expect(insideFolder(path.resolve('/elsewhere'), root)).toBe(false);
  });
});
