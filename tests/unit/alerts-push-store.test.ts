// The alerts store's web push part (issue 21): push subscriptions, the outbox carrying push
// alerts and recalls, the counts the studio shows, the language, and an old store migrated.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { ALERTS_DB_FILE, type AlertsStore, openAlertsStore } from '../../src/lib/alerts/alerts-store.ts';
import { readSubscription, WORDING_VERSION } from '../../src/lib/alerts/subscription-form.ts';
import { confirmSubscription, requestSubscription } from '../../src/lib/alerts/subscriptions.ts';
import { loadSecret } from '../../src/lib/alerts/tokens.ts';

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'alerts-push-unit-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const NOW = 1_000_000;

function confirmAs(
  store: AlertsStore,
  secret: Buffer,
  email: string,
  regions: string[],
  language?: 'en' | 'cy',
) {
  requestSubscription(store, { email, regions, wording: WORDING_VERSION, language }, NOW);
  const [row] = store.claimDue('test', NOW, 1);
  store.markSent(row!.id, NOW);
  expect(confirmSubscription(store, secret, row!.secret!, NOW)).toBe(true);
}

const device = (n: number) => ({
  endpoint: `https://push.example.org/send/device-${n}`,
  keys: { p256dh: `key-${n}`, auth: `auth-${n}` },
});

function addDevice(store: AlertsStore, n: number, regions: string[]) {
  store.addPushSubscription({
    subscription: device(n),
    regions,
    language: 'en',
    wording: WORDING_VERSION,
    now: NOW,
  });
}

describe('the form language', () => {
  it('is English unless the form says Welsh, and anything else is refused', () => {
    const form = (extra: Array<[string, string]>) =>
      new URLSearchParams([['email', 'a@b.org'], ['region', 'all'], ['wording', WORDING_VERSION], ...extra]);
    const language = (extra: Array<[string, string]>) => {
      const read = readSubscription(form(extra), []);
      return 'request' in read ? read.request.language : read.problems;
    };
    expect(language([])).toBe('en');
    expect(language([['language', 'cy']])).toBe('cy');
    expect(language([['language', 'fr']])).toEqual(['Choose English or Welsh (en or cy) for the language.']);
    expect(
      language([
        ['language', 'cy'],
        ['language', 'en'],
      ]),
    ).toEqual(['Choose English or Welsh (en or cy) for the language.']);
  });

  it('is stored with the subscriber: a pending person at once, a confirmed one when they confirm', () => {
    const dir = tempDir();
    const store = openAlertsStore(dir);
    const secret = loadSecret(dir);
    confirmAs(store, secret, 'cymraeg@example.org', ['all'], 'cy');
    expect(store.findSubscriber('cymraeg@example.org')!.language).toBe('cy');
    confirmAs(store, secret, 'english@example.org', ['all']);
    expect(store.findSubscriber('english@example.org')!.language).toBe('en');
    store.close();
  });
});

describe('push in the outbox', () => {
  it('queues one push alert per device, however many of its regions match, and none elsewhere', () => {
    const store = openAlertsStore(tempDir());
    addDevice(store, 1, ['north-west', 'london']);
    addDevice(store, 2, ['all']);
    addDevice(store, 3, ['wales']);
    expect(store.countRecipientsByChannel(['north-west', 'london'])).toEqual({ email: 0, push: 2 });
    expect(store.enqueueAlert('2026-0101', ['north-west', 'london'], NOW)).toBe(2);
    expect(store.enqueueAlert('2026-0101', ['north-west'], NOW)).toBe(0);
    const claimed = store.claimDuePush('w', NOW, 10);
    expect(claimed.map((r) => [r.kind, r.subscription.endpoint, r.appealId])).toEqual([
      ['alert', device(1).endpoint, '2026-0101'],
      ['alert', device(2).endpoint, '2026-0101'],
    ]);
    expect(claimed[0]!.subscription.keys).toEqual(device(1).keys);
    // Push rows are not emails: the email sender never claims them.
    expect(store.claimDue('w', NOW, 10)).toEqual([]);
    store.close();
  });

  it('a recall cancels what is queued and replaces what was sent (after an alert in flight finishes)', () => {
    const store = openAlertsStore(tempDir());
    for (const n of [1, 2, 3]) addDevice(store, n, ['all']);
    store.enqueueAlert('2026-0101', ['london'], NOW);
    const [sent, inFlight] = store.claimDuePush('w', NOW, 2);
    store.markSent(sent!.id, NOW);
    expect(store.recallAlerts('2026-0101', NOW)).toEqual({ cancelled: 1, recalls: 2 });
    // Twice is once.
    expect(store.recallAlerts('2026-0101', NOW)).toEqual({ cancelled: 0, recalls: 0 });
    // The recall to the device whose alert is still in flight waits for it.
    expect(store.claimDuePush('w', NOW, 10).map((r) => [r.kind, r.pushSubscriptionId])).toEqual([
      ['recall', sent!.pushSubscriptionId],
    ]);
    store.markSent(inFlight!.id, NOW);
    expect(store.claimDuePush('w', NOW, 10).map((r) => [r.kind, r.pushSubscriptionId])).toEqual([
      ['recall', inFlight!.pushSubscriptionId],
    ]);
    store.close();
  });

  it('deleting a subscription cancels its queued messages and keeps what was sent counted', () => {
    const dir = tempDir();
    const store = openAlertsStore(dir);
    addDevice(store, 1, ['all']);
    addDevice(store, 2, ['all']);
    store.enqueueAlert('2026-0101', ['london'], NOW);
    const [first] = store.claimDuePush('w', NOW, 1);
    store.markSent(first!.id, NOW);
    expect(store.removePushSubscription({ endpoint: device(1).endpoint })).toBe(true);
    expect(store.removePushSubscription({ id: 2 })).toBe(true);
    expect(store.removePushSubscription({ endpoint: device(1).endpoint })).toBe(false);
    expect(store.deliveryCounts('2026-0101')).toEqual([
      { channel: 'push', kind: 'alert', status: 'cancelled', count: 1 },
      { channel: 'push', kind: 'alert', status: 'sent', count: 1 },
    ]);
    expect(store.claimDuePush('w', NOW, 10)).toEqual([]);
    store.close();
    const raw = new DatabaseSync(path.join(dir, ALERTS_DB_FILE));
    expect(raw.prepare('SELECT COUNT(*) AS n FROM push_subscriptions').get()).toEqual({ n: 0 });
    raw.close();
  });

  it('subscribing again with the same endpoint replaces its regions and consent', () => {
    const store = openAlertsStore(tempDir());
    addDevice(store, 1, ['london']);
    addDevice(store, 1, ['wales']);
    expect(store.subscriberCounts()).toEqual({ wales: { email: 0, push: 1 } });
    store.close();
  });
});

