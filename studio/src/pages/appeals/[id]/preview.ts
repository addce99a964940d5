import type { APIRoute } from 'astro';
import { appealState, startPreview } from '../../../lib/appeal-state.ts';
import { getStudio } from '../../../lib/context.ts';
import { refusal, routeId } from '../../../lib/http.ts';

/** Builds a preview of what is saved for the appeal (its draft, else the appeal itself) and shows its progress. */
export const POST: APIRoute = (context) => {
  const studio = getStudio();
  const id = routeId(context);
  if (!id) return refusal(404, 'Not an appeal id.');
  const state = appealState(studio, id);
  if (!state.draft && state.content?.status !== 'active') return refusal(404, 'There is nothing to preview.');
  return context.redirect(`/jobs/${startPreview(studio, state, context.locals.user.email).id}`, 303);
};
