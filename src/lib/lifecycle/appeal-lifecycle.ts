import type { AppealStatus } from '../model/appeal-schema.ts';

/** Why an appeal was withdrawn. Categories only: the reason's details are never recorded here. */
export const WITHDRAW_REASONS = [
  'consent-withdrawn',
  'legal',
  'police-request',
  'safeguarding',
  'duplicate',
  'other',
] as const;

export type ClosingStatus = Extract<AppealStatus, 'found' | 'withdrawn'>;

/**
 * What stays in the content tree when an appeal closes: its status and dates, nothing personal.
 * The id stays as the folder name, so the URL keeps answering with the neutral notice.
 */
export function tombstoneFor(
  data: Record<string, unknown>,
  status: ClosingStatus,
  closedAt: string,
): Record<string, unknown> {
  const published =
    data.published instanceof Date
      ? data.published.toISOString().slice(0, 10)
      : typeof data.published === 'string'
        ? data.published
        : undefined;
  return { status, closedAt, ...(published ? { published } : {}), updated: closedAt };
}

/** The archived frontmatter, made active again with today's date as its update. */
export function reopenedData(archived: Record<string, unknown>, today: string): Record<string, unknown> {
  const { closedAt: _closedAt, ...rest } = archived;
  return { ...rest, status: 'active', updated: today };
}

export interface AuditEntry {
  time: string;
  id: string;
  action: 'found' | 'withdraw' | 'reopen' | 'purge' | 'approve';
  reason?: string;
  by: string;
}

/** One JSON Lines record. Ids, actions, categories and the operator: no data about the child. */
export function auditLine(entry: AuditEntry): string {
  return `${JSON.stringify({ time: entry.time, id: entry.id, action: entry.action, ...(entry.reason ? { reason: entry.reason } : {}), by: entry.by })}\n`;
}

/** Where copies of an appeal can survive a closure outside this site, and what to do about each. */
export const COPIES_CHECKLIST = [
  'Git history: if content/ is in a repository, keep it private, and after a purge rewrite its history (git filter-repo) and force-push, then ask every clone to re-clone.',
  'Host deployments: Netlify, Vercel and Cloudflare Pages keep old deploys; delete the deploys that contained the appeal.',
  'CDN caches: purge the appeal URL, its photos (/_photos/…) and the search index (/pagefind/…) if the publish hook did not.',
  'Search engines: request removal of outdated content (Google Search Console "Removals", Bing Webmaster Tools "Content Removal").',
  'Social platforms: re-scrape the URL so link previews drop the photo (Facebook Sharing Debugger, LinkedIn Post Inspector); X refreshes cards within about a week.',
  'Partners and press: the removals feed lists the closure; contact partners who copied the photo directly.',
] as const;
