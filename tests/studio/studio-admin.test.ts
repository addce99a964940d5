// An administrator in real Chromium on a real studio: adds a user on the users page (and that user
// signs in with the password shown once), lifts a pause left by someone guessing at a colleague's
// password, gives a new password, and removes a user after confirming. A publisher reads the audit
// log newest first, a page at a time, without a word about any child.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordFailure } from '../../src/lib/studio/login-throttle.ts';
import { openStudioDb } from '../../src/lib/studio/studio-db.ts';
import { describeBrowser, launchBrowser, watchPage, type PageProblems } from '../helpers/browser.ts';
import { createWorkspace, removeWorkspace, type Workspace } from '../helpers/publishing.ts';
import {
  addStudioUser,
  signInWithBrowser,
  startStudio,
  StudioClient,
  type RunningStudio,
} from '../helpers/studio.ts';

const ADMIN = { email: 'ari.admin@example.org', password: 'saffron lighthouse pebble 3' };
const PUBLISHER = { email: 'pia.publisher@example.org', password: 'violet harbour compass 7' };
const AUTHOR = { email: 'ada.author@example.org', password: 'amber kettle lantern 42' };

let ws: Workspace;
let dataDir: string;
let studio: RunningStudio;
let browser: Browser;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  ws = await createWorkspace('studio-admin');
  dataDir = path.join(ws.root, 'studio-data');
  const env = { ...ws.env, STUDIO_DATA_DIR: dataDir };
  await addStudioUser(env, ADMIN.email, 'admin', ADMIN.password);
  await addStudioUser(env, PUBLISHER.email, 'publisher', PUBLISHER.password);
  await addStudioUser(env, AUTHOR.email, 'author', AUTHOR.password);
  // Thirty entries of the audit log, one with a field the log must never hold, to see it is not shown.
  mkdirSync(ws.archiveDir, { recursive: true });
  const lines = Array.from({ length: 30 }, (_, i) =>
    JSON.stringify({
      time: new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString(),
      id: `2026-${String(i + 1).padStart(4, '0')}`,
      action: i % 2 ? 'found' : 'approve',
      by: i === 29 ? 'sam.second@example.org' : PUBLISHER.email,
      ...(i === 29 ? { name: 'Zephyrine Quillfeather' } : {}),
    }),
  );
  writeFileSync(path.join(ws.archiveDir, 'audit-log.jsonl'), `${lines.join('\n')}\n`);
  studio = await startStudio(env);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  problems = watchPage(page, studio.url);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
  removeWorkspace(ws);
});

const row = (email: string) => page.locator('tr', { hasText: email });

describeBrowser('managing users in the browser', () => {
  it('lets an administrator add a user, lift a pause, give a new password and remove a user', async () => {
    await signInWithBrowser(page, studio.url, ADMIN.email, ADMIN.password);
    await page.click('nav >> text=Users');
    await page.waitForURL(`${studio.url}/admin/users`);
    expect(await row(PUBLISHER.email).textContent()).toContain('publisher');

    // Add a colleague as an author: the password is shown once, and works.
    await page.fill('#email', 'new.colleague@example.org');
    await page.check('#role-author');
    await page.click('button:has-text("Add this user")');
    const shown = (await page.locator('.new-password').textContent())!.trim();
    expect(await page.locator('[role=status]').textContent()).toContain(
      'new.colleague@example.org can now sign in as an author',
    );
    expect((await new StudioClient(studio.url).signIn('new.colleague@example.org', shown)).status).toBe(303);
    await page.goto(`${studio.url}/admin/users`);
    expect(await page.content(), 'shown once only').not.toContain(shown);

    // Someone on this computer guessed at the author's password twenty times (written straight into
    // the studio's database: each real guess costs a slow password hash), so sign-in is paused; one
    // more real guess, then the right password waits too. The administrator lifts it.
    const db = openStudioDb(dataDir);
    try {
      for (let i = 0; i < 20; i++) recordFailure(db, AUTHOR.email, '127.0.0.1', Date.now());
    } finally {
      db.close();
    }
    const guesser = new StudioClient(studio.url);
    expect((await guesser.signIn(AUTHOR.email, AUTHOR.password)).status).toBe(429);
    await page.reload();
    expect(await row(AUTHOR.email).textContent()).toContain('Signing in paused');
    await row(AUTHOR.email).locator('button:has-text("Lift the pause")').click();
    await page.waitForSelector(`[role=status]:has-text("${AUTHOR.email} can sign in again now")`);
    expect(await row(AUTHOR.email).textContent()).not.toContain('Signing in paused');
    expect((await guesser.signIn(AUTHOR.email, AUTHOR.password)).status).toBe(303);

    // A new password for the author: the old one stops working, the shown one works.
    await row(AUTHOR.email).locator('button:has-text("Give a new password")').click();
    const fresh = (await page.locator('.new-password').textContent())!.trim();
    expect((await new StudioClient(studio.url).signIn(AUTHOR.email, AUTHOR.password)).status).toBe(401);
    expect((await new StudioClient(studio.url).signIn(AUTHOR.email, fresh)).status).toBe(303);
    expect((await guesser.get('/')).status, 'signed out everywhere').toBe(303);

    // Removing asks first; "No" keeps them, "Yes" removes them.
    await row('new.colleague@example.org').locator('button:has-text("Remove")').click();
    await page.click('text=No, keep them');
    expect(await row('new.colleague@example.org').count()).toBe(1);
    await row('new.colleague@example.org').locator('button:has-text("Remove")').click();
    expect(await page.textContent('.panel--warn')).toContain('new.colleague@example.org will be signed out');
    await page.click('button:has-text("Yes, remove this user")');
    await page.waitForSelector('[role=status]:has-text("new.colleague@example.org was removed")');
    expect(await row('new.colleague@example.org').count()).toBe(0);
    expect((await new StudioClient(studio.url).signIn('new.colleague@example.org', shown)).status).toBe(401);
    // The administrator's own row has no remove button.
    expect(await row(ADMIN.email).locator('button:has-text("Remove")').count()).toBe(0);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
  }, 180_000);

  it('shows publishers the audit log in plain words, newest first, a page at a time', async () => {
    await signInWithBrowser(page, studio.url, PUBLISHER.email, PUBLISHER.password);
    expect(await page.locator('nav a[href="/admin/users"]').count(), 'no users page for a publisher').toBe(0);
    await page.click('nav >> text=Audit log');
    await page.waitForURL(`${studio.url}/audit`);
    const cells = async () =>
      page
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent.trim())),
        );
    const first = await cells();
    expect(first).toHaveLength(25);
    expect(first[0]).toEqual([
      expect.stringMatching(/^09:29:00 on 1 November 2026$/),
      'sam.second@example.org',
      'Closed appeal 2026-0030: the child was found',
    ]);
    expect(first[1]![2]).toBe('Approved appeal 2026-0029 for publishing');
    expect(await page.content()).not.toContain('Zephyrine');
    expect(await page.textContent('main')).toContain('Page 1 of 2 (30 entries)');
    await page.click('text=Older entries');
    await page.waitForURL(`${studio.url}/audit?page=2`);
    const second = await cells();
    expect(second.map((r) => r[2])).toEqual([
      'Approved appeal 2026-0005 for publishing',
      'Closed appeal 2026-0004: the child was found',
      'Approved appeal 2026-0003 for publishing',
      'Closed appeal 2026-0002: the child was found',
      'Approved appeal 2026-0001 for publishing',
    ]);
    await page.click('text=Newer entries');
    await page.waitForURL(`${studio.url}/audit?page=1`);
  }, 120_000);
});
