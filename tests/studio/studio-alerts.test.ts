// Sending an alert from the studio (issue 21), end to end: a real studio, real Chromium, nginx
// serving the deploy folder, the alerts service sending through a real SMTP server on loopback.
// A publisher publishes an urgent appeal that was not live; once it is, the studio asks "Send an
// alert to N subscribers in …?" with N counted from the alerts store; the publisher who last
// changed the appeal is refused (two-person rule), a second publisher confirms, both subscribers
// of the region and of all of the UK get the email, the London subscriber gets nothing, and a
// second confirm is refused in plain words. Then a closure in the studio cancels what is still queued.
import { renameSync } from 'node:fs';
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

beforeAll(async () => {
  ws = await createWorkspace('studio-alerts');
  // The urgent appeal is not on the live site before the studio publishes it.
  const held = path.join(ws.root, 'held');
  renameSync(path.join(ws.contentDir, 'appeals', ID), held);
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

      const asking = await runAxe(writer.page);
      expect(asking, formatViolations(asking)).toEqual([]);

      // The person who last changed it is refused, and nothing is queued.
      await Promise.all([writer.page.waitForNavigation(), writer.page.click('[data-confirm-alert]')]);
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
      await Promise.all([checker.page.waitForNavigation(), checker.page.click('[data-confirm-alert]')]);
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
      }

      // The question no longer stands; a second confirm, from the tab still open, is refused in plain words.
      await writer.page.goto(`${studio.url}/appeals/${ID}/alert`);
      expect(await writer.page.textContent('[data-alert-done]')).toContain(`by ${CHECKER.email}`);
      await Promise.all([secondTab.waitForNavigation(), secondTab.click('[data-confirm-alert]')]);
      expect(await secondTab.textContent('[data-alert-refused]')).toMatch(
        /An alert for this appeal was already sent at \d\d:\d\d:\d\d on .+ by cass\.checker@example\.org\./,
      );
      await expect.poll(() => store.alertCounts(ID)).toEqual({ sent: 2 });
      store.close();
      expect(smtp.mails).toHaveLength(2);
      expect(writer.problems.pageErrors).toEqual([]);
      expect(checker.problems.pageErrors).toEqual([]);
    }, 600_000);

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
    }, 300_000);
  });
});
