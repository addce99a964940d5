// The photo manager of the edit form, in real Chromium against a real studio: chosen files show
// with their descriptions before saving; a photo is turned and cropped from the keyboard with a
// preview, and the stored photo has the size asked for (the server did the work); photos move by
// keyboard (announced) and by drag, and the order is saved; without JavaScript the same buttons
// and number boxes post the form and work; an iPhone HEIC photo is stored as a JPEG; axe finds
// nothing on the page at 1280 and 375 px.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { draftDir } from '../../src/lib/studio/drafts.ts';
import {
  describeBrowser,
  formatViolations,
  launchBrowser,
  runAxe,
  watchPage,
  type PageProblems,
} from '../helpers/browser.ts';
import { writeTestPhoto } from '../helpers/fixture-content.ts';
import { createWorkspace, removeWorkspace, type Workspace } from '../helpers/publishing.ts';
import { addStudioUser, signInWithBrowser, startStudio, type RunningStudio } from '../helpers/studio.ts';

const AUTHOR = { email: 'ada.author@example.org', password: 'amber kettle lantern 42' };
const HEIC = path.join(import.meta.dirname, '../fixtures/heic/gradient-600x800.heic');

let ws: Workspace;
let dataDir: string;
let studio: RunningStudio;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: PageProblems;
let id: string;
const portrait = () => path.join(ws.root, 'portrait.jpg');
const landscape = () => path.join(ws.root, 'landscape.jpg');

beforeAll(async () => {
  ws = await createWorkspace('studio-photos');
  dataDir = path.join(ws.root, 'studio-data');
  const env = { ...ws.env, STUDIO_DATA_DIR: dataDir };
  await addStudioUser(env, AUTHOR.email, 'author', AUTHOR.password);
  await writeTestPhoto(portrait(), 3, { width: 900, height: 1200 });
  await writeTestPhoto(landscape(), 5, { width: 1200, height: 900 });
  studio = await startStudio(env);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  problems = watchPage(page, studio.url);
  await signInWithBrowser(page, studio.url, AUTHOR.email, AUTHOR.password);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
  removeWorkspace(ws);
});

