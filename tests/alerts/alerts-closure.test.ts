// `npm run alerts -- send <id> --alert` queues an urgent appeal's alert only once its page answers
// 200 on the live site; a closure cancels what is still queued, the sender sends nothing for a
// closed appeal, and the child's details are in no file or log of the alerts service.
import { execFile } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlertsStore, openAlertsStore } from '../../src/lib/alerts/alerts-store.ts';
import { WORDING_VERSION } from '../../src/lib/alerts/subscription-form.ts';
import { confirmSubscription, requestSubscription } from '../../src/lib/alerts/subscriptions.ts';
import { loadSecret } from '../../src/lib/alerts/tokens.ts';
import { type RunningAlertsCli, startAlertsCli, startSmtp, type TestSmtp } from '../helpers/alerts.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { FIXTURES } from '../helpers/fixture-content.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('alerts-closure');
const ID = '2026-0101';
const CHILD = ['Zephyrine', 'Quillfeather'];

let smtp: TestSmtp;
let site: Server;
let livePages: Set<string>;
let service: RunningAlertsCli;
let env: Record<string, string>;
let dataDir: string;
let contentDir: string;
let store: AlertsStore;

/** The command, run without blocking this process (which serves the "live site" it asks). */
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

beforeAll(async () => {
  const root = tempDir();
  contentDir = path.join(root, 'content');
  cpSync(path.join(FIXTURES, 'basic'), contentDir, { recursive: true });
  dataDir = path.join(root, 'alerts-data');
  // The live site, as far as these tests need it: an appeal page answers 200 once it is "published".
  livePages = new Set();
  site = createServer((req, res) => res.writeHead(livePages.has(req.url ?? '') ? 200 : 404).end('page'));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', () => resolve()));
  smtp = await startSmtp();
  env = {
    CONTENT_DIR: contentDir,
    DEPLOY_DIR: path.join(root, 'deploy'),
    ARCHIVE_DIR: path.join(root, 'archive'),
    ALERTS_DATA_DIR: dataDir,
    LIVE_SITE_URL: `http://127.0.0.1:${(site.address() as { port: number }).port}/`,
    ALERTS_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    ALERTS_FROM: 'alerts@appeals.example.org',
    // Slow, so the closure finds most of the alerts still queued.
    ALERTS_SEND_PER_SECOND: '2',
  };
  store = openAlertsStore(dataDir);
  const secret = loadSecret(dataDir);
  for (let i = 0; i < 20; i++) {
    requestSubscription(
      store,
      {
        email: `reader${i}@example.net`,
        regions: i % 2 ? ['north-west'] : ['all'],
        wording: WORDING_VERSION,
      },
      Date.now(),
    );
    const [row] = store.claimDue('seed', Date.now(), 1);
    store.markSent(row!.id, Date.now());
    confirmSubscription(store, secret, row!.secret!, Date.now());
  }
  requestSubscription(
    store,
    { email: 'south@example.net', regions: ['london'], wording: WORDING_VERSION },
    Date.now(),
  );
  const [row] = store.claimDue('seed', Date.now(), 1);
  store.markSent(row!.id, Date.now());
  confirmSubscription(store, secret, row!.secret!, Date.now());
  service = await startAlertsCli(env);
});

afterAll(async () => {
  store?.close();
  await service?.stop();
  await smtp?.close();
  await new Promise((resolve) => site?.close(resolve));
});

describe('sending an alert, and closing the appeal', () => {
  it('refuses before the page is live, and an appeal that is not urgent', async () => {
    const early = await alertsCommand('send', ID, '--alert');
    expect(early.status).toBe(1);
    expect(early.output).toContain(`The page of appeal ${ID} does not answer`);
    expect(store.alertCounts(ID)).toEqual({});
    const notUrgent = await alertsCommand('send', '2026-0102', '--alert');
    expect(notUrgent.status).toBe(1);
    expect(notUrgent.output).toContain('not an active appeal marked urgent');
    expect((await alertsCommand('send', 'nonsense')).output).toContain('Give one appeal id');
  });

  it('says whom it would reach, and queues only with --alert', async () => {
    livePages.add(`/appeals/${ID}/`);
    const asked = await alertsCommand('send', ID);
    expect(asked.status).toBe(0);
    expect(asked.output).toContain(`would go to 20 subscribers in North West. To send it, add --alert.`);
    expect(store.alertCounts(ID)).toEqual({});
    const sent = await alertsCommand('send', ID, '--alert');
    expect(sent.status, sent.output).toBe(0);
    expect(sent.output).toContain(
      `Queued the alert for appeal ${ID}: 20 emails to 20 subscribers in North West`,
    );
  });

  it('cancels what is still queued when the appeal closes, and keeps none of the child’s details', async () => {
    await smtp.waitFor(1);
    // The closure: the appeal file becomes a tombstone, then the queue is cancelled.
    writeFileSync(
      path.join(contentDir, 'appeals', ID, 'index.md'),
      '---\nstatus: found\nclosedAt: 2026-10-01\npublished: 2026-05-01\nupdated: 2026-10-01\n---\n',
    );
    const cancel = await alertsCommand('cancel', ID);
    expect(cancel.status).toBe(0);
    expect(cancel.output).toMatch(/Cancelled \d+ queued alerts? for appeal 2026-0101\./);
    while (store.pending()) await new Promise((resolve) => setTimeout(resolve, 50));
    const counts = store.alertCounts(ID);
    // Only what the relay had already been handed went out; everything else was cancelled.
    expect(counts.sent).toBe(smtp.mails.length);
    expect(counts.sent).toBeLessThan(5);
    expect(counts.cancelled).toBe(20 - counts.sent!);
    expect(smtp.mails.every((m) => m.to[0] !== 'south@example.net')).toBe(true);
    // Nothing about the child in the store, its write-ahead log, or the service's output.
    for (const file of readdirSync(dataDir)) {
      const bytes = readFileSync(path.join(dataDir, file));
      for (const word of CHILD) expect(bytes.includes(word), `${word} in ${file}`).toBe(false);
    }
    for (const word of CHILD) expect(service.output()).not.toContain(word);
  });
});
