// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import contentValidation from './src/integrations/content-validation.ts';
import searchIndex from './src/integrations/search-index.ts';
import hostHeaders from './src/integrations/host-headers.ts';
import { loadSettings } from './src/lib/validate-content.ts';
import { contentDirectory } from './src/lib/content-location.ts';

const { settings } = loadSettings(contentDirectory());
const validation = contentValidation();

export default defineConfig({
  // The content validation integration reports a broken settings file; this fallback only lets it run.
  site: settings?.baseUrl ?? 'https://appeals.example.org',
  trailingSlash: 'always',
  // Separate caches per content folder keep fixture builds from sharing the demo site's data store.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
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
    build: { assetsInlineLimit: 0 },
  },
  integrations: [validation, react(), searchIndex({ expectedPages: validation.activeAppeals }), hostHeaders()],
});
