// The studio's alert offer (issue 21): counting the confirmed subscribers of the appeal's region
// and all of the UK, sending only once the page is live, once per version, under the two-person
// rule, with an audit line; and a studio closure cancelling queued alerts (real SQLite files, a
// real HTTP server on loopback standing in for the live site).
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAlertsStore } from '../../src/lib/alerts/alerts-store.ts';
import { WORDING_VERSION } from '../../src/lib/alerts/subscription-form.ts';
import { requestSubscription } from '../../src/lib/alerts/subscriptions.ts';
import type { AlertsConfig } from '../../src/lib/alerts/alerts-config.ts';
import { readOperatorEnv } from '../../src/lib/config/operator-env.ts';
import { closeFound, finishClosure, withdrawAppeal } from '../../src/lib/lifecycle/use-cases.ts';
import { alertOffer, alertProblem, sendStudioAlert, studioAlerts } from '../../src/lib/studio/alert-offer.ts';
import { recordApprovedVersion } from '../../src/lib/studio/revisions.ts';
import { openStudioDb } from '../../src/lib/studio/studio-db.ts';
import { subscribe } from '../helpers/alerts.ts';
import { materialiseFixture } from '../helpers/fixture-content.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('studio-alert-offer');
const URGENT = '2026-0101'; // north-west, urgent
const WRITER = { email: 'wren.writer@example.org', role: 'publisher' as const };
const CHECKER = { email: 'cass.checker@example.org', role: 'publisher' as const };

let live: Server;
let liveIds = new Set<string>();
let siteAddress = '';
beforeAll(async () => {
  live = createServer((req, res) => {
    const id = /^\/appeals\/(\d{4}-\d{4})\/$/.exec(req.url ?? '')?.[1];
    res.writeHead(id && liveIds.has(id) ? 200 : 404).end('page');
  });
  await new Promise<void>((resolve) => live.listen(0, '127.0.0.1', () => resolve()));
  siteAddress = `http://127.0.0.1:${(live.address() as { port: number }).port}/`;
});
afterAll(() => new Promise<void>((resolve) => live.close(() => resolve())));

async function setUp() {
  const root = tempDir();
  const contentDir = await materialiseFixture('basic', root);
  const alertsDir = path.join(root, 'alerts-data');
  const studioDir = path.join(root, 'studio-data');
  subscribe(alertsDir, 'nw@example.net', ['north-west']);
  subscribe(alertsDir, 'uk@example.net', ['all']);
  subscribe(alertsDir, 'london@example.net', ['london']);
  // Asked but never confirmed: not counted.
  const store = openAlertsStore(alertsDir);
  requestSubscription(
    store,
    { email: 'pending@example.net', regions: ['north-west'], wording: WORDING_VERSION },
    Date.now(),
  );
  store.close();
  recordApprovedVersion(studioDir, contentDir, URGENT, {
    writtenBy: [WRITER.email],
    approvedBy: CHECKER.email,
  });
  const config: AlertsConfig = {
    contentDir,
    dataDir: alertsDir,
    port: 0,
    siteAddress,
    sendPerSecond: 10,
    trustProxy: false,
  };
  const db = openStudioDb(studioDir);
  const auditLog = path.join(root, 'audit.jsonl');
  const send = (user: typeof CHECKER, version: string, twoPersonRule = true) =>
    sendStudioAlert({
      config,
      db,
      studioDataDir: studioDir,
      auditLog,
      twoPersonRule,
      id: URGENT,
      version,
      user,
    });
  return { root, contentDir, alertsDir, studioDir, config, db, auditLog, send };
}

