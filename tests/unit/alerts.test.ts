// The alerts service's pure rules (issue 21): the form, the rate limit, the configuration's
// refusals, the emails, and the store's one-alert-per-person queue.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alertEmail, confirmationEmail } from '../../src/lib/alerts/alert-email.ts';
import { AlertsConfigError, alertsConfig } from '../../src/lib/alerts/alerts-config.ts';
import { openAlertsStore } from '../../src/lib/alerts/alerts-store.ts';
import { RateLimiter } from '../../src/lib/alerts/rate-limit.ts';
import { formLocale, readSubscription, WORDING_VERSION } from '../../src/lib/alerts/subscription-form.ts';
import { confirmSubscription, requestSubscription } from '../../src/lib/alerts/subscriptions.ts';
import { loadSecret } from '../../src/lib/alerts/tokens.ts';
import { readOperatorEnv } from '../../src/lib/config/operator-env.ts';

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'alerts-unit-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const REGIONS = ['north-west', 'london'];
const formOf = (fields: Array<[string, string]>) => new URLSearchParams(fields);

describe('the subscription form', () => {
  it('names the problems in Welsh for a Welsh form, and answers in the language the form asks for', () => {
    const welsh = formOf([
      ['email', 'not an address'],
      ['wording', WORDING_VERSION],
      ['language', 'cy'],
    ]);
    expect(formLocale(welsh, 'en')).toBe('cy');
    expect(formLocale(formOf([]), 'cy')).toBe('cy');
    expect(formLocale(formOf([['language', 'fr']]), 'en')).toBe('en');
    expect(readSubscription(welsh, REGIONS, formLocale(welsh, 'en'))).toEqual({
      problems: [
        'Rhowch gyfeiriad e-bost, fel enw@example.com.',
        "Dewiswch o leiaf un rhanbarth, neu'r DU gyfan.",
      ],
    });
    expect(readSubscription(welsh, REGIONS)).toEqual({
      problems: [
        'Enter an email address, like name@example.com.',
        'Choose at least one region, or all of the UK.',
      ],
    });
  });

  it('reads an address and regions, in the settings order, normalised', () => {
    expect(
      readSubscription(
        formOf([
          ['email', ' Someone@Example.ORG '],
          ['region', 'london'],
          ['region', 'north-west'],
          ['region', 'london'],
          ['wording', WORDING_VERSION],
        ]),
        REGIONS,
      ),
    ).toEqual({
      request: {
        email: 'someone@example.org',
        regions: ['north-west', 'london'],
        wording: WORDING_VERSION,
        language: 'en',
      },
    });
  });

  it('takes "all of the UK" over any region', () => {
    const read = readSubscription(
      formOf([
        ['email', 'a@b.org'],
        ['region', 'london'],
        ['region', 'all'],
        ['wording', WORDING_VERSION],
      ]),
      REGIONS,
    );
    expect(read).toEqual({
      request: { email: 'a@b.org', regions: ['all'], wording: WORDING_VERSION, language: 'en' },
    });
  });

  it('says every problem in plain words', () => {
    const read = readSubscription(
      formOf([
        ['email', 'a@b'],
        ['region', 'mars'],
        ['wording', 'x'],
      ]),
      REGIONS,
    );
    expect(read).toEqual({
      problems: [
        'Enter an email address, like name@example.com.',
        'Choose regions from the list on the page.',
        'This form is out of date. Reload the page and try again.',
      ],
    });
    expect(
      readSubscription(
        formOf([
          ['email', 'a@b.org'],
          ['email', 'c@d.org'],
          ['wording', WORDING_VERSION],
        ]),
        REGIONS,
      ),
    ).toEqual({
      problems: [
        'Enter an email address, like name@example.com.',
        'Choose at least one region, or all of the UK.',
      ],
    });
    expect(
      'problems' in
        readSubscription(
          formOf([
            ['email', `${'a'.repeat(250)}@b.org`],
            ['region', 'london'],
            ['wording', WORDING_VERSION],
          ]),
          REGIONS,
        ),
    ).toBe(true);
  });
});

describe('the rate limit', () => {
  it('allows `limit` requests per address per window, then says when to come back', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 60_000, () => now);
    expect([limiter.allow('a'), limiter.allow('a'), limiter.allow('a'), limiter.allow('b')]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    now = 30_000;
    expect(limiter.retryAfter('a')).toBe(30);
    now = 60_000;
    expect(limiter.allow('a')).toBe(true);
  });
});

