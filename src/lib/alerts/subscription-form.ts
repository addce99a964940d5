import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/locales.ts';
import { alertsFormStrings } from '../i18n/strings/alerts-form.ts';

/**
 * The "Get alerts" form, read and checked: pure, so every rule is unit-tested. The public page
 * (src/pages/alerts/index.astro) and the service share these names and the wording version.
 */

/** The choice that means every region: "All of the UK". */
export const ALL_REGIONS = 'all';

/**
 * The version of the page's words about what is sent and stored: kept with each consent (UK GDPR
 * asks what a person agreed to). Change it when those words change, and add the old one to
 * `KNOWN_WORDINGS` so a page still open in someone's browser is accepted.
 */
export const WORDING_VERSION = '2026-12-1';
const KNOWN_WORDINGS: readonly string[] = [WORDING_VERSION];

/** The longest address RFC 5321 allows through. */
const MAX_EMAIL_LENGTH = 254;

export interface SubscriptionRequest {
  email: string;
  /** Region ids, or just `[ALL_REGIONS]`. */
  regions: string[];
  wording: string;
  /** The language of their emails: the form's optional `language` field, English if absent. */
  language?: Locale;
}

/** Lower-case and trimmed: one person, one row, however they type it. */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** A plain check: one @, something on each side, a dot in the domain, no spaces or angle brackets. */
export function plausibleEmail(email: string): boolean {
  return (
    email.length <= MAX_EMAIL_LENGTH &&
    /^[^\s@<>"(),;:\\[\]]+@[^\s@<>"(),;:\\[\]]+\.[^\s@<>"(),;:\\[\].]+$/.test(email)
  );
}

/** The language to answer a form in: the one it asks for, else that of the address it was sent to. */
export function formLocale(form: URLSearchParams, fallback: Locale): Locale {
  const values = form.getAll('language');
  return values.length === 0 ? fallback : (readLanguage(values) ?? fallback);
}

/**
 * The subscription a form asks for, or the problems with it in plain words (for a 400 page), in
 * `locale`. `regionIds` are the settings' regions.
 */
export function readSubscription(
  form: URLSearchParams,
  regionIds: readonly string[],
  locale: Locale = DEFAULT_LOCALE,
): { request: SubscriptionRequest } | { problems: string[] } {
  const t = alertsFormStrings[locale];
  const problems: string[] = [];
  const emails = form.getAll('email');
  const email = normaliseEmail(emails[0] ?? '');
  if (emails.length !== 1 || !plausibleEmail(email)) problems.push(t.email);
  const chosen = [...new Set(form.getAll('region'))];
  if (chosen.length === 0) problems.push(t.region);
  const unknown = chosen.filter((r) => r !== ALL_REGIONS && !regionIds.includes(r));
  if (unknown.length > 0 || chosen.length > regionIds.length + 1) problems.push(t.unknownRegion);
  const wording = form.get('wording') ?? '';
  if (!KNOWN_WORDINGS.includes(wording)) problems.push(t.outdated);
  const language = readLanguage(form.getAll('language'));
  if (!language) problems.push(t.language);
  if (problems.length > 0 || !language) return { problems };
  const regions = chosen.includes(ALL_REGIONS) ? [ALL_REGIONS] : regionIds.filter((r) => chosen.includes(r));
  return { request: { email, regions, wording, language } };
}

/** The form's `language` field: absent means English; anything but one en or cy is refused. */
function readLanguage(values: readonly string[]): Locale | undefined {
  if (values.length === 0) return DEFAULT_LOCALE;
  const [value] = values;
  return values.length === 1 && isLocale(value) ? value : undefined;
}
