import { existsSync, readFileSync } from 'node:fs';
import { FrontmatterError, parseMarkdownFile } from '../../../src/lib/content/frontmatter.ts';
import type { ContentReport } from '../../../src/lib/content/content-report.ts';
import { loadSettings } from '../../../src/lib/content/load-settings.ts';
import { validateAppealFolder } from '../../../src/lib/content/validate-appeal.ts';
import { appealDir, appealFileIn } from '../../../src/lib/content/appeal-folder.ts';
import { type Draft, readDraft } from '../../../src/lib/studio/drafts.ts';
import type { Job } from '../../../src/lib/studio/jobs.ts';
import { buildPreview } from '../../../src/lib/studio/preview-build.ts';
import type { Studio } from './context.ts';

/** An appeal as the studio sees it: its draft (if any) and its file in content/ (if any). */
export interface AppealState {
  id: string;
  draft?: Draft | undefined;
  content?:
    | {
        status: string;
        data: Record<string, unknown>;
        body: string;
        dir: string;
        unreadable?: string | undefined;
      }
    | undefined;
}

export function appealState(studio: Studio, id: string): AppealState {
  const draft = readDraft(studio.config.dataDir, id);
  const dir = appealDir(studio.config.contentDir, id);
  const file = appealFileIn(dir);
  if (!existsSync(file)) return { id, draft };
  try {
    const { data, body } = parseMarkdownFile(readFileSync(file, 'utf8'));
    return {
      id,
      draft,
      content: { status: typeof data.status === 'string' ? data.status : '', data, body, dir },
    };
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    return { id, draft, content: { status: '', data: {}, body: '', dir, unreadable: error.message } };
  }
}

/** The same checks as `npm run check`, for one appeal folder (a draft, or the appeal in content/). */
export async function checkFolder(studio: Studio, dir: string, id: string): Promise<ContentReport> {
  const { settings, problems } = loadSettings(studio.config.contentDir);
  const report: ContentReport = { settings, appeals: [], problems: [...problems], warnings: [] };
  await validateAppealFolder(dir, id, report, {
    today: studio.today(),
    displayRoot: studio.config.projectRoot,
  });
  return overdueReviewAsProblem(report, dir, appealState(studio, id).content);
}

/**
 * `npm run check` only warns about a review date in the past, so an overdue review never takes an
 * appeal down. In the studio, a review date someone enters (a new appeal's, or a changed one) must
 * be after today: that is an error. An appeal already overdue can still be corrected, with a warning.
 */
function overdueReviewAsProblem(
  report: ContentReport,
  dir: string,
  content: AppealState['content'],
): ContentReport {
  if (content && content.dir === dir) return report;
  const overdue = report.warnings.filter((w) => w.field === 'reviewBy');
  const reviewBy = /due on (\S+);/.exec(overdue[0]?.message ?? '')?.[1];
  if (!reviewBy || content?.data.reviewBy === reviewBy) return report;
  return {
    ...report,
    warnings: report.warnings.filter((w) => !overdue.includes(w)),
    problems: [
      ...report.problems,
      ...overdue.map((w) => ({ ...w, message: `expected a date after today, got "${reviewBy}"` })),
    ],
  };
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `work` for appeal `id` after any other request's work on it: two saves never interleave. */
export function withAppealLock<T>(id: string, work: () => T | Promise<T>): Promise<T> {
  const previous = queues.get(id) ?? Promise.resolve();
  const run = previous.then(work, work);
  const settled = run.catch(() => undefined);
  queues.set(id, settled);
  void settled.then(() => queues.get(id) === settled && queues.delete(id));
  return run;
}

/** Starts the preview build of what is saved for `id`: its draft, else the appeal in content/. */
export function startPreview(studio: Studio, state: AppealState, by: string): Job {
  const source = state.draft?.dir ?? state.content?.dir;
  if (!source) throw new Error(`there is nothing to preview for ${state.id}`);
  return studio.jobs.start('preview', `Preview of ${state.id}`, by, ['copy', 'build'], (control) =>
    buildPreview(studio.config, state.id, source, control),
  );
}
