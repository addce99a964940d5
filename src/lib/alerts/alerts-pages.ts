import { HTML_LANG, type Locale, localePath } from '../i18n/locales.ts';
import { alertsEmailStrings } from '../i18n/strings/alerts-email.ts';

/**
 * The few pages the alerts service answers itself (the confirm and unsubscribe buttons and their
 * results), in the language of the address asked for (Welsh under /cy/, where Welsh emails link).
 * Plain HTML, nothing inline, so the site's strict Content Security Policy holds; the "check your
 * email" and "could not be reached" answers are static pages of the site instead.
 */

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface AlertsPage {
  status: number;
  html: string;
}

/** The words of the service's pages, by key, in either language. */
export type PageText = (typeof alertsEmailStrings)['en'];
type TextKey = { [K in keyof PageText]: PageText[K] extends string ? K : never }[keyof PageText];

function page(locale: Locale, status: number, title: string, body: string): AlertsPage {
  return {
    status,
    html: `<!doctype html>
<html lang="${HTML_LANG[locale]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
<p><a href="${localePath(locale, '/')}">${escapeHtml(alertsEmailStrings[locale].backToAppeals)}</a></p>
</main>
</body>
</html>
`,
  };
}

const paragraphs = (...lines: string[]) => lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');

/** One button that POSTs: mail scanners open links, and must not confirm or unsubscribe anyone. */
function button(action: string, token: string, label: string): string {
  return `<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">${escapeHtml(label)}</button>
</form>`;
}

export function confirmPage(token: string, locale: Locale = 'en'): AlertsPage {
  const t = alertsEmailStrings[locale];
  return page(
    locale,
    200,
    t.confirmTitle,
    `${paragraphs(t.confirmPress)}\n${button(localePath(locale, '/alerts/confirm'), token, t.confirmButton)}`,
  );
}

export function confirmedPage(locale: Locale = 'en'): AlertsPage {
  const t = alertsEmailStrings[locale];
  return page(locale, 200, t.confirmedTitle, paragraphs(t.confirmedThanks, t.confirmedStop));
}

export function unsubscribePage(token: string, locale: Locale = 'en'): AlertsPage {
  const t = alertsEmailStrings[locale];
  return page(
    locale,
    200,
    t.unsubscribeTitle,
    `${paragraphs(t.unsubscribePress)}\n${button(localePath(locale, '/alerts/unsubscribe'), token, t.unsubscribeButton)}`,
  );
}

export function unsubscribedPage(locale: Locale = 'en'): AlertsPage {
  const t = alertsEmailStrings[locale];
  return page(locale, 200, t.unsubscribedTitle, paragraphs(t.unsubscribedDeleted));
}

export function badLinkPage(locale: Locale = 'en'): AlertsPage {
  const t = alertsEmailStrings[locale];
  return page(locale, 404, t.badLinkTitle, paragraphs(t.badLinkWhy, t.badLinkAgain));
}

/** An error page: its title and lines by key, or (the form's own problems) as given. */
export function problemPage(
  status: number,
  title: TextKey | { text: string },
  lines: Array<TextKey | { text: string }>,
  locale: Locale = 'en',
): AlertsPage {
  const t = alertsEmailStrings[locale];
  const say = (x: TextKey | { text: string }) => (typeof x === 'string' ? t[x] : x.text);
  return page(locale, status, say(title), paragraphs(...lines.map(say)));
}
