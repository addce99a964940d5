import type { APIRoute } from 'astro';
import { appendAudit } from '../../../../../src/lib/lifecycle/appeal-archive.ts';
import {
  IdTakenError,
  readDraft,
  removeDraft,
  renumberDraft,
  writeDraftToContent,
} from '../../../../../src/lib/studio/drafts.ts';
import { approvalProblem } from '../../../../../src/lib/studio/roles.ts';
import { twoPersonRule } from '../../../../../src/lib/studio/studio-config.ts';
import { checkFolder, withAppealLock } from '../../../lib/appeal-state.ts';
import { getStudio } from '../../../lib/context.ts';
import { refusal, routeId } from '../../../lib/http.ts';

/**
 * A publisher approves a new appeal: checked again, then put into content/ (in one rename), and
 * the approval is written to the audit log. Under the two-person rule its author cannot do this.
 */
export const POST: APIRoute = async (context) => {
  const studio = getStudio();
  const id = routeId(context);
  if (!id) return refusal(404, 'Not an appeal id.');
  const user = context.locals.user;
  return withAppealLock(id, async () => {
    const draft = readDraft(studio.config.dataDir, id);
    if (!draft) return refusal(404, `There is no new appeal ${id} waiting for approval.`);
    const problem = approvalProblem(user, draft.meta, twoPersonRule(studio.config.contentDir));
    if (problem) return refusal(403, problem);
    if ((await checkFolder(studio, draft.dir, id)).problems.length > 0)
      return context.redirect(`/appeals/${id}/edit`, 303);
    let approved = draft;
    try {
      writeDraftToContent(approved, studio.config.contentDir);
    } catch (error) {
      if (!(error instanceof IdTakenError)) throw error;
      // Another appeal took the id meanwhile (from the command line): this one gets the next.
      approved = renumberDraft(studio.config.dataDir, studio.config.contentDir, draft, studio.today().year);
      writeDraftToContent(approved, studio.config.contentDir);
    }
    appendAudit(studio.config.publish.archiveDir, {
      time: new Date().toISOString(),
      id: approved.meta.id,
      action: 'approve',
      by: user.email,
    });
    removeDraft(studio.config.dataDir, approved.meta.id);
    return context.redirect(`/appeals/${approved.meta.id}/?approved`, 303);
  });
};
