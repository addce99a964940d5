import { localePath, unlocalisedPath, type Locale } from './locales.ts';

/** The same page in `locale`: "/cy/help/" → "/help/" in English, "/help/" → "/cy/help/" in Welsh. */
export function twinPath(pathname: string, locale: Locale): string {
  return localePath(locale, unlocalisedPath(pathname));
}
