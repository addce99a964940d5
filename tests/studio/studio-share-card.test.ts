// Issue 19, point 17, in the studio: the studio runs the same share-card check as `npm run check`
// (reading the card's fonts from the built studio), so a name the card cannot draw is refused in the
// form and not written, and a Welsh name with "ŷ" is accepted and sent for approval.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readDraft } from '../../src/lib/studio/drafts.ts';
import { describeBrowser, launchBrowser, watchPage, type PageProblems } from '../helpers/browser.ts';
import { appealFile, createWorkspace, removeWorkspace, type Workspace } from '../helpers/publishing.ts';
import { addStudioUser, signInWithBrowser, startStudio, type RunningStudio } from '../helpers/studio.ts';

const USER = { email: 'ada.author@example.org', password: 'amber kettle lantern 42' };
const ID = '2026-0101';
let ws: Workspace;
let studio: RunningStudio;
let browser: Browser;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  ws = await createWorkspace('studio-share-card');
  const env = { ...ws.env, STUDIO_DATA_DIR: path.join(ws.root, 'studio-data') };
  await addStudioUser(env, USER.email, 'author', USER.password);
  studio = await startStudio(env);
  browser = await launchBrowser();
  page = await browser.newPage();
  problems = watchPage(page, studio.url);
  await signInWithBrowser(page, studio.url, USER.email, USER.password);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
  removeWorkspace(ws);
});

describeBrowser("the studio and the share card's fonts", () => {
  it('refuses a name with "王" and writes nothing, then saves "Tomos Gwŷn Pritchard"', async () => {
    const before = readFileSync(appealFile(ws, ID), 'utf8');
    await page.goto(`${studio.url}/appeals/${ID}/edit`);
    await page.fill('#f-name', 'Wang 王小明');
    await page.click('button[value="submit"]');
    await page.waitForSelector('#error-summary');
    expect(await page.textContent('#error-summary')).toMatch(
      /picture shown when the appeal is shared cannot show '王' in the child's name/,
    );
    expect(readFileSync(appealFile(ws, ID), 'utf8'), 'a name the card cannot draw is not written').toBe(
      before,
    );

    // Accepted: an author's change is sent for a publisher's approval with the Welsh name as typed.
    await page.fill('#f-name', 'Tomos Gwŷn Pritchard');
    await Promise.all([
      page.waitForURL(new RegExp(`/appeals/${ID}/\\?submitted`)),
      page.click('button[value="submit"]'),
    ]);
    expect(readDraft(path.join(ws.root, 'studio-data'), ID)?.data.name).toBe('Tomos Gwŷn Pritchard');
    expect(problems.pageErrors).toEqual([]);
  });
});
