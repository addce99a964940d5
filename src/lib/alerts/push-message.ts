import { type Locale, localePath } from '../i18n/locales.ts';
import { pushStrings } from '../i18n/strings/push.ts';
import type { AlertSummary } from './alert-email.ts';

/**
 * What a web push carries (issue 21), rendered when it is sent and never stored. The service
 * worker (public/alerts/sw.js) shows `title` and `body` with `tag`, and opens `url` on a click.
 */
export interface PushPayload {
  tag: string;
  title: string;
  body: string;
  url: string;
}

/** How long a push service keeps an undelivered alert: a device off for longer gets nothing stale. */
export const PUSH_TTL_SECONDS = 4 * 60 * 60;

/** The push service's Topic header: at most 32 characters of the URL-safe base64 alphabet (RFC 8030). */
const TOPIC = /^[A-Za-z0-9_-]{1,32}$/;

/** The web push request options for an appeal: a later message with the same Topic replaces an undelivered one. */
export function pushOptions(appealId: string): { TTL: number; urgency: 'high'; topic: string } {
  if (!TOPIC.test(appealId))
    throw new Error(
      `Web push: an appeal id cannot be a Topic (32 URL-safe characters), got ${JSON.stringify(appealId)}`,
    );
  return { TTL: PUSH_TTL_SECONDS, urgency: 'high', topic: appealId };
}

const appealUrl = (siteAddress: string, language: Locale, appealId: string) =>
  new URL(localePath(language, `/appeals/${appealId}/`), siteAddress).href;

/** The alert: the region and "urgent appeal" as the title, the summary's name, age and last sighting as the body. */
export function pushAlert(summary: AlertSummary, siteAddress: string, language: Locale): PushPayload {
  const text = pushStrings[language];
  return {
    tag: summary.appealId,
    title: text.alertTitle(summary.regionName),
    body: text.alertBody(summary.name, summary.age, summary.lastSeen),
    url: appealUrl(siteAddress, language, summary.appealId),
  };
}

/** The recall: replaces the alert (same tag) and says only that the appeal is no longer active. */
export function pushRecall(appealId: string, siteAddress: string, language: Locale): PushPayload {
  return {
    tag: appealId,
    title: pushStrings[language].noLongerActive,
    body: '',
    url: new URL(localePath(language, '/'), siteAddress).href,
  };
}
