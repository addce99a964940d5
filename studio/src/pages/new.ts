import type { APIRoute } from 'astro';
import { createNewDraft } from '../../../src/lib/studio/drafts.ts';
import { getStudio } from '../lib/context.ts';

/** Starts a new appeal: an empty draft, outside content/, under the next free id. */
export const POST: APIRoute = (context) => {
  const studio = getStudio();
  const draft = createNewDraft(
    studio.config.dataDir,
    studio.config.contentDir,
    context.locals.user.email,
    studio.today(),
  );
  return context.redirect(`/appeals/${draft.meta.id}/edit`, 303);
};
