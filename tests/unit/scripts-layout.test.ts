// Guards scripts/: each top-level script is a command (`npm run <name>`), and no module imports
// one, so a command's path never runs through another command's entry point; what commands share
// lives in scripts/lib/ or src/lib (issue 18).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPTS = path.resolve(import.meta.dirname, '../../scripts');
const IMPORT_RE =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s*['"]([^'"]+)['"]/gm;

function modulesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return modulesUnder(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The imports of `file` (whose text is `source`) that name a top-level script: one line each. */
export function scriptEntryImports(file: string, source: string): string[] {
  return [...source.matchAll(IMPORT_RE)]
    .map((m) => (m[1] ?? m[2] ?? m[3])!)
    .filter((spec) => spec.startsWith('.'))
    .filter((spec) => path.dirname(path.resolve(path.dirname(file), spec)) === SCRIPTS)
    .map((spec) => `${path.relative(SCRIPTS, file)} imports ${spec}, the entry point of another command`);
}

describe('scripts layout', () => {
  it('no script or scripts/lib module imports a top-level script', () => {
    const modules = modulesUnder(SCRIPTS);
    expect(modules.length).toBeGreaterThan(20);
    expect(modules.flatMap((file) => scriptEntryImports(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('catches a static and a dynamic import of a command (so the guard itself can fail)', () => {
    expect(
      scriptEntryImports(path.join(SCRIPTS, 'appeal.ts'), "import { runRepublish } from './republish.ts';"),
    ).toEqual(['appeal.ts imports ./republish.ts, the entry point of another command']);
    expect(
      scriptEntryImports(path.join(SCRIPTS, 'lib/nginx-server.ts'), "await import('../nginx-config.ts');"),
    ).toHaveLength(1);
    expect(
      scriptEntryImports(path.join(SCRIPTS, 'appeal.ts'), "import { runCheck } from './lib/check-cli.ts';"),
    ).toEqual([]);
  });
});
