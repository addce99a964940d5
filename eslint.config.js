// @ts-check
// ESLint's flat config: ESLint's and typescript-eslint's recommended rules with type information
// (`recommendedTypeChecked`, as withastro/starlight uses), over every TypeScript, JavaScript and Astro file we author.
// Formatting is Prettier's job (`prettier --check .` in `npm run lint`); none of these presets has layout rules.
import eslint from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // The same folders `.prettierignore` skips: built, generated or runtime output, and the authored content and
  // fixtures, which are comms staff's files rather than code.
  globalIgnores([
    'dist/',
    '.astro/',
    'studio/.astro/',
    'studio/dist/',
    'deploy/',
    '.cache/',
    'archive/',
    'test-output/',
    'bench-results/',
    'studio-data/',
    'alerts-data/',
    'content/',
    'tests/fixtures/',
  ]),

  {
    // Every file runs on Node (scripts, tests, configs, the server-rendered studio) or in the browser (the
    // components' inline scripts), so both sets of globals are known.
    languageOptions: { globals: { ...globals.nodeBuiltin, ...globals.browser } },
    // A `// eslint-disable` that no longer silences anything is itself a finding, so none outlive their reason.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each file is typed by its nearest tsconfig.json (the root's, or studio/'s for the studio), exactly as
        // `tsc --noEmit` and `tsc --noEmit -p studio` type it; the JavaScript configs are in those projects via
        // Astro's `allowJs`, so they are type-checked too. `npm run lint:code` runs `astro sync` first, so the
        // generated types (`astro:content`'s collections) are there on a fresh clone, as `astro check` makes them.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },

  {
    rules: {
      // tsc's convention (noUnusedLocals/noUnusedParameters), which `tsc --noEmit` already enforces: a leading `_`
      // marks a binding kept on purpose, as in `const { passwordHash: _hash, ...user } = row` to leave a field out.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Our control characters in patterns are the point: content checks reject them in text and file names, and
      // the build log's ANSI colour codes are stripped.
      'no-control-regex': 'off',
      // A literal beside `string` documents a special value (`string | 'forbidden'`), as withastro/starlight allows.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
    },
  },

  // Astro components: the plugin's recommended rules, with the frontmatter and scripts parsed as TypeScript.
  astro.configs.recommended,
  {
    files: ['**/*.astro'],
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        extraFileExtensions: ['.astro'],
        // astro-eslint-parser has no project service: it types each component against its nearest tsconfig.json itself.
        projectService: false,
        project: true,
      },
    },
    rules: {
      // Astro types template markup as `any` (`astroHTML.JSX.Element` is `HTMLElement | any`), so every
      // `{list.map((x) => <li>{x}</li>)}` in a template is an "unsafe return". `astro check` types templates.
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // The alerts service worker is served as written (public/alerts/sw.js): plain JavaScript in a worker's scope, which
  // no tsconfig here can type (the DOM and WebWorker libraries clash), so it gets the untyped rules and worker globals.
  {
    files: ['public/**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
);