describe('the studio’s alert offer', () => {
  it('says alerts are off in plain words when ALERTS_DATA_DIR is not set', () => {
    const off = studioAlerts(readOperatorEnv({}), tempDir());
    expect('problem' in off && off.problem).toMatch(/^Alerts are not set up for this studio/);
  });

  it('counts confirmed subscribers of the region and all of the UK, and names both', async () => {
    const { config, db } = await setUp();
    const offer = alertOffer(config, db, URGENT);
    expect(offer).toMatchObject({ kind: 'ready', recipients: 2, regions: ['North West', 'all of the UK'] });
    expect(alertOffer(config, db, '2026-0102')).toEqual({ kind: 'not-urgent' });
  });

  it('sends once the page is live, once per version, and logs who sent it without the child', async () => {
    const { config, db, alertsDir, auditLog, send } = await setUp();
    const offer = alertOffer(config, db, URGENT);
    if (offer.kind !== 'ready') throw new Error('expected an offer');
    liveIds = new Set();
    const early = await send(CHECKER, offer.version);
    expect(early.outcome === 'refused' && early.message).toMatch(/not on the public site yet/);
    liveIds = new Set([URGENT]);
    expect(await send(CHECKER, 'an older version')).toMatchObject({ outcome: 'refused' });
    expect(await send(CHECKER, offer.version)).toEqual({ outcome: 'sent', recipients: 2, queued: 2 });
    const again = await send(CHECKER, offer.version);
    expect(again).toMatchObject({ outcome: 'already', sent: { by: CHECKER.email, recipients: 2 } });
    const store = openAlertsStore(alertsDir);
    expect(store.alertCounts(URGENT)).toEqual({ queued: 2 });
    store.close();
    const lines = readFileSync(auditLog, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: URGENT, action: 'alert', by: CHECKER.email });
    expect(lines[0]).not.toMatch(/zephyr|quill|name/i);
  });

  it('refuses the person who last changed the appeal under the two-person rule', async () => {
    const { config, db, send, alertsDir } = await setUp();
    const offer = alertOffer(config, db, URGENT);
    if (offer.kind !== 'ready') throw new Error('expected an offer');
    liveIds = new Set([URGENT]);
    const own = await send(WRITER, offer.version);
    expect(own.outcome === 'refused' && own.message).toMatch(/another publisher must send the alert/);
    const store = openAlertsStore(alertsDir);
    expect(store.alertCounts(URGENT)).toEqual({});
    store.close();
    expect(await send(WRITER, offer.version, false)).toMatchObject({ outcome: 'sent' });
  });

  it('lets only publishers send', () => {
    expect(alertProblem({ email: 'a@example.org', role: 'author' }, [], false)).toBe(
      'Only a publisher can send an alert.',
    );
    expect(alertProblem(CHECKER, [WRITER.email], true)).toBeUndefined();
  });
});

describe('a closure through the shared use cases', () => {
  it('cancels the appeal’s queued alerts at once, found or withdrawn', async () => {
    for (const close of ['found', 'withdraw'] as const) {
      const { root, contentDir, alertsDir, studioDir } = await setUp();
      const store = openAlertsStore(alertsDir);
      expect(store.enqueueAlert(URGENT, ['north-west'], Date.now())).toBe(2);
      expect(store.enqueueAlert('2026-0102', ['london'], Date.now())).toBe(2);
      const folders = {
        contentDir,
        archiveDir: path.join(root, 'archive'),
        auditLog: path.join(root, 'audit.jsonl'),
        dataDir: studioDir,
        alertsDataDir: alertsDir,
      };
      const request = { id: URGENT, today: '2026-11-01', by: CHECKER.email };
      const result =
        close === 'found'
          ? closeFound(folders, request)
          : withdrawAppeal(folders, { ...request, reason: 'police-request' });
      expect(result.alertsCancelled).toBe(2);
      expect(store.alertCounts(URGENT)).toEqual({ cancelled: 2 });
      expect(store.alertCounts('2026-0102')).toEqual({ queued: 2 });
      store.close();
      // The audit log says who recalled them: the closure's actor, after the closure's own line.
      const logged = readFileSync(folders.auditLog, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, string>);
      expect(logged.map((e) => [e.action, e.id, e.by])).toEqual([
        [close, URGENT, CHECKER.email],
        ['alert-recall', URGENT, CHECKER.email],
      ]);
      // Finishing the same closure again (as after a killed command) logs neither line twice.
      expect(finishClosure(folders, { id: URGENT, by: CHECKER.email })).toBe(0);
      expect(readFileSync(folders.auditLog, 'utf8').trim().split('\n')).toHaveLength(2);
    }
  });

  it('logs no recall when a closure had nothing to recall', async () => {
    const { root, contentDir, alertsDir, studioDir } = await setUp();
    const folders = {
      contentDir,
      archiveDir: path.join(root, 'archive'),
      auditLog: path.join(root, 'audit.jsonl'),
      dataDir: studioDir,
      alertsDataDir: alertsDir,
    };
    expect(closeFound(folders, { id: URGENT, today: '2026-11-01', by: CHECKER.email }).alertsCancelled).toBe(
      0,
    );
    const lines = readFileSync(folders.auditLog, 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { action: string }).action)).toEqual(['found']);
  });
});
