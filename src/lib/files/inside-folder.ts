import path from 'node:path';

/** True when `child` is `parent` or inside it (by path, without following links). */
export function insideFolder(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
