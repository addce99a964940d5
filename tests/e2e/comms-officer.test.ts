// The whole comms-officer path as one story, in real Chromium against a real studio, real files and
// the site `npm start` serves: a new administrator follows the README (npm start publishes the first
// live release; users added with the real CLI; the studio started), an author writes an appeal, a
// publisher approves it from the review page and publishes it through the list of changes, and opens
// the public address the studio shows; the author and that publisher edit it at once (the older form
// is refused with both values, nothing is lost), a second publisher approves the changes from the
// diff and publishes them; then closes the appeal, and the same public address answers 410.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, watchPage, type PageProblems } from '../helpers/browser.ts';
import { freePort, npmStart, type StartedSite } from '../helpers/live-site.ts';
import {
  createWorkspace,
  HttpClient,
  NOTICE_HEADING,
  removeWorkspace,
  type Workspace,
} from '../helpers/publishing.ts';
import {
  addStudioUserWithCli,
  signInWithBrowser,
  startStudio,
  StudioClient,
  submitCompleteAppeal,
  type RunningStudio,
} from '../helpers/studio.ts';
import path from 'node:path';

const ADMIN = { email: 'kim.admin@example.org', password: 'saffron lighthouse pebble 58' };
const SAM = { email: 'sam.author@example.org', password: 'amber kettle lantern 42' };
const JO = { email: 'jo.publisher@example.org', password: 'copper meadow riddle 19' };
const PIA = { email: 'pia.publisher@example.org', password: 'willow compass thistle 64' };
const NAME = 'Wilhelmina Brackenbury';
const HEIGHT = '4 ft 11 in (150 cm)';
const BUILD = 'Slim';

let ws: Workspace;
let env: Record<string, string>;
let site: StartedSite;
let studio: RunningStudio;
let browser: Browser;
let http: HttpClient;
const contexts: BrowserContext[] = [];
const watched: PageProblems[] = [];

async function pageFor(user: { email: string; password: string }, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  watched.push(watchPage(page, studio.url));
  await signInWithBrowser(page, studio.url, user.email, user.password);
  return page;
}

