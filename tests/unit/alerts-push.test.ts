// Web push's pure rules (issue 21): the VAPID configuration's refusals, what a push says and its
// headers, and the subscription a browser posts.
import webpush from 'web-push';
import { describe, expect, it } from 'vitest';
import { AlertsConfigError, vapidConfig } from '../../src/lib/alerts/alerts-config.ts';
import { pushAlert, pushOptions, pushRecall } from '../../src/lib/alerts/push-message.ts';
import { DEFAULT_PUSH_HOSTS, readPushSubscription } from '../../src/lib/alerts/push-subscription-form.ts';
import { WORDING_VERSION } from '../../src/lib/alerts/subscription-form.ts';

const keys = webpush.generateVAPIDKeys();
const alerts = (vapid: { pub?: string; priv?: string; sub?: string }) => ({
  port: undefined,
  dataDir: undefined,
  smtpUrl: undefined,
  from: undefined,
  dkimDomain: undefined,
  dkimSelector: undefined,
  dkimKeyFile: undefined,
  sendPerSecond: undefined,
  trustProxy: false,
  pushHosts: undefined,
  vapidPublicKey: vapid.pub,
  vapidPrivateKey: vapid.priv,
  vapidSubject: vapid.sub,
});

describe('the VAPID configuration', () => {
  it('is off with no keys, on with all three, and names the variable that is wrong', () => {
    expect(vapidConfig(alerts({}))).toBeUndefined();
    expect(
      vapidConfig(alerts({ pub: keys.publicKey, priv: keys.privateKey, sub: 'mailto:a@example.org' })),
    ).toEqual({
      publicKey: keys.publicKey,
      privateKey: keys.privateKey,
      subject: 'mailto:a@example.org',
    });
    const refusal = (vapid: Parameters<typeof alerts>[0]) => {
      try {
        vapidConfig(alerts(vapid));
      } catch (error) {
        expect(error).toBeInstanceOf(AlertsConfigError);
        return (error as Error).message.split(':')[0];
      }
      return 'accepted';
    };
    expect(refusal({ pub: keys.publicKey })).toBe(
      'ALERTS_VAPID_PUBLIC_KEY, ALERTS_VAPID_PRIVATE_KEY, ALERTS_VAPID_SUBJECT',
    );
    expect(refusal({ pub: 'abc', priv: keys.privateKey, sub: 'mailto:a@example.org' })).toBe(
      'ALERTS_VAPID_PUBLIC_KEY',
    );
    expect(refusal({ pub: keys.publicKey, priv: keys.publicKey, sub: 'mailto:a@example.org' })).toBe(
      'ALERTS_VAPID_PRIVATE_KEY',
    );
    expect(refusal({ pub: keys.publicKey, priv: keys.privateKey, sub: 'alerts@example.org' })).toBe(
      'ALERTS_VAPID_SUBJECT',
    );
    // The private key is never echoed.
    try {
      vapidConfig(alerts({ pub: keys.publicKey, priv: 'secret-but-wrong', sub: 'mailto:a@example.org' }));
    } catch (error) {
      expect((error as Error).message).not.toContain('secret-but-wrong');
    }
  });
});

describe('a push', () => {
  const summary = {
    appealId: '2026-0101',
    name: 'Zephyrine Quillfeather',
    age: '14',
    lastSeen: 'Leeds',
    missingSince: '1 May 2026',
    regionName: 'North West',
    seeNow: 'Call 999',
    haveInformation: 'Call 116 000',
  };

  it('carries the region, the summary and the link, in the subscriber’s language', () => {
    expect(pushAlert(summary, 'https://appeals.example.org/', 'en')).toEqual({
      tag: '2026-0101',
      title: 'Urgent appeal: North West',
      body: 'Please look out for Zephyrine Quillfeather, aged 14. Last seen: Leeds.',
      url: 'https://appeals.example.org/appeals/2026-0101/',
    });
    expect(pushAlert(summary, 'https://appeals.example.org/', 'cy').url).toBe(
      'https://appeals.example.org/cy/appeals/2026-0101/',
    );
  });

  it('a recall has the same tag and says only that the appeal is no longer active', () => {
    expect(pushRecall('2026-0101', 'https://appeals.example.org/', 'en')).toEqual({
      tag: '2026-0101',
      title: 'This appeal is no longer active',
      body: '',
      url: 'https://appeals.example.org/',
    });
  });

  it('has TTL 4 hours, Urgency high, and the appeal id as Topic, which must fit one', () => {
    expect(pushOptions('2026-0101')).toEqual({ TTL: 14_400, urgency: 'high', topic: '2026-0101' });
    expect(() => pushOptions('x'.repeat(33))).toThrow(/Topic/);
    expect(() => pushOptions('2026/0101')).toThrow(/Topic/);
  });
});

describe('a browser’s push subscription', () => {
  const p256dh = Buffer.alloc(65, 4).toString('base64url');
  const auth = Buffer.alloc(16, 1).toString('base64url');
  const body = (endpoint: string, extra: object = {}) => ({
    subscription: { endpoint, keys: { p256dh, auth } },
    regions: ['london', 'north-west', 'london'],
    wording: WORDING_VERSION,
    ...extra,
  });
  const read = (b: unknown) => readPushSubscription(b, ['north-west', 'london'], DEFAULT_PUSH_HOSTS);

  it('is taken from the browsers’ push services only', () => {
    expect(read(body('https://fcm.googleapis.com/fcm/send/abc'))).toEqual({
      request: {
        subscription: { endpoint: 'https://fcm.googleapis.com/fcm/send/abc', keys: { p256dh, auth } },
        regions: ['north-west', 'london'],
        language: 'en',
        wording: WORDING_VERSION,
      },
    });
    expect('request' in read(body('https://web.push.apple.com/QGx'))).toBe(true);
    for (const endpoint of [
      'http://fcm.googleapis.com/fcm/send/abc',
      'https://127.0.0.1/push',
      'https://fcm.googleapis.com.evil.example/x',
      'https://user:pw@fcm.googleapis.com/x',
      `https://fcm.googleapis.com/${'a'.repeat(1100)}`,
    ])
      expect(read(body(endpoint)), endpoint).toEqual({
        problems: ["This browser's push subscription could not be used. Try again, or get alerts by email."],
      });
  });

  it('says every problem in plain words', () => {
    expect(read({ regions: 'all', language: 'fr', wording: 'old' })).toEqual({
      problems: [
        "This browser's push subscription could not be used. Try again, or get alerts by email.",
        'Choose at least one region, or all of the UK.',
        'Choose English or Welsh (en or cy) for the language.',
        'This page is out of date. Reload it and try again.',
      ],
    });
    expect(read(null)).toHaveProperty('problems');
    expect(read(body('https://fcm.googleapis.com/x', { regions: ['mars'] }))).toEqual({
      problems: ['Choose regions from the list on the page.'],
    });
  });
});
