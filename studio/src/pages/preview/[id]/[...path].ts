import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withBackToStudio } from '../../../../../src/lib/studio/preview-banner.ts';
import { previewable, previewFile } from '../../../../../src/lib/studio/preview-build.ts';
import { getStudio } from '../../../lib/context.ts';
import { refusal, routeId } from '../../../lib/http.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** The built preview of an appeal: its page, poster and the files they use, to signed-in staff only. */
export const GET: APIRoute = (context) => {
  const id = routeId(context);
  if (!id) return refusal(404, 'Not an appeal id.');
  const { contentDir, dataDir } = getStudio().config;
  // A closed appeal, or a discarded new one, has no preview, whatever a late build left on disk.
  const file = previewable(contentDir, dataDir, id)
    ? previewFile(dataDir, id, context.params.path ?? '')
    : undefined;
  if (!file) return refusal(404, 'There is no such preview file. Build the preview again from the appeal.');
  // A page of the preview gets a way back to the appeal in the studio; its other files are served as built.
  const body = file.endsWith('.html') ? withBackToStudio(readFileSync(file, 'utf8'), id) : readFileSync(file);
  return new Response(body, {
    headers: {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    },
  });
};
