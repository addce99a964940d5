import path from 'node:path';

/** Where authored content lives: `CONTENT_DIR` (for fixtures and benchmarks) or `./content`. */
export function contentDirectory(
  env: Record<string, string | undefined> = process.env,
  root = process.cwd(),
): string {
  return path.resolve(root, env.CONTENT_DIR ?? 'content');
}
