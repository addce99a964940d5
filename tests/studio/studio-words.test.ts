// Plain words and safe controls in the studio, in real Chromium on a real studio: destructive
// buttons look destructive; header links are big enough to tap (WCAG 2.2 target size); the
// dashboard's tables are readable on a phone; the edit form says every problem at once in the
// form's words, reads dates as people type them and counts characters; no studio page shows the
// words of the files (field paths, file names, release ids); the reopen page starts without an
// error; approving a draft changed after it was sent, and a preview, both lead somewhere.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { APPEAL_FORM } from '../../src/lib/studio/appeal-form.ts';
import { describeBrowser, formatViolations, launchBrowser, runAxe } from '../helpers/browser.ts';
import { createWorkspace, removeWorkspace, type Workspace } from '../helpers/publishing.ts';
import {
  addStudioUser,
  signInWithBrowser,
  startStudio,
  StudioClient,
  submitCompleteAppeal,
  type RunningStudio,
} from '../helpers/studio.ts';

const PUBLISHER = { email: 'pia.publisher@example.org', password: 'violet harbour compass 7' };
const AUTHOR = { email: 'ada.author@example.org', password: 'amber kettle lantern 42' };
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

/** The file's words, which staff never see in the studio: field paths, file names, release ids, line numbers. */
const FIELD_PATHS = APPEAL_FORM.flatMap((s) => s.fields)
  .map((f) => f.path)
  .filter((p) => /[.A-Z]/.test(p));
const DEVELOPER_WORDS = new RegExp(
  [
    'frontmatter',
    'content/',
    'settings\\.yaml',
    'index\\.md',
    'photos\\[\\d+\\]',
    '\\brelease \\d{4}-',
    '\\(line \\d+\\)',
    '\\bexpected\\b',
    'YYYY',
    ...FIELD_PATHS.map((p) => `\\b${p.replace('.', '\\.')}\\b`),
  ].join('|'),
);

let ws: Workspace;
let studio: RunningStudio;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ws = await createWorkspace('studio-words');
  const env = { ...ws.env, STUDIO_DATA_DIR: path.join(ws.root, 'studio-data') };
  await addStudioUser(env, PUBLISHER.email, 'publisher', PUBLISHER.password);
  await addStudioUser(env, AUTHOR.email, 'author', AUTHOR.password);
  studio = await startStudio(env);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: DESKTOP });
  await signInWithBrowser(page, studio.url, PUBLISHER.email, PUBLISHER.password);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
  removeWorkspace(ws);
});

async function go(urlPath: string): Promise<void> {
  await page.goto(`${studio.url}${urlPath}`);
}

/** No axe violation (WCAG 2.2 A and AA) at a desktop's width or a phone's. */
async function expectAccessible(what: string): Promise<void> {
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    const violations = await runAxe(page);
    expect(violations, `${what} at ${viewport.width} px:\n${formatViolations(violations)}`).toEqual([]);
  }
  await page.setViewportSize(DESKTOP);
}

/** What a person sees on the page: no words of the files. */
async function expectPlainWords(what: string): Promise<void> {
  const text = await page.evaluate(() => document.body.innerText);
  expect(text, `${what} (${page.url()})`).not.toMatch(DEVELOPER_WORDS);
}

interface Look {
  background: string;
  color: string;
  border: string;
  contrast: number;
}

/** A control's colours and the contrast of its text on its background. */
function look(selector: string): Promise<Look> {
  return page.$eval(selector, (el) => {
    const style = getComputedStyle(el);
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [a, b] = [luminance(style.color), luminance(style.backgroundColor)];
    return {
      background: style.backgroundColor,
      color: style.color,
      border: style.borderTopColor,
      contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
    };
  });
}

