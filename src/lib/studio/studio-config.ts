import path from 'node:path';
import type { OperatorEnv } from '../config/operator-env.ts';
import { contentDirectory } from '../content/content-location.ts';
import { insideFolder } from '../files/inside-folder.ts';
import { realPath } from '../files/real-path.ts';
import { publicAppealUrl, publicSiteAddress } from '../hosting/public-address.ts';
import { auditLogPath } from '../lifecycle/audit-log.ts';
import { loadSettings } from '../content/load-settings.ts';
import { publishConfig, type PublishConfig } from '../publishing/publish-config.ts';
import { DEFAULT_LOCK_MS } from './login-throttle.ts';
import type { TrustSettings } from './request-security.ts';

/** Where the studio keeps its own records and drafts unless `STUDIO_DATA_DIR` says otherwise. */
export const DEFAULT_DATA_DIR = 'studio-data';
export const DEFAULT_PORT = 4322;

export interface StudioConfig {
  projectRoot: string;
  contentDir: string;
  publicDir: string;
  /** Users, sessions, drafts and previews: private, never under content/, never published. */
  dataDir: string;
  publish: PublishConfig;
  /** The audit log of closures, reopenings and approvals. */
  auditLog: string;
  trust: TrustSettings;
  /** The longest pause between tries after wrong passwords. */
  lockMs: number;
  /** `LIVE_SITE_URL`: where people reach the live site, if the operator says (see `publicAddress`). */
  liveSiteUrl: string | undefined;
  /** The organisation's name: a new password may not be made of its words. */
  passwordWords: string[];
}

export class StudioConfigError extends Error {}

/** The studio's data folder: `STUDIO_DATA_DIR`, else `studio-data` in the project. */
export function studioDataDir(operator: OperatorEnv, projectRoot: string): string {
  return path.resolve(projectRoot, operator.studio.dataDir ?? DEFAULT_DATA_DIR);
}

/** The studio's configuration from the operator's (see the README's Configuration section). */
export function studioConfig(operator: OperatorEnv, projectRoot: string): StudioConfig {
  const contentDir = contentDirectory(operator, projectRoot);
  const { settings } = loadSettings(contentDir, projectRoot);
  const publish = publishConfig(settings, operator, projectRoot, contentDir);
  const dataDir = studioDataDir(operator, projectRoot);
  const publicDir = path.join(projectRoot, 'public');
  // The data folder holds password hashes and drafts: it must be where no build or host can reach.
  const forbidden: Array<[string, string]> = [
    [contentDir, 'the content folder'],
    [publicDir, 'the public folder'],
    [publish.deployDir, 'the deploy folder'],
    [path.join(projectRoot, 'dist'), 'the build folder dist/'],
  ];
  // Compared where links lead, as the publishing folders are: a link cannot hide the public folder.
  const realData = realPath(dataDir);
  for (const [dir, what] of forbidden) {
    const real = realPath(dir);
    if (insideFolder(realData, real) || insideFolder(real, realData))
      throw new StudioConfigError(
        `STUDIO_DATA_DIR: expected a folder apart from ${what} (${dir}), got ${dataDir}`,
      );
  }
  const minutes = operator.studio.lockoutMinutes;
  return {
    projectRoot,
    contentDir,
    publicDir,
    dataDir,
    publish,
    auditLog: auditLogPath(publish.archiveDir, operator.auditLog),
    trust: { trustProxy: operator.studio.trustProxy, publicOrigin: operator.studio.origin },
    lockMs: minutes === undefined ? DEFAULT_LOCK_MS : minutes * 60_000,
    liveSiteUrl: operator.liveSiteUrl,
    passwordWords: settings ? [settings.organisation.name] : [],
  };
}

/** `studio.twoPersonRule` from the settings as they are now (on when the settings cannot be read). */
export function twoPersonRule(contentDir: string): boolean {
  return loadSettings(contentDir).settings?.studio.twoPersonRule ?? true;
}

/**
 * The public site's address for the studio's links, with the settings as they are now:
 * `LIVE_SITE_URL`, else a real `baseUrl`, else where `npm start` serves (src/lib/hosting/public-address.ts).
 */
export function publicAddress(config: Pick<StudioConfig, 'contentDir' | 'liveSiteUrl'>): string {
  const baseUrl = loadSettings(config.contentDir).settings?.baseUrl;
  return publicSiteAddress({ liveSiteUrl: config.liveSiteUrl, baseUrl });
}

/** An appeal's address on the public site (see `publicAddress`). */
export function appealPublicUrl(
  config: Pick<StudioConfig, 'contentDir' | 'liveSiteUrl'>,
  id: string,
): string {
  return publicAppealUrl(publicAddress(config), id);
}

/** Parses `--port`/`STUDIO_PORT`: 0 asks for any free port. */
export function studioPort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new StudioConfigError(`expected a port number from 0 to 65535, got ${JSON.stringify(value)}`);
  return port;
}
