import { localePath, type Locale } from '../i18n/locales.ts';
import { closedStrings } from '../i18n/strings/closed.ts';

/** The neutral notice a closed appeal's URL shows, in `locale`. It never says why the appeal closed. */
export function closedNotice(locale: Locale) {
  const t = closedStrings[locale];
  return {
    title: t.title,
    heading: t.heading,
    paragraphs: [t.thanks, t.removeCopies],
    link: { href: localePath(locale, '/appeals/'), text: t.link },
  };
}

/** The notice's visible text, in order, as verification compares it. */
export function closedNoticeText(locale: Locale = 'en'): string[] {
  const notice = closedNotice(locale);
  return [notice.heading, ...notice.paragraphs, notice.link.text];
}
