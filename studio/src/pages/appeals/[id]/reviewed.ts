import type { APIRoute } from 'astro';
import { DraftError, extendReview } from '../../../../../src/lib/studio/drafts.ts';
import { recordReviewedVersion } from '../../../../../src/lib/studio/revisions.ts';
import { withAppealLock } from '../../../lib/appeal-state.ts';
import { getStudio } from '../../../lib/context.ts';
import { refusal, routeId } from '../../../lib/http.ts';

/** "Reviewed, extend 3 months": the appeal's next review is due three months from today. */
export const POST: APIRoute = async (context) => {
  const studio = getStudio();
  const id = routeId(context);
  if (!id) return refusal(404, 'Not an appeal id.');
  try {
    // Kept in the history, so the next publish knows this version came from the studio.
    await withAppealLock(id, () =>
      recordReviewedVersion(
        studio.config.dataDir,
        studio.config.contentDir,
        id,
        context.locals.user.email,
        () =>
          extendReview({
            contentDir: studio.config.contentDir,
            dataDir: studio.config.dataDir,
            id,
            today: studio.today(),
          }),
      ),
    );
  } catch (error) {
    if (error instanceof DraftError) return refusal(404, error.message);
    throw error;
  }
  return context.redirect(`/?reviewed=${id}`, 303);
};
