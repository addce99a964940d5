// Helpers for the publishing tests (tests/publish/): a throwaway workspace per scenario (content,
// deploy folder, archive, image cache), the real CLIs run as child processes, a keep-alive HTTP
// client for nginx, and checks on the deploy folder (release trees, manifests, search index text).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { Agent, request } from 'node:http';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { inject } from 'vitest';
import { materialiseFixture } from './fixture-content.ts';
import { FIXED_BUILD_DATE, PROJECT_ROOT, TEST_SEARCH_SHARD_SIZE } from './build-site.ts';

export { FIXED_BUILD_DATE, PROJECT_ROOT };

/** The fixture's appeals (tests/fixtures/basic). */
export const FIXTURE = {
  activeIds: ['2025-0007', '2026-0101', '2026-0102'],
  closedId: '2026-0103',
  /** Appeal 2026-0102, the one the scenarios close. */
  tobiah: { id: '2026-0102', names: ['Tobiah', 'Wrenfield'], region: 'london' },
} as const;

/** Every page that lists appeals in the fixture (three active appeals, two per page). */
export const LISTING_PATHS = [
  '/',
  '/appeals/',
  '/appeals/2/',
  '/appeals/region/london/',
  '/appeals/region/north-west/',
  '/appeals/region/yorkshire-and-the-humber/',
] as const;

export const NOTICE_HEADING = 'This appeal is no longer active';

// ---------------------------------------------------------------------------------------------
// Workspaces

export interface Workspace {
  root: string;
  contentDir: string;
  deployDir: string;
  archiveDir: string;
  cacheDir: string;
  /** The environment the CLIs run with. */
  env: Record<string, string>;
  /** `DEPLOY_DIR/current`, the path nginx serves. */
  currentLink: string;
  /** The release `current` points at (its folder name), or undefined. */
  currentName(): string | undefined;
  /** The resolved folder `current` points at. */
  currentDir(): string;
  releasesDir: string;
}

/**
 * Variables of the test runner's own environment that a comms officer's shell would not have.
 * Vitest also sets Vite's BASE_URL, MODE, DEV, PROD and SSR, which a child `astro build` would take
 * as its own (BASE_URL=/ would undo a preview's `--base`).
 */
const DROPPED_ENV =
  /^(VITEST.*|NODE_ENV|TEST|BASE_URL|MODE|DEV|PROD|SSR|CONTENT_DIR|DEPLOY_DIR|ARCHIVE_DIR|ASTRO_CACHE_DIR|BUILD_DATE|KEEP_RELEASES|PURGE_HOOK|AUDIT_LOG|SEARCH_SHARD_SIZE)$/;

export function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && !DROPPED_ENV.test(key)) env[key] = value;
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/**
 * A new folder under test-output/ holding the fixture content, a deploy folder, an archive and an
 * image cache. Pass a `warmCache` (see `sharedImageCache`) to start the cache with images encoded by
 * earlier scenarios of the same file. With `published: true` the unchanged fixture is already live:
 * the release, its manifest and `current`, and the encoded images, are copied from the one the run's
 * global set-up published with the real republish (see `publishTemplate`), which is what a first
 * `republishOk` would make, without building it again. Use it only where that first publish is not
 * itself under test, and where `env` does not change what a build makes.
 */
export async function createWorkspace(
  label: string,
  options: { warmCache?: SharedImageCache; env?: Record<string, string>; published?: boolean } = {},
): Promise<Workspace> {
  const base = path.join(PROJECT_ROOT, 'test-output');
  mkdirSync(base, { recursive: true });
  const root = mkdtempSync(path.join(base, `publish-${label}-`));
  const contentDir = await materialiseFixture('basic', root);
  const deployDir = path.join(root, 'deploy');
  const archiveDir = path.join(root, 'archive');
  const cacheDir = path.join(root, 'cache');
  options.warmCache?.seed(cacheDir);
  const env = cleanEnv({
    CONTENT_DIR: contentDir,
    DEPLOY_DIR: deployDir,
    ARCHIVE_DIR: archiveDir,
    ASTRO_CACHE_DIR: cacheDir,
    BUILD_DATE: FIXED_BUILD_DATE,
    SEARCH_SHARD_SIZE: TEST_SEARCH_SHARD_SIZE,
    ...options.env,
  });
  const currentLink = path.join(deployDir, 'current');
  const workspace: Workspace = {
    root,
    contentDir,
    deployDir,
    archiveDir,
    cacheDir,
    env,
    currentLink,
    releasesDir: path.join(deployDir, 'releases'),
    currentName: () => {
      try {
        return path.basename(readlinkSync(currentLink));
      } catch {
        return undefined;
      }
    },
    currentDir: () => realpathSync(currentLink),
  };
  if (options.published) {
    const template = inject('publishedTemplate');
    if (template) copyPublished(template, workspace);
    else await republishOk(workspace);
  }
  return workspace;
}

