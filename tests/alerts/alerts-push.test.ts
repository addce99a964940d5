// Web push (issue 21), end to end on loopback: browsers subscribe through the service's endpoints,
// `npm run alerts -- send <id> --alert` reaches each device once (encrypted, VAPID-signed, with
// TTL, Urgency and Topic), a gone subscription is deleted, and a closure cancels what is queued
// and replaces what was shown with "This appeal is no longer active", naming no one.
import { execFile } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlertsStore, openAlertsStore } from '../../src/lib/alerts/alerts-store.ts';
import { WORDING_VERSION } from '../../src/lib/alerts/subscription-form.ts';
import { type RunningAlertsCli, startAlertsCli } from '../helpers/alerts.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { FIXTURES } from '../helpers/fixture-content.ts';
import { startPushService, type TestDevice, type TestPushService } from '../helpers/push-service.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('alerts-push');
const ID = '2026-0101';
const CHILD = ['Zephyrine', 'Quillfeather'];
const VAPID = webpush.generateVAPIDKeys();
const SUBJECT = 'mailto:alerts@appeals.example.org';

let push: TestPushService;
let site: Server;
let siteOrigin: string;
let livePages: Set<string>;
let service: RunningAlertsCli;
let env: Record<string, string>;
let dataDir: string;
let contentDir: string;
let store: AlertsStore;
const devices: Record<string, TestDevice> = {};

function alertsCommand(...args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(PROJECT_ROOT, 'scripts/alerts.ts'), ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, encoding: 'utf8' },
      (error, stdout, stderr) =>
        resolve({
          status: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          output: `${stdout}${stderr}`,
        }),
    );
  });
}

/** A POST from the site's page, as the button's script sends it. */
const post = (route: string, body: string, type = 'application/json') =>
  fetch(`${service.url}${route}`, {
    method: 'POST',
    headers: { 'Content-Type': type, Origin: siteOrigin, 'Sec-Fetch-Site': 'same-origin' },
    body,
  });

const subscribeBody = (device: TestDevice, regions: string[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    subscription: device.subscription,
    regions,
    language: 'en',
    wording: WORDING_VERSION,
    ...extra,
  });

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 25));
};

beforeAll(async () => {
  const root = tempDir();
  contentDir = path.join(root, 'content');
  cpSync(path.join(FIXTURES, 'basic'), contentDir, { recursive: true });
  dataDir = path.join(root, 'alerts-data');
  livePages = new Set();
  site = createServer((req, res) => res.writeHead(livePages.has(req.url ?? '') ? 200 : 404).end('page'));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', () => resolve()));
  siteOrigin = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
  push = await startPushService();
  env = {
    CONTENT_DIR: contentDir,
    DEPLOY_DIR: path.join(root, 'deploy'),
    ARCHIVE_DIR: path.join(root, 'archive'),
    ALERTS_DATA_DIR: dataDir,
    LIVE_SITE_URL: `${siteOrigin}/`,
    ALERTS_VAPID_PUBLIC_KEY: VAPID.publicKey,
    ALERTS_VAPID_PRIVATE_KEY: VAPID.privateKey,
    ALERTS_VAPID_SUBJECT: SUBJECT,
    ALERTS_PUSH_HOSTS: '127.0.0.1',
    // The service trusts the test push service's certificate as it would a public one.
    NODE_EXTRA_CA_CERTS: push.caFile,
  };
  store = openAlertsStore(dataDir);
  service = await startAlertsCli(env);
});

afterAll(async () => {
  store?.close();
  await service?.stop();
  await push?.close();
  await new Promise((resolve) => site?.close(resolve));
});