describe('the alerts configuration', () => {
  it('refuses a data folder inside public/, the deploy folder or the content folder', () => {
    const root = tempDir();
    const env = (extra: Record<string, string>) =>
      readOperatorEnv({
        CONTENT_DIR: path.join(root, 'content'),
        DEPLOY_DIR: path.join(root, 'deploy'),
        ...extra,
      });
    for (const [dir, what] of [
      ['public/alerts', 'the public folder'],
      ['deploy/x', 'the deploy folder'],
      ['content/alerts', 'the content folder'],
    ] as const)
      expect(() => alertsConfig(env({ ALERTS_DATA_DIR: path.join(root, dir) }), root)).toThrow(
        new AlertsConfigError(
          `ALERTS_DATA_DIR: expected a folder apart from ${what} (${path.join(root, dir.split('/')[0]!)}), got ${path.join(root, dir)}`,
        ),
      );
    expect(alertsConfig(env({ ALERTS_DATA_DIR: path.join(root, 'private') }), root).dataDir).toBe(
      path.join(root, 'private'),
    );
  });

  it('needs a From address with a relay, and all of DKIM or none', () => {
    const root = tempDir();
    expect(() =>
      alertsConfig(readOperatorEnv({ ALERTS_SMTP_URL: 'smtp://relay.example.org:587' }), root),
    ).toThrow(/ALERTS_FROM/);
    expect(() =>
      alertsConfig(
        readOperatorEnv({
          ALERTS_SMTP_URL: 'smtp://relay.example.org',
          ALERTS_FROM: 'a@b.org',
          ALERTS_DKIM_DOMAIN: 'b.org',
        }),
        root,
      ),
    ).toThrow(/all three or none/);
    expect(() => readOperatorEnv({ ALERTS_SMTP_URL: 'http://relay' })).toThrow(/ALERTS_SMTP_URL: expected/);
  });
});

describe('the emails', () => {
  const summary = {
    appealId: '2026-0101',
    name: 'Fictional Childname',
    age: '14',
    lastSeen: 'Park Road, Oldtown, North West',
    missingSince: '1 May 2026',
    regionName: 'North West',
    seeNow: 'If you see Fictional Childname now, call 999.',
    haveInformation: 'If you have information, call 101.',
  };

  it('an alert names the region, not the child, in its subject, and links rather than attaches', () => {
    const email = alertEmail({
      to: 'a@b.org',
      summary,
      siteAddress: 'https://appeals.example.org/',
      unsubscribeToken: 'T'.repeat(43),
      idempotencyKey: 'alert:2026-0101:1',
    });
    expect(email.subject).toBe('Urgent appeal: North West');
    expect(email.text).toContain('https://appeals.example.org/appeals/2026-0101/');
    expect(email.headers).toEqual({
      'List-Unsubscribe': `<https://appeals.example.org/alerts/unsubscribe?token=${'T'.repeat(43)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(email.html).not.toMatch(/<img|https?:\/\/(?!appeals\.example\.org)/);
    // The same key, the same Message-ID: a resend after a crash is recognisably the same email.
    expect(email.messageId).toBe(
      alertEmail({
        to: 'a@b.org',
        summary,
        siteAddress: 'https://appeals.example.org/',
        unsubscribeToken: 'x',
        idempotencyKey: 'alert:2026-0101:1',
      }).messageId,
    );
  });

  it('a confirmation links to the confirm page, escaped in HTML', () => {
    const email = confirmationEmail({
      to: 'a@b.org',
      token: 'abc',
      siteAddress: 'https://appeals.example.org/',
      organisation: 'A & B',
      idempotencyKey: 'k',
    });
    expect(email.text).toContain('https://appeals.example.org/alerts/confirm?token=abc');
    expect(email.html).toContain('A &#38; B');
  });
});

describe('the alerts store', () => {
  it('queues one alert per confirmed person and appeal, and a closure cancels what is queued', () => {
    const dir = tempDir();
    const store = openAlertsStore(dir);
    const secret = loadSecret(dir);
    const now = 1_000_000;
    const confirmAs = (email: string, regions: string[]) => {
      requestSubscription(store, { email, regions, wording: WORDING_VERSION }, now);
      const [row] = store.claimDue('test', now, 1);
      store.markSent(row!.id, now);
      expect(confirmSubscription(store, secret, row!.secret!, now)).toBe(true);
    };
    confirmAs('both@example.org', ['north-west', 'london']);
    confirmAs('all@example.org', ['all']);
    confirmAs('elsewhere@example.org', ['london']);
    requestSubscription(
      store,
      { email: 'pending@example.org', regions: ['all'], wording: WORDING_VERSION },
      now,
    );
    expect(store.enqueueAlert('2026-0101', ['north-west'], now)).toBe(2);
    expect(store.enqueueAlert('2026-0101', ['north-west', 'london'], now)).toBe(1);
    expect(store.cancelQueuedAlerts('2026-0101')).toBe(3);
    expect(store.alertCounts('2026-0101')).toEqual({ cancelled: 3 });
    // A confirmation token works once and expires after 48 hours.
    requestSubscription(
      store,
      { email: 'late@example.org', regions: ['all'], wording: WORDING_VERSION },
      now,
    );
    const late = store.claimDue('test', now, 10).find((r) => r.kind === 'confirm')!;
    expect(confirmSubscription(store, secret, late.secret!, now + 48 * 3600_000)).toBe(false);
    store.close();
  });
});