/** Encoded images of a cache that hold no path of the content they came from (see `sharedImageCache`). */
const PORTABLE_CACHE = ['photos', 'share-cards'];
const portable = (src: string) => path.basename(src) !== 'sources.json';

/** The template's live release and encoded images, into a fresh workspace of the same fixture. */
function copyPublished(template: string, workspace: Workspace): void {
  // `current` is a relative link: copied as it is, it points at the copy's own release.
  cpSync(path.join(template, 'deploy'), workspace.deployDir, { recursive: true, verbatimSymlinks: true });
  for (const folder of PORTABLE_CACHE) {
    const from = path.join(template, 'cache', folder);
    if (existsSync(from))
      cpSync(from, path.join(workspace.cacheDir, folder), { recursive: true, filter: portable });
  }
  if (!workspace.currentName()) throw new Error(`No live release copied from ${template}`);
}

/**
 * Publishes the unchanged fixture once with the real republish, into `root` (a workspace without its
 * temporary name), for `createWorkspace(…, { published: true })`. The run's global set-up calls it.
 */
export async function publishTemplate(root: string): Promise<string> {
  const base = await createWorkspace('template');
  try {
    await republishOk(base);
    // Only what is copied is kept; the content and Astro's store name the folder they were built from.
    mkdirSync(root, { recursive: true });
    cpSync(base.deployDir, path.join(root, 'deploy'), { recursive: true, verbatimSymlinks: true });
    for (const folder of PORTABLE_CACHE) {
      const from = path.join(base.cacheDir, folder);
      if (existsSync(from))
        cpSync(from, path.join(root, 'cache', folder), { recursive: true, filter: portable });
    }
    return root;
  } finally {
    removeWorkspace(base);
  }
}

/** Deletes the workspace, first handing its encoded images to `warmCache` for the next scenario. */
export function removeWorkspace(workspace: Workspace | undefined, warmCache?: SharedImageCache): void {
  if (!workspace) return;
  warmCache?.save(workspace.cacheDir);
  rmSync(workspace.root, { recursive: true, force: true });
}

export interface SharedImageCache {
  dir: string;
  /** Copies the encoded images into a workspace's (empty) cache folder. */
  seed(cacheDir: string): void;
  /** Adds a workspace's encoded images to the shared set. */
  save(cacheDir: string): void;
  remove(): void;
}

/**
 * Encoded photos shared by the scenarios of one test file, so only the first encodes them. Only the
 * variants in `photos/` are shared (copied, never linked: a release may hold links to a cache's
 * files): Astro's `data-store.json` and the photo step's `sources.json` record the absolute paths of
 * the content they were built from, which is another folder in each scenario.
 */
