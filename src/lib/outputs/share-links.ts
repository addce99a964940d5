/**
 * Plain share links: each opens the network's own share page, so no third-party script ever runs
 * on this site. The text is the same everywhere: who is missing, from where, and the link.
 */
export interface ShareLink {
  network: string;
  label: string;
  href: string;
}

export function shareMessage(appeal: { name: string; town: string }): string {
  return `Please share: ${appeal.name} is missing from ${appeal.town}.`;
}

export function shareLinks(appeal: { name: string; town: string }, url: string): ShareLink[] {
  const message = shareMessage(appeal);
  const q = encodeURIComponent;
  return [
    {
      network: 'email',
      label: 'Email',
      href: `mailto:?subject=${q(`Missing: ${appeal.name}`)}&body=${q(`${message}\n\n${url}`)}`,
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
