import { LOCALES, type Locale } from './locales.ts';

/** A string, or a function for text that depends on a value (numbers, names, Welsh mutations). */
type Entry = string | ((...args: never[]) => string);

export type Strings<T extends Record<string, Entry>> = Readonly<Record<Locale, T>>;

/**
 * One area's interface text in both languages. The types make a Welsh dictionary that lacks an
 * English key a compile error; the check below makes it a build error too (Astro builds do not
 * type-check), naming the dictionary and the key.
 */
export function defineStrings<T extends Record<string, Entry>>(
  area: string,
  en: T,
  cy: { [K in keyof T]: T[K] },
): Strings<T> {
  const dictionaries: Record<Locale, Record<string, unknown>> = { en, cy };
  const keys = Object.keys(en);
  for (const locale of LOCALES) {
    const dictionary = dictionaries[locale];
    for (const key of keys) {
      const value = dictionary[key];
      if (typeof value === 'string' ? value.trim() === '' : typeof value !== 'function') {
        throw new Error(`Interface text "${area}" has no ${locale} text for "${key}".`);
      }
    }
    for (const key of Object.keys(dictionary)) {
      if (!keys.includes(key))
        throw new Error(`Interface text "${area}" has ${locale} text for unknown "${key}".`);
    }
  }
  return { en, cy };
}
