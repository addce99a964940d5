// Sending an alert from the studio (issue 21), end to end: a real studio, real Chromium, nginx
// serving the deploy folder, the alerts service sending through a real SMTP server on loopback.
// A publisher publishes an urgent appeal that was not live; once it is, the studio asks "Send an
// alert to N subscribers in …?" with N counted from the alerts store; the publisher who last
// changed the appeal is refused (two-person rule), a second publisher confirms, both subscribers
// of the region and of all of the UK get the email, the London subscriber gets nothing, and a
// second confirm is refused in plain words. Then a closure in the studio cancels what is still queued.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openAlertsStore } from '../../src/lib/alerts/alerts-store.ts';
import { recordApprovedVersion } from '../../src/lib/studio/revisions.ts';
import {
  type RunningAlertsCli,
  startAlertsCli,
  startSmtp,
  subscribe,
  type TestSmtp,
} from '../helpers/alerts.ts';
import {
  describeBrowser,
  formatViolations,
  launchBrowser,
  runAxe,
  watchPage,
  type PageProblems,
} from '../helpers/browser.ts';
import { describeNginx, startNginx, type RunningNginx } from '../helpers/nginx.ts';
import { createWorkspace, removeWorkspace, republishOk, type Workspace } from '../helpers/publishing.ts';
import { addStudioUser, signInWithBrowser, startStudio, type RunningStudio } from '../helpers/studio.ts';

const ID = '2026-0101'; // urgent, last seen in the North West
const SECOND = '2026-0102'; // made urgent below, last seen in London, never alerted
const WRITER = { email: 'wren.writer@example.org', password: 'copper meadow riddle 19' };
const CHECKER = { email: 'cass.checker@example.org', password: 'violet harbour compass 7' };

let ws: Workspace;
let studio: RunningStudio;
let nginx: RunningNginx;
let smtp: TestSmtp;
let alerts: RunningAlertsCli;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function pageFor(user: {
  email: string;
  password: string;
}): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  const problems = watchPage(page, studio.url);
  await signInWithBrowser(page, studio.url, user.email, user.password);
  return { page, problems };
}

/**
 * Presses the confirm button once it is in view and drawn. Left to scroll by itself, Playwright's
 * click sometimes landed in the email preview's frame above the button (seen on this loaded
 * machine: the frame's link was followed, the form never sent).
 */
async function confirmAlert(page: Page): Promise<void> {
  const button = page.locator('[data-confirm-alert]');
  await button.scrollIntoViewIfNeeded();
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
  await Promise.all([page.waitForNavigation(), button.click()]);
}

/** The counts shown on an appeal's page for one channel: sent, waiting, failed, not sent. */
const countsRow = (page: Page, label: string) =>
  page.$$eval(
    '[data-alert-counts] tbody tr',
    (rows, wanted) => {
      const row = rows.find((r) => r.querySelector('th')?.textContent?.trim() === wanted);
      return row ? [...row.querySelectorAll('td')].map((c) => c.textContent?.trim()) : undefined;
    },
    label,
  );

beforeAll(async () => {
  ws = await createWorkspace('studio-alerts');
  // The urgent appeal is not on the live site before the studio publishes it.
  const held = path.join(ws.root, 'held');
  renameSync(path.join(ws.contentDir, 'appeals', ID), held);
  // A second urgent appeal, live from the start: the dashboard's publish offers its alert.
  const second = path.join(ws.contentDir, 'appeals', SECOND, 'index.md');
  writeFileSync(second, readFileSync(second, 'utf8').replace(/^(reviewBy: .*)$/m, '$1\nurgent: true'));
  await republishOk(ws);
  renameSync(held, path.join(ws.contentDir, 'appeals', ID));
  nginx = await startNginx({ root: ws.currentLink });
  smtp = await startSmtp();
  const studioData = path.join(ws.root, 'studio-data');
  const alertsData = path.join(ws.root, 'alerts-data');
  subscribe(alertsData, 'north.west@example.net', ['north-west']);
  subscribe(alertsData, 'whole.uk@example.net', ['all']);
  subscribe(alertsData, 'london@example.net', ['london']);
  // The writer changed this version of the appeal in the studio: under the two-person rule, not theirs to send.
  recordApprovedVersion(studioData, ws.contentDir, ID, {
    writtenBy: [WRITER.email],
    approvedBy: CHECKER.email,
  });
  const env = {
    ...ws.env,
    STUDIO_DATA_DIR: studioData,
    ALERTS_DATA_DIR: alertsData,
    LIVE_SITE_URL: `${nginx.url}/`,
  };
  alerts = await startAlertsCli({
    ...env,
    ALERTS_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    ALERTS_FROM: 'alerts@appeals.example.org',
  });
  await addStudioUser(env, WRITER.email, 'publisher', WRITER.password);
  await addStudioUser(env, CHECKER.email, 'publisher', CHECKER.password);
  studio = await startStudio(env);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await studio?.stop();
  await alerts?.stop();
  await smtp?.close();
  await nginx?.stop();
  removeWorkspace(ws);
});

