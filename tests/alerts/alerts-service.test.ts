// The alerts service (issue 21) as `npm run alerts` runs it, over real HTTP, with a real SMTP
// server on loopback receiving and parsing every email: double opt-in, an alert, one-click
// unsubscribe, and the refusals every state-changing endpoint owes.
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAlertsStore } from '../../src/lib/alerts/alerts-store.ts';
import { WORDING_VERSION } from '../../src/lib/alerts/subscription-form.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/hosting/security-headers.ts';
import { type RunningAlertsCli, startAlertsCli, startSmtp, type TestSmtp } from '../helpers/alerts.ts';
import { FIXTURES } from '../helpers/fixture-content.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('alerts');
// Where the public site is, as the emails' links say; the forms' Origin must be this.
const SITE = 'http://127.0.0.1:4999';

let smtp: TestSmtp;
let service: RunningAlertsCli;
let dataDir: string;

const form = (fields: Array<[string, string]>) => new URLSearchParams(fields).toString();
const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: SITE,
      'Sec-Fetch-Site': 'same-origin',
      ...headers,
    },
    body,
  });
const subscribe = (email: string, regions: string[]) =>
  post(
    `${service.url}/alerts/subscribe`,
    form([
      ['email', email],
      ...regions.map((r): [string, string] => ['region', r]),
      ['wording', WORDING_VERSION],
    ]),
  );
/** A link from an email, pointed at the service rather than the (absent) public site. */
const local = (link: string) => link.replace(SITE, service.url);
const linkIn = (text: string, pathPart: string) => {
  const found = new RegExp(`${SITE.replace(/[.:/]/g, '\\$&')}${pathPart}\\?token=[A-Za-z0-9_-]+`).exec(text);
  expect(found, `a ${pathPart} link in:\n${text}`).not.toBeNull();
  return found![0];
};

beforeAll(async () => {
  const root = tempDir();
  const contentDir = path.join(root, 'content');
  cpSync(path.join(FIXTURES, 'basic'), contentDir, { recursive: true });
  dataDir = path.join(root, 'alerts-data');
  smtp = await startSmtp();
  service = await startAlertsCli({
    CONTENT_DIR: contentDir,
    DEPLOY_DIR: path.join(root, 'deploy'),
    ARCHIVE_DIR: path.join(root, 'archive'),
    ALERTS_DATA_DIR: dataDir,
    LIVE_SITE_URL: `${SITE}/`,
    ALERTS_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    ALERTS_FROM: 'alerts@appeals.example.org',
    ALERTS_SEND_PER_SECOND: '50',
  });
});

afterAll(async () => {
  await service?.stop();
  await smtp?.close();
});