describeBrowser('plain words and safe controls in the studio', () => {
  it('makes closing, discarding and removing red, secondary actions grey, and every one readable', async () => {
    await go('/appeals/2026-0101/');
    const danger = 'rgb(176, 0, 32)';
    const foundLook = await look('a:has-text("Close: child found")');
    const withdrawnLook = await look('a:has-text("Close: appeal withdrawn")');
    const publishLook = await look('a.button:has-text("Publish")');
    const previewLook = await look('button:has-text("Preview")');
    await go('/appeals/2026-0101/edit');
    await Promise.all([page.waitForURL(/edit\?saved/), page.click('button[value="save"] >> nth=0')]);
    const removeLook = await look('button:has-text("Remove photo 1")');
    const saveLook = await look('button[value="submit"]');
    const draftLook = await look('button[value="save"] >> nth=0');
    // Discarding asks first, on its own page, where the button that deletes is red.
    await Promise.all([page.waitForURL(/\/discard$/), page.click('a:has-text("Discard your changes")')]);
    const discardLook = await look('button:has-text("Discard changes")');
    const primary = saveLook.background;
    expect(publishLook.background).toBe(primary);
    for (const [name, l] of Object.entries({ foundLook, withdrawnLook, discardLook })) {
      expect(l.background, name).toBe(danger);
      expect(l.background, name).not.toBe(primary);
    }
    expect(removeLook.background, 'remove photo is outlined, not filled').toBe('rgb(255, 255, 255)');
    expect(removeLook.border).toBe(danger);
    expect(removeLook.color).toBe(danger);
    for (const l of [previewLook, draftLook]) {
      expect(l.background).not.toBe(primary);
      expect(l.background).not.toBe(danger);
    }
    for (const l of [
      foundLook,
      withdrawnLook,
      publishLook,
      previewLook,
      discardLook,
      removeLook,
      saveLook,
      draftLook,
    ])
      expect(l.contrast, JSON.stringify(l)).toBeGreaterThanOrEqual(4.5);
    // Leave the appeal as it was for the tests below.
    await Promise.all([page.waitForURL(/\?discarded/), page.click('button:has-text("Discard changes")')]);
  });

  it('makes every header link and button at least 24 px each way, on a phone and a desktop', async () => {
    await go('/');
    for (const viewport of [PHONE, DESKTOP]) {
      await page.setViewportSize(viewport);
      const targets = page.locator('.studio-header a, .studio-header button');
      expect(await targets.count()).toBeGreaterThanOrEqual(5);
      for (const target of await targets.all()) {
        const box = (await target.boundingBox())!;
        const name = `${await target.textContent()} at ${viewport.width} px`;
        expect(box.height, name).toBeGreaterThanOrEqual(24);
        expect(box.width, name).toBeGreaterThanOrEqual(24);
      }
    }
    await page.setViewportSize(DESKTOP);
  });

  it('shows every column of the dashboard on a phone, each value with its column name', async () => {
    await go('/');
    await page.setViewportSize(PHONE);
    const cells = await page.$$eval('.table-wrap td', (tds) =>
      tds.map((td) => ({
        right: td.getBoundingClientRect().right,
        width: td.getBoundingClientRect().width,
        label: td.getAttribute('data-label'),
        shown: getComputedStyle(td, '::before').content,
      })),
    );
    expect(cells.length).toBeGreaterThan(8);
    for (const cell of cells) {
      expect(cell.right, JSON.stringify(cell)).toBeLessThanOrEqual(PHONE.width);
      expect(cell.width).toBeGreaterThan(0);
      if (cell.label) expect(cell.shown).toContain(cell.label);
    }
    expect(cells.filter((c) => c.label === 'Missing since').length).toBeGreaterThan(0);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    await page.setViewportSize(DESKTOP);
    await expectPlainWords('the dashboard');
    await expectAccessible('the dashboard');
  });

  it('says every problem of the edit form at once, in its words, each linked to its field', async () => {
    await Promise.all([page.waitForURL(/\/edit$/), page.click('button:has-text("New appeal")')]);
    await expect.poll(() => page.locator('#f-name-hint').textContent()).toContain('300 characters or fewer');
    await expect.poll(() => page.locator('#f-name-count').textContent()).toBe('You have 300 characters left');
    await page.fill('#f-name', 'Ottoline\u200b Fair\u00adweather');
    // Counted as saved: without the invisible characters the studio takes out.
    expect(await page.textContent('#f-name-count')).toBe('You have 280 characters left');
    await page.fill('#f-dateOfBirth', '4/12/2026');
    await page.fill('#f-missingSince', '1 December 2026 9:30pm');
    await page.fill('#f-consent-date', '1/1/2027');
    await page.fill('#f-reviewBy', '1/1/2026');
    await page.fill('#f-published', '1/11/2026');
    await Promise.all([page.waitForURL(/edit\?saved/), page.click('button[value="save"] >> nth=0')]);
    expect(await page.inputValue('#f-name'), 'invisible characters are taken out').toBe(
      'Ottoline Fairweather',
    );
    expect(await page.textContent('#f-dateOfBirth-read')).toContain(
      'We read this as Friday 4 December 2026.',
    );
    expect(await page.textContent('#f-missingSince-read')).toContain(
      'We read this as Tuesday 1 December 2026 at 9:30pm.',
    );
    const items = page.locator('#error-summary li');
    const said = (await items.allTextContents()).map((t) => t.trim());
    expect(said).toEqual(
      expect.arrayContaining([
        'The date they went missing must be today or in the past.',
        'The date of birth must be before the date they went missing.',
        'The date they agreed must be today or in the past.',
        'The review date must be after today: check the appeal is still needed, then choose a new date.',
        'The date first published must be on or after the date they went missing.',
        'Enter the town or city.',
        'Add at least one photo.',
      ]),
    );
    for (const item of await items.all()) {
      const href = await item.locator('a').getAttribute('href');
      expect(href, (await item.textContent()) ?? '').toMatch(/^#/);
      expect(await page.locator(href!).count(), href!).toBe(1);
    }
    // The message beside the field is the summary's.
    expect(await page.textContent('#f-missingSince-error')).toContain(
      'The date they went missing must be today or in the past.',
    );
    // Every required field says so in words.
    for (const label of await page.locator('fieldset label[for^="f-"]').allTextContents())
      if (
        /Child's name|Missing since|Town or city|Police reference|Review the appeal by/.test(label) &&
        !label.includes('in Welsh')
      )
        expect(label).toContain('(required)');
    await expectPlainWords('the edit form with problems');
    await expectAccessible('the edit form with problems');
  });

  it('shows none of the files’ words on any studio page', async () => {
    for (const urlPath of [
      '/',
      '/appeals/2026-0101/',
      '/appeals/2026-0103/',
      '/appeals/2026-0101/edit',
      '/appeals/2025-0007/edit',
      '/appeals/2026-0102/close?reason=found',
      '/appeals/2026-0103/reopen',
      '/account',
    ]) {
      await go(urlPath);
      await expectPlainWords(urlPath);
    }
    await go('/appeals/2026-0102/close?reason=withdrawn');
    await page.click('button:has-text("Close: appeal withdrawn")');
    await page.waitForSelector('#error-summary');
    await expectPlainWords('the close page with errors');
  });

  it('opens the reopen page without an error, from the appeal page', async () => {
    await go('/appeals/2026-0103/');
    await Promise.all([page.waitForURL(/\/reopen$/), page.click('a:has-text("Reopen appeal 2026-0103")')]);
    expect(await page.locator('#error-summary, .error-message, [aria-invalid]').count()).toBe(0);
    // An old form that posts without the confirmation box is a first view too.
    const client = new StudioClient(studio.url);
    await client.signIn(PUBLISHER.email, PUBLISHER.password);
    const posted = await client.post('/appeals/2026-0103/reopen', { csrf: await client.csrf() });
    expect(posted.status).toBe(200);
    expect(posted.text).not.toContain('error-summary');
    await page.fill('#confirm', 'no');
    await page.click('button:has-text("Reopen and publish")');
    await page.waitForSelector('#error-summary');
    expect(await page.textContent('#error-summary')).toContain(
      'Type the appeal number, 2026-0103, to confirm that you want to reopen it',
    );
    await expectAccessible('the reopen page with an error');
  });

  it('explains, in a studio page, why a draft changed after it was sent was not approved', async () => {
    const author = new StudioClient(studio.url);
    await author.signIn(AUTHOR.email, AUTHOR.password);
    const id = await submitCompleteAppeal(author, ws.root, 'Wilhelmina Brackenbury');
    await go(`/appeals/${id}/review`);
    await page.waitForSelector('button:has-text("Approve")');
    // The author changes it after sending it: it needs sending again.
    const form = new FormData();
    form.set('csrf', await author.csrf(`/appeals/${id}/edit`));
    form.set('name', 'Wilhelmina Brackenbury-Hale');
    form.set('action', 'save');
    expect((await author.request('POST', `/appeals/${id}/edit`, { body: form })).status).toBe(303);
    await Promise.all([page.waitForURL(/\?not-approved$/), page.click('button:has-text("Approve")')]);
    expect(await page.locator('.studio-header nav').count(), 'a studio page').toBe(1);
    const panel = await page.textContent('[role="alert"]');
    expect(panel).toContain(`Appeal ${id} was not approved`);
    expect(panel).toContain('changed after it was sent for approval');
    expect(panel).toContain('must send it for approval again');
    await expectPlainWords('not approved');
    await expectAccessible('the appeal page after a refused approval');
  });

  it('leads from a preview back to the appeal, to approve or publish it', async () => {
    await go('/appeals/2026-0101/');
    await Promise.all([page.waitForURL(/\/jobs\//), page.click('button:has-text("Preview")')]);
    await page.waitForSelector('[data-job-state="done"]', { timeout: 120_000 });
    await page.waitForSelector('a:has-text("Back to appeal 2026-0101")');
    // The build's own log, under "Details", is for whoever runs the studio; everything else is plain.
    await page.evaluate(() =>
      document.querySelectorAll<HTMLElement>('[data-log]').forEach((e) => (e.hidden = true)),
    );
    await expectPlainWords('the finished preview');
    await Promise.all([page.waitForURL(/\/preview\//), page.click('[data-preview-link]')]);
    const back = page.locator('nav[aria-label="Studio preview"] a');
    expect(await back.textContent()).toContain('Back to appeal 2026-0101');
    await expectAccessible('the preview with its way back');
    await Promise.all([page.waitForURL(/\/appeals\/2026-0101\/$/), back.click()]);
    // Bounded by the preview build's own wait, not Vitest's default minute, which a busy machine overruns.
  }, 300_000);
});
