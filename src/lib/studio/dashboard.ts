import { existsSync, statSync } from 'node:fs';
import type { ContentProblem } from '../content/content-errors.ts';
import { appealDir, appealFileIn } from '../content/appeal-folder.ts';
import type { ContentReport } from '../content/content-report.ts';
import { validateContent } from '../content/validate-content.ts';
import { newestFirst } from '../model/appeal-order.ts';
import { type CalendarDate, formatCalendarDate } from '../model/calendar-date.ts';
import { currentRelease, listReleases, readManifest } from '../publishing/releases.ts';
import { listDrafts, type DraftMeta } from './drafts.ts';
import { pruneKeptForms } from './kept-forms.ts';
import { forgetClosed } from './preview-build.ts';

/** One active appeal as the dashboard lists it. */
export interface AppealRow {
  id: string;
  name: string;
  town: string;
  missingSince: string;
  reviewBy: string;
  urgent: boolean;
  /** True when the live site does not show this version yet. */
  notLive: boolean;
}

export interface Dashboard {
  urgent: AppealRow[];
  active: AppealRow[];
  /** How many active appeals there are in all (`active` holds those matching the search). */
  activeCount: number;
  awaitingApproval: DraftMeta[];
  drafts: DraftMeta[];
  pastReview: AppealRow[];
  /** Closed appeals, most recent first: ids and dates only, nothing about the child. */
  recentlyClosed: Array<{ id: string; status: string; closedAt?: string | undefined }>;
  /** Closed in content/ but still shown by the live release. */
  closedNotLive: string[];
  live?: { release: string; builtAt: string } | undefined;
  problems: ContentProblem[];
}

const RECENTLY_CLOSED = 10;

function matches(row: AppealRow, knownAs: readonly string[], reference: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = [row.id, row.name, ...knownAs, row.town, reference].join(' ').toLowerCase();
  return words.every((w) => haystack.includes(w));
}

/** What the dashboard shows, from the content, the drafts and the live release (forgetting drafts of closed appeals). */
export async function dashboard(options: {
  contentDir: string;
  dataDir: string;
  deployDir: string;
  today: CalendarDate;
  query?: string | undefined;
}): Promise<Dashboard> {
  const report: ContentReport = await validateContent(options.contentDir, { today: options.today });
  const release = currentRelease(options.deployDir);
  const manifest =
    release && listReleases(options.deployDir).includes(release)
      ? readManifest(options.deployDir, release)
      : undefined;
  const builtAt = manifest ? Date.parse(manifest.builtAt) : 0;
  const liveIds = new Set(manifest?.activeIds ?? []);
  const todayText = formatCalendarDate(options.today);
  const query = options.query?.trim() ?? '';

  const rows: Array<{ row: AppealRow; knownAs: string[]; reference: string }> = [];
  for (const appeal of report.appeals) {
    if (appeal.status !== 'active') continue;
    const file = appealFileIn(appealDir(options.contentDir, appeal.id));
    const changed = existsSync(file) && statSync(file).mtimeMs > builtAt;
    rows.push({
      row: {
        id: appeal.id,
        name: appeal.data.name,
        town: appeal.data.lastSeen.town,
        missingSince: appeal.data.missingSince,
        reviewBy: appeal.data.reviewBy,
        urgent: appeal.data.urgent,
        notLive: !liveIds.has(appeal.id) || changed,
      },
      knownAs: appeal.data.knownAs,
      reference: appeal.data.force.reference,
    });
  }
  const ordered = newestFirst(rows.map((r) => r.row));
  const byId = new Map(rows.map((r) => [r.row.id, r]));
  const closed = report.appeals.flatMap((a) => (a.status === 'active' ? [] : [a]));
  // An appeal closed from the command line leaves nothing of the child in the studio either.
  forgetClosed(
    options.dataDir,
    closed.map((a) => a.id),
  );
  pruneKeptForms(options.dataDir, Date.now());
  const drafts = listDrafts(options.dataDir);
  return {
    urgent: ordered.filter((r) => r.urgent),
    active: query
      ? ordered.filter((r) => matches(r, byId.get(r.id)!.knownAs, byId.get(r.id)!.reference, query))
      : ordered,
    activeCount: ordered.length,
    awaitingApproval: drafts.filter((d) => d.state === 'submitted'),
    drafts: drafts.filter((d) => d.state === 'draft'),
    pastReview: ordered
      .filter((r) => r.reviewBy < todayText)
      .sort((a, b) => a.reviewBy.localeCompare(b.reviewBy)),
    recentlyClosed: closed
      .map((a) => ({ id: a.id, status: a.status, closedAt: a.data.closedAt }))
      .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? '') || b.id.localeCompare(a.id))
      .slice(0, RECENTLY_CLOSED),
    closedNotLive: closed.map((a) => a.id).filter((id) => liveIds.has(id)),
    live: manifest ? { release: manifest.name, builtAt: manifest.builtAt } : undefined,
    problems: report.problems,
  };
}
