import type { APIRoute } from 'astro';
import { currentVersion, readDraft } from '../../../../../src/lib/studio/drafts.ts';
import { encodeVersion, personName } from '../../../../../src/lib/studio/form-version.ts';
import { leavePresence, notePresence, othersEditing } from '../../../../../src/lib/studio/presence.ts';
import { getStudio } from '../../../lib/context.ts';
import { refusal, routeId, text } from '../../../lib/http.ts';

/**
 * The edit form's heartbeat (see islands/EditAssist.tsx): "beat" notes that the person still has
 * the form open and answers who else has, the version saved now and when the session ends;
 * "leave" says they left. The middleware does not count it as use of the session.
 */
export const POST: APIRoute = async (context) => {
  const studio = getStudio();
  const id = routeId(context);
  if (!id) return refusal(404, 'Not an appeal id.');
  const email = context.locals.user.email;
  const action = text(await context.request.formData(), 'action');
  const now = Date.now();
  if (action === 'leave') {
    leavePresence(studio.db, id, email);
    return new Response(null, { status: 204 });
  }
  notePresence(studio.db, id, email, now);
  const draft = readDraft(studio.config.dataDir, id);
  return Response.json({
    others: othersEditing(studio.db, id, email, now).map((other) => personName(other)),
    version: encodeVersion(currentVersion(studio.config.contentDir, id, draft)),
    sessionEndsAt: context.locals.sessionEndsAt,
    now,
  });
};
