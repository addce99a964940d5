// The studio's notifications, in real Chromium against a real studio server and real files: an
// appeal past its review date is listed on the dashboard and reminded once a day, not once a load;
// an author sends an appeal for approval and a publisher sees it counted in the navigation and
// listed; the publisher approves it (it then waits for nobody) and publishes it, and its author is
// told it is on the public site; "Mark all as read" clears the count; closing the appeal deletes
// every notification about it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, watchPage, type PageProblems } from '../helpers/browser.ts';
import { createWorkspace, removeWorkspace, type Workspace } from '../helpers/publishing.ts';
import {
  addStudioUser,
  signInWithBrowser,
  startStudio,
  StudioClient,
  submitCompleteAppeal,
  type RunningStudio,
} from '../helpers/studio.ts';
import path from 'node:path';

const AUTHOR = { email: 'ada.author@example.org', password: 'amber kettle lantern 42' };
const SAM = { email: 'sam.publisher@example.org', password: 'copper meadow riddle 19' };
const JO = { email: 'jo.publisher@example.org', password: 'saffron anchor violin 63' };
/** The fixture's appeal whose review was due on 1 January 2026, before the fixed build date. */
const OVERDUE = '2025-0007';

let ws: Workspace;
let studio: RunningStudio;
let browser: Browser;
let appealId = '';
const contexts: BrowserContext[] = [];
const pages = new Map<string, { page: Page; problems: PageProblems }>();

/** One signed-in browser per person, kept for the whole file (as people keep their tab open). */
async function pageFor(user: { email: string; password: string }): Promise<Page> {
  const known = pages.get(user.email);
  if (known) return known.page;
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  const problems = watchPage(page, studio.url);
  await signInWithBrowser(page, studio.url, user.email, user.password);
  pages.set(user.email, { page, problems });
  return page;
}

/** The navigation's count of new notifications, as the page shows it and as its data says. */
async function navCount(page: Page): Promise<{ text: string; count: number }> {
  const link = page.locator('nav a[href="/notifications"]');
  return {
    text: (await link.textContent())!.replace(/\s+/g, ' ').trim(),
    count: Number(await link.getAttribute('data-notification-count')),
  };
}

