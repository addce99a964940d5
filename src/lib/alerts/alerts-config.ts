import path from 'node:path';
import type { OperatorEnv } from '../config/operator-env.ts';
import { contentDirectory } from '../content/content-location.ts';
import { loadSettings } from '../content/load-settings.ts';
import { insideFolder } from '../files/inside-folder.ts';
import { publicSiteAddress } from '../hosting/public-address.ts';
import { publishConfig } from '../publishing/publish-config.ts';

/** Where the alerts service keeps subscribers unless `ALERTS_DATA_DIR` says otherwise. */
export const DEFAULT_ALERTS_DATA_DIR = 'alerts-data';
export const DEFAULT_ALERTS_PORT = 4323;

export class AlertsConfigError extends Error {}

export interface AlertsConfig {
  contentDir: string;
  /** Subscribers, tokens and the outbox: private, never published. */
  dataDir: string;
  port: number;
  /** The public site's address with a trailing slash: links in emails, and the origin forms come from. */
  siteAddress: string;
  smtp?: {
    url: string;
    from: string;
    dkim?: { domainName: string; keySelector: string; privateKeyFile: string };
  };
  sendPerSecond: number;
  trustProxy: boolean;
}

/** The alerts service's data folder: `ALERTS_DATA_DIR`, else `alerts-data` in the project. */
export function alertsDataDir(operator: OperatorEnv, projectRoot: string): string {
  return path.resolve(projectRoot, operator.alerts.dataDir ?? DEFAULT_ALERTS_DATA_DIR);
}

/** Parses `--port`/`ALERTS_PORT`: 0 asks for any free port. */
export function alertsPort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_ALERTS_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new AlertsConfigError(
      `ALERTS_PORT: expected a port number from 0 to 65535, got ${JSON.stringify(value)}`,
    );
  return port;
}

/** The alerts service's configuration (see the README's Configuration section). */
export function alertsConfig(operator: OperatorEnv, projectRoot: string, port?: string): AlertsConfig {
  const contentDir = contentDirectory(operator, projectRoot);
  const { settings } = loadSettings(contentDir, projectRoot);
  const publish = publishConfig(settings, operator, projectRoot, contentDir);
  const dataDir = alertsDataDir(operator, projectRoot);
  // Email addresses: never where a build, a release or a host could publish them.
  const forbidden: Array<[string, string]> = [
    [contentDir, 'the content folder'],
    [path.join(projectRoot, 'public'), 'the public folder'],
    [publish.deployDir, 'the deploy folder'],
    [publish.archiveDir, 'the archive'],
    [path.join(projectRoot, 'dist'), 'the build folder dist/'],
  ];
  for (const [dir, what] of forbidden)
    if (insideFolder(dataDir, dir) || insideFolder(dir, dataDir))
      throw new AlertsConfigError(
        `ALERTS_DATA_DIR: expected a folder apart from ${what} (${dir}), got ${dataDir}`,
      );
  const { smtpUrl, from, dkimDomain, dkimSelector, dkimKeyFile } = operator.alerts;
  if (smtpUrl && !from)
    throw new AlertsConfigError('ALERTS_FROM: expected the From address for ALERTS_SMTP_URL, got nothing');
  const dkimParts = [dkimDomain, dkimSelector, dkimKeyFile].filter(Boolean).length;
  if (dkimParts !== 0 && dkimParts !== 3)
    throw new AlertsConfigError(
      'ALERTS_DKIM_DOMAIN, ALERTS_DKIM_SELECTOR, ALERTS_DKIM_KEY_FILE: expected all three or none',
    );
  return {
    contentDir,
    dataDir,
    port: alertsPort(port ?? operator.alerts.port),
    siteAddress: publicSiteAddress({ liveSiteUrl: operator.liveSiteUrl, baseUrl: settings?.baseUrl }),
    ...(smtpUrl && from
      ? {
          smtp: {
            url: smtpUrl,
            from,
            ...(dkimDomain && dkimSelector && dkimKeyFile
              ? {
                  dkim: {
                    domainName: dkimDomain,
                    keySelector: dkimSelector,
                    privateKeyFile: path.resolve(projectRoot, dkimKeyFile),
                  },
                }
              : {}),
          },
        }
      : {}),
    sendPerSecond: operator.alerts.sendPerSecond ?? 10,
    trustProxy: operator.alerts.trustProxy,
  };
}

/** The settings' region ids and names as they are now (a region added later is offered at once). */
export function currentRegions(contentDir: string): Array<{ id: string; name: string }> {
  return loadSettings(contentDir).settings?.regions ?? [];
}
