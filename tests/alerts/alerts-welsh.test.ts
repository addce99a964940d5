// Welsh alert emails (issue 22, point 1): a person who signed up on the Welsh "Get alerts" page
// (language=cy) gets the confirmation email, the alert and the confirm and unsubscribe pages in
// Welsh, with every link under /cy/; an English subscriber of the same service stays in English.
// The service as `npm run alerts` runs it, a real SMTP server on loopback, every email parsed.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAlertsStore } from '../../src/lib/alerts/alerts-store.ts';
import { WORDING_VERSION } from '../../src/lib/alerts/subscription-form.ts';
import { type RunningAlertsCli, startAlertsCli, startSmtp, type TestSmtp } from '../helpers/alerts.ts';
import { FIXTURES } from '../helpers/fixture-content.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('alerts-welsh');
const SITE = 'http://127.0.0.1:4999';
const ID = '2026-0101';

let smtp: TestSmtp;
let service: RunningAlertsCli;
let dataDir: string;

const post = (url: string, fields: Array<[string, string]>) =>
  fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: SITE,
      'Sec-Fetch-Site': 'same-origin',
    },
    body: new URLSearchParams(fields).toString(),
  });
const local = (link: string) => link.replace(SITE, service.url);
const linkIn = (text: string, pathPart: string) => {
  const found = new RegExp(`${SITE.replace(/[.:/]/g, '\\$&')}${pathPart}\\?token=[A-Za-z0-9_-]+`).exec(text);
  expect(found, `a ${pathPart} link in:\n${text}`).not.toBeNull();
  return found![0];
};
const mailTo = (address: string) => smtp.mails.filter((m) => m.to[0] === address);

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

