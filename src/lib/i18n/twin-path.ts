import { localePath, unlocalisedPath, type Locale } from './locales.ts';

/** The same page in `locale`: "/cy/help/" → "/help/" in English, "/help/" → "/cy/help/" in Welsh. */
export function twinPath(pathname: string, locale: Locale): string {
  const path = unlocalisedPath(pathname);
  // A not-found page is served at any missing address: its twin is the other language's home page.
  return localePath(locale, path === '/404/' ? '/' : path);
}
