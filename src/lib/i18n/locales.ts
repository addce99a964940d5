/**
 * The site's two languages. English is served at `/`, Welsh under `/cy/` (Astro i18n routing with
 * `prefixDefaultLocale: false`). Every public URL has a twin in the other language at the same path.
 */
export const LOCALES = ['en', 'cy'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The `lang` attribute for each language (BCP 47). */
export const HTML_LANG: Readonly<Record<Locale, string>> = { en: 'en-GB', cy: 'cy' };

/** Each language's own name, in that language (GOV.UK's language switch shows these). */
export const LANGUAGE_NAME: Readonly<Record<Locale, string>> = { en: 'English', cy: 'Cymraeg' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The path of `path` (an English site path starting with "/") in `locale`. */
export function localePath(locale: Locale, path: string): string {
  if (!path.startsWith('/'))
    throw new Error(`localePath: expected a site path starting with "/", got "${path}"`);
  return locale === DEFAULT_LOCALE ? path : `/${locale}${path}`;
}

/** Which language a site path is in. */
export function localeOfPath(pathname: string): Locale {
  return pathname === '/cy' || pathname.startsWith('/cy/') ? 'cy' : 'en';
}

/** The English path of a path in either language ("/cy/help/" → "/help/"). */
export function unlocalisedPath(pathname: string): string {
  return localeOfPath(pathname) === 'cy' ? pathname.slice(3) || '/' : pathname;
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'cy' : 'en';
}
