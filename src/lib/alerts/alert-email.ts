import { createHash } from 'node:crypto';
import { HTML_LANG, type Locale, localePath } from '../i18n/locales.ts';
import { alertsEmailStrings } from '../i18n/strings/alerts-email.ts';

/**
 * The emails the service sends, rendered when they are sent and never stored. Plain text and a
 * simple HTML part, no images, no tracking, nothing from any other site. An alert links to the
 * appeal's page rather than carrying its photo: a sent email cannot be recalled, but a page (and
 * a photo loaded from it) goes when the appeal closes.
 */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The same key gives the same Message-ID: a message sent again after a crash is the same message. */
export function messageId(idempotencyKey: string, siteAddress: string): string {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${digest}@${new URL(siteAddress).hostname}>`;
}

/** A link to a page of the site in the subscriber's language (Welsh ones under /cy/). */
const link = (siteAddress: string, locale: Locale, path: string, token: string) =>
  `${new URL(localePath(locale, path), siteAddress).href}?token=${encodeURIComponent(token)}`;

function htmlOf(locale: Locale, paragraphs: string[], links: Array<[string, string]>): string {
  const body = [
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...links.map(([label, href]) => `<p><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></p>`),
  ];
  return `<!doctype html><html lang="${HTML_LANG[locale]}"><head><meta charset="utf-8"></head><body>${body.join('')}</body></html>`;
}

export function confirmationEmail(input: {
  to: string;
  token: string;
  siteAddress: string;
  organisation: string;
  idempotencyKey: string;
  /** The language the person chose on the form (English if not given). */
  locale?: Locale;
}): OutgoingEmail {
  const locale = input.locale ?? 'en';
  const t = alertsEmailStrings[locale];
  const confirmUrl = link(input.siteAddress, locale, '/alerts/confirm', input.token);
  const lines = [t.confirmAsked(input.organisation), t.confirmHow, t.confirmNotYou];
  return {
    to: input.to,
    subject: t.confirmSubject,
    text: `${lines.join('\n\n')}\n\n${confirmUrl}\n`,
    html: htmlOf(locale, lines, [[t.confirmLink, confirmUrl]]),
    messageId: messageId(input.idempotencyKey, input.siteAddress),
    headers: {},
  };
}

/** What an alert says about an appeal: the summary its page shows. */
export interface AlertSummary {
  appealId: string;
  name: string;
  age: string;
  lastSeen: string;
  missingSince: string;
  regionName: string;
  seeNow: string;
  haveInformation: string;
}

/** What every subscriber's alert says; only the link to stop alerts differs from person to person. */
function alertMessage(
  summary: AlertSummary,
  siteAddress: string,
  unsubscribeUrl: string,
  locale: Locale,
): Pick<OutgoingEmail, 'subject' | 'text' | 'html'> {
  const t = alertsEmailStrings[locale];
  const pageUrl = new URL(localePath(locale, `/appeals/${summary.appealId}/`), siteAddress).href;
  const lines = [
    t.alertLookOut(summary.regionName, summary.name, summary.age),
    t.alertMissing(summary.missingSince, summary.lastSeen),
    summary.seeNow,
    summary.haveInformation,
    t.alertPageHas,
  ];
  return {
    // The region and "urgent appeal", never the child's name: subjects show on lock screens and in lists.
    subject: t.alertSubject(summary.regionName),
    text: `${lines.join('\n\n')}\n${pageUrl}\n\n${t.alertStopText} ${unsubscribeUrl}\n`,
    html: htmlOf(locale, lines, [
      [t.alertSeeAppeal, pageUrl],
      [t.alertStop, unsubscribeUrl],
    ]),
  };
}

export function alertEmail(input: {
  to: string;
  summary: AlertSummary;
  siteAddress: string;
  unsubscribeToken: string;
  idempotencyKey: string;
  /** The subscriber's language; the summary must be in it too (`alertSummary`'s `locale`). */
  locale?: Locale;
}): OutgoingEmail {
  const locale = input.locale ?? 'en';
  const unsubscribeUrl = link(input.siteAddress, locale, '/alerts/unsubscribe', input.unsubscribeToken);
  return {
    to: input.to,
    ...alertMessage(input.summary, input.siteAddress, unsubscribeUrl, locale),
    messageId: messageId(input.idempotencyKey, input.siteAddress),
    headers: {
      // RFC 2369 and RFC 8058: one https link, and the POST that mail providers send to it.
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/**
 * The alert as the studio shows it before it is sent: the same words as every subscriber's email,
 * with "…" where each person's own link to stop alerts goes.
 */
export function alertEmailPreview(
  summary: AlertSummary,
  siteAddress: string,
): Pick<OutgoingEmail, 'subject' | 'text' | 'html'> {
  return alertMessage(
    summary,
    siteAddress,
    `${new URL('/alerts/unsubscribe', siteAddress).href}?token=…`,
    'en',
  );
}
