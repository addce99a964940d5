import path from 'node:path';
import { contentDirectory } from '../content/content-location.ts';
import { loadSettings } from '../content/validate-content.ts';
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
  trust: TrustSettings;
  /** How long ten wrong passwords lock an account. */
  lockMs: number;
}

export class StudioConfigError extends Error {}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The studio's configuration from the environment (see the README's Configuration section). */
export function studioConfig(env: Record<string, string | undefined>, projectRoot: string): StudioConfig {
  const contentDir = contentDirectory(env, projectRoot);
  const { settings } = loadSettings(contentDir, projectRoot);
  const publish = publishConfig(settings, env, projectRoot);
  const dataDir = path.resolve(projectRoot, env.STUDIO_DATA_DIR ?? DEFAULT_DATA_DIR);
  const publicDir = path.join(projectRoot, 'public');
  // The data folder holds password hashes and drafts: it must be where no build or host can reach.
  const forbidden: Array<[string, string]> = [
    [contentDir, 'the content folder'],
    [publicDir, 'the public folder'],
    [publish.deployDir, 'the deploy folder'],
    [path.join(projectRoot, 'dist'), 'the build folder dist/'],
  ];
  for (const [dir, what] of forbidden) {
    if (inside(dataDir, dir) || inside(dir, dataDir))
      throw new StudioConfigError(
        `STUDIO_DATA_DIR: expected a folder apart from ${what} (${dir}), got ${dataDir}`,
      );
  }
  const origin = env.STUDIO_ORIGIN?.trim();
  if (origin && !/^https?:\/\/[^/\s]+$/.test(origin))
    throw new StudioConfigError(
      `STUDIO_ORIGIN: expected an origin like https://studio.example.org (no path), got ${JSON.stringify(origin)}`,
    );
  const minutes = env.STUDIO_LOCKOUT_MINUTES === undefined ? undefined : Number(env.STUDIO_LOCKOUT_MINUTES);
  if (minutes !== undefined && !(Number.isInteger(minutes) && minutes >= 1))
    throw new StudioConfigError(
      `STUDIO_LOCKOUT_MINUTES: expected a whole number of minutes, got ${JSON.stringify(env.STUDIO_LOCKOUT_MINUTES)}`,
    );
  return {
    projectRoot,
    contentDir,
    publicDir,
    dataDir,
    publish,
    trust: { trustProxy: env.STUDIO_TRUST_PROXY === '1', publicOrigin: origin || undefined },
    lockMs: minutes === undefined ? DEFAULT_LOCK_MS : minutes * 60_000,
  };
}

/** `studio.twoPersonRule` from the settings as they are now (on when the settings cannot be read). */
export function twoPersonRule(contentDir: string): boolean {
  return loadSettings(contentDir).settings?.studio.twoPersonRule ?? true;
}

/** Parses `--port`/`STUDIO_PORT`: 0 asks for any free port. */
export function studioPort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new StudioConfigError(`expected a port number from 0 to 65535, got ${JSON.stringify(value)}`);
  return port;
}
