import type { APIRoute } from 'astro';
import { archivedNames } from '../../../../../src/lib/lifecycle/appeal-archive.ts';
import { approveChanges, approveDraft } from '../../../../../src/lib/lifecycle/use-cases.ts';
import {
  CLOSED_NAME_FIELD,
  closedNamesGiven,
  confirmationValue,
} from '../../../../../src/lib/studio/closed-name-confirm.ts';
import { ChangedMeanwhileError, readDraft } from '../../../../../src/lib/studio/drafts.ts';
import { approvedNotices } from '../../../../../src/lib/studio/notifications.ts';
import { approvalProblem } from '../../../../../src/lib/studio/roles.ts';
import { twoPersonRule } from '../../../../../src/lib/studio/studio-config.ts';
import { appealState, checkFolder, withAppealLock } from '../../../lib/appeal-state.ts';
import { getStudio, lifecycleFolders } from '../../../lib/context.ts';
import { refusal, routeId, text } from '../../../lib/http.ts';

/**
 * A publisher approves a new appeal, or changes to a live one, from the page showing what changed
 * (review.astro): checked again, then put into content/ by the approve use cases, which write the
 * approval to the audit log and the revision history. Under the two-person rule nobody who wrote
 * or changed it can do this. The form says which version the publisher saw (`seen`): a draft
 * changed since is not approved unseen. A draft that gives the appeal a closed child's name is
 * approved only with the box confirming it is a different child ticked, for exactly those names.
 */
export const POST: APIRoute = async (context) => {
  const studio = getStudio();
  const id = routeId(context);
  if (!id) return refusal(404, 'Not an appeal id.');
  const user = context.locals.user;
  const form = await context.request.formData();
  const seen = text(form, 'seen');
  return withAppealLock(id, async () => {
    const draft = readDraft(studio.config.dataDir, id);
    // Changed after it was sent, or approved meanwhile: the appeal's page says so, and what to do next.
    // (Who may approve is shown there too; the Approve button is only offered to them.)
    if (!draft || draft.meta.state !== 'submitted')
      return context.redirect(`/appeals/${id}/?not-approved`, 303);
    const problem = approvalProblem(user, draft.meta, twoPersonRule(studio.config.contentDir));
    if (problem) return refusal(403, problem);
    if (seen && seen !== draft.meta.updatedAt) return context.redirect(`/appeals/${id}/review?changed`, 303);
    if ((await checkFolder(studio, draft.dir, id)).problems.length > 0)
      return context.redirect(`/appeals/${id}/edit`, 303);
    const live = draft.meta.kind === 'edit' ? appealState(studio, id).content?.data : undefined;
    const closedNames = closedNamesGiven(draft.data, live, archivedNames(studio.config.publish.archiveDir));
    if (closedNames.length > 0 && text(form, CLOSED_NAME_FIELD) !== confirmationValue(closedNames))
      return context.redirect(`/appeals/${id}/review?closed-name#approve`, 303);
    if (draft.meta.kind === 'edit') {
      try {
        approveChanges(lifecycleFolders(studio), { draft, by: user.email });
      } catch (error) {
        if (!(error instanceof ChangedMeanwhileError)) throw error;
        return context.redirect(`/appeals/${id}/review?conflict`, 303);
      }
      approvedNotices(studio.db, id, id);
      return context.redirect(`/appeals/${id}/?approved`, 303);
    }
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
