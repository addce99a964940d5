// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import contentValidation from './src/integrations/content-validation.ts';
import searchIndex from './src/integrations/search-index.ts';
import hostHeaders from './src/integrations/host-headers.ts';
import { loadSettings } from './src/lib/content/validate-content.ts';
import { contentDirectory } from './src/lib/content/content-location.ts';
import { inSitemap } from './src/lib/outputs/robots.ts';

const { settings } = loadSettings(contentDirectory());
const validation = contentValidation();
// `npm run bench -- --baseline`: Astro's default cache folder and image encoder settings (src/site/photo-sizes.ts).
const naive = process.env.NAIVE_BASELINE === '1';

export default defineConfig({
  // The content validation integration reports a broken settings file; this fallback only lets it run.
  site: settings?.baseUrl ?? 'https://appeals.example.org',
  trailingSlash: 'always',
  // Outside node_modules so `npm install` keeps it warm; fixture builds pass their own.
  cacheDir: naive ? './node_modules/.astro' : (process.env.ASTRO_CACHE_DIR ?? './.cache/astro'),
  build: {
    format: 'directory',
    // External stylesheets only, so a strict CSP with no 'unsafe-inline' holds.
    inlineStylesheets: 'never',
  },
  // WebP at effort 2 encodes in half the time of the default effort 4 for a few per cent in size; the
  // JPEG fallback, for the rare browser without WebP, uses the fast encoder (see src/site/photo-sizes.ts).
  image: naive
    ? {}
    : {
        service: {
          entrypoint: 'astro/assets/services/sharp',
          config: { webp: { effort: 2 }, avif: { effort: 2 } },
        },
      },
  devToolbar: { enabled: false },
  vite: {
    // Never inline small scripts into pages: a strict CSP allows only same-origin script files.
    build: {
      assetsInlineLimit: 0,
      // Photos get a folder of their own, so hosts can cache scripts and styles for ever
      // (/_astro/) but let a purge recall photos (/_photos/), which are never immutable.
      rollupOptions: {
        output: {
          assetFileNames: (asset) =>
            /\.(jpe?g|png|webp|avif|gif)$/i.test(asset.names?.[0] ?? '')
              ? '_photos/[name].[hash][extname]'
              : '_astro/[name].[hash][extname]',
        },
      },
    },
  },
  // Validation is last so that its build-done hook, which frees the build lock, runs after the others.
  integrations: [
    react(),
    // Active appeals and static pages only: never a closed appeal, the notice, posters or the embed.
    sitemap({ filter: (page) => inSitemap(page, validation.closedIds()) }),
    searchIndex({ expectedPages: validation.activeAppeals }),
    hostHeaders({
      closedIds: validation.closedIds,
      embedAllowedSites: settings?.embed.allowedSites ?? ['*'],
    }),
    validation,
  ],
});
