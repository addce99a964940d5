/**
 * The few pages the alerts service answers itself (the confirm and unsubscribe buttons and their
 * results). Plain HTML, nothing inline, so the site's strict Content Security Policy holds; the
 * "check your email" and "could not be reached" answers are static pages of the site instead.
 */

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface AlertsPage {
  status: number;
  html: string;
}

function page(status: number, title: string, body: string): AlertsPage {
  return {
    status,
    html: `<!doctype html>
<html lang="en-GB">
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
<p><a href="/">Back to the appeals</a></p>
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

export const confirmPage = (token: string): AlertsPage =>
  page(
    200,
    'Confirm your alerts',
    `${paragraphs('Press the button to start getting urgent appeal alerts by email.')}\n${button('/alerts/confirm', token, 'Confirm')}`,
  );

export const confirmedPage = (): AlertsPage =>
  page(
    200,
    'You will get alerts',
    paragraphs(
      'Thank you. We will email you when a child is at high risk in the regions you chose.',
      'Every alert has a link to stop them.',
    ),
  );

export const unsubscribePage = (token: string): AlertsPage =>
  page(
    200,
    'Stop getting alerts',
    `${paragraphs('Press the button to stop getting alerts and delete your email address.')}\n${button('/alerts/unsubscribe', token, 'Stop alerts')}`,
  );

export const unsubscribedPage = (): AlertsPage =>
  page(200, 'You will get no more alerts', paragraphs('Your email address has been deleted.'));

export const badLinkPage = (): AlertsPage =>
  page(
    404,
    'This link does not work',
    paragraphs(
      'It may have expired (confirmation links last 48 hours), been used already, or been copied only in part.',
      'To get alerts, sign up again on the "Get alerts" page.',
    ),
  );

export const problemPage = (status: number, title: string, lines: string[]): AlertsPage =>
  page(status, title, paragraphs(...lines));
