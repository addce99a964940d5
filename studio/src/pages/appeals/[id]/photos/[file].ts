import type { APIRoute } from 'astro';
import { existsSync, lstatSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { isPhotoFileName } from '../../../../../../src/lib/content/photo-file.ts';
import { appealDir } from '../../../../../../src/lib/content/appeal-folder.ts';
import { draftDir } from '../../../../../../src/lib/studio/drafts.ts';
import { getStudio } from '../../../../lib/context.ts';
import { refusal, routeId } from '../../../../lib/http.ts';

/**
 * A small copy of one of an appeal's photos, for the edit form and the review: from its draft if
 * it has one (unless `?from=content`), else from content/. Signed-in staff only (the middleware), never cached, never a path outside
 * the appeal's folder.
 */
export const GET: APIRoute = async (context) => {
  const studio = getStudio();
  const id = routeId(context);
  const file = context.params.file ?? '';
  if (!id || !/^[\w.-]+$/.test(file) || file.startsWith('.') || !isPhotoFileName(file))
    return refusal(404, 'No such photo.');
  // `?from=content`: the photo as the appeal has it now, for the old side of a review.
  const fromContent = context.url.searchParams.get('from') === 'content';
  const candidates = [
    ...(fromContent ? [] : [path.join(draftDir(studio.config.dataDir, id), file)]),
    path.join(appealDir(studio.config.contentDir, id), file),
  ];
  const found = candidates.find((f) => existsSync(f) && lstatSync(f).isFile());
  if (!found) return refusal(404, 'No such photo.');
  const bytes = await sharp(found)
    .rotate()
    .resize({ width: 320, height: 400, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 70 })
    .toBuffer();
  return new Response(new Uint8Array(bytes), {
    headers: { 'Content-Type': 'image/jpeg', 'Cache-Control': 'no-store' },
  });
};
