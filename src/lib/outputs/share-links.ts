import type { Locale } from '../i18n/locales.ts';
import { appealStrings } from '../i18n/strings/appeal.ts';

/**
 * Plain share links: each opens the network's own share page, so no third-party script ever runs
 * on this site. The text is the same everywhere: who is missing, from where, and the link.
 */
export interface ShareLink {
  network: string;
  label: string;
  href: string;
}

export function shareMessage(appeal: { name: string; town: string }, locale: Locale = 'en'): string {
  return locale === 'cy'
    ? `Rhannwch os gwelwch yn dda: mae ${appeal.name} ar goll o ${appeal.town}.`
    : `Please share: ${appeal.name} is missing from ${appeal.town}.`;
}

export function shareLinks(
  appeal: { name: string; town: string },
  url: string,
  locale: Locale = 'en',
): ShareLink[] {
  const message = shareMessage(appeal, locale);
  const q = encodeURIComponent;
  return [
    {
      network: 'email',
      label: locale === 'cy' ? 'E-bost' : 'Email',
      href: `mailto:?subject=${q(appealStrings[locale].title(appeal.name))}&body=${q(`${message}\n\n${url}`)}`,
    },
    { network: 'whatsapp', label: 'WhatsApp', href: `https://wa.me/?text=${q(`${message} ${url}`)}` },
    {
      network: 'x',
      label: 'X (Twitter)',
      href: `https://x.com/intent/post?text=${q(message)}&url=${q(url)}`,
    },
    {
      network: 'facebook',
      label: 'Facebook',
      href: `https://www.facebook.com/sharer/sharer.php?u=${q(url)}`,
    },
  ];
}
