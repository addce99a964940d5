import path from 'node:path';

/**
 * True when `child` is `parent` or inside it (by path, without following links). The one
 * containment check: a folder setting kept apart from another, a served file kept inside its root.
 * A name that merely starts with two dots (`..archive`) is inside; `..` and `../x` are not.
 */
export function insideFolder(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
