import type { APIRoute } from 'astro';
import { createNewDraft, listDrafts } from '../../../src/lib/studio/drafts.ts';
import { getStudio } from '../lib/context.ts';

/** Starts a new appeal: an empty draft, outside content/, under the next free id. */
export const POST: APIRoute = (context) => {
  const studio = getStudio();
  const me = context.locals.user.email;
  // A new appeal this person started and never touched is reused, so stray clicks leave no pile of empty drafts.
  const untouched = listDrafts(studio.config.dataDir).find(
    (d) => d.kind === 'new' && d.state === 'draft' && d.createdBy === me && d.updatedAt === d.createdAt,
  );
  if (untouched) return context.redirect(`/appeals/${untouched.id}/edit`, 303);
  const draft = createNewDraft(
    studio.config.dataDir,
    studio.config.contentDir,
    context.locals.user.email,
    studio.today(),
  );
  return context.redirect(`/appeals/${draft.meta.id}/edit`, 303);
};
