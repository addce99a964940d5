// Nothing goes live unreviewed, in real Chromium against a real studio on real files: an author's
// change to a live appeal (a new height, a new photo for the old one) stays out of content/ when
// sent; a different publisher sees it as a diff (old and new value, both photos), builds the
// preview and opens its page, poster and share card, and approves; the publish first lists every
// change by appeal and field (and says plainly which appeal was edited in the files) and starts
// only when confirmed; the history lists both versions and putting back the old one makes a
// draft of it; closing the appeal, from the studio and from `npm run appeal -- found`, deletes
// its history.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseMarkdownFile } from '../../src/lib/content/frontmatter.ts';
import { readDraft } from '../../src/lib/studio/drafts.ts';
import { listRevisions, recordApprovedVersion } from '../../src/lib/studio/revisions.ts';
import { DB_FILE } from '../../src/lib/studio/studio-db.ts';
import { publishLockDir } from '../../src/lib/publishing/republish.ts';
import { describeBrowser, launchBrowser, watchPage, type PageProblems } from '../helpers/browser.ts';
import { writeTestPhoto } from '../helpers/fixture-content.ts';
import {
  appealFile,
  createWorkspace,
  describeRun,
  editAppeal,
  removeWorkspace,
  runCli,
  type Workspace,
} from '../helpers/publishing.ts';
import { addStudioUser, signInWithBrowser, startStudio, type RunningStudio } from '../helpers/studio.ts';

const AUTHOR = { email: 'ada.author@example.org', password: 'amber kettle lantern 42' };
const PUBLISHER = { email: 'pia.publisher@example.org', password: 'copper meadow riddle 19' };
const ID = '2026-0101';
const HAND_EDITED = '2026-0102';
const OLD_HEIGHT = '5 ft 2 in (157 cm)';
const NEW_HEIGHT = '5 ft 4 in (163 cm)';

let ws: Workspace;
let studio: RunningStudio;
let browser: Browser;
let dataDir: string;
const contexts: BrowserContext[] = [];
const watched: PageProblems[] = [];

async function pageFor(user: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  watched.push(watchPage(page, studio.url));
  await signInWithBrowser(page, studio.url, user.email, user.password);
  return page;
}

const height = (id: string) =>
  (parseMarkdownFile(readFileSync(appealFile(ws, id), 'utf8')).data.description as Record<string, unknown>)
    .height;

beforeAll(async () => {
  ws = await createWorkspace('studio-review', { published: true });
  dataDir = path.join(ws.root, 'studio-data');
  const env = { ...ws.env, STUDIO_DATA_DIR: dataDir };
  await addStudioUser(env, AUTHOR.email, 'author', AUTHOR.password);
  await addStudioUser(env, PUBLISHER.email, 'publisher', PUBLISHER.password);
  studio = await startStudio(env);
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await studio?.stop();
  removeWorkspace(ws);
});

