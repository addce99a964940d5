import { isLocale, type Locale } from '../i18n/locales.ts';
import type { PushSubscriptionKeys } from './alerts-store.ts';
import { ALL_REGIONS, WORDING_VERSION } from './subscription-form.ts';

/**
 * The push services browsers use (host, or a suffix after a dot). The service posts to whatever
 * endpoint a subscription names, so only these are accepted: never an address on the operator's
 * own network. `ALERTS_PUSH_HOSTS` replaces the list.
 */
export const DEFAULT_PUSH_HOSTS: readonly string[] = [
  'fcm.googleapis.com',
  'updates.push.services.mozilla.com',
  'push.apple.com',
  'notify.windows.com',
];

/** The longest endpoint accepted (browsers' are a few hundred characters). */
const MAX_ENDPOINT_LENGTH = 1024;

export interface PushSubscriptionRequest {
  subscription: PushSubscriptionKeys;
  regions: string[];
  language: Locale;
  wording: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const base64urlOf = (value: unknown, bytes: number): string | undefined =>
  typeof value === 'string' &&
  /^[A-Za-z0-9_-]+={0,2}$/.test(value) &&
  Buffer.from(value, 'base64url').length === bytes
    ? value.replace(/=+$/, '')
    : undefined;

/** An https endpoint on one of `hosts` (or a subdomain), else undefined. */
export function allowedEndpoint(value: unknown, hosts: readonly string[]): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_ENDPOINT_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return undefined;
  const host = url.hostname;
  return hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`)) ? url.href : undefined;
}

/**
 * The JSON a browser posts to /alerts/push/subscribe: `{subscription: {endpoint, keys: {p256dh,
 * auth}}, regions: [...], language, wording}`; the request, or the problems in plain words.
 */
export function readPushSubscription(
  body: unknown,
  regionIds: readonly string[],
  hosts: readonly string[],
): { request: PushSubscriptionRequest } | { problems: string[] } {
  const problems: string[] = [];
  const input = isRecord(body) ? body : {};
  const subscription = isRecord(input.subscription) ? input.subscription : {};
  const keys = isRecord(subscription.keys) ? subscription.keys : {};
  const endpoint = allowedEndpoint(subscription.endpoint, hosts);
  const p256dh = base64urlOf(keys.p256dh, 65);
  const auth = base64urlOf(keys.auth, 16);
  if (!endpoint || !p256dh || !auth)
    problems.push("This browser's push subscription could not be used. Try again, or get alerts by email.");
  const chosen = Array.isArray(input.regions) ? [...new Set(input.regions)] : [];
  if (chosen.length === 0) problems.push('Choose at least one region, or all of the UK.');
  else if (
    chosen.length > regionIds.length + 1 ||
    chosen.some((r) => typeof r !== 'string' || (r !== ALL_REGIONS && !regionIds.includes(r)))
  )
    problems.push('Choose regions from the list on the page.');
  const language = input.language === undefined ? 'en' : input.language;
  if (!isLocale(language)) problems.push('Choose English or Welsh (en or cy) for the language.');
  if (input.wording !== WORDING_VERSION) problems.push('This page is out of date. Reload it and try again.');
  if (problems.length > 0 || !endpoint || !p256dh || !auth || !isLocale(language)) return { problems };
  const regions = chosen.includes(ALL_REGIONS) ? [ALL_REGIONS] : regionIds.filter((r) => chosen.includes(r));
  return {
    request: {
      subscription: { endpoint, keys: { p256dh, auth } },
      regions,
      language,
      wording: WORDING_VERSION,
    },
  };
}