/** The photo files of the draft, in the order the form shows them. */
async function savedPhotos(p: Page): Promise<string[]> {
  return p
    .locator('input[type=hidden][name$=".src"]')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

async function storedSize(src: string): Promise<[number | undefined, number | undefined]> {
  const meta = await sharp(path.join(draftDir(dataDir, id), src)).metadata();
  return [meta.width, meta.height];
}

/** Waits for the island to be live in the browser (its drag handles appear only then). */
async function islandLive(p: Page): Promise<void> {
  await p.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
}

async function saveDraft(p: Page): Promise<void> {
  await Promise.all([
    p.waitForURL(/\/edit\?saved/),
    p.getByRole('button', { name: 'Save draft', exact: true }).first().click(),
  ]);
}

describeBrowser('the photo manager', () => {
  it('shows chosen photos with their descriptions before saving, and saves them with those descriptions', async () => {
    await page.goto(`${studio.url}/`);
    await Promise.all([page.waitForURL(/\/appeals\/\d{4}-\d{4}\/edit/), page.click('text=New appeal')]);
    id = /\/appeals\/(\d{4}-\d{4})\/edit/.exec(page.url())![1]!;
    await islandLive(page);
    await expect.poll(() => page.getByText('No photos yet.').isVisible()).toBe(true);

    await page.setInputFiles('#f-upload', [portrait(), landscape()]);
    const previews = page.locator('[data-upload-previews] img');
    await expect.poll(() => previews.count()).toBe(2);
    // Really shown from the chosen files, before anything reached the server.
    const shown = await previews.evaluateAll((imgs) =>
      imgs.map((img) => {
        const i = img as HTMLImageElement;
        return [i.src.slice(0, 5), i.alt];
      }),
    );
    expect(shown).toEqual([
      ['blob:', 'New photo 1 (no description yet)'],
      ['blob:', 'New photo 2 (no description yet)'],
    ]);
    await expect
      .poll(() => previews.first().evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    await page.fill('#f-upload-alt-0', 'Fictional portrait, standing');
    await page.fill('#f-upload-alt-1', 'Fictional portrait, sideways');
    expect(await previews.first().getAttribute('alt')).toBe('Fictional portrait, standing');

    await saveDraft(page);
    await islandLive(page);
    expect(await savedPhotos(page)).toEqual(['photo-1.jpg', 'photo-2.jpg']);
    expect(await page.inputValue('#f-photos-0-alt')).toBe('Fictional portrait, standing');
    expect(await page.inputValue('#f-photos-1-alt')).toBe('Fictional portrait, sideways');
    // Each thumbnail is named by its description; the first is said to be the main photo.
    expect(await page.locator('.crop-frame').first().getAttribute('aria-label')).toMatch(
      /^Fictional portrait, standing/,
    );
    await expect
      .poll(() => page.locator('.photo-item').first().textContent())
      .toMatch(/Photo 1 \(main photo\)/);
    expect(problems.cspViolations).toEqual([]);
  });

  it('turns and crops a photo from the keyboard with a preview, and the server stores that size', async () => {
    expect(await storedSize('photo-1.jpg')).toEqual([900, 1200]);
    await page.focus('text=Rotate photo 1 right');
    await page.keyboard.press('Enter');
    // Turned, the 900 × 1200 photo is 1200 × 900: crop it to 1000 × 800, 5 px from the left.
    await page.focus('#f-photos-0-crop-width');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1000');
    await page.focus('#f-photos-0-crop-height');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('800');
    await page.focus('#f-photos-0-crop-left');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
    expect(await page.inputValue('#f-photos-0-crop-left')).toBe('5');
    const preview = page.locator('.photo-item').first().locator('[data-result-preview]');
    expect(await preview.textContent()).toMatch(/1000 × 800 pixels\. Not saved yet/);
    expect(await preview.locator('svg').getAttribute('viewBox')).toBe('5 0 1000 800');
    // Nothing is changed until the form is saved.
    expect(await storedSize('photo-1.jpg')).toEqual([900, 1200]);

    await saveDraft(page);
    await islandLive(page);
    const [first, second] = await savedPhotos(page);
    expect(first).not.toBe('photo-1.jpg');
    expect(second).toBe('photo-2.jpg');
    expect(await storedSize(first!)).toEqual([1000, 800]);
    const meta = await sharp(path.join(draftDir(dataDir, id), first!)).metadata();
    expect([meta.format, meta.exif]).toEqual(['jpeg', undefined]);
  });

  it('moves photos by keyboard, says so, keeps the focus, and saves the order', async () => {
    const before = await savedPhotos(page);
    await page.focus('#f-photos-1-alt');
    await page.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(() => page.locator('[data-announce]').textContent())
      .toBe('Photo 2 moved to position 1: it is now the main photo.');
    expect(await savedPhotos(page)).toEqual([before[1], before[0]]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-photos-0-alt');
    expect(await page.inputValue('#f-photos-0-alt')).toBe('Fictional portrait, sideways');

    // The move buttons work from the keyboard too, and keep the focus on the photo that moved.
    await page.focus('text=Move photo 1 down');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-announce]').textContent())
      .toBe('Photo 1 moved to position 2.');
    expect(await savedPhotos(page)).toEqual(before);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Move photo 2 up');
    await page.keyboard.press('Enter');
    expect(await savedPhotos(page)).toEqual([before[1], before[0]]);

    await saveDraft(page);
    expect(await savedPhotos(page)).toEqual([before[1], before[0]]);
    const file = readFileSync(path.join(draftDir(dataDir, id), 'index.md'), 'utf8');
    expect(file.indexOf(`src: ${before[1]}`)).toBeLessThan(file.indexOf(`src: ${before[0]}`));
  });

  it('moves photos by drag', async () => {
    await islandLive(page);
    const before = await savedPhotos(page);
    await page
      .locator('.photo-item:nth-child(2) [data-drag-handle]')
      .dragTo(page.locator('.photo-item:nth-child(1)'));
    await expect
      .poll(() => page.locator('[data-announce]').textContent())
      .toBe('Photo 2 moved to position 1: it is now the main photo.');
    expect(await savedPhotos(page)).toEqual([before[1], before[0]]);
    await saveDraft(page);
    expect(await savedPhotos(page)).toEqual([before[1], before[0]]);
  });

  it('converts an iPhone HEIC photo on upload', async () => {
    await islandLive(page);
    await page.setInputFiles('#f-upload', {
      name: 'IMG_0042.HEIC',
      mimeType: 'image/heic',
      buffer: readFileSync(HEIC),
    });
    await expect.poll(() => page.locator('[data-upload-previews]').textContent()).toMatch(/IMG_0042\.HEIC/);
    await saveDraft(page);
    const photos = await savedPhotos(page);
    expect(photos).toHaveLength(3);
    const meta = await sharp(path.join(draftDir(dataDir, id), photos[2]!)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 600, 800]);
    expect(
      await page
        .locator('.error-summary')
        .textContent()
        .catch(() => ''),
    ).not.toMatch(/HEIC/);
  });

  it('has no accessibility problems at 1280 and 375 px, and turns a chosen photo before saving', async () => {
    await islandLive(page);
    await page.setInputFiles('#f-upload', [portrait()]);
    await page.focus('text=Rotate photo 2 left');
    await page.keyboard.press('Enter');
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 375, height: 740 },
    ]) {
      await page.setViewportSize(viewport);
      const violations = await runAxe(page);
      expect(violations, `at ${viewport.width} px:\n${formatViolations(violations)}`).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `scrolls sideways at ${viewport.width} px`).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // A chosen photo can be turned before it is saved: the preview turns, and so does the stored photo.
    await page.getByRole('button', { name: 'Undo the turn and crop of photo 2' }).click();
    await page.getByRole('button', { name: 'Rotate new photo 1 right' }).click();
    expect(await page.locator('[data-upload-previews] img').getAttribute('data-turn')).toBe('90');
    await saveDraft(page);
    const photos = await savedPhotos(page);
    expect(photos).toHaveLength(4);
    expect(await storedSize(photos[3]!)).toEqual([1200, 900]);
    expect(problems.cspViolations).toEqual([]);
    // The previews of chosen files are the page's own object URLs (blob:), not another site.
    expect(problems.foreignRequests.filter((url) => !url.startsWith(`blob:${studio.url}/`))).toEqual([]);
  });

  it('works without JavaScript: move, turn and crop post the form', async () => {
    const plain = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const p = await plain.newPage();
    try {
      await signInWithBrowser(p, studio.url, AUTHOR.email, AUTHOR.password);
      await p.goto(`${studio.url}/appeals/${id}/edit`);
      expect(await p.locator('[data-drag-handle]').count()).toBe(0);
      // Thumbnails are plain images, named by their descriptions.
      expect(await p.locator('.photo-item img').first().getAttribute('alt')).toBe(
        'Fictional portrait, standing',
      );
      expect(await p.locator('.photo-item img').nth(2).getAttribute('alt')).toBe(
        'Photo 3 (no description yet)',
      );
      const before = await savedPhotos(p);
      /** Presses one of the form's buttons and waits for the page it leads back to. */
      const press = async (name: string) => {
        await p.goto(`${studio.url}/appeals/${id}/edit`);
        await Promise.all([
          p.waitForURL(/\/edit\?saved#photos$/, { waitUntil: 'load' }),
          p.getByRole('button', { name, exact: true }).click(),
        ]);
      };

      await press('Move photo 2 up');
      expect(await savedPhotos(p)).toEqual([before[1], before[0], ...before.slice(2)]);

      // The HEIC photo, now third, is 600 × 800: a quarter turn makes it 800 × 600.
      await press('Rotate photo 3 left');
      const turned = (await savedPhotos(p))[2]!;
      expect(turned).not.toBe(before[2]);
      expect(await storedSize(turned)).toEqual([800, 600]);

      // The first photo is now the landscape one, 1200 × 900.
      const first = (await savedPhotos(p))[0]!;
      expect(await storedSize(first)).toEqual([1200, 900]);
      await p.goto(`${studio.url}/appeals/${id}/edit`);
      await p.fill('#f-photos-0-crop-left', '0');
      await p.fill('#f-photos-0-crop-top', '100');
      await p.fill('#f-photos-0-crop-width', '700');
      await p.fill('#f-photos-0-crop-height', '900');
      await Promise.all([
        p.waitForURL(/\/edit\?saved#photos$/, { waitUntil: 'load' }),
        p.getByRole('button', { name: 'Crop photo 1', exact: true }).click(),
      ]);
      // The height is bounded to the photo: from 100 px down, 800 px are left.
      expect(await storedSize((await savedPhotos(p))[0]!)).toEqual([700, 800]);

      // A crop too small to recognise a child is refused, beside the photo, in plain words.
      await p.fill('#f-photos-0-crop-left', '0');
      await p.fill('#f-photos-0-crop-top', '0');
      await p.fill('#f-photos-0-crop-width', '200');
      await p.fill('#f-photos-0-crop-height', '200');
      await p.getByRole('button', { name: 'Crop photo 1', exact: true }).click();
      await p.locator('#f-photos-0-crop-error').waitFor();
      expect(await p.locator('#f-photos-0-crop-error').textContent()).toMatch(
        /Photo 1: the cropped photo would be 200 × 200 pixels; keep at least 600 pixels/,
      );
      expect(await p.locator('.error-summary a[href="#f-photos-0-crop-left"]').count()).toBe(1);
    } finally {
      await plain.close();
    }
  });
});
