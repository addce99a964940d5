// Guards the layout of src/lib: the domain by concern, with no framework imports and pure folders
// that do no file or process I/O (Starlight keeps such guard tests in __tests__/basics/).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = path.resolve(import.meta.dirname, '../../src/lib');
const SRC = path.dirname(LIB);

/** Folders whose modules are pure: no file system, no child processes, and only pure imports. */
const PURE_FOLDERS = ['model', 'outputs', 'search', 'hosting', 'release-files', 'i18n'];
const FORBIDDEN_PACKAGES =
  /^(astro|astro:.*|astro\/.*|@astrojs\/(?!rss$).*|react|react-dom|react\/.*|react-dom\/.*)$/;
const IO_MODULES = /^(node:)?(fs|fs\/promises|child_process)$/;
const VIEW_FOLDERS = ['integrations', 'site', 'pages', 'components', 'layouts'];

const IMPORT_RE =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s*['"]([^'"]+)['"]/gm;

function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT_RE)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

/** What is wrong with one src/lib module's imports, as readable lines. */
export function layoutProblems(file: string, source: string): string[] {
  const rel = path.relative(LIB, file).split(path.sep);
  const folder = rel.length > 1 ? rel[0]! : undefined;
  const problems: string[] = [];
  if (!folder)
    problems.push(
      `${rel.join('/')}: every module belongs in a folder by concern (${PURE_FOLDERS.join(', ')}, …)`,
    );
  const pure = folder !== undefined && PURE_FOLDERS.includes(folder);
  for (const spec of importsOf(source)) {
    if (FORBIDDEN_PACKAGES.test(spec))
      problems.push(`${rel.join('/')}: imports ${spec}; src/lib stays free of Astro and React`);
    if (pure && IO_MODULES.test(spec))
      problems.push(`${rel.join('/')}: imports ${spec}, but ${folder}/ is pure`);
    if (!spec.startsWith('.')) continue;
    const target = path.resolve(path.dirname(file), spec);
    const fromSrc = path.relative(SRC, target).split(path.sep);
    if (fromSrc[0] !== 'lib') {
      if (VIEW_FOLDERS.includes(fromSrc[0]!))
        problems.push(
          `${rel.join('/')}: imports src/${fromSrc.join('/')}; the domain must not reach up into ${fromSrc[0]}/`,
        );
      else problems.push(`${rel.join('/')}: imports ${spec}, outside src/lib`);
      continue;
    }
    const targetFolder = fromSrc.length > 2 ? fromSrc[1]! : undefined;
    if (pure && (!targetFolder || !PURE_FOLDERS.includes(targetFolder))) {
      problems.push(
        `${rel.join('/')}: imports lib/${fromSrc.slice(1).join('/')}, which may do I/O, but ${folder}/ is pure`,
      );
    }
  }
  return problems;
}

function modulesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return modulesUnder(full);
    return /\.(ts|tsx|mts)$/.test(e.name) ? [full] : [];
  });
}

describe('src/lib layout', () => {
  it('has no framework imports, no reach into views, and pure folders free of I/O', () => {
    const modules = modulesUnder(LIB);
    expect(modules.length).toBeGreaterThan(40);
    const problems = modules.flatMap((file) => layoutProblems(file, readFileSync(file, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('catches each kind of breach (so the guard itself can fail)', () => {
    const at = (rel: string) => path.join(LIB, rel);
    expect(layoutProblems(at('model/x.ts'), "import { readFileSync } from 'node:fs';")).toEqual([
      'model/x.ts: imports node:fs, but model/ is pure',
    ]);
    expect(layoutProblems(at('outputs/x.ts'), "import { spawn } from 'child_process';")).toHaveLength(1);
    expect(
      layoutProblems(at('outputs/x.ts'), "import { thing } from '../publishing/releases.ts';")[0],
    ).toMatch(/may do I\/O/);
    expect(layoutProblems(at('publishing/x.ts'), "import { getImage } from 'astro:assets';")[0]).toMatch(
      /free of Astro/,
    );
    expect(layoutProblems(at('publishing/x.ts'), "import React from 'react';")[0]).toMatch(
      /free of Astro and React/,
    );
    expect(layoutProblems(at('outputs/x.ts'), "import sitemap from '@astrojs/sitemap';")[0]).toMatch(
      /free of Astro/,
    );
    // @astrojs/rss is a plain library (XML from data, no Astro runtime): the feeds' one renderer.
    expect(layoutProblems(at('outputs/x.ts'), "import { getRssString } from '@astrojs/rss';")).toEqual([]);
    expect(
      layoutProblems(at('publishing/x.ts'), "import { a } from '../../integrations/search-index.ts';")[0],
    ).toMatch(/reach up into integrations/);
    expect(
      layoutProblems(at('publishing/x.ts'), "const m = await import('../../site/appeals.ts');")[0],
    ).toMatch(/reach up into site/);
    expect(layoutProblems(at('loose.ts'), '')[0]).toMatch(/belongs in a folder/);
    // I/O is allowed outside the pure folders.
    expect(
      layoutProblems(
        at('publishing/x.ts'),
        "import { rmSync } from 'node:fs';\nimport { x } from '../model/appeal-id.ts';",
      ),
    ).toEqual([]);
  });
});
