import path from 'node:path';
import type { OperatorEnv } from '../../src/lib/config/operator-env.ts';
import { contentDirectory } from '../../src/lib/content/content-location.ts';
import { auditLogPath } from '../../src/lib/lifecycle/audit-log.ts';
import {
  publishConfig,
  PublishConfigError,
  type PublishConfig,
} from '../../src/lib/publishing/publish-config.ts';
import { loadSettings } from '../../src/lib/content/load-settings.ts';
import { operatorEnvOrExit } from './operator-env.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

export type PublishingContext = PublishConfig & {
  contentDir: string;
  publicDir: string;
  projectRoot: string;
  auditLog: string;
  operator: OperatorEnv;
};

/**
 * Content folder, publishing folders and switches for the CLIs, from settings and the environment,
 * built once per command. Folders that must not be used end the command with the reason, before it
 * changes anything.
 */
export function publishingContext(operator: OperatorEnv = operatorEnvOrExit()): PublishingContext {
  const contentDir = contentDirectory(operator, process.cwd());
  const { settings } = loadSettings(contentDir);
  let config: PublishConfig;
  try {
    config = publishConfig(settings, operator, PROJECT_ROOT, contentDir);
  } catch (error) {
    if (!(error instanceof PublishConfigError)) throw error;
    console.error(`${error.message}\nNothing was changed.`);
    process.exit(1);
  }
  return {
    ...config,
    contentDir,
    publicDir: path.join(PROJECT_ROOT, 'public'),
    projectRoot: PROJECT_ROOT,
    auditLog: auditLogPath(config.archiveDir, operator.auditLog),
    operator,
  };
}