describe('the counts the studio shows', () => {
  it('deliveryCounts: per channel, kind and status, for one appeal', () => {
    const dir = tempDir();
    const store = openAlertsStore(dir);
    const secret = loadSecret(dir);
    confirmAs(store, secret, 'a@example.org', ['london']);
    confirmAs(store, secret, 'b@example.org', ['all']);
    addDevice(store, 1, ['london']);
    store.enqueueAlert('2026-0101', ['london'], NOW);
    store.enqueueAlert('2026-0102', ['london'], NOW);
    const [email] = store.claimDue('w', NOW, 1);
    store.markSent(email!.id, NOW);
    const [push] = store.claimDuePush('w', NOW, 1);
    store.markSent(push!.id, NOW);
    store.recallAlerts('2026-0101', NOW);
    expect(store.deliveryCounts('2026-0101')).toEqual([
      { channel: 'email', kind: 'alert', status: 'cancelled', count: 1 },
      { channel: 'email', kind: 'alert', status: 'sent', count: 1 },
      { channel: 'push', kind: 'alert', status: 'sent', count: 1 },
      { channel: 'push', kind: 'recall', status: 'queued', count: 1 },
    ]);
    expect(store.deliveryCounts('2026-0999')).toEqual([]);
    store.close();
  });

  it('subscriberCounts: confirmed addresses and devices per region and "all", never pending ones', () => {
    const dir = tempDir();
    const store = openAlertsStore(dir);
    const secret = loadSecret(dir);
    confirmAs(store, secret, 'a@example.org', ['london', 'north-west']);
    confirmAs(store, secret, 'b@example.org', ['all']);
    confirmAs(store, secret, 'c@example.org', ['london']);
    requestSubscription(
      store,
      { email: 'pending@example.org', regions: ['london'], wording: WORDING_VERSION },
      NOW,
    );
    addDevice(store, 1, ['london']);
    addDevice(store, 2, ['all']);
    expect(store.subscriberCounts()).toEqual({
      london: { email: 2, push: 1 },
      'north-west': { email: 1, push: 0 },
      all: { email: 1, push: 1 },
    });
    store.close();
  });
});

describe('a store made before web push', () => {
  it('is migrated in place: its rows kept, language and the push outbox added', () => {
    const dir = tempDir();
    const file = path.join(dir, ALERTS_DB_FILE);
    const old = new DatabaseSync(file);
    old.exec(`
      CREATE TABLE subscribers (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed')), regions TEXT NOT NULL,
        created_at INTEGER NOT NULL, consented_at INTEGER, consent_regions TEXT, consent_wording TEXT,
        unsubscribe_nonce TEXT NOT NULL, last_confirmation_at INTEGER) STRICT;
      CREATE TABLE confirmation_tokens (token_hash TEXT PRIMARY KEY,
        subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
        regions TEXT NOT NULL, wording TEXT NOT NULL, expires_at INTEGER NOT NULL) STRICT;
      CREATE TABLE outbox (id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('confirm', 'alert')),
        subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE, appeal_id TEXT,
        idempotency_key TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
        secret TEXT, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL,
        claimed_by TEXT, sent_at INTEGER, created_at INTEGER NOT NULL) STRICT;
      INSERT INTO subscribers VALUES (1, 'old@example.org', 'confirmed', '["london"]', 1, 1, '["london"]', 'w', 'n', 1);
      INSERT INTO outbox (kind, subscriber_id, appeal_id, idempotency_key, status, next_attempt_at, created_at)
        VALUES ('alert', 1, '2026-0101', 'alert:2026-0101:1', 'sent', 1, 1);
    `);
    old.close();
    for (let open = 0; open < 2; open++) {
      const store = openAlertsStore(dir);
      expect(store.findSubscriber('old@example.org')!.language).toBe('en');
      expect(store.deliveryCounts('2026-0101')).toEqual([
        { channel: 'email', kind: 'alert', status: 'sent', count: 1 },
      ]);
      addDevice(store, open, ['london']);
      expect(store.enqueueAlert('2026-0102', ['london'], NOW)).toBe(open === 0 ? 2 : 1);
      store.close();
    }
    // Unsubscribing still takes the old person's queued mail with them (the foreign key survived).
    const raw = new DatabaseSync(file);
    raw.exec('PRAGMA foreign_keys = ON');
    raw.exec('DELETE FROM subscribers WHERE id = 1');
    expect(raw.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE channel = 'email'`).get()).toEqual({ n: 0 });
    raw.close();
  });
});
