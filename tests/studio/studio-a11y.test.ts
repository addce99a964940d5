// axe-core (WCAG 2.2 A and AA) on every page of the studio, in each state that matters (empty,
// filled, with errors, closed, a finished publish and preview, the preview itself), at a desktop
// width and at a phone's 375 px (where nothing may scroll sideways), with the studio's strict CSP:
// no violation, no request to another site. The pages come from the router's own list, so a new
// page that this test does not visit fails it.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeBrowser,
  formatViolations,
  launchBrowser,
  runAxe,
  watchPage,
  type PageProblems,
} from '../helpers/browser.ts';
import { createWorkspace, removeWorkspace, type Workspace } from '../helpers/publishing.ts';
import {
  addStudioUser,
  signInWithBrowser,
  startStudio,
  StudioClient,
  studioRoutes,
  submitCompleteAppeal,
  type RunningStudio,
} from '../helpers/studio.ts';

const PUBLISHER = { email: 'pia.publisher@example.org', password: 'violet harbour compass 7' };
const AUTHOR = { email: 'ada.author@example.org', password: 'amber kettle lantern 42' };
const ADMIN = { email: 'ari.admin@example.org', password: 'saffron lighthouse pebble 3' };
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1200, height: 900 };

let ws: Workspace;
let studio: RunningStudio;
let browser: Browser;
let page: Page;
let problems: PageProblems;
const visited = new Set<string>();

beforeAll(async () => {
  ws = await createWorkspace('studio-a11y');
  const env = { ...ws.env, STUDIO_DATA_DIR: path.join(ws.root, 'studio-data') };
  await addStudioUser(env, PUBLISHER.email, 'publisher', PUBLISHER.password);
  await addStudioUser(env, AUTHOR.email, 'author', AUTHOR.password);
  await addStudioUser(env, ADMIN.email, 'admin', ADMIN.password);
  studio = await startStudio(env);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: DESKTOP });
  problems = watchPage(page, studio.url);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
  removeWorkspace(ws);
});

