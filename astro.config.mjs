// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import contentValidation from './src/integrations/content-validation.ts';
import searchIndex from './src/integrations/search-index.ts';
import photos from './src/integrations/photos.ts';
import hostHeaders from './src/integrations/host-headers.ts';
import { loadSettings } from './src/lib/content/load-settings.ts';
import { contentDirectory } from './src/lib/content/content-location.ts';
import { operatorEnv } from './src/site/operator-env.ts';
import { inSitemap } from './src/lib/outputs/robots.ts';
import { DEFAULT_LOCALE, HTML_LANG, LOCALES } from './src/lib/i18n/locales.ts';

const { settings } = loadSettings(contentDirectory(operatorEnv));
const validation = contentValidation();

export default defineConfig({
  // The content validation integration reports a broken settings file; this fallback only lets it run.
  site: settings?.baseUrl ?? 'https://appeals.example.org',
  trailingSlash: 'always',
  // English at `/`, Welsh at the same path under `/cy/` (src/lib/i18n/locales.ts).
  i18n: { locales: [...LOCALES], defaultLocale: DEFAULT_LOCALE, routing: { prefixDefaultLocale: false } },
  // Outside node_modules so `npm install` keeps it warm; fixture builds pass their own. It holds
  // Astro's content store and our photo cache (src/lib/photos/photo-cache.ts).
  cacheDir: operatorEnv.astroCacheDir ?? './.cache/astro',
  build: {
    format: 'directory',
    // External stylesheets only, so a strict CSP with no 'unsafe-inline' holds.
    inlineStylesheets: 'never',
  },
  devToolbar: { enabled: false },
  vite: {
    // Never inline small scripts into pages: a strict CSP allows only same-origin script files.
    // Content photos never pass through it: they are ours (/_photos/, src/integrations/photos.ts).
    build: { assetsInlineLimit: 0 },
  },
  // Validation is last so that its build-done hook, which frees the build lock, runs after the others.
  integrations: [
    // Active appeals and static pages only: never a closed appeal, the notice, posters or the embed.
    // Both languages, each page with its twin as an alternate.
    sitemap({
      filter: (page) => inSitemap(page, validation.closedIds()),
      i18n: { defaultLocale: DEFAULT_LOCALE, locales: { ...HTML_LANG } },
    }),
    photos({ report: validation.report }),
    searchIndex({ expectedPages: validation.activeAppeals }),
    hostHeaders({
      closedIds: validation.closedIds,
      embedAllowedSites: settings?.embed.allowedSites ?? ['*'],
    }),
    validation,
  ],
});
