import type { APIRoute } from 'astro';
import { isAppealId } from '../../../src/lib/model/appeal-id.ts';
import { getStudio } from '../lib/context.ts';
import { forbidden } from '../lib/http.ts';
import { requestPublish } from '../lib/publish.ts';

/** Publishes the content as it is now, the same way `npm run republish` does. Publishers only. */
export const POST: APIRoute = async (context) => {
  const refused = forbidden(context, 'publish');
  if (refused) return refused;
  const appeal = (await context.request.formData()).get('appeal');
  const { job, outcome } = requestPublish(getStudio(), context.locals.user.email);
  const params = new URLSearchParams();
  if (typeof appeal === 'string' && isAppealId(appeal)) params.set('appeal', appeal);
  if (outcome !== 'started') params.set(outcome, '');
  return context.redirect(`/jobs/${job.id}${params.size > 0 ? `?${params}` : ''}`, 303);
};