/** The page as it is now, at both widths: no axe violation, nothing sideways on a phone, nothing blocked or foreign. */
async function audit(route: string, what: string): Promise<void> {
  visited.add(route);
  const where = `${route} (${what}, ${page.url()})`;
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    const violations = await runAxe(page);
    expect(violations, `${where} at ${viewport.width} px:\n${formatViolations(violations)}`).toEqual([]);
    if (viewport === PHONE) {
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 60)}`),
      );
      expect(overflow, `${where} scrolls sideways on a phone: ${wide.join(' | ')}`).toBeLessThanOrEqual(0);
    }
  }
  await page.setViewportSize(DESKTOP);
  expect(problems.cspViolations, where).toEqual([]);
  expect(problems.foreignRequests, where).toEqual([]);
  expect(problems.pageErrors, where).toEqual([]);
  expect(
    problems.consoleErrors.filter((e) => !/status of 4\d\d/.test(e)),
    where,
  ).toEqual([]);
}

async function go(urlPath: string): Promise<void> {
  await page.goto(`${studio.url}${urlPath}`);
}

describeBrowser('accessibility of every studio page', () => {
  it('has no axe violations, works at 375 px and keeps to its CSP on every page and state', async () => {
    // Signed out, then with an error.
    await go('/sign-in');
    await audit('/sign-in', 'empty');
    await page.fill('#email', PUBLISHER.email);
    await page.fill('#password', 'not the password at all');
    await page.click('form.sign-in button[type=submit]');
    await page.waitForSelector('#error-summary');
    await audit('/sign-in', 'wrong password');
    await signInWithBrowser(page, studio.url, PUBLISHER.email, PUBLISHER.password);

    // Something in every section of the dashboard: a draft, one waiting for approval (by another person).
    const author = new StudioClient(studio.url);
    await author.signIn(AUTHOR.email, AUTHOR.password);
    const waiting = await submitCompleteAppeal(author, ws.root, 'Wilhelmina Brackenbury');
    await Promise.all([page.waitForURL(/\/edit$/), page.click('button:has-text("New appeal")')]);
    const draftId = /\/appeals\/(\d{4}-\d{4})\/edit/.exec(page.url())![1]!;
    await audit('/appeals/[id]/edit', 'a new, empty draft');
    await page.fill('#f-name', 'Ottoline Fairweather');
    await page.fill('#f-missingSince', 'last Tuesday');
    await Promise.all([page.waitForURL(/edit\?saved/), page.click('button[value="save"] >> nth=0')]);
    await page.waitForSelector('#error-summary');
    await audit('/appeals/[id]/edit', 'a draft with many problems');
    await go(`/appeals/${draftId}/discard`);
    await audit('/appeals/[id]/discard', 'asking before a new appeal is discarded');
    await go('/appeals/2026-0101/edit');
    await audit('/appeals/[id]/edit', 'a published appeal with two photos');
    await go('/');
    expect(await page.textContent('#approval-heading + *')).toContain(waiting);
    expect(await page.textContent('#drafts-heading + *')).toContain(draftId);
    await audit('/', 'every section filled');
    await go('/?q=zeph');
    await audit('/', 'a search');
    await go('/?q=nobody-by-this-name');
    await audit('/', 'a search with no results');

    await go('/appeals/2026-0101/');
    await audit('/appeals/[id]', 'active');
    await go('/appeals/2026-0103/');
    await audit('/appeals/[id]', 'closed');
    await go(`/appeals/${waiting}/review`);
    await audit('/appeals/[id]/review', 'a new appeal waiting for approval');
    await go('/appeals/2026-0101/history');
    await audit('/appeals/[id]/history', 'an appeal the studio has not changed yet');
    await go(`/appeals/${waiting}/`);
    await audit('/appeals/[id]', 'waiting for approval');
    await go(`/appeals/${draftId}/`);
    await audit('/appeals/[id]', 'a draft');

    await go('/appeals/2026-0102/close?reason=found');
    await audit('/appeals/[id]/close', 'child found');
    await go('/appeals/2026-0102/close?reason=withdrawn');
    await page.click('button:has-text("Close: appeal withdrawn")');
    await page.waitForSelector('#error-summary');
    await audit('/appeals/[id]/close', 'withdrawn, with both errors');
    await go('/appeals/2026-0103/reopen');
    await audit('/appeals/[id]/reopen', 'closed appeal');
    await page.fill('#confirm', 'no');
    await page.click('button:has-text("Reopen and publish")');
    await page.waitForSelector('#error-summary');
    await audit('/appeals/[id]/reopen', 'with an error');

    await go('/notifications');
    await audit('/notifications', 'an appeal waiting for approval and a review reminder');

    await go('/account');
    await audit('/account', 'plain');
    await page.fill('#current-password', 'wrong');
    await page.fill('#new-password', 'short');
    await page.fill('#new-password-again', 'different');
    await page.click('button:has-text("Change password")');
    await page.waitForSelector('#error-summary');
    await audit('/account', 'with errors');

    // A preview: its job page, then the preview itself (the public site's page, which must pass too).
    await go('/appeals/2026-0101/');
    await Promise.all([page.waitForURL(/\/jobs\//), page.click('button:has-text("Preview")')]);
    await audit('/jobs/[job]', 'a preview being built');
    await page.waitForSelector('[data-job-state="done"]', { timeout: 120_000 });
    await audit('/jobs/[job]', 'a finished preview');
    await Promise.all([page.waitForURL(/\/preview\//), page.click('[data-preview-link]')]);
    await audit('/preview/[id]/[...path]', 'the preview of an appeal page');

    // A whole publish, to its finished page.
    await go('/');
    await Promise.all([page.waitForURL(/\/publish$/), page.click('a:has-text("Check and publish")')]);
    await audit('/publish', 'the list of what a publish will change');
    await Promise.all([page.waitForURL(/\/jobs\//), page.click('[data-confirm-publish]')]);
    await page.waitForSelector('[data-job-state="done"]', { timeout: 240_000 });
    await audit('/jobs/[job]', 'a finished publish');
    // The alert offer of an urgent appeal, in a studio without alerts set up.
    await go('/appeals/2026-0101/alert');
    await page.waitForSelector('[data-alerts-off]');
    await audit('/appeals/[id]/alert', 'alerts not set up');
    await go('/alert-subscribers');
    await page.waitForSelector('[data-alerts-off]');
    await audit('/alert-subscribers', 'alerts not set up');

    // The audit log (the closures and reopening above are in it), then the administrator's users page.
    await go('/audit');
    await audit('/audit', 'with entries');
    await signInWithBrowser(page, studio.url, ADMIN.email, ADMIN.password);
    await go('/admin/users');
    await audit('/admin/users', 'the list');
    await page.fill('#email', 'new.colleague@example.org');
    await page.click('button:has-text("Add this user")');
    await page.waitForSelector('.new-password');
    await audit('/admin/users', 'a user added, with their password');
    await page
      .locator('tr', { hasText: 'new.colleague@example.org' })
      .locator('button:has-text("Remove")')
      .click();
    await page.waitForSelector('button:has-text("Yes, remove")');
    await audit('/admin/users', 'confirming a removal');

    // A save refused because a colleague saved meanwhile: both versions side by side.
    await go('/appeals/2026-0102/edit');
    const colleague = await browser.newPage({ viewport: DESKTOP });
    await signInWithBrowser(colleague, studio.url, AUTHOR.email, AUTHOR.password);
    await colleague.goto(`${studio.url}/appeals/2026-0102/edit`);
    await colleague.fill('#f-description-build', 'Stocky');
    await Promise.all([
      colleague.waitForURL(/edit\?saved/),
      colleague.click('button[name=action][value=save] >> nth=0'),
    ]);
    await colleague.close();
    await page.fill('#f-description-build', 'Slim');
    await Promise.all([page.waitForNavigation(), page.click('button[name=action][value=save] >> nth=0')]);
    await page.waitForSelector('[data-conflict]');
    await audit('/appeals/[id]/edit', 'a save refused, their version beside yours');
    // Signed out while editing: the studio's own sign-in page, keeping what was typed.
    await page.context().clearCookies();
    await Promise.all([page.waitForNavigation(), page.click('button[name=action][value=save] >> nth=0')]);
    await page.waitForSelector('form.sign-in');
    await audit('/sign-in', 'signed out while editing');

    // Every page the router knows was audited above.
    const pages = (await studioRoutes())
      .filter((r) => r.origin === 'project' && r.type === 'page')
      .map((r) => r.pattern);
    expect(pages.length).toBeGreaterThanOrEqual(8);
    for (const pattern of pages) expect(visited, `the page ${pattern} was never audited`).toContain(pattern);
    // One walk through every state, a preview build and a whole publish among them: its own waits
    // (up to 240 s for the publish) bound it, not Vitest's default minute, which a busy machine overruns.
  }, 900_000);
});
