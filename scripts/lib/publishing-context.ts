import path from 'node:path';
import { contentDirectory } from '../../src/lib/content/content-location.ts';
import { publishConfig, type PublishConfig } from '../../src/lib/publishing/publish-config.ts';
import { loadSettings } from '../../src/lib/content/validate-content.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/** Content folder and publishing folders for the CLIs, from settings and the environment. */
export function publishingContext(): PublishConfig & {
  contentDir: string;
  publicDir: string;
  projectRoot: string;
} {
  const contentDir = contentDirectory(process.env, process.cwd());
  const { settings } = loadSettings(contentDir);
  return {
    ...publishConfig(settings, process.env, PROJECT_ROOT),
    contentDir,
    publicDir: path.join(PROJECT_ROOT, 'public'),
    projectRoot: PROJECT_ROOT,
  };
}
