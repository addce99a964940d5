import type { APIRoute } from 'astro';
import { approveDraft } from '../../../../../src/lib/lifecycle/use-cases.ts';
import { readDraft } from '../../../../../src/lib/studio/drafts.ts';
import { approvedNotices } from '../../../../../src/lib/studio/notifications.ts';
import { approvalProblem } from '../../../../../src/lib/studio/roles.ts';
import { twoPersonRule } from '../../../../../src/lib/studio/studio-config.ts';
import { checkFolder, withAppealLock } from '../../../lib/appeal-state.ts';
import { getStudio, lifecycleFolders } from '../../../lib/context.ts';
import { refusal, routeId } from '../../../lib/http.ts';

/**
 * A publisher approves a new appeal: checked again, then put into content/ (in one rename) by the
 * approve use case, which writes the approval to the audit log. Under the two-person rule its author cannot do this.
 */
export const POST: APIRoute = async (context) => {
  const studio = getStudio();
  const id = routeId(context);
  if (!id) return refusal(404, 'Not an appeal id.');
  const user = context.locals.user;
  return withAppealLock(id, async () => {
    const draft = readDraft(studio.config.dataDir, id);
    // Changed after it was sent, or approved meanwhile: the appeal's page says so, and what to do next.
    // (Who may approve is shown there too; the Approve button is only offered to them.)
    if (draft?.meta.kind !== 'new' || draft.meta.state !== 'submitted')
      return context.redirect(`/appeals/${id}/?not-approved`, 303);
    const problem = approvalProblem(user, draft.meta, twoPersonRule(studio.config.contentDir));
    if (problem) return refusal(403, problem);
    if ((await checkFolder(studio, draft.dir, id)).problems.length > 0)
      return context.redirect(`/appeals/${id}/edit`, 303);
    // Another appeal may have taken the id meanwhile (from the command line): this one gets the next.
    const approved = approveDraft(lifecycleFolders(studio), {
      draft,
      year: studio.today().year,
      by: user.email,
    });
    approvedNotices(studio.db, id, approved);
    return context.redirect(`/appeals/${approved}/?approved`, 303);
  });
};
