// Helpers for the studio tests (tests/studio/): the studio built once per version of its sources
// (shared by every test file and by `npm run studio`), a real studio server per scenario started
// the way `npm run studio` starts it, users added as the CLI adds them, and signing in from Chromium
// or from plain HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ensureStudioBuild, type StudioBuild } from '../../scripts/lib/studio-build.ts';
import { readOperatorEnv } from '../../src/lib/config/operator-env.ts';
import { openStudioDb } from '../../src/lib/studio/studio-db.ts';
import { studioConfig } from '../../src/lib/studio/studio-config.ts';
import { addUser } from '../../src/lib/studio/users.ts';
import { PROJECT_ROOT } from './build-site.ts';
import { writeTestPhoto } from './fixture-content.ts';

export interface ListedRoute {
  pattern: string;
  type: string;
  origin: string;
  params: string[];
}

let build: Promise<StudioBuild> | undefined;

/** The studio built from the current sources (built now if no run has built this version yet). */
export function studioBuild(): Promise<StudioBuild> {
  build ??= ensureStudioBuild();
  return build;
}

/** Every route the studio's router knows, as the build listed them. */
export async function studioRoutes(): Promise<ListedRoute[]> {
  return JSON.parse(readFileSync((await studioBuild()).routesFile, 'utf8')) as ListedRoute[];
}

export interface RunningStudio {
  url: string;
  env: Record<string, string>;
  output(): string;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Starts `node scripts/studio.ts --port 0` (what `npm run studio` runs) with `env`, and waits for
 * the line that prints its address. `env` names the content, deploy, archive and data folders.
 */
export async function startStudio(env: Record<string, string>): Promise<RunningStudio> {
  await studioBuild();
  const child = spawn(process.execPath, [path.join('scripts', 'studio.ts'), '--port', '0'], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (m) resolve(m[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`The studio exited (${code}) before it was ready:\n${output}`)),
    );
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    url,
    env,
    output: () => output,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited(child);
        clearTimeout(timer);
      }
    },
  };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run studio -- <args>` (as node scripts/studio.ts) with `input` on standard input. */
export function studioCli(args: readonly string[], env: Record<string, string>, input = ''): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join('scripts', 'studio.ts'), ...args], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/**
 * Adds a user as `user add … --password-stdin` does (the same checks and the same `addUser`), in this
 * process: a CLI child per user cost each studio file seconds of start-up. The CLI itself is tested
 * through `studioCli` (tests/studio/studio-security.test.ts). Fails the test if it cannot.
 */
export async function addStudioUser(
  env: Record<string, string>,
  email: string,
  role: 'author' | 'publisher' | 'admin',
  password: string,
): Promise<void> {
  const config = studioConfig(readOperatorEnv(env), PROJECT_ROOT);
  const db = openStudioDb(config.dataDir);
  try {
    await addUser(db, { email, role, password, serviceWords: config.passwordWords });
  } catch (error) {
    throw new Error(`user add ${email} failed: ${(error as Error).message}`, { cause: error });
  } finally {
    db.close();
  }
}

/** Adds a user with the real CLI (`user add … --password-stdin`), as the README tells an administrator to. */
export async function addStudioUserWithCli(
  env: Record<string, string>,
  email: string,
  role: 'author' | 'publisher' | 'admin',
  password: string,
): Promise<void> {
  const run = await studioCli(
    ['user', 'add', email, '--role', role, '--password-stdin'],
    env,
    `${password}\n`,
  );
  if (run.code !== 0)
    throw new Error(`user add ${email} failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
}

/**
 * Moves every wrong password the studio has recorded `ms` into the past, as if that long had gone by:
 * a test sees a pause end (they double, to 16 s after nine) without sitting through it.
 */
export function ageWrongPasswords(dataDir: string, ms: number): void {
  const db = openStudioDb(dataDir);
  try {
    db.prepare('UPDATE sign_in_failures SET at = at - ?').run(ms);
  } finally {
    db.close();
  }
}

/** Signs in through the real sign-in page and waits for the dashboard. */
export async function signInWithBrowser(
  page: Page,
  url: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(`${url}/`), page.click('form.sign-in button[type=submit]')]);
}

// ---------------------------------------------------------------------------------------------
// Plain HTTP, for the security tests: a tiny cookie jar and form posts.

export interface HttpReply {
  status: number;
  headers: Headers;
  text: string;
  /** Every Set-Cookie header of the reply. */
  setCookies: string[];
}