describe('web push', () => {
  it('gives the public key, takes subscriptions, and refuses bad ones with a clear 4xx', async () => {
    const key = await fetch(`${service.url}/alerts/push/key`);
    expect(key.status).toBe(200);
    expect(await key.json()).toEqual({ publicKey: VAPID.publicKey });
    expect(key.headers.get('content-security-policy')).toContain("default-src 'self'");

    devices.both = push.device('both');
    devices.all = push.device('all');
    devices.london = push.device('london');
    devices.gone = push.device('gone');
    for (const [name, regions] of [
      ['both', ['north-west', 'london']],
      ['all', ['all']],
      ['london', ['london']],
      ['gone', ['north-west']],
    ] as const)
      expect((await post('/alerts/push/subscribe', subscribeBody(devices[name]!, [...regions]))).status).toBe(
        204,
      );
    expect(store.countRecipientsByChannel(['north-west'])).toEqual({ email: 0, push: 3 });

    const refused = async (body: string, type?: string) => {
      const answer = await post('/alerts/push/subscribe', body, type);
      return { status: answer.status, body: (await answer.json()) as { problems: string[] } };
    };
    expect(await refused('{not json')).toEqual({
      status: 400,
      body: { problems: ['This request could not be read as JSON.'] },
    });
    expect((await refused(subscribeBody(devices.all, ['all']), 'text/plain')).status).toBe(415);
    expect((await refused(JSON.stringify({ pad: 'x'.repeat(10_000) }))).status).toBe(413);
    const elsewhere = { ...devices.all.subscription, endpoint: 'https://10.0.0.1/push/x' };
    expect(await refused(subscribeBody(devices.all, ['all'], { subscription: elsewhere }))).toEqual({
      status: 400,
      body: {
        problems: ["This browser's push subscription could not be used. Try again, or get alerts by email."],
      },
    });
    expect((await refused(subscribeBody(devices.all, ['mars']))).body.problems).toEqual([
      'Choose regions from the list on the page.',
    ]);
    // From another site: refused before anything is read.
    const crossSite = await fetch(`${service.url}/alerts/push/subscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: subscribeBody(devices.all, ['all']),
    });
    expect(crossSite.status).toBe(403);
    expect(store.countRecipientsByChannel(['all'])).toEqual({ email: 0, push: 1 });
  });

  it('sends an urgent appeal once to each device of its region, and deletes a subscription that is gone', async () => {
    push.answer.set('gone', 410);
    livePages.add(`/appeals/${ID}/`);
    const sent = await alertsCommand('send', ID, '--alert');
    expect(sent.status, sent.output).toBe(0);
    await push.waitFor(2);
    await until(() => !store.pending('push'));
    expect(push.received.map((p) => p.device).sort()).toEqual(['all', 'both']);
    for (const received of push.received) {
      expect(received.headers).toEqual({
        ttl: String(4 * 3600),
        urgency: 'high',
        topic: ID,
        'content-encoding': 'aes128gcm',
      });
      expect(received.payload).toEqual({
        tag: ID,
        title: 'Urgent appeal: North West',
        body: expect.stringContaining('Zephyrine') as unknown,
        url: `${siteOrigin}/appeals/${ID}/`,
      });
      expect(received.vapid).toMatchObject({ aud: push.origin, sub: SUBJECT, publicKey: VAPID.publicKey });
    }
    // 410: deleted, not retried; the other region's device got nothing.
    expect(store.subscriberCounts()).toEqual({
      'north-west': { email: 0, push: 1 },
      london: { email: 0, push: 2 },
      all: { email: 0, push: 1 },
    });
    expect(store.deliveryCounts(ID)).toEqual([
      { channel: 'push', kind: 'alert', status: 'failed', count: 1 },
      { channel: 'push', kind: 'alert', status: 'sent', count: 2 },
    ]);
    // Sending again sends nothing more.
    await alertsCommand('send', ID, '--alert');
    expect(store.pending('push')).toBe(false);
  });

  it('a closure cancels queued pushes and replaces shown ones with "no longer active", naming no one', async () => {
    // Forty more devices, and a push service slow to answer: some in flight, the rest queued.
    for (let i = 0; i < 40; i++)
      store.addPushSubscription({
        subscription: push.device(`slow-${i}`).subscription,
        regions: ['all'],
        language: 'en',
        wording: WORDING_VERSION,
        now: Date.now(),
      });
    push.hold = true;
    expect((await alertsCommand('send', ID, '--alert')).status).toBe(0);
    await until(() => push.held >= 16);
    // The closure: the appeal becomes a tombstone, then its alerts are recalled.
    writeFileSync(
      path.join(contentDir, 'appeals', ID, 'index.md'),
      '---\nstatus: found\nclosedAt: 2026-10-01\npublished: 2026-05-01\nupdated: 2026-10-01\n---\n',
    );
    const recall = await alertsCommand('cancel', ID);
    expect(recall.status, recall.output).toBe(0);
    expect(recall.output).toContain(
      `Cancelled 24 queued alerts for appeal ${ID}, and queued 18 web push recalls`,
    );
    push.release();
    // 2 + 16 alerts, then 18 recalls: one for each device an alert reached.
    await push.waitFor(36);
    await until(() => !store.pending('push'));
    expect(push.received).toHaveLength(36);
    const recalls = push.received.slice(18);
    const alerted = push.received.slice(0, 18).map((p) => p.device);
    expect(recalls.map((p) => p.device).sort()).toEqual([...alerted].sort());
    for (const received of recalls) {
      expect(received.headers.topic).toBe(ID);
      expect(received.payload).toEqual({
        tag: ID,
        title: 'This appeal is no longer active',
        body: '',
        url: `${siteOrigin}/`,
      });
    }
    expect(store.deliveryCounts(ID)).toEqual([
      { channel: 'push', kind: 'alert', status: 'cancelled', count: 24 },
      { channel: 'push', kind: 'alert', status: 'failed', count: 1 },
      { channel: 'push', kind: 'alert', status: 'sent', count: 18 },
      { channel: 'push', kind: 'recall', status: 'sent', count: 18 },
    ]);
    // Nothing about the child in the store, its write-ahead log, or the service's output.
    for (const file of readdirSync(dataDir)) {
      const bytes = readFileSync(path.join(dataDir, file));
      for (const word of CHILD) expect(bytes.includes(word), `${word} in ${file}`).toBe(false);
    }
    for (const word of CHILD) expect(service.output()).not.toContain(word);
  });

  it('unsubscribes a device by its endpoint, with the same answer whether it was there or not', async () => {
    for (let i = 0; i < 2; i++)
      expect(
        (
          await post(
            '/alerts/push/unsubscribe',
            JSON.stringify({ endpoint: devices.london!.subscription.endpoint }),
          )
        ).status,
      ).toBe(204);
    expect(store.subscriberCounts().london).toEqual({ email: 0, push: 1 });
  });
});
