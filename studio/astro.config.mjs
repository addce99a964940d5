// @ts-check
// The studio: the signed-in authoring app. A server (never part of dist/ or a release), built by
// `npm run studio` into .cache/studio/ and served on 127.0.0.1 by scripts/studio.ts.
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';
import routeList from './src/integrations/route-list.ts';
import { readOperatorEnv } from '../src/lib/config/operator-env.ts';

const root = import.meta.dirname;

export default defineConfig({
  root,
  srcDir: './src',
  publicDir: './public',
  outDir: readOperatorEnv().studio.buildDir ?? '../.cache/studio/build',
  cacheDir: '../.cache/studio/astro',
  output: 'server',
  // 64 MB: a form with a few phone photos; each photo is also limited on its own (see the edit page).
  adapter: node({ mode: 'standalone', bodySizeLimit: 64 * 1024 * 1024 }),
  trailingSlash: 'ignore',
  // Our middleware checks Origin against STUDIO_ORIGIN (behind a TLS proxy Astro's own check
  // would compare with the proxy's plain-http address), plus a CSRF token on every change.
  // Astro hashes its own island scripts into each page's Content-Security-Policy header, so the
  // policy stays strict (no 'unsafe-inline') with React islands; the rest matches studio-headers.ts.
  security: {
    checkOrigin: false,
    csp: {
      directives: [
        "default-src 'none'",
        "img-src 'self' blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
      ],
    },
  },
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Nothing inline, so the strict Content Security Policy holds.
  vite: { cacheDir: '../.cache/studio/vite', build: { assetsInlineLimit: 0 } },
  // React only for the studio's interactive islands; the public site (../astro.config.mjs) has none.
  integrations: [react({ include: ['**/islands/**'] }), routeList()],
});
