// Issue 20, point 6, in real Chromium against a real studio: a publisher previews an appeal and
// closes it at once. The preview build is held at a guaranteed point (the project's build lock,
// which every astro build takes before reading any content) until the closure is done; then it is
// let go. The preview that finishes after the closure must be discarded: the studio serves nothing
// for the closed appeal, and nothing of the child is left in the studio's folder, without anyone
// loading the dashboard.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { acquireLock } from '../../src/lib/publishing/deploy-lock.ts';
import { describeBrowser, launchBrowser } from '../helpers/browser.ts';
import {
  createWorkspace,
  FIXTURE,
  filesMentioning,
  PROJECT_ROOT,
  removeWorkspace,
  runCli,
  describeRun,
  type Workspace,
} from '../helpers/publishing.ts';
import { addStudioUser, signInWithBrowser, startStudio, type RunningStudio } from '../helpers/studio.ts';

const PUBLISHER = { email: 'sam.publisher@example.org', password: 'copper meadow riddle 19' };
const ID = FIXTURE.tobiah.id;
const NAME_RE = /tobiah|wrenfield/i;
const BUILD_LOCK = path.join(PROJECT_ROOT, '.cache', 'build.lock');

let ws: Workspace;
let studio: RunningStudio;
let browser: Browser;
let dataDir: string;
let releaseBuildLock: (() => void) | undefined;

interface JobStatus {
  state: 'running' | 'done' | 'failed';
  steps: Array<{ name: string; state: string }>;
  error?: string;
}

async function jobStatus(page: Page, job: string): Promise<JobStatus> {
  return (await (await page.request.get(`${studio.url}/jobs/${job}/status`)).json()) as JobStatus;
}

/** Polls the job's state until `done` says so (a state, not a moment). */
async function jobUntil(page: Page, job: string, done: (s: JobStatus) => boolean): Promise<JobStatus> {
  const deadline = Date.now() + 400_000;
  for (;;) {
    const status = await jobStatus(page, job);
    if (done(status)) return status;
    if (Date.now() > deadline) throw new Error(`job ${job} still ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  ws = await createWorkspace('preview-closure');
  dataDir = path.join(ws.root, 'studio-data');
  const env = { ...ws.env, STUDIO_DATA_DIR: dataDir };
  await addStudioUser(env, PUBLISHER.email, 'publisher', PUBLISHER.password);
  studio = await startStudio(env);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  releaseBuildLock?.();
  await browser?.close();
  await studio?.stop();
  removeWorkspace(ws);
});

describeBrowser('a preview that finishes after its appeal closed', () => {
  it('is discarded: the studio serves nothing for the closed appeal and keeps nothing of the child', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInWithBrowser(page, studio.url, PUBLISHER.email, PUBLISHER.password);

    releaseBuildLock = await acquireLock(BUILD_LOCK, { wait: true });
    await page.goto(`${studio.url}/appeals/${ID}/`);
    await Promise.all([page.waitForURL(/\/jobs\/[0-9a-f]{32}$/), page.click('button:has-text("Preview")')]);
    const previewJob = /\/jobs\/([0-9a-f]{32})/.exec(page.url())![1]!;
    // The copy is made and the build has started: it cannot read the content until the lock is free.
    await jobUntil(page, previewJob, (s) =>
      s.steps.some((st) => st.name === 'build' && st.state === 'running'),
    );

    await page.goto(`${studio.url}/appeals/${ID}/close`);
    await page.fill('#confirm', ID);
    await Promise.all([
      page.waitForURL(/\/jobs\/[0-9a-f]{32}\?closed=/),
      page.click('button:has-text("Close: child found")'),
    ]);
    const publishJob = /\/jobs\/([0-9a-f]{32})/.exec(page.url())![1]!;
    expect((await jobStatus(page, previewJob)).state, 'the preview is still being built').toBe('running');

    releaseBuildLock();
    releaseBuildLock = undefined;
    const ended = await jobUntil(page, previewJob, (s) => s.state !== 'running');
    expect(ended.state).toBe('failed');
    expect(ended.error).toMatch(/closed/);
    expect(ended.error).not.toMatch(NAME_RE);

    // Any signed-in user asking for the preview gets nothing.
    for (const rest of [`appeals/${ID}/`, `appeals/${ID}/poster/`, `appeals/${ID}/share-card.jpg`]) {
      const reply = await page.request.get(`${studio.url}/preview/${ID}/${rest}`);
      expect(reply.status(), rest).toBe(404);
      expect(await reply.text(), rest).not.toMatch(NAME_RE);
    }
    expect(existsSync(path.join(dataDir, 'previews', ID))).toBe(false);
    expect(readdirSync(path.join(dataDir, 'previews')).filter((n) => n.includes(ID))).toEqual([]);
    expect(existsSync(path.join(dataDir, 'preview-cache', ID))).toBe(false);
    expect(filesMentioning(dataDir, NAME_RE)).toEqual([]);

    // The closure's own publish runs to its end (nothing of it is under test here).
    await jobUntil(page, publishJob, (s) => s.state !== 'running');
    expect(filesMentioning(dataDir, NAME_RE)).toEqual([]);
    await context.close();
  }, 900_000);

  it('closed from the command line where the studio’s folder is out of reach, the preview built after is still discarded', async () => {
    const other = { id: '2026-0101', name: /zephyrine|quillfeather/i };
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInWithBrowser(page, studio.url, PUBLISHER.email, PUBLISHER.password);

    releaseBuildLock = await acquireLock(BUILD_LOCK, { wait: true });
    await page.goto(`${studio.url}/appeals/${other.id}/`);
    await Promise.all([page.waitForURL(/\/jobs\/[0-9a-f]{32}$/), page.click('button:has-text("Preview")')]);
    const previewJob = /\/jobs\/([0-9a-f]{32})/.exec(page.url())![1]!;
    await jobUntil(page, previewJob, (s) =>
      s.steps.some((st) => st.name === 'build' && st.state === 'running'),
    );
    // Another STUDIO_DATA_DIR: the closure cannot reach the build's copy, so only the check after the build can.
    const found = await runCli('appeal', ['found', other.id, '--by', 'Tester', '--no-publish'], {
      ...ws.env,
      STUDIO_DATA_DIR: path.join(ws.root, 'elsewhere'),
    });
    expect(found.code, describeRun(found)).toBe(0);

    releaseBuildLock();
    releaseBuildLock = undefined;
    const ended = await jobUntil(page, previewJob, (s) => s.state !== 'running');
    expect(ended.state).toBe('failed');
    expect(ended.error).toMatch(/closed/);
    const reply = await page.request.get(`${studio.url}/preview/${other.id}/appeals/${other.id}/`);
    expect(reply.status()).toBe(404);
    expect(existsSync(path.join(dataDir, 'previews', other.id))).toBe(false);
    expect(existsSync(path.join(dataDir, 'preview-cache', other.id))).toBe(false);
    expect(filesMentioning(dataDir, other.name)).toEqual([]);
    await context.close();
  }, 900_000);
});
