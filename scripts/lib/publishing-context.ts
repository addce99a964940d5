import path from 'node:path';
import { contentDirectory } from '../../src/lib/content/content-location.ts';
import {
  publishConfig,
  PublishConfigError,
  stopgapSwitches,
  type PublishConfig,
  type StopgapSwitches,
} from '../../src/lib/publishing/publish-config.ts';
import { loadSettings } from '../../src/lib/content/validate-content.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

export type PublishingContext = PublishConfig &
  StopgapSwitches & {
    contentDir: string;
    publicDir: string;
    projectRoot: string;
  };

/**
 * Content folder, publishing folders and switches for the CLIs, from settings and the environment,
 * built once per command. Folders that must not be used end the command with the reason, before it
 * changes anything.
 */
export function publishingContext(): PublishingContext {
  const contentDir = contentDirectory(process.env, process.cwd());
  const { settings } = loadSettings(contentDir);
  let config: PublishConfig;
  try {
    config = publishConfig(settings, process.env, PROJECT_ROOT, contentDir);
  } catch (error) {
    if (!(error instanceof PublishConfigError)) throw error;
    console.error(`${error.message}\nNothing was changed.`);
    process.exit(1);
  }
  return {
    ...config,
    ...stopgapSwitches(process.env),
    contentDir,
    publicDir: path.join(PROJECT_ROOT, 'public'),
    projectRoot: PROJECT_ROOT,
  };
}
