// Building lives with the scripts (the benchmark uses it too). Test builds split the search index
// into a shard per appeal (SEARCH_SHARD_SIZE=1), so every search test runs on a merged, sharded index.
import { buildSite as build, type BuildResult } from '../../scripts/lib/build-site.ts';

export { FIXED_BUILD_DATE, PROJECT_ROOT, type BuildResult } from '../../scripts/lib/build-site.ts';

export const TEST_SEARCH_SHARD_SIZE = '1';

export function buildSite(
  contentDir: string,
  outDir: string,
  extraEnv: Record<string, string> = {},
): BuildResult {
  return build(contentDir, outDir, { SEARCH_SHARD_SIZE: TEST_SEARCH_SHARD_SIZE, ...extraEnv });
}
