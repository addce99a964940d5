// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import contentValidation from './src/integrations/content-validation.ts';
import searchIndex from './src/integrations/search-index.ts';
import hostHeaders from './src/integrations/host-headers.ts';
import { loadSettings } from './src/lib/validate-content.ts';
import { contentDirectory } from './src/lib/content-location.ts';
import { inSitemap } from './src/lib/robots.ts';

const { settings } = loadSettings(contentDirectory());
const validation = contentValidation();

export default defineConfig({
  // The content validation integration reports a broken settings file; this fallback only lets it run.
  site: settings?.baseUrl ?? 'https://appeals.example.org',
  trailingSlash: 'always',
  // Outside node_modules so `npm install` keeps it warm; fixture builds pass their own.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './.cache/astro',
  build: {
    format: 'directory',
    // External stylesheets only, so a strict CSP with no 'unsafe-inline' holds.
    inlineStylesheets: 'never',
  },
  image: {
    // AVIF at sharp's default effort (4) dominates build time; effort 2 costs a few per cent in size.
    service: { entrypoint: 'astro/assets/services/sharp', config: { avif: { effort: 2 }, jpeg: { mozjpeg: true } } },
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
          assetFileNames: (asset) => (/\.(jpe?g|png|webp|avif|gif)$/i.test(asset.names?.[0] ?? '') ? '_photos/[name].[hash][extname]' : '_astro/[name].[hash][extname]'),
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
    hostHeaders({ closedIds: validation.closedIds, embedAllowedSites: settings?.embed.allowedSites ?? ['*'] }),
    validation,
  ],
});
