import { regionLabel } from '../lib/model/appeal-view.ts';
import type { Locale } from '../lib/i18n/locales.ts';
import { siteSettings } from './settings.ts';

/** The settings' regions with `name` in `locale`, and `lang` set where a Welsh page falls back to English. */
export const regionsIn = (locale: Locale) =>
  siteSettings.regions.map((region) => ({ ...region, ...regionLabel(region, locale) }));