/** The notifications page's list: each item's words, its kind and whether it is new. */
async function notifications(page: Page): Promise<Array<{ text: string; kind: string; read: string }>> {
  await page.goto(`${studio.url}/notifications`);
  return page.locator('[data-notification]').evaluateAll((items) =>
    items.map((li) => ({
      text: (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
      kind: (li as HTMLElement).dataset.notification ?? '',
      read: (li as HTMLElement).dataset.read ?? '',
    })),
  );
}

async function waitForJob(page: Page): Promise<void> {
  await page.waitForSelector('[data-job-state="done"]', { timeout: 240_000 });
}

beforeAll(async () => {
  ws = await createWorkspace('studio-notifications');
  const env = { ...ws.env, STUDIO_DATA_DIR: path.join(ws.root, 'studio-data') };
  await addStudioUser(env, AUTHOR.email, 'author', AUTHOR.password);
  await addStudioUser(env, SAM.email, 'publisher', SAM.password);
  await addStudioUser(env, JO.email, 'publisher', JO.password);
  studio = await startStudio(env);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await studio?.stop();
  removeWorkspace(ws);
});

describeBrowser('studio notifications', () => {
  it('an appeal past its review date is on the dashboard and reminded once a day, not on every load', async () => {
    const page = await pageFor(AUTHOR);
    const reminders = (await page.textContent('section[aria-labelledby="review-heading"]'))!;
    expect(reminders).toContain(OVERDUE);
    expect(await page.locator(`form[action="/appeals/${OVERDUE}/reviewed"] button`).count()).toBe(1);
    expect(await navCount(page)).toEqual({ text: 'Notifications (1 new)', count: 1 });
    await page.reload();
    expect((await navCount(page)).count, 'a second load the same day adds none').toBe(1);
    const list = await notifications(page);
    expect(list).toEqual([
      {
        text: expect.stringContaining(`Appeal ${OVERDUE} is past its review date`) as string,
        kind: 'review',
        read: 'false',
      },
    ]);
    expect(await page.getAttribute('nav a[href="/notifications"]', 'aria-current')).toBe('page');
  });

  it('an author sends an appeal for approval: every other publisher sees it counted and listed', async () => {
    const author = new StudioClient(studio.url);
    expect((await author.signIn(AUTHOR.email, AUTHOR.password)).status).toBe(303);
    appealId = await submitCompleteAppeal(author, ws.root, 'Wilhelmina Brackenbury');

    const page = await pageFor(SAM);
    // Sam's dashboard reminded Sam of the overdue appeal too: two new.
    expect(await navCount(page)).toEqual({ text: 'Notifications (2 new)', count: 2 });
    const list = await notifications(page);
    expect(list[0]).toEqual({
      text: expect.stringMatching(
        new RegExp(
          `^New Appeal ${appealId} is waiting for your approval \\(sent by ${AUTHOR.email} at \\d\\d:\\d\\d\\)`,
        ),
      ) as string,
      kind: 'approval',
      read: 'false',
    });
    expect(list.map((n) => n.kind)).toEqual(['approval', 'review']);
    expect(JSON.stringify(list), 'never the child').not.toMatch(/wilhelmina|brackenbury/i);
    await page.click(`[data-notification="approval"] a[href="/appeals/${appealId}/"]`);
    await page.waitForURL(`${studio.url}/appeals/${appealId}/`);
    expect(
      (await notifications(await pageFor(AUTHOR))).map((n) => n.kind),
      'not the author',
    ).toEqual(['review']);
    expect(
      (await notifications(await pageFor(JO))).map((n) => n.kind),
      'every other publisher',
    ).toContain('approval');
  });

  it('the publisher approves and publishes it: its author is told it is on the public site', async () => {
    expect(appealId).not.toBe('');
    const page = await pageFor(SAM);
    // Approved from the page showing what is being approved.
    await page.goto(`${studio.url}/appeals/${appealId}/review`);
    await Promise.all([
      page.waitForURL(new RegExp(`/appeals/${appealId}/\\?approved(#.*)?$`)),
      page.click('button:has-text("Approve")'),
    ]);
    expect(
      (await notifications(await pageFor(AUTHOR))).map((n) => n.kind),
      'approved is not yet live',
    ).toEqual(['review']);
    for (const publisher of [SAM, JO])
      expect(
        (await notifications(await pageFor(publisher))).map((n) => n.kind),
        `approved: it waits for ${publisher.email} no more`,
      ).toEqual(['review']);
    // Published through the list of what the publish will change.
    await page.goto(`${studio.url}/publish?appeal=${appealId}`);
    await Promise.all([page.waitForURL(/\/jobs\/[0-9a-f]{32}/), page.click('[data-confirm-publish]')]);
    await waitForJob(page);
    const publicLink = await page.getAttribute('[data-job-result] a[href^="http"]', 'href');

    const author = await pageFor(AUTHOR);
    await author.goto(`${studio.url}/`);
    expect(await navCount(author)).toEqual({ text: 'Notifications (2 new)', count: 2 });
    const list = await notifications(author);
    expect(list.map((n) => n.kind)).toEqual(['live', 'review']);
    expect(list[0]!.text).toContain(`Appeal ${appealId} is now on the public site`);
    const href = await author.getAttribute('[data-notification="live"] a[href^="http"]', 'href');
    expect(href).toMatch(new RegExp(`/appeals/${appealId}/$`));
    if (publicLink) expect(href, 'the same address as the publish showed').toBe(publicLink);
    // Only its writers are told.
    expect((await notifications(await pageFor(SAM))).filter((n) => n.kind === 'live')).toEqual([]);
  }, 300_000);

  it('"Mark all as read" clears the count, and the list keeps them as read', async () => {
    const page = await pageFor(AUTHOR);
    await page.goto(`${studio.url}/notifications`);
    await Promise.all([
      page.waitForURL(`${studio.url}/notifications?read`),
      page.click('button:has-text("Mark all as read")'),
    ]);
    expect(await navCount(page)).toEqual({ text: 'Notifications', count: 0 });
    expect(await page.textContent('[role="status"]')).toContain('marked as read');
    expect((await notifications(page)).map((n) => n.read)).toEqual(['true', 'true']);
    expect(await page.locator('button:has-text("Mark all as read")').count()).toBe(0);
    expect((await navCount(await pageFor(SAM))).count, "another person's stay new").toBeGreaterThan(0);
  });

  it('closing the appeal deletes every notification about it', async () => {
    expect(appealId).not.toBe('');
    const page = await pageFor(SAM);
    await page.goto(`${studio.url}/appeals/${appealId}/close?reason=found`);
    await page.fill('#confirm', appealId);
    await Promise.all([
      page.waitForURL(/\/jobs\/[0-9a-f]{32}\?closed=/),
      page.click('button:has-text("Close: child found")'),
    ]);
    const job = page.url();
    for (const person of [AUTHOR, SAM, JO]) {
      const list = await notifications(await pageFor(person));
      expect(
        list.filter((n) => n.text.includes(appealId)),
        person.email,
      ).toEqual([]);
      expect(
        list.some((n) => n.text.includes(OVERDUE)),
        `${person.email} keeps the others`,
      ).toBe(true);
    }
    await page.goto(job);
    await waitForJob(page);
    for (const { problems } of pages.values()) {
      expect(problems.cspViolations).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
    }
  }, 300_000);
});
