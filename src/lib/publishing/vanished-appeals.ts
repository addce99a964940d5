import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from '../content/content-errors.ts';
import { appealDir, appealFileIn } from '../content/appeal-folder.ts';

/**
 * Appeals a release shows whose folder is gone from the content. Deleting a folder is not closing
 * an appeal: the build would drop the page without the notice or a removals entry, its name would
 * never reach the archive that verification reads, and a rollback would bring the child back. So a
 * republish refuses it, and a rollback treats the appeal as closed.
 */
export function vanishedAppeals(contentDir: string, ids: readonly string[]): string[] {
  return ids.filter((id) => !existsSync(appealFileIn(appealDir(contentDir, id))));
}

/** What a comms officer reads when an appeal's folder was deleted instead of the appeal closed. */
export function vanishedProblem(
  contentDir: string,
  id: string,
  status: 'active' | 'closed',
  displayRoot = process.cwd(),
): ContentProblem {
  const folder = appealDir(contentDir, id);
  const file = path.relative(displayRoot, appealFileIn(folder)) || folder;
  const restore = `Put the folder back (for example with \`git restore ${path.relative(displayRoot, folder) || folder}\` or from a backup)`;
  return {
    file,
    message:
      status === 'active'
        ? `appeal ${id} is live on the site, but its folder has been deleted. Deleting a folder does not close an appeal: ${restore}, then close it with \`npm run appeal -- found ${id}\` or \`npm run appeal -- withdraw ${id} --reason <reason>\``
        : `closed appeal ${id} has lost its tombstone, so its address would stop showing the notice. ${restore}; it holds only the status and dates`,
  };
}
