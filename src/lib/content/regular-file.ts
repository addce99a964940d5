import { lstatSync, type Stats } from 'node:fs';

/** The file's own status, never its link target's; undefined when nothing is there. */
export function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Content must hold real folders and regular files: a symbolic link could make the build publish
 * any file on the machine (a closed child's archived photo, say) under an active appeal.
 */
export function notRegularFile(stats: Stats): string | undefined {
  if (stats.isSymbolicLink()) {
    return 'expected a regular file, got a symbolic link; content must hold real files, not links to files elsewhere: copy the file in instead';
  }
  return stats.isFile()
    ? undefined
    : 'expected a regular file, got something else (a folder, device or pipe)';
}
