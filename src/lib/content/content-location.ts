import path from 'node:path';

/** Where authored content lives: the operator's `CONTENT_DIR` (for fixtures and benchmarks) or `./content`. */
export function contentDirectory(operator: { contentDir: string | undefined }, root = process.cwd()): string {
  return path.resolve(root, operator.contentDir ?? 'content');
}
