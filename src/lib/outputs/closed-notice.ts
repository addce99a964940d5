/** The neutral notice a closed appeal's URL shows. It never says why the appeal closed. */
export const CLOSED_NOTICE = {
  title: 'Appeal no longer active',
  heading: 'This appeal is no longer active',
  paragraphs: [
    'This appeal is no longer active. Thank you to everyone who shared it.',
    'Please remove any copies you made: posters, posts, articles.',
  ],
  link: { href: '/appeals/', text: 'See the appeals that are active now' },
} as const;

/** The notice's visible text, in order, as verification compares it. */
export function closedNoticeText(): string[] {
  return [CLOSED_NOTICE.heading, ...CLOSED_NOTICE.paragraphs, CLOSED_NOTICE.link.text];
}
