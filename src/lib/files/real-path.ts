import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * The path with every symbolic link in its existing part resolved, so a link cannot hide where it
 * points; the part that does not exist yet is kept as it is.
 */
export function realPath(target: string): string {
  let existing = path.resolve(target);
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  return path.join(realpathSync(existing), path.relative(existing, path.resolve(target)));
}