describe('alerts in Welsh', () => {
  it('confirms, alerts and unsubscribes a Welsh subscriber in Welsh, links under /cy/, and an English one in English', async () => {
    const signUp = (email: string, language?: string) =>
      post(`${service.url}/alerts/subscribe`, [
        ['email', email],
        ['region', 'north-west'],
        ['wording', WORDING_VERSION],
        ...(language ? [['language', language] as [string, string]] : []),
      ]);
    const welsh = await signUp('darllenydd@example.net', 'cy');
    expect(welsh.status).toBe(303);
    expect(welsh.headers.get('location')).toBe('/cy/alerts/check-your-email/');
    const english = await signUp('reader@example.net');
    expect(english.headers.get('location')).toBe('/alerts/check-your-email/');
    await smtp.waitFor(2);

    // The confirmation email.
    const [cyConfirm] = mailTo('darllenydd@example.net');
    expect(cyConfirm!.parsed.subject).toBe('Cadarnhewch eich rhybuddion am apeliadau brys');
    const cyText = cyConfirm!.parsed.text ?? '';
    expect(cyText).toContain('Gofynnodd rhywun, chi mae’n debyg, i Fixture Appeals');
    expect(cyText).toContain('Mae’r ddolen yn gweithio am 48 awr.');
    expect(cyText).not.toMatch(/\b(the|and|link|Confirm)\b/);
    const cyConfirmLink = linkIn(cyText, '/cy/alerts/confirm');
    expect(cyConfirm!.parsed.html).toContain('<html lang="cy">');
    expect(cyConfirm!.parsed.html).toContain('>Cadarnhau eich rhybuddion</a>');
    const [enConfirm] = mailTo('reader@example.net');
    expect(enConfirm!.parsed.subject).toBe('Confirm your urgent appeal alerts');
    const enConfirmLink = linkIn(enConfirm!.parsed.text ?? '', '/alerts/confirm');
    expect(enConfirm!.parsed.html).toContain('<html lang="en-GB">');

    // The confirm page under /cy/ and its button, in Welsh.
    const page = await fetch(local(cyConfirmLink));
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<html lang="cy">');
    expect(html).toContain('<h1>Cadarnhau eich rhybuddion</h1>');
    expect(html).toContain('method="post" action="/cy/alerts/confirm"');
    expect(html).toContain('<button type="submit">Cadarnhau</button>');
    expect(html).toContain('<a href="/cy/">Yn ôl i’r apeliadau</a>');
    const cyToken = new URL(cyConfirmLink).searchParams.get('token')!;
    const confirmed = await post(`${service.url}/cy/alerts/confirm`, [['token', cyToken]]);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('<h1>Byddwch yn cael rhybuddion</h1>');
    // A used link, in Welsh.
    const used = await post(`${service.url}/cy/alerts/confirm`, [['token', cyToken]]);
    expect(used.status).toBe(404);
    expect(await used.text()).toContain('Nid yw’r ddolen hon yn gweithio');
    const enToken = new URL(enConfirmLink).searchParams.get('token')!;
    expect(await (await post(`${service.url}/alerts/confirm`, [['token', enToken]])).text()).toContain(
      '<h1>You will get alerts</h1>',
    );

    // The alert.
    const store = openAlertsStore(dataDir);
    expect(store.enqueueAlert(ID, ['north-west'], Date.now())).toBe(2);
    store.close();
    await smtp.waitFor(4);
    const cyAlert = mailTo('darllenydd@example.net')[1]!;
    // The fixture's settings give North West its Welsh name.
    expect(cyAlert.parsed.subject).toBe('Apêl frys: Gogledd-orllewin Lloegr');
    const alertText = cyAlert.parsed.text ?? '';
    expect(alertText).toMatch(
      /^Apêl frys yn ardal Gogledd-orllewin Lloegr: cadwch lygad am Zephyrine Quillfeather, \d+ oed\./,
    );
    // The facts in Welsh: the date, the time and what to do.
    expect(alertText).toContain('Ar goll ers 1 Mai 2026 am 6:30yh.');
    expect(alertText).toContain('Os ydych chi’n gweld Zephyrine Quillfeather nawr, ffoniwch 999.');
    expect(alertText).toContain(`${SITE}/cy/appeals/${ID}/`);
    expect(alertText).not.toContain(`${SITE}/appeals/`);
    expect(alertText).not.toMatch(/\b(Missing since|Last seen|please|the appeal)\b/);
    const cyUnsubscribe = linkIn(alertText, '/cy/alerts/unsubscribe');
    expect(cyAlert.raw).toContain(`List-Unsubscribe: <${cyUnsubscribe}>`);
    expect(cyAlert.parsed.html).toContain('>Stopio’r rhybuddion hyn</a>');
    const enAlert = mailTo('reader@example.net')[1]!;
    expect(enAlert.parsed.subject).toBe('Urgent appeal: North West');
    expect(enAlert.parsed.text).toContain(`${SITE}/appeals/${ID}/`);
    expect(enAlert.parsed.text).toContain('Missing since 1 May 2026');
    linkIn(enAlert.parsed.text ?? '', '/alerts/unsubscribe');

    // The unsubscribe page, and the one-click POST a mail provider sends to the List-Unsubscribe link.
    const stopPage = await (await fetch(local(cyUnsubscribe))).text();
    expect(stopPage).toContain('<h1>Stopio cael rhybuddion</h1>');
    expect(stopPage).toContain('method="post" action="/cy/alerts/unsubscribe"');
    expect(stopPage).toContain('<button type="submit">Stopio rhybuddion</button>');
    const oneClick = await post(local(cyUnsubscribe), [['List-Unsubscribe', 'One-Click']]);
    expect(oneClick.status).toBe(200);
    const stopped = await oneClick.text();
    expect(stopped).toContain('<h1>Ni fyddwch yn cael rhagor o rybuddion</h1>');
    expect(stopped).toContain('Mae eich cyfeiriad e-bost wedi cael ei ddileu.');
    const after = openAlertsStore(dataDir);
    expect(after.findSubscriber('darllenydd@example.net')).toBeUndefined();
    after.close();
  });

  it('answers its error pages under /cy/ in Welsh', async () => {
    const bad = await fetch(`${service.url}/cy/alerts/unsubscribe?token=short`);
    expect(bad.status).toBe(404);
    expect(await bad.text()).toContain('<h1>Nid yw’r ddolen hon yn gweithio</h1>');
    const unknown = await fetch(`${service.url}/cy/alerts/nothing`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('<h1>Heb ddod o hyd i’r dudalen</h1>');
    const wrongType = await fetch(`${service.url}/cy/alerts/confirm`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'token=x',
    });
    expect(wrongType.status).toBe(415);
    expect(await wrongType.text()).toContain('Anfonwch hi o’r dudalen mewn porwr.');
  });
});
