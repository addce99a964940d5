import path from 'node:path';
import { isAppealId } from '../model/appeal-id.ts';

/**
 * Where an appeal lives in the content folder: `<content>/appeals/<id>/index.md`, beside its
 * photos. The id becomes a path, so it is checked here, once, before any path is built from it:
 * `../../etc` never names a folder.
 */
export const APPEALS_DIR = 'appeals';

/** The appeal's own file (frontmatter and circumstances), in its folder, in a draft and in the archive. */
export const APPEAL_FILE = 'index.md';

/** An id that is not shaped like `2026-0042`. */
export class AppealIdError extends Error {}

/** `id`, once it is an appeal id; else an `AppealIdError` with the one message for it. */
function checkedId(id: string): string {
  if (!isAppealId(id))
    throw new AppealIdError(`expected an appeal id like 2026-0042, got ${JSON.stringify(id)}`);
  return id;
}

/** The folder of all appeals in `contentDir`. */
export const appealsDir = (contentDir: string): string => path.join(contentDir, APPEALS_DIR);

/** The folder of appeal `id` under `root` (`<root>/<id>`): the appeals folder, drafts, previews or the archive. */
export const idFolder = (root: string, id: string): string => path.join(root, checkedId(id));

/** The folder of appeal `id` in `contentDir`. */
export const appealDir = (contentDir: string, id: string): string => idFolder(appealsDir(contentDir), id);

/** The `index.md` in an appeal's folder (or a draft's, or the archive's). */
export const appealFileIn = (folder: string): string => path.join(folder, APPEAL_FILE);