describe('the alerts service', () => {
  it('takes a subscription without JavaScript, confirms it by a button, alerts, and unsubscribes in one click', async () => {
    const answer = await subscribe('Reader@Example.COM', ['north-west', 'london']);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/alerts/check-your-email/');
    await smtp.waitFor(1);
    const confirmation = smtp.mails[0]!;
    expect(confirmation.to).toEqual(['reader@example.com']);
    expect(confirmation.parsed.subject).toBe('Confirm your urgent appeal alerts');
    const confirmLink = linkIn(confirmation.parsed.text ?? '', '/alerts/confirm');
    expect(confirmation.parsed.html).toContain(confirmLink.replace(/&/g, '&amp;'));

    // Opening the link (as a mail scanner would) confirms nothing: it shows one button that POSTs.
    const page = await fetch(local(confirmLink));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html.match(/<form /g)).toHaveLength(1);
    expect(html).toContain('method="post" action="/alerts/confirm"');
    expect(html.match(/<button/g)).toHaveLength(1);
    const token = new URL(confirmLink).searchParams.get('token')!;
    const store = openAlertsStore(dataDir);
    try {
      expect(store.findSubscriber('reader@example.com')?.status).toBe('pending');
      // Nothing is sent before confirming.
      expect(store.enqueueAlert('2026-0101', ['north-west'], Date.now())).toBe(0);

      const confirmed = await post(`${service.url}/alerts/confirm`, form([['token', token]]));
      expect(confirmed.status).toBe(200);
      expect(await confirmed.text()).toContain('You will get alerts');
      // A link works once.
      expect((await post(`${service.url}/alerts/confirm`, form([['token', token]]))).status).toBe(404);
      expect(store.findSubscriber('reader@example.com')).toMatchObject({
        status: 'confirmed',
        regions: ['north-west', 'london'],
      });

      // Twice, and for two of their regions: one alert.
      expect(store.enqueueAlert('2026-0101', ['north-west', 'london'], Date.now())).toBe(1);
      expect(store.enqueueAlert('2026-0101', ['north-west'], Date.now())).toBe(0);
    } finally {
      store.close();
    }
    await smtp.waitFor(2);
    const alert = smtp.mails[1]!;
    expect(alert.parsed.subject).toBe('Urgent appeal: North West');
    expect(alert.parsed.subject).not.toContain('Zephyrine');
    const text = alert.parsed.text ?? '';
    expect(text).toContain('Zephyrine Quillfeather');
    expect(text).toContain(`${SITE}/appeals/2026-0101/`);
    expect(alert.parsed.html).toContain(`href="${SITE}/appeals/2026-0101/"`);
    // No images, no attachments, nothing from another site: every link is the site's own.
    expect(alert.parsed.attachments).toEqual([]);
    expect(alert.parsed.html).not.toMatch(/<img/i);
    for (const href of String(alert.parsed.html).matchAll(/href="([^"]+)"/g))
      expect(href[1]!.startsWith(`${SITE}/`)).toBe(true);
    // RFC 8058: one https-style link on one line, and the one-click POST header.
    const unsubscribeHeader = /^List-Unsubscribe: (.*)$/m.exec(alert.raw)?.[1];
    expect(unsubscribeHeader).toMatch(
      /^<http:\/\/127\.0\.0\.1:4999\/alerts\/unsubscribe\?token=[A-Za-z0-9_-]{43}>$/,
    );
    expect(alert.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    const unsubscribeLink = unsubscribeHeader!.slice(1, -1);
    expect(text).toContain(unsubscribeLink);

    // The one-click POST a mail provider sends: no Origin, no Sec-Fetch-Site, the token in the link.
    const gone = await fetch(local(unsubscribeLink), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(gone.status).toBe(200);
    expect(await gone.text()).toContain('You will get no more alerts');
    const after = openAlertsStore(dataDir);
    try {
      expect(after.findSubscriber('reader@example.com')).toBeUndefined();
      expect(after.enqueueAlert('2026-0102', ['london'], Date.now())).toBe(0);
    } finally {
      after.close();
    }
    // The address is gone from every file the service keeps.
    for (const file of readdirSync(dataDir))
      expect(readFileSync(path.join(dataDir, file)).includes('reader@example.com'), file).toBe(false);
  });

  it('gives the same answer whether the address is new, pending or subscribed', async () => {
    const answers = [];
    for (const email of ['fresh@example.com', 'fresh@example.com', 'other@example.com']) {
      const answer = await subscribe(email, ['all']);
      answers.push({
        status: answer.status,
        location: answer.headers.get('location'),
        body: await answer.text(),
      });
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it("serves its pages with the site's security headers and no stack trace", async () => {
    const page = await fetch(`${service.url}/alerts/confirm?token=${'a'.repeat(43)}`);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const missing = await fetch(`${service.url}/alerts/nothing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses oversized, malformed, cross-site and unknown-token requests with a clear 4xx', async () => {
    const url = `${service.url}/alerts/subscribe`;
    const cases: Array<[number, Promise<Response>]> = [
      [413, post(url, `email=a%40example.com&pad=${'x'.repeat(20_000)}`)],
      [
        400,
        post(
          url,
          form([
            ['email', 'not an address'],
            ['region', 'north-west'],
            ['wording', WORDING_VERSION],
          ]),
        ),
      ],
      [
        400,
        post(
          url,
          form([
            ['email', 'a@example.com'],
            ['region', 'atlantis'],
            ['wording', WORDING_VERSION],
          ]),
        ),
      ],
      [
        400,
        post(
          url,
          form([
            ['email', 'a@example.com'],
            ['region', 'london'],
            ['wording', 'old'],
          ]),
        ),
      ],
      [400, post(url, '%ff%fe=%c3%28')],
      [415, post(url, '{"email":"a@example.com"}', { 'Content-Type': 'application/json' })],
      [403, post(url, form([['email', 'a@example.com']]), { 'Sec-Fetch-Site': 'cross-site' })],
      [
        403,
        post(url, form([['email', 'a@example.com']]), {
          Origin: 'https://evil.example',
          'Sec-Fetch-Site': '',
        }),
      ],
      [405, fetch(url)],
      [404, post(`${service.url}/alerts/confirm`, form([['token', 'x'.repeat(43)]]))],
      [404, post(`${service.url}/alerts/unsubscribe`, form([['token', 'guess']]))],
    ];
    for (const [status, pending] of cases) {
      const answer = await pending;
      const body = await answer.text();
      expect(answer.status, body).toBe(status);
      expect(body).not.toMatch(/\bat [\w.<>]+ \(|node:internal|Error:/);
      expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    }
    expect(service.output()).not.toMatch(/@example\.com/);
  });

  it('limits each client address on every state-changing endpoint', async () => {
    // The service allows 20 tries per address and action in ten minutes.
    for (const route of ['subscribe', 'confirm', 'unsubscribe']) {
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) {
        const answer = await post(`${service.url}/alerts/${route}`, form([['token', 'z'.repeat(43)]]));
        await answer.arrayBuffer();
        statuses.push(answer.status);
      }
      expect(statuses.at(-1), route).toBe(429);
    }
    const limited = await post(`${service.url}/alerts/subscribe`, '');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
