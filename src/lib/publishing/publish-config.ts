import path from 'node:path';
import type { SiteSettings } from '../model/settings-schema.ts';

export interface PublishConfig {
  deployDir: string;
  archiveDir: string;
  cacheDir: string;
  keep: number;
  purgeHook?: string | undefined;
}

/**
 * Where publishing reads and writes. Environment variables override `publish` in settings;
 * relative paths are from the project root. The archive must sit outside `content/`.
 */
export function publishConfig(
  settings: SiteSettings | undefined,
  env: Record<string, string | undefined>,
  projectRoot: string,
): PublishConfig {
  const publish = settings?.publish ?? {};
  const resolve = (value: string) => path.resolve(projectRoot, value);
  const keep = env.KEEP_RELEASES ? Number(env.KEEP_RELEASES) : (publish.keepReleases ?? 3);
  if (!Number.isInteger(keep) || keep < 1)
    throw new Error(
      `KEEP_RELEASES: expected a whole number of at least 1, got ${JSON.stringify(env.KEEP_RELEASES)}`,
    );
  return {
    deployDir: resolve(env.DEPLOY_DIR ?? publish.deployDir ?? 'deploy'),
    archiveDir: resolve(env.ARCHIVE_DIR ?? publish.archiveDir ?? 'archive'),
    // Outside node_modules, so `npm install` never empties it.
    cacheDir: resolve(env.ASTRO_CACHE_DIR ?? '.cache/astro'),
    keep,
    purgeHook: env.PURGE_HOOK ?? publish.purgeHook,
  };
}
