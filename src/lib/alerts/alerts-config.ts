import path from 'node:path';
import type { OperatorEnv } from '../config/operator-env.ts';
import { contentDirectory } from '../content/content-location.ts';
import { loadSettings } from '../content/load-settings.ts';
import { insideFolder } from '../files/inside-folder.ts';
import { publicSiteAddress } from '../hosting/public-address.ts';
import { publishConfig } from '../publishing/publish-config.ts';
import { DEFAULT_PUSH_HOSTS } from './push-subscription-form.ts';

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
  /** Web push (VAPID): absent means push is off and the page does not offer it. */
  push?: VapidConfig;
  /** The push services a subscription may name (the service posts to them); the browsers' if absent. */
  pushHosts?: readonly string[];
}

export interface VapidConfig {
  /** base64url of the uncompressed P-256 public key (65 bytes): what browsers subscribe with. */
  publicKey: string;
  /** base64url of the 32-byte private key. */
  privateKey: string;
  /** How push services can reach the operator: a mailto: or https: address. */
  subject: string;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const base64urlBytes = (value: string): number | undefined =>
  BASE64URL.test(value) ? Buffer.from(value, 'base64url').length : undefined;

/**
 * The VAPID keys from `ALERTS_VAPID_*`: all three or none (push off). A malformed one is refused
 * naming the variable, so a typo is not found by a failed alert.
 */
export function vapidConfig(alerts: OperatorEnv['alerts']): VapidConfig | undefined {
  const { vapidPublicKey: publicKey, vapidPrivateKey: privateKey, vapidSubject: subject } = alerts;
  const given = [publicKey, privateKey, subject].filter(Boolean).length;
  if (given === 0) return undefined;
  if (!publicKey || !privateKey || !subject)
    throw new AlertsConfigError(
      'ALERTS_VAPID_PUBLIC_KEY, ALERTS_VAPID_PRIVATE_KEY, ALERTS_VAPID_SUBJECT: expected all three or none (npm run alerts -- vapid-keys makes the keys)',
    );
  if (
    base64urlBytes(publicKey) !== 65 ||
    !Buffer.from(publicKey, 'base64url').subarray(0, 1).equals(Buffer.of(4))
  )
    throw new AlertsConfigError(
      `ALERTS_VAPID_PUBLIC_KEY: expected a P-256 public key in base64url (87 characters, from npm run alerts -- vapid-keys), got ${publicKey.length} characters`,
    );
  // The private key is never echoed, not even in an error.
  if (base64urlBytes(privateKey) !== 32)
    throw new AlertsConfigError(
      'ALERTS_VAPID_PRIVATE_KEY: expected a P-256 private key in base64url (43 characters, from npm run alerts -- vapid-keys)',
    );
  if (!/^(mailto:[^\s@]+@[^\s@]+|https:\/\/[^\s]+)$/.test(subject))
    throw new AlertsConfigError(
      `ALERTS_VAPID_SUBJECT: expected mailto:alerts@example.org or an https:// address, got ${JSON.stringify(subject)}`,
    );
  return { publicKey, privateKey, subject };
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
  const push = vapidConfig(operator.alerts);
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
    ...(push ? { push } : {}),
    pushHosts: operator.alerts.pushHosts ?? DEFAULT_PUSH_HOSTS,
  };
}

/** The settings' region ids and names as they are now (a region added later is offered at once). */
export function currentRegions(contentDir: string): Array<{ id: string; name: string }> {
  return loadSettings(contentDir).settings?.regions ?? [];
}
