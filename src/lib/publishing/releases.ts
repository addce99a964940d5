import { createHash } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import path from 'node:path';
import { writeAtomically } from '../files/atomic-write.ts';
import type { ReleaseChange } from './release-change.ts';

/**
 * The deploy folder: `releases/<name>/` holds complete builds, `releases/<name>.json` their
 * manifests, and `current` is a symlink to the live one, switched with rename(2) so a request
 * always sees one whole release.
 */
export interface ReleaseManifest {
  name: string;
  builtAt: string;
  activeIds: string[];
  closedIds: string[];
  /** Each shown appeal's content digest, to tell the next republish which appeals were edited. */
  appeals?: Record<string, string>;
  /** What this release changed from the one live before (src/lib/publishing/release-change.ts). */
  change?: ReleaseChange;
  /** A takedown or early release: the next full build retires it, whichever republish made it. */
  stopgap?: true;
  /** Relative file path → sha256, to tell the purge hook which URLs changed. */
  files: Record<string, string>;
}

export const releasesDir = (deployDir: string) => path.join(deployDir, 'releases');
export const currentLink = (deployDir: string) => path.join(deployDir, 'current');

/** Sortable, unique release names: the UTC time, then the pid. */
export function releaseName(now: Date, pid = process.pid): string {
  return `${now.toISOString().replace(/[:.]/g, '-')}-${pid}`;
}

export function listReleases(deployDir: string): string[] {
  const dir = releasesDir(deployDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, `${e.name}.json`)))
    .map((e) => e.name)
    .sort();
}

export function currentRelease(deployDir: string): string | undefined {
  try {
    return path.basename(readlinkSync(currentLink(deployDir)));
  } catch {
    return undefined;
  }
}

/** A release manifest that cannot be read: the release it describes cannot be trusted. */
export class ManifestError extends Error {
  readonly release: string;
  constructor(release: string, message: string) {
    super(message);
    this.release = release;
  }
}

export const manifestFile = (deployDir: string, name: string) =>
  path.join(releasesDir(deployDir), `${name}.json`);

const isIdList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((id) => typeof id === 'string');

/** Reads a release's manifest; throws a ManifestError naming the file if it is unreadable or malformed. */
export function readManifest(deployDir: string, name: string): ReleaseManifest {
  const file = manifestFile(deployDir, name);
  let parsed: Partial<ReleaseManifest> | undefined;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<ReleaseManifest>;
  } catch (error) {
    throw new ManifestError(
      name,
      `${file}: the release manifest cannot be read (${(error as Error).message})`,
    );
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    !isIdList(parsed.activeIds) ||
    !isIdList(parsed.closedIds) ||
    typeof parsed.files !== 'object' ||
    parsed.files === null
  )
    throw new ManifestError(
      name,
      `${file}: the release manifest is damaged (expected activeIds, closedIds and files)`,
    );
  return { ...parsed, name } as ReleaseManifest;
}

export function writeManifest(deployDir: string, manifest: ReleaseManifest): void {
  writeAtomically(manifestFile(deployDir, manifest.name), JSON.stringify(manifest));
}

export const hashFile = (file: string) => createHash('sha256').update(readFileSync(file)).digest('base64url');

/** Points `current` at `releases/<name>` atomically: a new symlink renamed over the old one. */
export function switchCurrent(deployDir: string, name: string): void {
  const temp = path.join(deployDir, `.current-${process.pid}`);
  rmSync(temp, { force: true });
  symlinkSync(path.join('releases', name), temp);
  renameSync(temp, currentLink(deployDir));
}

/** URL paths whose files were added, changed or removed between two manifests. */
export function changedUrls(previous: ReleaseManifest | undefined, next: ReleaseManifest): string[] {
  const before = previous?.files ?? {};
  const paths = new Set([...Object.keys(before), ...Object.keys(next.files)]);
  const urls = new Set<string>();
  for (const file of paths) {
    if (before[file] === next.files[file]) continue;
    const url = `/${file}`.replace(/(^|\/)index\.html$/, '$1');
    urls.add(url);
  }
  return [...urls].sort();
}

/**
 * Releases other than `keep` that still show an appeal closed since, or whose manifest cannot be
 * read (so nothing shows they do not): they must not survive. `onUnreadable` hears of each of those.
 */
export function releasesShowing(
  deployDir: string,
  closedIds: readonly string[],
  keep: string,
  onUnreadable: (error: ManifestError) => void = () => undefined,
): string[] {
  const closed = new Set(closedIds);
  return listReleases(deployDir).filter((name) => {
    if (name === keep) return false;
    try {
      return readManifest(deployDir, name).activeIds.some((id) => closed.has(id));
    } catch (error) {
      if (!(error instanceof ManifestError)) throw error;
      onUnreadable(error);
      return true;
    }
  });
}

/**
 * Whether the live release shows appeal `id`, as a closure killed before its takedown leaves it.
 * A live release whose manifest cannot be read may show it.
 */
export function liveReleaseShows(deployDir: string, id: string): boolean {
  const live = currentRelease(deployDir);
  if (!live || !listReleases(deployDir).includes(live)) return false;
  try {
    return readManifest(deployDir, live).activeIds.includes(id);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    return true;
  }
}

export function removeRelease(deployDir: string, name: string): void {
  rmSync(path.join(releasesDir(deployDir), name), { recursive: true, force: true });
  rmSync(path.join(releasesDir(deployDir), `${name}.json`), { force: true });
}

/** The releases to delete: every one but the newest `keep`, never the live one. */
export function releasesBeyond(deployDir: string, keep: number, live: string): string[] {
  const all = listReleases(deployDir);
  return all.slice(0, Math.max(0, all.length - keep)).filter((name) => name !== live);
}

/**
 * Stopgap releases other than `live`, including those a killed republish or a rollback's takedown
 * left behind: their listings are stale, so none may become a rollback target.
 */
export function stopgapReleases(deployDir: string, live: string): string[] {
  return listReleases(deployDir).filter((name) => {
    if (name === live) return false;
    try {
      return readManifest(deployDir, name).stopgap === true;
    } catch (error) {
      if (!(error instanceof ManifestError)) throw error;
      return false;
    }
  });
}

/** The live release's manifest, or undefined when there is none or it cannot be read (logged). */
export function liveManifest(
  deployDir: string,
  live: string | undefined,
  log: (line: string) => void,
): ReleaseManifest | undefined {
  if (!live || !listReleases(deployDir).includes(live)) return undefined;
  try {
    return readManifest(deployDir, live);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    log(
      `${error.message}. Without it nothing can be cut from the live release, so the full build publishes every change, and the live release is deleted once replaced.`,
    );
    return undefined;
  }
}