export function sharedImageCache(label: string): SharedImageCache {
  const base = path.join(PROJECT_ROOT, 'test-output');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(path.join(base, `publish-cache-${label}-`));
  const photos = path.join(dir, 'photos');
  const variants = (src: string) => path.basename(src) !== 'sources.json';
  return {
    dir,
    seed: (cacheDir) => {
      if (existsSync(photos))
        cpSync(photos, path.join(cacheDir, 'photos'), { recursive: true, filter: variants });
    },
    save: (cacheDir) => {
      const from = path.join(cacheDir, 'photos');
      if (existsSync(from)) cpSync(from, photos, { recursive: true, force: false, filter: variants });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

// ---------------------------------------------------------------------------------------------
// The CLIs

export type Cli = 'appeal' | 'check' | 'republish' | 'verify';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time, milliseconds. */
  ms: number;
}

export interface RunningCli {
  child: ChildProcess;
  pid: number;
  stdout(): string;
  stderr(): string;
  done: Promise<CliResult>;
  /**
   * SIGKILL. `group: true` kills the whole process group (the CLI and its astro build child), as a
   * killed terminal or CI job would; otherwise only the CLI process itself.
   */
  kill(options?: { group?: boolean }): void;
}

/**
 * Starts `node scripts/<cli>.ts ...args` from the project root, as `npm run <cli>` does. The child
 * leads its own process group, so the scenario can kill it together with its astro build.
 */
export function startCli(
  cli: Cli,
  args: readonly string[],
  env: Record<string, string>,
  options: { timeoutMs?: number } = {},
): RunningCli {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join('scripts', `${cli}.ts`), ...args], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const pid = child.pid!;
  const kill = ({ group = false }: { group?: boolean } = {}) => {
    try {
      process.kill(group ? -pid : pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  // Never leave a CLI (or its build) running if the test process ends first.
  const killOnExit = () => kill({ group: true });
  process.once('exit', killOnExit);
  const done = new Promise<CliResult>((resolve) => {
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            stderr += `\n[test] ${cli} ${args.join(' ')} killed after ${options.timeoutMs} ms\n`;
            kill({ group: true });
          }, options.timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      process.removeListener('exit', killOnExit);
      resolve({ code, signal, stdout, stderr, ms: Math.round(performance.now() - started) });
    });
  });
  return { child, pid, stdout: () => stdout, stderr: () => stderr, done, kill };
}

export function runCli(
  cli: Cli,
  args: readonly string[],
  env: Record<string, string>,
  options: { timeoutMs?: number } = {},
): Promise<CliResult> {
  return startCli(cli, args, env, { timeoutMs: options.timeoutMs ?? 180_000 }).done;
}

/** For assertion messages. */
export function describeRun(result: CliResult): string {
  return `exit ${result.code ?? result.signal} after ${result.ms} ms\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

/** Runs a republish and fails the test with its output unless it succeeds. */
export async function republishOk(workspace: Workspace, args: readonly string[] = []): Promise<CliResult> {
  const result = await runCli('republish', args, workspace.env);
  if (result.code !== 0) throw new Error(`republish ${args.join(' ')} failed: ${describeRun(result)}`);
  return result;
}

/** True while a process exists (including a zombie: killed but not yet reaped). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Pids of the direct children of `pid` (Linux /proc). */
export function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid ...; comm may contain spaces, so split after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return out;
}

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 10));
  }
}

// ---------------------------------------------------------------------------------------------
// Content edits

export function appealFile(workspace: Workspace, id: string): string {
  return path.join(workspace.contentDir, 'appeals', id, 'index.md');
}

export function editAppeal(workspace: Workspace, id: string, edit: (source: string) => string): void {
  const file = appealFile(workspace, id);
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`The edit of ${id} changed nothing`);
  writeFileSync(file, after);
}

/** Sets a "Release marker N." paragraph at the end of an appeal's body (replacing any earlier one). */
export function setReleaseMarker(workspace: Workspace, id: string, marker: number): void {
  editAppeal(
    workspace,
    id,
    (source) =>
      `${source.replace(/\n\nRelease marker \d+\.\n$/, '\n').replace(/\n*$/, '\n')}\nRelease marker ${marker}.\n`,
  );
}

export function releaseMarkers(html: string): number[] {
  return [...html.matchAll(/Release marker (\d+)\./g)].map((m) => Number(m[1]));
}

// ---------------------------------------------------------------------------------------------
// The deploy folder

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('base64url');

/** Relative path → sha256 of every file under `dir` (symlinks followed at the top only). */
export function treeHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const e of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = sha256(readFileSync(full));
    }
  };
  walk(realpathSync(dir));
  return out;
}

export interface DeploySnapshot {
  current: string | undefined;
  /** Hashes of every file of the live release. */
  files: Record<string, string>;
}

export function snapshotLive(workspace: Workspace): DeploySnapshot {
  return { current: workspace.currentName(), files: treeHashes(workspace.currentLink) };
}

export interface Manifest {
  name: string;
  activeIds: string[];
  closedIds: string[];
  files: Record<string, string>;
  change?: { closing: string[]; added: string[]; edited: string[] };
}

export function readManifestOf(workspace: Workspace, name: string): Manifest {
  return JSON.parse(readFileSync(path.join(workspace.releasesDir, `${name}.json`), 'utf8')) as Manifest;
}

/** Release folders (complete or not) and manifests in releases/. */
export function releaseEntries(workspace: Workspace): { folders: string[]; manifests: string[] } {
  if (!existsSync(workspace.releasesDir)) return { folders: [], manifests: [] };
  const entries = readdirSync(workspace.releasesDir, { withFileTypes: true });
  return {
    folders: entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort(),
    manifests: entries
      .filter((e) => e.isFile() && e.name.endsWith('.json'))
      .map((e) => e.name.replace(/\.json$/, ''))
      .sort(),
  };
}

/** Problems with a release: no manifest, or files that differ from it. Empty when it is whole. */
export function releaseProblems(workspace: Workspace, name: string): string[] {
  const manifestFile = path.join(workspace.releasesDir, `${name}.json`);
  if (!existsSync(manifestFile)) return [`${name} has no manifest`];
  const manifest = readManifestOf(workspace, name);
  const actual = treeHashes(path.join(workspace.releasesDir, name));
  const problems: string[] = [];
  for (const [file, hash] of Object.entries(manifest.files)) {
    if (!(file in actual)) problems.push(`${name}/${file} is missing`);
    else if (actual[file] !== hash) problems.push(`${name}/${file} differs from its manifest`);
  }
  for (const file of Object.keys(actual))
    if (!(file in manifest.files)) problems.push(`${name}/${file} is not in the manifest`);
  return problems;
}

/**
 * Writes a file into the live release as if its build had made it: in the release folder and in its
 * manifest (a stopgap copies the live release by its manifest). For scenarios about outputs the
 * takedown or the early release cannot clean.
 */
export function plantInLiveRelease(workspace: Workspace, file: string, content: string): void {
  const full = path.join(workspace.currentDir(), file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
  const name = workspace.currentName()!;
  const manifestFile = path.join(workspace.releasesDir, `${name}.json`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  manifest.files[file] = sha256(readFileSync(full));
  writeFileSync(manifestFile, JSON.stringify(manifest));
}

/** Leftovers a republish must clear: build folders, temporary links, a lock, incomplete releases. */
export function deployLeftovers(workspace: Workspace): string[] {
  const out = readdirSync(workspace.deployDir).filter(
    (name) =>
      name.startsWith('.staging-') ||
      name.startsWith('.takedown-') ||
      name.startsWith('.current-') ||
      name === '.lock' ||
      name === '.switch-lock',
  );
  const { folders, manifests } = releaseEntries(workspace);
  for (const folder of folders) if (!manifests.includes(folder)) out.push(`releases/${folder} (no manifest)`);
  for (const manifest of manifests)
    if (!folders.includes(manifest)) out.push(`releases/${manifest}.json (no folder)`);
  return out;
}

/** A file's text as a reader would get it: gzip (Pagefind's index files) decompressed. */
export function readAsText(file: string): string {
  const bytes = readFileSync(file);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Every file of the Pagefind index under `<release>/pagefind` (or a shard of it), decompressed and joined. */
export function searchIndexText(releaseDir: string, folder = 'pagefind'): string {
  const root = path.join(releaseDir, folder);
  const parts: string[] = [];
  const walk = (folder: string) => {
    for (const e of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(pf_fragment|pf_index|pf_meta|pf_filter)$/.test(e.name) || e.name.endsWith('.json'))
        parts.push(readAsText(full));
    }
  };
  walk(root);
  return parts.join('\n');
}

/** Files (not raster images) under `dir` whose name or decompressed text matches `pattern`. */
export function filesMentioning(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const root = realpathSync(dir);
  const walk = (folder: string) => {
    for (const e of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, e.name);
      const rel = path.relative(root, full);
      if (e.isDirectory()) walk(full);
      else if (
        pattern.test(rel) ||
        (!/\.(avif|webp|jpe?g|png|gif)$/i.test(e.name) && pattern.test(readAsText(full)))
      )
        out.push(rel);
    }
  };
  walk(root);
  return out;
}

// ---------------------------------------------------------------------------------------------
// HTTP

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

/** A keep-alive HTTP/1.1 client for one origin (nginx on 127.0.0.1). */
export class HttpClient {
  readonly agent: Agent;
  readonly origin: string;
  constructor(origin: string, options: { maxSockets?: number } = {}) {
    this.origin = origin;
    this.agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 1 });
  }

  get(urlPath: string, timeoutMs = 10_000): Promise<HttpResponse> {
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.origin}${urlPath}`,
        { agent: this.agent, method: 'GET', timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const body = Buffer.concat(chunks);
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`GET ${urlPath} timed out after ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** `/_photos/...` URLs in a page (src, srcset, Pagefind image metadata). */
export function photoUrls(html: string): string[] {
  return [...new Set([...html.matchAll(/\/_photos\/[^"'\s,)<>]+/g)].map((m) => m[0]))];
}

/** Same-origin scripts, styles and photos a page loads. */
export function subresourceUrls(html: string): string[] {
  const urls = new Set(photoUrls(html));
  for (const m of html.matchAll(/(?:href|src)="(\/(?:_astro|pagefind)\/[^"]+)"/g)) urls.add(m[1]!);
  for (const m of html.matchAll(/(?:href|src)="(\/favicon\.svg)"/g)) urls.add(m[1]!);
  return [...urls];
}

/** The file of a release that answers a page URL. */
export function fileForUrl(urlPath: string): string {
  const clean = urlPath.replace(/^\//, '');
  return clean === '' || clean.endsWith('/') ? `${clean}index.html` : clean;
}

/** The visible text of an HTML page's <main>, tags stripped, whitespace collapsed. */
export function mainText(html: string): string {
  const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? html;
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