/** A client that keeps cookies like a browser and says where its requests come from, as browsers do. */
export class StudioClient {
  readonly url: string;
  readonly cookies = new Map<string, string>();
  /** The Origin header form posts carry; set to another site to play a cross-site request. */
  origin: string;
  constructor(url: string) {
    this.url = url;
    this.origin = url;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(
    method: string,
    urlPath: string,
    options: { body?: BodyInit; headers?: Record<string, string>; origin?: string | null } = {},
  ): Promise<HttpReply> {
    const headers: Record<string, string> = { Accept: 'text/html', ...options.headers };
    if (this.cookies.size > 0) headers.Cookie = this.cookieHeader();
    const origin = options.origin === undefined ? this.origin : options.origin;
    if (method !== 'GET' && method !== 'HEAD' && origin !== null) headers.Origin = origin;
    const response = await fetch(`${this.url}${urlPath}`, {
      method,
      headers,
      body: options.body,
      redirect: 'manual',
    });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      const text = value.join('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || text === '' || text === 'deleted')
        this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), text);
    }
    return { status: response.status, headers: response.headers, text: await response.text(), setCookies };
  }

  get(urlPath: string): Promise<HttpReply> {
    return this.request('GET', urlPath);
  }

  post(
    urlPath: string,
    fields: Record<string, string>,
    options: { origin?: string | null } = {},
  ): Promise<HttpReply> {
    return this.request('POST', urlPath, {
      body: new URLSearchParams(fields),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      ...options,
    });
  }

  /** Signs in through the sign-in form (with its own token), returning the reply to the post. */
  async signIn(email: string, password: string): Promise<HttpReply> {
    const form = await this.get('/sign-in');
    const token = /name="signin" value="([^"]+)"/.exec(form.text)?.[1];
    if (!token) throw new Error(`No sign-in token on the sign-in page:\n${form.text.slice(0, 500)}`);
    return this.post('/sign-in', { signin: token, email, password });
  }

  /** The CSRF token of a signed-in page. */
  async csrf(urlPath = '/'): Promise<string> {
    const page = await this.get(urlPath);
    const token = /name="csrf" value="([^"]+)"/.exec(page.text)?.[1];
    if (!token) throw new Error(`No CSRF token on ${urlPath} (status ${page.status})`);
    return token;
  }
}

/**
 * Writes a complete new appeal (with a generated photo) through the real edit form, as a browser
 * would post it, and sends it for approval. Returns its id.
 */
export async function submitCompleteAppeal(
  client: StudioClient,
  workDir: string,
  name = 'Wilhelmina Brackenbury',
): Promise<string> {
  const created = await client.post('/new', { csrf: await client.csrf() });
  const id = /\/appeals\/(\d{4}-\d{4})\/edit/.exec(created.headers.get('location') ?? '')?.[1];
  if (!id) throw new Error(`No new draft: ${created.status} ${created.text}`);
  const photo = path.join(workDir, `upload-${id}.jpg`);
  await writeTestPhoto(photo, 7);
  const fields: Record<string, string> = {
    csrf: await client.csrf(`/appeals/${id}/edit`),
    name,
    sex: 'female',
    dateOfBirth: '2012-01-02',
    missingSince: '2026-11-20',
    'lastSeen.place': 'Outside the bakery',
    'lastSeen.town': 'Fenwick',
    'lastSeen.region': 'london',
    circumstances: 'A fictional test appeal.',
    'force.name': 'Fixture Police',
    'force.reference': 'FIX-1',
    'consent.by': 'Mother',
    'consent.date': '2026-11-21',
    reviewBy: '2027-02-21',
    published: '2026-11-21',
  };
  const post = async (extra: Record<string, string>, upload?: string) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...fields, ...extra })) form.set(k, v);
    if (upload)
      form.set('upload', new Blob([readFileSync(upload)], { type: 'image/jpeg' }), 'family-photo.jpg');
    return client.request('POST', `/appeals/${id}/edit`, { body: form });
  };
  const saved = await post({ action: 'save' }, photo);
  if (saved.status !== 303)
    throw new Error(`Saving ${id} failed: ${saved.status}\n${saved.text.slice(0, 2000)}`);
  const submitted = await post({
    action: 'submit',
    'photos[0].src': 'photo-1.jpg',
    'photos[0].alt': 'Fictional test portrait',
    'photos[0].kind': 'photo',
  });
  if (submitted.status !== 303 || submitted.headers.get('location') !== `/appeals/${id}/?submitted`) {
    throw new Error(
      `Sending ${id} for approval failed: ${submitted.status}\n${submitted.text.slice(0, 3000)}`,
    );
  }
  return id;
}