describeNginx('alerts from the studio', () => {
  describeBrowser('a publisher sends an alert about an urgent appeal once it is live', () => {
    it('asks with the right count, refuses the last editor, sends on a second publisher’s word, once', async () => {
      expect((await fetch(`${nginx.url}/appeals/${ID}/`)).status).not.toBe(200);

      // The writer publishes the appeal; once it is live, the studio asks about the alert.
      const writer = await pageFor(WRITER);
      await writer.page.goto(`${studio.url}/appeals/${ID}/`);
      await Promise.all([
        writer.page.waitForURL(/\/publish\?appeal=/),
        writer.page.click(`a[href="/publish?appeal=${ID}"]`),
      ]);
      await Promise.all([writer.page.waitForURL(/\/jobs\//), writer.page.click('[data-confirm-publish]')]);
      await writer.page.waitForSelector('[data-job-state="done"]', { timeout: 240_000 });
      await writer.page.reload();
      expect((await fetch(`${nginx.url}/appeals/${ID}/`)).status).toBe(200);
      const offer = writer.page.locator('[data-alert-offer] a');
      await expect
        .poll(() => offer.textContent())
        .toBe('Send an alert to 2 subscribers in North West and all of the UK?');
      await Promise.all([writer.page.waitForURL(/\/alert$/), offer.click()]);
      expect(await writer.page.textContent('[data-alert-question]')).toMatch(
        /^\s*Send an alert to 2 subscribers in North West and all of the UK\?\s*$/,
      );

      // Before confirming, the publisher sees the email exactly as it will go out.
      expect(await writer.page.textContent('[data-preview-subject]')).toBe('Urgent appeal: North West');
      const previewText = (await writer.page.textContent('[data-preview-text]'))!;
      const previewHtml = (await writer.page.getAttribute('[data-preview-html]', 'srcdoc'))!;
      expect(previewText).toContain('please look out for Zephyrine Quillfeather');
      // The HTML part is shown in a frame that may run nothing, and it renders under the studio's CSP.
      expect(await writer.page.getAttribute('[data-preview-html]', 'sandbox')).toBe('');
      await expect
        .poll(() =>
          writer.page.frameLocator('[data-preview-html]').locator('a', { hasText: 'See the appeal' }).count(),
        )
        .toBe(1);
      for (const width of [1280, 375]) {
        await writer.page.setViewportSize({ width, height: 900 });
        await writer.page.screenshot({ path: `/tmp/studio-alerts-offer-${width}.png`, fullPage: true });
      }
      await writer.page.setViewportSize({ width: 1100, height: 900 });

      const asking = await runAxe(writer.page);
      expect(asking, formatViolations(asking)).toEqual([]);

      // The person who last changed it is refused, and nothing is queued.
      await confirmAlert(writer.page);
      expect(await writer.page.textContent('[data-alert-refused]')).toContain(
        'another publisher must send the alert (the two-person rule)',
      );
      const refusing = await runAxe(writer.page);
      expect(refusing, formatViolations(refusing)).toEqual([]);
      const store = openAlertsStore(path.join(ws.root, 'alerts-data'));
      expect(store.alertCounts(ID)).toEqual({});

      // A second publisher confirms: the alert is queued and the running service sends it.
      const checker = await pageFor(CHECKER);
      await checker.page.goto(`${studio.url}/appeals/${ID}/alert`);
      // The same question open in a second tab, confirmed again below.
      const secondTab = await checker.page.context().newPage();
      await secondTab.goto(`${studio.url}/appeals/${ID}/alert`);
      await confirmAlert(checker.page);
      expect(await checker.page.textContent('[data-alert-sent]')).toContain(
        'The alert is on its way to 2 subscribers in North West and all of the UK.',
      );
      await smtp.waitFor(2);
      expect(smtp.mails.flatMap((m) => m.to).sort()).toEqual([
        'north.west@example.net',
        'whole.uk@example.net',
      ]);
      for (const { parsed } of smtp.mails) {
        expect(parsed.subject).toMatch(/urgent appeal/i);
        expect(parsed.text).toContain(`${nginx.url}/appeals/${ID}/`);
        // Word for word what the preview showed, but for each person's own link to stop alerts.
        const own = /unsubscribe\?token=([\w-]+)/.exec(parsed.text ?? '')![1]!;
        expect(parsed.subject).toBe('Urgent appeal: North West');
        expect(parsed.text?.trim()).toBe(previewText.replace('token=…', `token=${own}`).trim());
        expect(parsed.html).toBe(previewHtml.replaceAll('token=…', `token=${own}`));
      }

      // The question no longer stands; a second confirm, from the tab still open, is refused in plain words.
      await writer.page.goto(`${studio.url}/appeals/${ID}/alert`);
      expect(await writer.page.textContent('[data-alert-done]')).toContain(`by ${CHECKER.email}`);
      await confirmAlert(secondTab);
      expect(await secondTab.textContent('[data-alert-refused]')).toMatch(
        /An alert for this appeal was already sent at \d\d:\d\d:\d\d on .+ by cass\.checker@example\.org\./,
      );
      await expect.poll(() => store.alertCounts(ID)).toEqual({ sent: 2 });
      store.close();
      expect(smtp.mails).toHaveLength(2);

      // The appeal's page says who sent it, when, and how many addresses it reached.
      await writer.page.goto(`${studio.url}/appeals/${ID}/`);
      expect(await writer.page.textContent('[data-alert-sends]')).toMatch(
        /^\s*At \d\d:\d\d:\d\d on .+ by cass\.checker@example\.org\s*$/,
      );
      expect(await countsRow(writer.page, 'Email')).toEqual(['2', '0', '0', '0']);
      expect(await countsRow(writer.page, 'Browser notification')).toEqual(['0', '0', '0', '0']);
      const history = await runAxe(writer.page);
      expect(history, formatViolations(history)).toEqual([]);

      // Alert subscribers: counts per region and channel, from the navigation, never an address.
      await Promise.all([
        writer.page.waitForURL(/\/alert-subscribers$/),
        writer.page.click('text=Alert subscribers'),
      ]);
      const table = await writer.page.$$eval('[data-subscriber-counts] tbody tr', (rows) =>
        rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim())),
      );
      expect(table).toContainEqual(['North West', '1', '0']);
      expect(table).toContainEqual(['London', '1', '0']);
      expect(table).toContainEqual(['Yorkshire and the Humber', '0', '0']);
      expect(table.at(-1)).toEqual(['All of the UK', '1', '0']);
      expect(await writer.page.content()).not.toContain('@example.net');
      const counting = await runAxe(writer.page);
      expect(counting, formatViolations(counting)).toEqual([]);
      for (const width of [1280, 375]) {
        await writer.page.setViewportSize({ width, height: 900 });
        await writer.page.screenshot({ path: `/tmp/studio-alerts-subscribers-${width}.png`, fullPage: true });
      }
      expect(writer.problems.pageErrors).toEqual([]);
      expect(checker.problems.pageErrors).toEqual([]);
    }, 600_000);

    it('a publish from the dashboard offers the alert for each urgent appeal never alerted', async () => {
      const { page, problems } = await pageFor(CHECKER);
      // "Check and publish" on the dashboard opens this list.
      await page.goto(`${studio.url}/publish`);
      await Promise.all([page.waitForURL(/\/jobs\//), page.click('[data-confirm-publish]')]);
      await page.waitForSelector('[data-job-state="done"]', { timeout: 240_000 });
      await page.reload();
      const offers = page.locator('[data-alert-offers] a');
      // The appeal alerted above is not offered again; the second urgent appeal is.
      expect(await offers.allTextContents()).toEqual(['Send an alert for Tobiah Wrenfield?']);
      const offering = await runAxe(page);
      expect(offering, formatViolations(offering)).toEqual([]);
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: `/tmp/studio-alerts-published-${width}.png`, fullPage: true });
      }
      await Promise.all([page.waitForURL(new RegExp(`/appeals/${SECOND}/alert$`)), offers.click()]);
      expect(await page.textContent('[data-alert-question]')).toMatch(
        /^\s*Send an alert to 2 subscribers in London and all of the UK\?\s*$/,
      );
      expect(await page.textContent('[data-preview-subject]')).toBe('Urgent appeal: London');
      expect(problems.pageErrors).toEqual([]);
    }, 300_000);

    it('a closure in the studio cancels the alerts still queued for the appeal at once', async () => {
      // The service is stopped so nothing is sent meanwhile; a late subscriber's alert waits in the queue.
      await alerts.stop();
      const alertsData = path.join(ws.root, 'alerts-data');
      subscribe(alertsData, 'late.subscriber@example.net', ['north-west']);
      const store = openAlertsStore(alertsData);
      expect(store.enqueueAlert(ID, ['north-west'], Date.now())).toBe(1);
      const { page } = await pageFor(CHECKER);
      await page.goto(`${studio.url}/appeals/${ID}/close?reason=found`);
      await page.fill('#confirm', ID);
      await Promise.all([page.waitForURL(/\/jobs\//), page.click('button:has-text("Close: child found")')]);
      expect(store.alertCounts(ID)).toEqual({ sent: 2, cancelled: 1 });
      store.close();
      await page.waitForSelector('[data-job-state="done"]', { timeout: 240_000 });
      // The audit log, and the closed appeal's page, say who recalled the alerts.
      const recall = readFileSync(path.join(ws.archiveDir, 'audit-log.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, string>)
        .filter((e) => e.action === 'alert-recall');
      expect(recall).toMatchObject([{ id: ID, by: CHECKER.email }]);
      await page.goto(`${studio.url}/appeals/${ID}/`);
      expect(await page.textContent('[data-alert-recall]')).toMatch(
        /^\s*At \d\d:\d\d:\d\d on .+ by cass\.checker@example\.org, who closed the appeal because the child was found\./,
      );
      expect(await countsRow(page, 'Email')).toEqual(['2', '0', '0', '1']);
      expect(await page.content()).not.toContain('@example.net');
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: `/tmp/studio-alerts-history-${width}.png`, fullPage: true });
      }
    }, 300_000);
  });
});
