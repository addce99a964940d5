import { createHash } from 'node:crypto';

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

const link = (siteAddress: string, path: string, token: string) =>
  `${new URL(path, siteAddress).href}?token=${encodeURIComponent(token)}`;

function htmlOf(paragraphs: string[], links: Array<[string, string]>): string {
  const body = [
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...links.map(([label, href]) => `<p><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></p>`),
  ];
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"></head><body>${body.join('')}</body></html>`;
}

export function confirmationEmail(input: {
  to: string;
  token: string;
  siteAddress: string;
  organisation: string;
  idempotencyKey: string;
}): OutgoingEmail {
  const confirmUrl = link(input.siteAddress, '/alerts/confirm', input.token);
  const lines = [
    `Someone, probably you, asked ${input.organisation} to email this address when a child is at high risk.`,
    'To start getting alerts, open the link below and press Confirm. The link works for 48 hours.',
    'If it was not you, ignore this email: nothing more will be sent, and your address will be deleted.',
  ];
  return {
    to: input.to,
    subject: 'Confirm your urgent appeal alerts',
    text: `${lines.join('\n\n')}\n\n${confirmUrl}\n`,
    html: htmlOf(lines, [['Confirm your alerts', confirmUrl]]),
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
): Pick<OutgoingEmail, 'subject' | 'text' | 'html'> {
  const pageUrl = new URL(`/appeals/${summary.appealId}/`, siteAddress).href;
  const lines = [
    `Urgent appeal in ${summary.regionName}: please look out for ${summary.name}, aged ${summary.age}.`,
    `Missing since ${summary.missingSince}. Last seen: ${summary.lastSeen}.`,
    summary.seeNow,
    summary.haveInformation,
    'The appeal page has the photo and the latest details:',
  ];
  return {
    // The region and "urgent appeal", never the child's name: subjects show on lock screens and in lists.
    subject: `Urgent appeal: ${summary.regionName}`,
    text: `${lines.join('\n\n')}\n${pageUrl}\n\nTo stop these alerts: ${unsubscribeUrl}\n`,
    html: htmlOf(lines, [
      ['See the appeal', pageUrl],
      ['Stop these alerts', unsubscribeUrl],
    ]),
  };
}

export function alertEmail(input: {
  to: string;
  summary: AlertSummary;
  siteAddress: string;
  unsubscribeToken: string;
  idempotencyKey: string;
}): OutgoingEmail {
  const unsubscribeUrl = link(input.siteAddress, '/alerts/unsubscribe', input.unsubscribeToken);
  return {
    to: input.to,
    ...alertMessage(input.summary, input.siteAddress, unsubscribeUrl),
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
  return alertMessage(summary, siteAddress, `${new URL('/alerts/unsubscribe', siteAddress).href}?token=…`);
}
