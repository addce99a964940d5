// knip: unused files, exports and dependencies. `npm run lint` runs it; any finding fails.
// Knip's own plugins already find Astro's entry points for the site (astro.config.mjs, src/pages/**), Vitest's
// (vitest*.config.ts and the files they name) and ESLint's (eslint.config.js); the rest are listed here.
import type { KnipConfig } from 'knip';

const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/;
const scriptTag = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/**
 * What an `.astro` file imports: its frontmatter, its `<script>` bodies, and the modules its
 * `<script src="./x.ts">` tags load. Knip's built-in Astro compiler does not follow `src`, which is how every
 * component here loads its browser script, so without this each of those scripts looks unused.
 */
function astroImports(text: string): string {
  const parts = [frontmatter.exec(text)?.[1] ?? ''];
  for (const [, attributes = '', body = ''] of text.matchAll(scriptTag)) {
    // Data blocks (`type="application/ld+json"`) are not code.
    if (/\btype=["'](?!module)/.test(attributes)) continue;
    const src = /\bsrc=["']([^"']+)["']/.exec(attributes)?.[1];
    parts.push(src ? `import '${src}';` : body);
  }
  return parts.join('\n');
}

const config: KnipConfig = {
  entry: [
    // Each script is an `npm run` command (package.json's scripts run them with `node scripts/x.ts`).
    'scripts/*.ts',
    // The studio is a second Astro project (`astro build --root studio`), which knip's Astro plugin does not see.
    'studio/astro.config.mjs',
    'studio/src/pages/**/*.{astro,ts}',
    'studio/src/middleware.ts',
    // Tests are entry points, but only tests/**: a helper export that no test uses is still reported.
    'tests/**/*.test.ts',
    // The alerts service worker: the browser loads it by URL (src/components/push/push-offer.ts registers it).
    'public/alerts/sw.js',
  ],
  project: ['**/*.{ts,mjs,js,astro}'],
  // An export used in its own file is not dead code, only an `export` keyword more than needed; what is reported is
  // an export nothing uses at all.
  ignoreExportsUsedInFile: true,
  compilers: { astro: astroImports },
  // Read with `require.resolve` on a template string (src/lib/photos/card-fonts.ts), which no static analysis follows.
  ignoreDependencies: ['@fontsource/atkinson-hyperlegible-next', '@fontsource/noto-sans'],
  // util-linux's `script` gives a test a real terminal (tests/studio/studio-security.test.ts); not an npm package.
  // openssl makes the test push service's certificate (scripts/lib/push-service.ts); Debian's, via ca-certificates.
  ignoreBinaries: ['script', 'openssl'],
};

export default config;
