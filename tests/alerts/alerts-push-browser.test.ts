// Web push in Chromium (issue 21), on the built site behind a real nginx and the alerts service:
// the "Get alerts on this device" button appears only with JavaScript and with push configured,
// the notification permission is asked only after it is pressed, and the service worker shows an
// alert tagged with the appeal id that a recall replaces with only "This appeal is no longer active".
// Headless Chromium cannot get a real push subscription (that needs the browser maker's push
// service), so pushes reach the service worker through DevTools' ServiceWorker.deliverPushMessage;
// tests/alerts/alerts-push.test.ts covers the service's side against a push service on loopback.
import { cpSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import webpush from 'web-push';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { alertsConfig } from '../../src/lib/alerts/alerts-config.ts';
import { type RunningAlertsService, startAlertsService } from '../../src/lib/alerts/alerts-service.ts';
import { readOperatorEnv } from '../../src/lib/config/operator-env.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/hosting/security-headers.ts';
import { describeBrowser, launchBrowser } from '../helpers/browser.ts';
import { FIXTURES } from '../helpers/fixture-content.ts';
import { describeNginx, type RunningNginx, startNginx } from '../helpers/nginx.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const dist = inject('fixtureDist');
const tempDir = tempDirs('alerts-push-browser');
const ID = '2026-0101';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The site behind nginx with an alerts service, push on (VAPID keys) or off. */
async function startSite(push: boolean): Promise<{ service: RunningAlertsService; nginx: RunningNginx }> {
  const root = tempDir();
  const contentDir = path.join(root, 'content');
  cpSync(path.join(FIXTURES, 'basic'), contentDir, { recursive: true });
  const port = await freePort();
  const keys = webpush.generateVAPIDKeys();
  const config = alertsConfig(
    readOperatorEnv({
      CONTENT_DIR: contentDir,
      DEPLOY_DIR: path.join(root, 'deploy'),
      ARCHIVE_DIR: path.join(root, 'archive'),
      ALERTS_DATA_DIR: path.join(root, 'alerts-data'),
      LIVE_SITE_URL: `http://127.0.0.1:${port}/`,
      ALERTS_PORT: '0',
      ALERTS_TRUST_PROXY: '1',
      ...(push
        ? {
            ALERTS_VAPID_PUBLIC_KEY: keys.publicKey,
            ALERTS_VAPID_PRIVATE_KEY: keys.privateKey,
            ALERTS_VAPID_SUBJECT: 'mailto:alerts@appeals.example.org',
          }
        : {}),
    }),
    root,
  );
  const service = await startAlertsService(config);
  const nginx = await startNginx({ root: dist, port, alertsUpstream: `127.0.0.1:${service.port}` });
  return { service, nginx };
}

const OFFER = 'Get alerts on this device';

describeNginx('web push on the Get alerts page', () => {
  describeBrowser('in Chromium', () => {
    let on: { service: RunningAlertsService; nginx: RunningNginx };
    let off: { service: RunningAlertsService; nginx: RunningNginx };
    let browser: Browser;

    beforeAll(async () => {
      on = await startSite(true);
      off = await startSite(false);
      browser = await launchBrowser();
    });

    afterAll(async () => {
      await browser?.close();
      for (const site of [on, off]) {
        await site?.nginx.stop();
        await site?.service.close();
      }
    });

    it('offers push only with JavaScript and only when the service has it on', async () => {
      const noScript = await browser.newContext({ javaScriptEnabled: false });
      const plain = await noScript.newPage();
      await plain.goto(`${on.nginx.url}/alerts/`);
      await expect(plain.getByRole('button', { name: OFFER }).count()).resolves.toBe(0);
      await noScript.close();

      const context = await browser.newContext();
      const page = await context.newPage();
      // Push off: the key answers 404, and the page stays as it was.
      const [key] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/alerts/push/key')),
        page.goto(`${off.nginx.url}/alerts/`),
      ]);
      expect(key.status()).toBe(404);
      // The script offers push only after the key answered 200: this one did not.
      await expect(page.locator('[data-push-offer]').isHidden()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: OFFER }).count()).resolves.toBe(0);
      // Push on: the offer appears, with what it sends, keeps, and how to stop.
      await page.goto(`${on.nginx.url}/alerts/`);
      await page.getByRole('button', { name: OFFER }).waitFor();
      await expect(page.getByRole('heading', { name: 'On this phone or computer' }).count()).resolves.toBe(1);
      await context.close();
    });

    it('asks for the notification permission only after the button is pressed', async () => {
      const context = await browser.newContext();
      await context.grantPermissions(['notifications'], { origin: on.nginx.url });
      // Count the page's permission requests (the real one still runs).
      await context.addInitScript(() => {
        const counted = window as unknown as { permissionRequests: number };
        counted.permissionRequests = 0;
        const request = Notification.requestPermission.bind(Notification);
        Notification.requestPermission = () => {
          counted.permissionRequests += 1;
          return request();
        };
      });
      const page = await context.newPage();
      const requests = () =>
        page.evaluate(() => (window as unknown as { permissionRequests: number }).permissionRequests);
      await page.goto(`${on.nginx.url}/alerts/`);
      const button = page.getByRole('button', { name: OFFER });
      await button.waitFor();
      expect(await requests()).toBe(0);
      // No region ticked: it says so, and asks nothing.
      await button.click();
      await page.getByText('Tick at least one region above first.').waitFor();
      expect(await requests()).toBe(0);
      await page.getByLabel('North West').check();
      await button.click();
      // Asked once; headless Chromium then has no push service to subscribe with, and says so.
      await page.getByText('This device could not be set up for alerts.', { exact: false }).waitFor();
      expect(await requests()).toBe(1);
      await context.close();
    });

    it('shows an alert tagged with the appeal, and a recall replaces it with only "no longer active"', async () => {
      const origin = on.nginx.url;
      const context = await browser.newContext();
      await context.grantPermissions(['notifications'], { origin });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const registrations: Array<{ registrationId: string; scopeURL: string; isDeleted: boolean }> = [];
      cdp.on('ServiceWorker.workerRegistrationUpdated', (event) =>
        registrations.push(...event.registrations),
      );
      await cdp.send('ServiceWorker.enable');
      await page.goto(`${origin}/alerts/`);
      const worker = await page.request.get(`${origin}/alerts/sw.js`);
      expect(worker.headers()['content-type']).toMatch(/javascript/);
      expect(worker.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      await page.evaluate(async () => {
        await navigator.serviceWorker.register('/alerts/sw.js', { scope: '/alerts/' });
        await navigator.serviceWorker.ready;
      });
      const scope = `${origin}/alerts/`;
      await expect.poll(() => registrations.some((r) => r.scopeURL === scope && !r.isDeleted)).toBe(true);
      const { registrationId } = registrations.find((r) => r.scopeURL === scope)!;
      const shown = () =>
        page.evaluate(async () =>
          (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
            tag: n.tag,
            title: n.title,
            body: n.body,
          })),
        );
      const deliver = (payload: object) =>
        cdp.send('ServiceWorker.deliverPushMessage', {
          origin,
          registrationId,
          data: JSON.stringify(payload),
        });

      await deliver({
        tag: ID,
        title: 'Urgent appeal: North West',
        body: 'Please look out for Zephyrine Quillfeather, aged 14.',
        url: `${origin}/appeals/${ID}/`,
      });
      await expect.poll(shown).toEqual([
        {
          tag: ID,
          title: 'Urgent appeal: North West',
          body: 'Please look out for Zephyrine Quillfeather, aged 14.',
        },
      ]);
      await deliver({ tag: ID, title: 'This appeal is no longer active', body: '', url: `${origin}/` });
      await expect.poll(shown).toEqual([{ tag: ID, title: 'This appeal is no longer active', body: '' }]);
      await context.close();
    });
  });
});