describeBrowser('reviewing changes before they go live', () => {
  it('keeps an author’s change out of content/ until another publisher approves it from the diff; publishes only what the confirmation listed; keeps and restores the history; forgets it on closing', async () => {
    const before = readFileSync(appealFile(ws, ID));
    const liveBefore = ws.currentName();

    // The author changes the height and replaces the photo, and sends the changes for approval.
    const author = await pageFor(AUTHOR);
    await author.goto(`${studio.url}/appeals/${ID}/edit`);
    expect(await author.textContent('button[value="submit"]')).toContain('Send for approval');
    await author.fill('#f-description-height', NEW_HEIGHT);
    const upload = path.join(ws.root, 'new-photo.jpg');
    await writeTestPhoto(upload, 31);
    await author.setInputFiles('#f-upload', upload);
    await Promise.all([author.waitForURL(/edit\?saved/), author.click('button[value="save"] >> nth=0')]);
    await Promise.all([author.waitForURL(/edit\?saved/), author.click('button:has-text("Remove photo 1")')]);
    await author.fill('#f-photos-0-alt', 'Fictional school photo, taken this term');
    await Promise.all([
      author.waitForURL(new RegExp(`/appeals/${ID}/\\?submitted(#.*)?$`)),
      author.click('button[value="submit"]'),
    ]);
    expect(readFileSync(appealFile(ws, ID)).equals(before), 'content/ is untouched until approval').toBe(
      true,
    );
    expect(readDraft(dataDir, ID)?.meta).toMatchObject({ kind: 'edit', state: 'submitted' });
    expect(await author.locator('[data-review-link]').count(), 'an author cannot approve').toBe(0);

    // A publisher sees what changed: the field's label, old and new value, both photos.
    const publisher = await pageFor(PUBLISHER);
    await publisher.goto(`${studio.url}/appeals/${ID}/`);
    await Promise.all([publisher.waitForURL(/\/review$/), publisher.click('[data-review-link]')]);
    const row = publisher.locator('[data-diff] tr[data-field="description.height"]');
    expect(await row.locator('th').textContent()).toBe('Height');
    expect(await row.locator('[data-before]').textContent()).toBe(OLD_HEIGHT);
    expect(await row.locator('[data-after]').textContent()).toBe(NEW_HEIGHT);
    expect(await publisher.locator('[data-diff] tr[data-field]').count(), 'unchanged fields are hidden').toBe(
      1,
    );
    const shown = async (selector: string) =>
      publisher.locator(selector).evaluate(async (img: HTMLImageElement) => {
        await img.decode();
        return { width: img.naturalWidth, src: img.getAttribute('src') };
      });
    const oldPhoto = await shown('[data-photo-place="1"] img[data-photo-before]');
    const newPhoto = await shown('[data-photo-place="1"] img[data-photo-after]');
    expect(oldPhoto.width).toBeGreaterThan(0);
    expect(newPhoto.width).toBeGreaterThan(0);
    expect(oldPhoto.src).toMatch(/photo-1\.jpg\?from=content$/);
    expect(newPhoto.src).toMatch(/photo-2\.jpg$/);
    const [oldBytes, newBytes] = await Promise.all(
      [oldPhoto.src!, newPhoto.src!].map(async (src) =>
        Buffer.from(await (await publisher.request.get(`${studio.url}${src}`)).body()),
      ),
    );
    expect(oldBytes!.equals(newBytes!), 'the two photos are different pictures').toBe(false);

    // The outputs being approved: the preview's page, poster and share card.
    expect(await publisher.locator('[data-output]').count()).toBe(0);
    await Promise.all([
      publisher.waitForURL(/\/jobs\//),
      publisher.click('button:has-text("Build the preview")'),
    ]);
    await publisher.waitForSelector('[data-job-state="done"]', { timeout: 240_000 });
    await Promise.all([
      publisher.waitForURL(/\/review$/),
      publisher.click('a:has-text("Check the changes, the poster and the share card")'),
    ]);
    const outputs = Object.fromEntries(
      await publisher
        .locator('[data-output]')
        .evaluateAll((as) => as.map((a) => [(a as HTMLElement).dataset.output, a.getAttribute('href')])),
    ) as Record<string, string>;
    expect(Object.keys(outputs).sort()).toEqual(['page', 'poster', 'share-card']);
    const page = await publisher.request.get(`${studio.url}${outputs.page}`);
    expect(page.status()).toBe(200);
    expect(page.headers()['content-type']).toMatch(/^text\/html/);
    expect(await page.text()).toContain(NEW_HEIGHT);
    const poster = await publisher.request.get(`${studio.url}${outputs.poster}`);
    expect(poster.status()).toBe(200);
    expect(poster.headers()['content-type']).toMatch(/^text\/html/);
    expect(await poster.text()).toContain('Zephyrine');
    const card = await publisher.request.get(`${studio.url}${outputs['share-card']}`);
    expect(card.status()).toBe(200);
    expect(card.headers()['content-type']).toBe('image/jpeg');
    const cardSize = await sharp(Buffer.from(await card.body())).metadata();
    expect([cardSize.format, cardSize.width, cardSize.height]).toEqual(['jpeg', 1200, 630]);

    // Approving puts the changes into content/; nothing is live yet.
    await Promise.all([
      publisher.waitForURL(new RegExp(`/appeals/${ID}/\\?approved(#.*)?$`)),
      publisher.click('button:has-text("Approve")'),
    ]);
    expect(height(ID)).toBe(NEW_HEIGHT);
    expect(ws.currentName()).toBe(liveBefore);

    // Someone edits another appeal's file by hand: the publish says so plainly.
    editAppeal(ws, HAND_EDITED, (s) => s.replace('height: 5 ft 8 in (173 cm)', 'height: 5 ft 9 in (175 cm)'));

    // "Publish" first lists every change, by appeal and field; nothing starts before confirming.
    await Promise.all([
      publisher.waitForURL(/\/publish\?appeal=/),
      publisher.click('a:has-text("Publish changes")'),
    ]);
    const changed = publisher.locator(`[data-plan="changed"] [data-appeal="${ID}"]`);
    const planned = changed.locator('tr[data-field="description.height"]');
    expect(await planned.locator('th').textContent()).toBe('Height');
    expect(await planned.locator('td').allTextContents()).toEqual([OLD_HEIGHT, NEW_HEIGHT]);
    expect(await changed.textContent()).toContain('Photo 1');
    expect(await changed.textContent()).not.toContain('not approved in the studio');
    const hand = publisher.locator(`[data-plan="changed"] [data-appeal="${HAND_EDITED}"]`);
    expect(await hand.textContent()).toContain('not approved in the studio');
    expect(await publisher.textContent('[data-outside-studio]')).toContain(`appeal ${HAND_EDITED}`);
    expect(ws.currentName(), 'showing the list publishes nothing').toBe(liveBefore);
    expect(existsSync(publishLockDir(ws.deployDir)), 'no publish is running').toBe(false);
    // A confirmation of a list that is out of date (or none at all) starts nothing: the list is shown again.
    const csrf = await publisher.getAttribute('input[name="csrf"]', 'value');
    const stale = await publisher.request.post(`${studio.url}/publish`, {
      form: { csrf: csrf!, confirm: 'an-older-list' },
      headers: { Origin: studio.url },
      maxRedirects: 0,
    });
    expect(stale.status()).toBe(200);
    expect(await stale.text()).toContain('Something changed since you opened this list');
    expect(ws.currentName()).toBe(liveBefore);
    expect(existsSync(publishLockDir(ws.deployDir))).toBe(false);
    await Promise.all([publisher.waitForURL(/\/jobs\//), publisher.click('[data-confirm-publish]')]);
    await publisher.waitForSelector('[data-job-state="done"]', { timeout: 240_000 });
    expect(ws.currentName()).not.toBe(liveBefore);
    const liveHtml = readFileSync(path.join(ws.currentDir(), 'appeals', ID, 'index.html'), 'utf8');
    expect(liveHtml).toContain(NEW_HEIGHT);

    // The history lists who changed what; putting back the old version makes a draft of it.
    await publisher.goto(`${studio.url}/appeals/${ID}/history`);
    const versions = publisher.locator('[data-revision]');
    expect(await versions.count()).toBe(2);
    expect(await versions.nth(0).textContent()).toContain(
      `Written by ${AUTHOR.email}; approved by ${PUBLISHER.email}`,
    );
    expect(await versions.nth(0).locator('[data-changes]').textContent()).toContain('Height');
    await Promise.all([
      publisher.waitForURL(new RegExp(`/appeals/${ID}/\\?restored(#.*)?$`)),
      versions.nth(1).locator('button:has-text("Put back version 1")').click(),
    ]);
    const restored = readDraft(dataDir, ID)!;
    expect(restored.meta).toMatchObject({ kind: 'edit', state: 'draft' });
    expect((restored.data.description as Record<string, unknown>).height).toBe(OLD_HEIGHT);
    expect(existsSync(path.join(restored.dir, 'photo-1.jpg')), 'the old photo is back in the draft').toBe(
      true,
    );
    expect(height(ID), 'a restored version is not live until approved').toBe(NEW_HEIGHT);
    await publisher.goto(`${studio.url}/appeals/${ID}/edit`);
    expect(await publisher.inputValue('#f-description-height')).toBe(OLD_HEIGHT);

    // Closing from the studio deletes the appeal's history with its other personal data.
    await publisher.goto(`${studio.url}/appeals/${ID}/close?reason=found`);
    await publisher.fill('input[name="confirm"]', ID);
    await Promise.all([
      publisher.waitForURL(/\/jobs\//),
      publisher.click('button:has-text("Close: child found")'),
    ]);
    expect(listRevisions(dataDir, ID)).toEqual([]);
    expect(readFileSync(path.join(dataDir, DB_FILE)).includes('Zephyrine'), 'no trace in the database').toBe(
      false,
    );
    await publisher.waitForSelector('[data-job-state]:not([data-job-state="running"])', { timeout: 240_000 });

    // And from the command line: `npm run appeal -- found` finds the studio's data folder the same way.
    recordApprovedVersion(dataDir, ws.contentDir, HAND_EDITED, {
      writtenBy: [AUTHOR.email],
      approvedBy: PUBLISHER.email,
    });
    expect(listRevisions(dataDir, HAND_EDITED)).toHaveLength(1);
    const cli = await runCli('appeal', ['found', HAND_EDITED, '--no-publish', '--by', 'Tester'], {
      ...ws.env,
      STUDIO_DATA_DIR: dataDir,
    });
    expect(cli.code, describeRun(cli)).toBe(0);
    expect(listRevisions(dataDir, HAND_EDITED)).toEqual([]);
    expect(readFileSync(path.join(dataDir, DB_FILE)).includes('Tobiah'), 'no trace in the database').toBe(
      false,
    );

    for (const problems of watched) {
      expect(problems.pageErrors).toEqual([]);
      expect(problems.errorResponses).toEqual([]);
    }
  }, 900_000);
});
