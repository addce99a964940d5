// The "Get alerts" page of the built site, served by a real nginx with the generated
// configuration, in Chromium without JavaScript: sign up, confirm from the emailed link's button,
// and, with the alerts service stopped, the form says it could not be reached while pages still work.
import { createServer } from 'node:net';
import { cpSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { alertsConfig } from '../../src/lib/alerts/alerts-config.ts';
import { type RunningAlertsService, startAlertsService } from '../../src/lib/alerts/alerts-service.ts';
import { readOperatorEnv } from '../../src/lib/config/operator-env.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/hosting/security-headers.ts';
import { startSmtp, type TestSmtp } from '../helpers/alerts.ts';
import { describeBrowser, launchBrowser } from '../helpers/browser.ts';
import { FIXTURES } from '../helpers/fixture-content.ts';
import { describeNginx, type RunningNginx, startNginx } from '../helpers/nginx.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const dist = inject('fixtureDist');
const tempDir = tempDirs('alerts-site');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describeNginx('the Get alerts page behind nginx', () => {
  describeBrowser('in Chromium without JavaScript', () => {
    let smtp: TestSmtp;
    let service: RunningAlertsService | undefined;
    let nginx: RunningNginx;
    let browser: Browser;

    beforeAll(async () => {
      const root = tempDir();
      const contentDir = path.join(root, 'content');
      cpSync(path.join(FIXTURES, 'basic'), contentDir, { recursive: true });
      smtp = await startSmtp();
      const port = await freePort();
      const config = alertsConfig(
        readOperatorEnv({
          CONTENT_DIR: contentDir,
          DEPLOY_DIR: path.join(root, 'deploy'),
          ARCHIVE_DIR: path.join(root, 'archive'),
          ALERTS_DATA_DIR: path.join(root, 'alerts-data'),
          LIVE_SITE_URL: `http://127.0.0.1:${port}/`,
          ALERTS_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
          ALERTS_FROM: 'alerts@appeals.example.org',
          ALERTS_PORT: '0',
          ALERTS_TRUST_PROXY: '1',
        }),
        root,
      );
      service = await startAlertsService(config);
      nginx = await startNginx({ root: dist, port, alertsUpstream: `127.0.0.1:${service.port}` });
      browser = await launchBrowser();
    });

    afterAll(async () => {
      await browser?.close();
      await nginx?.stop();
      await service?.close();
      await smtp?.close();
    });

    it('subscribes with the plain form and confirms with the emailed link’s button', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const form = await page.goto(`${nginx.url}/alerts/`);
      expect(form?.status()).toBe(200);
      // It says what is sent, how often, what is kept and how to stop, before asking anything.
      for (const heading of ['What we send, and how often', 'What we keep', 'How to stop'])
        await expect(page.getByRole('heading', { name: heading }).count()).resolves.toBe(1);
      await page.getByLabel('North West').check();
      await page.getByLabel('London').check();
      await page.getByLabel('Your email address').fill('walker@example.net');
      const [answer] = await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Get alerts' }).click(),
      ]);
      expect(new URL(page.url()).pathname).toBe('/alerts/check-your-email/');
      expect(answer?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Check your email');

      await smtp.waitFor(1);
      const link = /http:\/\/127\.0\.0\.1:\d+\/alerts\/confirm\?token=[\w-]+/.exec(
        smtp.mails[0]!.parsed.text ?? '',
      )![0];
      expect(link.startsWith(`${nginx.url}/`)).toBe(true);
      const confirm = await page.goto(link);
      expect(confirm?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Confirm' }).click()]);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'You will get alerts',
      );
      expect(service!.store.findSubscriber('walker@example.net')).toMatchObject({
        status: 'confirmed',
        regions: ['north-west', 'london'],
      });
      await context.close();
    });

    it('sends the alert, whose one-click unsubscribe works through the proxy', async () => {
      expect(service!.store.enqueueAlert('2026-0101', ['north-west'], Date.now())).toBe(1);
      await smtp.waitFor(2);
      const alert = smtp.mails[1]!;
      expect(alert.to).toEqual(['walker@example.net']);
      const link = /^List-Unsubscribe: <([^>]+)>$/m.exec(alert.raw)![1]!;
      expect(link.startsWith(`${nginx.url}/alerts/unsubscribe?token=`)).toBe(true);
      // What a mail provider sends (RFC 8058): a POST to the link, no Origin, no cookies.
      const gone = await fetch(link, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(gone.status).toBe(200);
      expect(service!.store.findSubscriber('walker@example.net')).toBeUndefined();
    });

    it('links to the page from the footer and from every urgent banner', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${nginx.url}/appeals/2026-0101/`);
      await expect(page.locator('.urgent-banner a[href="/alerts/"]').count()).resolves.toBe(1);
      await expect(page.locator('footer a[href="/alerts/"]').count()).resolves.toBe(1);
      await context.close();
    });

    it('says the service could not be reached when it is down, and every page still works', async () => {
      await service!.close();
      service = undefined;
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${nginx.url}/alerts/`);
      await page.getByLabel('All of the UK').check();
      await page.getByLabel('Your email address').fill('later@example.net');
      const [answer] = await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Get alerts' }).click(),
      ]);
      expect(answer?.status()).toBe(503);
      expect(answer?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Sorry, alerts could not be reached',
      );
      for (const pagePath of ['/', '/appeals/2026-0101/', '/alerts/'])
        expect((await page.goto(`${nginx.url}${pagePath}`))?.status(), pagePath).toBe(200);
      await context.close();
    });
  });
});