/** Approves the appeal's waiting changes from its review page, then publishes through the list of changes. */
async function approveAndPublish(page: Page, id: string): Promise<string> {
  await page.goto(`${studio.url}/appeals/${id}/`);
  await Promise.all([page.waitForURL(/\/review$/), page.click('[data-review-link]')]);
  await Promise.all([
    page.waitForURL(new RegExp(`/appeals/${id}/\\?approved(#.*)?$`)),
    page.click('button:has-text("Approve")'),
  ]);
  await Promise.all([page.waitForURL(/\/publish\?appeal=/), page.click(`a[href="/publish?appeal=${id}"]`)]);
  await Promise.all([page.waitForURL(/\/jobs\//), page.click('[data-confirm-publish]')]);
  await page.waitForSelector('[data-job-state]:not([data-job-state="running"])', { timeout: 600_000 });
  expect(
    await page.getAttribute('[data-job]', 'data-job-state'),
    (await page.textContent('main')) ?? '',
  ).toBe('done');
  // The public address the end of the publish links to.
  const href = await page.getAttribute(`[data-job-result] a[href$="/appeals/${id}/"]`, 'href');
  expect(href).toBeTruthy();
  return href!;
}

beforeAll(async () => {
  ws = await createWorkspace('comms-officer');
  const liveSiteUrl = `http://127.0.0.1:${await freePort()}/`;
  env = { ...ws.env, STUDIO_DATA_DIR: path.join(ws.root, 'studio-data'), LIVE_SITE_URL: liveSiteUrl };
  // The administrator's steps in the README, in order: npm start, users, npm run studio.
  site = await npmStart(env);
  expect(`${site.url}/`).toBe(liveSiteUrl);
  expect(ws.currentName(), 'npm start published a first live release').toBeDefined();
  http = new HttpClient(site.url, { maxSockets: 2 });
  await addStudioUserWithCli(env, ADMIN.email, 'admin', ADMIN.password);
  await addStudioUserWithCli(env, JO.email, 'publisher', JO.password);
  await addStudioUserWithCli(env, PIA.email, 'publisher', PIA.password);
  await addStudioUserWithCli(env, SAM.email, 'author', SAM.password);
  studio = await startStudio(env);
  browser = await launchBrowser();
}, 900_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  http?.close();
  await studio?.stop();
  await site?.stop();
  removeWorkspace(ws);
});

describeBrowser('a comms officer, from a new studio to a closed appeal', () => {
  it('publishes, sees it on the public site, edits with a colleague without losing either’s work, approves from the diff and closes', async () => {
    // The author writes a new appeal and sends it for approval (the real edit form, posted as a browser does).
    const author = new StudioClient(studio.url);
    expect((await author.signIn(SAM.email, SAM.password)).status).toBe(303);
    const id = await submitCompleteAppeal(author, ws.root, NAME);

    // Jo approves it from the review page and publishes it; the studio's link opens the public site.
    const jo = await pageFor(JO);
    const publicUrl = await approveAndPublish(jo, id);
    expect(publicUrl).toBe(`${site.url}/appeals/${id}/`);
    const live = await jo.context().newPage();
    const response = await live.goto(publicUrl);
    expect(response?.status()).toBe(200);
    expect(await live.textContent('h1')).toContain(NAME);
    await live.close();

    // Jo opens the form; Sam opens it too and sees Jo there, saves a height; Jo's older form is refused.
    await jo.goto(`${studio.url}/appeals/${id}/edit`);
    const sam = await pageFor(SAM, 375);
    await sam.goto(`${studio.url}/appeals/${id}/edit`);
    expect(await sam.textContent('[data-editing-others]')).toContain('Jo Publisher is editing this appeal');
    await sam.fill('#f-description-height', HEIGHT);
    await Promise.all([sam.waitForURL(/edit\?saved/), sam.click('button[name=action][value=save] >> nth=0')]);

    await jo.fill('#f-description-build', BUILD);
    const [refused] = await Promise.all([
      jo.waitForNavigation(),
      jo.click('button[name=action][value=save] >> nth=0'),
    ]);
    expect(refused?.status()).toBe(409);
    expect(await jo.textContent('[data-conflict]')).toContain('Sam Author saved this appeal meanwhile');
    expect(await jo.textContent('[data-conflict] tr[data-field="Height"] [data-theirs]')).toBe(HEIGHT);
    expect(await jo.inputValue('#f-description-build'), 'nothing Jo typed is lost').toBe(BUILD);
    // Jo keeps Sam's version, adds the build on top of it, and sends both for approval.
    await Promise.all([jo.waitForNavigation(), jo.click('[data-conflict] a:has-text("Keep theirs")')]);
    expect(await jo.inputValue('#f-description-height')).toBe(HEIGHT);
    await jo.fill('#f-description-build', BUILD);
    await Promise.all([
      jo.waitForURL(new RegExp(`/appeals/${id}/\\?submitted(#.*)?$`)),
      jo.click('button[value="submit"]'),
    ]);
    const waiting = await http.get(`/appeals/${id}/`);
    expect(waiting.text, 'nothing is live before a second publisher approves').not.toContain(HEIGHT);

    // Pia (who changed nothing) approves from the diff: both changes, old and new.
    const pia = await pageFor(PIA);
    await pia.goto(`${studio.url}/appeals/${id}/review`);
    expect(await pia.textContent('[data-diff] tr[data-field="description.height"] [data-after]')).toBe(
      HEIGHT,
    );
    expect(await pia.textContent('[data-diff] tr[data-field="description.build"] [data-after]')).toBe(BUILD);
    expect(await approveAndPublish(pia, id)).toBe(publicUrl);
    const changed = await http.get(`/appeals/${id}/`);
    expect(changed.status).toBe(200);
    expect(changed.text).toContain(HEIGHT);
    expect(changed.text).toContain(BUILD);

    // Pia closes it: the address printed in the press answers 410 with the neutral notice.
    await pia.goto(`${studio.url}/appeals/${id}/close?reason=found`);
    await pia.fill('input[name="confirm"]', id);
    await Promise.all([pia.waitForURL(/\/jobs\//), pia.click('button:has-text("Close: child found")')]);
    await pia.waitForSelector('[data-job-state]:not([data-job-state="running"])', { timeout: 600_000 });
    const gone = await http.get(new URL(publicUrl).pathname);
    expect(gone.status).toBe(410);
    expect(gone.text).toContain(NOTICE_HEADING);
    expect(gone.text).not.toContain('Brackenbury');

    for (const problems of watched) {
      expect(problems.cspViolations).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
    }
  }, 1_800_000);
});
