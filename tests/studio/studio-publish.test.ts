// The studio end to end, in real Chromium, against a real studio server, real files and a real
// nginx serving the deploy folder: an author writes a new appeal with a photo carrying GPS EXIF,
// sees a bad date's error beside its field in the words of `npm run check`, fixes it and sends it
// for approval; another publisher previews, approves and publishes it, watching the steps live
// (held at the lock a command-line republish would hold); nginx answers 200 and its photos carry
// no metadata. Then the publisher closes it from the studio: nginx answers 410 with the notice, no
// output names the child, the archive holds the data and the audit log names the publisher.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { documentedFieldPaths } from '../../src/lib/content/appeal-field-order.ts';
import { parseMarkdownFile } from '../../src/lib/content/frontmatter.ts';
import { validateContent } from '../../src/lib/content/validate-content.ts';
import { parseCalendarDate } from '../../src/lib/model/calendar-date.ts';
import { acquireLock } from '../../src/lib/publishing/deploy-lock.ts';
import { publishLockDir } from '../../src/lib/publishing/republish.ts';
import { describeBrowser, launchBrowser, watchPage, type PageProblems } from '../helpers/browser.ts';
import { writeTestPhoto } from '../helpers/fixture-content.ts';
import { describeNginx, startNginx, type RunningNginx } from '../helpers/nginx.ts';
import {
  createWorkspace,
  FIXED_BUILD_DATE,
  filesMentioning,
  HttpClient,
  mainText,
  NOTICE_HEADING,
  photoUrls,
  removeWorkspace,
  runCli,
  searchIndexText,
  type Workspace,
} from '../helpers/publishing.ts';
import { addStudioUser, signInWithBrowser, startStudio, type RunningStudio } from '../helpers/studio.ts';

const AUTHOR = { email: 'ada.author@example.org', password: 'amber kettle lantern 42' };
const PUBLISHER = { email: 'sam.publisher@example.org', password: 'copper meadow riddle 19' };
const CHILD = { name: 'Marisol Thistlewood', known: 'Sol' };
const NAME_RE = /marisol|thistlewood/i;
const BAD_DATE = '31/02/2026';

let ws: Workspace;
let studio: RunningStudio;
let nginx: RunningNginx;
let http: HttpClient;
let browser: Browser;
let dataDir: string;
let appealId = '';
let uploaded: Buffer;
const contexts: BrowserContext[] = [];

async function pageFor(user: {
  email: string;
  password: string;
}): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  const problems = watchPage(page, studio.url);
  await signInWithBrowser(page, studio.url, user.email, user.password);
  return { page, problems };
}

/** The problems `npm run check` prints for an appeal folder, as `field: message` lines. */
async function checkWords(appealDir: string, id: string): Promise<string[]> {
  const content = mkdtempSync(path.join(ws.root, 'check-'));
  cpSync(path.join(ws.contentDir, 'settings.yaml'), path.join(content, 'settings.yaml'));
  mkdirSync(path.join(content, 'appeals'));
  cpSync(appealDir, path.join(content, 'appeals', id), { recursive: true });
  rmSync(path.join(content, 'appeals', id, 'draft.json'), { force: true });
  const result = await runCli('appeal', ['check'], { ...ws.env, CONTENT_DIR: content });
  rmSync(content, { recursive: true, force: true });
  return `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter((l) => l.includes(`${id}/index.md: `))
    .map((l) => l.slice(l.indexOf('index.md: ') + 'index.md: '.length));
}

async function waitForJob(page: Page, state: 'done' | 'failed' = 'done'): Promise<void> {
  await page.waitForSelector(`[data-job-state="${state}"]`, { timeout: 240_000 });
}

beforeAll(async () => {
  ws = await createWorkspace('studio-publish', { published: true });
  dataDir = path.join(ws.root, 'studio-data');
  const env = { ...ws.env, STUDIO_DATA_DIR: dataDir };
  nginx = await startNginx({ root: ws.currentLink });
  http = new HttpClient(nginx.url, { maxSockets: 4 });
  await addStudioUser(env, AUTHOR.email, 'author', AUTHOR.password);
  await addStudioUser(env, PUBLISHER.email, 'publisher', PUBLISHER.password);
  studio = await startStudio(env);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  http?.close();
  await nginx?.stop();
  await studio?.stop();
  removeWorkspace(ws);
});

describeNginx('the studio, end to end', () => {
  describeBrowser('publishing and closing an appeal from the browser', () => {
    it('an author writes an appeal with a GPS-tagged photo, fixes a bad date shown beside its field, and sends it for approval', async () => {
      const { page, problems } = await pageFor(AUTHOR);
      await Promise.all([
        page.waitForURL(/\/appeals\/2026-\d{4}\/edit$/),
        page.click('button:has-text("New appeal")'),
      ]);
      appealId = /\/appeals\/(2026-\d{4})\/edit/.exec(page.url())![1]!;
      expect(existsSync(path.join(ws.contentDir, 'appeals', appealId)), 'a draft is never in content/').toBe(
        false,
      );

      const photo = path.join(ws.root, 'IMG_0042 Marisol at the beach.jpg');
      await writeTestPhoto(photo, 11);
      uploaded = readFileSync(photo);
      const original = await sharp(photo).metadata();
      expect(original.exif, 'the upload carries EXIF (with GPS)').toBeDefined();
      expect(uploaded.includes('SECRET-EXIF-MARKER')).toBe(true);

      await page.fill('#f-name', CHILD.name);
      await page.fill('#f-knownAs', CHILD.known);
      await page.selectOption('#f-sex', 'female');
      await page.fill('#f-dateOfBirth', '2013-06-21');
      await page.fill('#f-missingSince', BAD_DATE);
      await page.fill('#f-lastSeen-place', 'Outside the swimming baths');
      await page.fill('#f-lastSeen-town', 'Kettlewick');
      await page.selectOption('#f-lastSeen-region', 'north-west');
      await page.fill('#f-description-clothing', 'A yellow raincoat');
      await page.fill(
        '#f-circumstances',
        'A fictional test appeal. Marisol did not come home from the swimming baths.',
      );
      await page.fill('#f-force-name', 'Fixture Constabulary');
      await page.fill('#f-force-reference', 'FIX-2026-0404');
      await page.fill('#f-consent-by', 'Mother');
      await page.setInputFiles('#f-upload', photo);
      await Promise.all([page.waitForURL(/edit\?saved/), page.click('button[value="save"] >> nth=0')]);

      // Every problem at once, each beside its field: `npm run check` in the file's words, the studio in the form's.
      const draftDir = path.join(dataDir, 'drafts', appealId);
      const words = await checkWords(draftDir, appealId);
      const dateWords = words.find((w) => w.startsWith('missingSince: '))!;
      expect(dateWords).toBe(
        `missingSince: expected a date like 2026-05-01, or a date and UK time like "2026-05-01 18:30", got "${BAD_DATE}"`,
      );
      expect(words.some((w) => w.startsWith('photos[0].alt: '))).toBe(true);
      const beside = (await page.textContent('#f-missingSince-error'))!.replace(/^Error: /, '').trim();
      expect(beside).toBe(
        'Enter the date they went missing, like 4/12/2026 or 4 December 2026, with the time if you know it, like 9:30pm.',
      );
      expect(await page.getAttribute('#f-missingSince', 'aria-invalid')).toBe('true');
      expect(await page.getAttribute('#f-missingSince', 'aria-describedby')).toContain(
        'f-missingSince-error',
      );
      expect((await page.textContent('#f-photos-0-alt-error'))!).toContain(
        'Describe photo 1 for people who cannot see it.',
      );
      const summary = await page.locator('#error-summary li').allTextContents();
      expect(summary.length, summary.join('\n')).toBe(words.length);

      // The photo was cleaned on the way in: upright, resized, no EXIF, GPS or XMP, a neutral name.
      expect(readdirSync(draftDir).filter((f) => f.endsWith('.jpg'))).toEqual(['photo-1.jpg']);
      const cleaned = await sharp(path.join(draftDir, 'photo-1.jpg')).metadata();
      expect(cleaned.exif).toBeUndefined();
      expect(cleaned.xmp).toBeUndefined();
      expect(readFileSync(path.join(draftDir, 'photo-1.jpg')).includes('SECRET-EXIF-MARKER')).toBe(false);
      expect(await page.locator('.photo-item :is(img, [role="img"])').count()).toBe(1);

      // Fix both, and send it for approval.
      await page.fill('#f-missingSince', '2026-11-27 16:45');
      await page.fill('#f-photos-0-alt', 'Fictional test portrait of a girl in a yellow raincoat');
      await Promise.all([
        page.waitForURL(new RegExp(`/appeals/${appealId}/\\?submitted(#.*)?$`)),
        page.click('button[value="submit"]'),
      ]);
      expect(await page.textContent('main')).toContain('Sent for approval');
      expect(await page.locator('button:has-text("Approve")').count(), 'an author cannot approve').toBe(0);
      expect(await page.locator('button:has-text("Publish")').count(), 'an author cannot publish').toBe(0);
      expect(
        existsSync(path.join(ws.contentDir, 'appeals', appealId)),
        'still not in content/ before approval',
      ).toBe(false);
      expect(problems.cspViolations).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
    });

    it('another publisher previews it, approves it and publishes it, watching the steps; nginx serves it with clean photos', async () => {
      expect(appealId).not.toBe('');
      const { page, problems } = await pageFor(PUBLISHER);
      expect(await page.textContent('#approval-heading + *')).toContain(appealId);
      await page.click(`a[href="/appeals/${appealId}/"]`);

      // The preview: the real build of the appeal page, marked as a preview, served only by the studio.
      await Promise.all([
        page.waitForURL(/\/jobs\/[0-9a-f]{32}/),
        page.click('button:has-text("Preview the draft")'),
      ]);
      await waitForJob(page);
      await Promise.all([
        page.waitForURL(new RegExp(`/preview/${appealId}/appeals/${appealId}/$`)),
        page.click('[data-preview-link]'),
      ]);
      expect(await page.textContent('.preview-banner')).toContain('Preview: not published');
      expect(await page.textContent('h1.appeal__name')).toBe(CHILD.name);
      expect(await page.getAttribute('meta[name="robots"]', 'content')).toBe('noindex');
      const previewPhotos = await page.locator('.appeal picture source').first().getAttribute('srcset');
      expect(previewPhotos).toMatch(
        new RegExp(`^/preview/${appealId}/_photos/[0-9a-f]{16}-[0-9a-f]{8}\\.webp `),
      );
      expect(
        await page.evaluate(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0)),
      ).toBe(true);
      expect(problems.errorResponses).toEqual([]);
      // The preview is in the studio's private data folder, never in a release.
      expect(existsSync(path.join(dataDir, 'previews', appealId, 'appeals', appealId, 'index.html'))).toBe(
        true,
      );
      await page.goto(`${studio.url}/appeals/${appealId}/`);
      // Approved from the page showing what the new appeal says.
      await Promise.all([page.waitForURL(/\/review$/), page.click('[data-review-link]')]);
      await Promise.all([
        page.waitForURL(new RegExp(`/appeals/${appealId}/\\?approved(#.*)?$`)),
        page.click('button:has-text("Approve")'),
      ]);
      const file = path.join(ws.contentDir, 'appeals', appealId, 'index.md');
      expect(existsSync(file), 'approval puts it into content/').toBe(true);

      // Hold the publish lock as a command-line republish would: the studio's publish waits, shown live.
      const unlock = await acquireLock(publishLockDir(ws.deployDir), { wait: false });
      let released = false;
      try {
        // Publishing first lists what will change; it starts on confirming.
        await Promise.all([page.waitForURL(/\/publish\?/), page.click('a:has-text("Publish this appeal")')]);
        expect(await page.textContent(`[data-plan="new"] [data-appeal="${appealId}"]`)).toContain(CHILD.name);
        await Promise.all([page.waitForURL(/\/jobs\/[0-9a-f]{32}/), page.click('[data-confirm-publish]')]);
        const jobUrl = page.url().split('?')[0]!;
        await page.waitForSelector('[data-step="lock"][data-state="running"]');
        await page.waitForFunction(() =>
          document.querySelector('[data-log]')?.textContent?.includes('Another republish'),
        );
        expect(
          await page.locator('[data-refresh-hint]').count(),
          'the page follows the job live (its script ran)',
        ).toBe(0);
        // Asking again while it waits shows the same publish: it has not read the appeals yet, so it includes everything.
        const second = await browser.newPage();
        await second.context().addCookies(await page.context().cookies());
        await second.goto(`${studio.url}/appeals/${appealId}/`);
        await Promise.all([
          second.waitForURL(/\/publish\?/),
          second.click('a:has-text("Publish this appeal")'),
        ]);
        await Promise.all([second.waitForURL(/\/jobs\//), second.click('[data-confirm-publish]')]);
        expect(second.url().split('?')[0]).toBe(jobUrl);
        expect(await second.textContent('main')).toContain('a second one was not started');
        await second.close();
        unlock();
        released = true;
      } finally {
        if (!released) unlock();
      }
      await waitForJob(page);
      const steps = Object.fromEntries(
        await page
          .locator('[data-step]')
          .evaluateAll((els) =>
            els.map((el) => [(el as HTMLElement).dataset.step, (el as HTMLElement).dataset.state]),
          ),
      ) as Record<string, string | undefined>;
      expect(steps).toEqual({
        lock: 'done',
        validate: 'done',
        'early release': 'done',
        build: 'done',
        verify: 'done',
        release: 'done',
        switch: 'done',
      });
      const result = (await page.textContent('[data-job-result]'))!;
      expect(result).toMatch(new RegExp(`The new appeal ${appealId} was live at \\d\\d:\\d\\d:\\d\\d`));
      // The demo's placeholder baseUrl is not where the site is served: the studio links to npm start's address.
      expect(result).toContain(`http://127.0.0.1:4321/appeals/${appealId}/`);
      expect(await page.textContent('[data-log]')).toContain('Live: early release');

      // nginx serves it, and no published image carries metadata or is the original.
      const live = await http.get(`/appeals/${appealId}/`);
      expect(live.status).toBe(200);
      expect(mainText(live.text)).toContain(CHILD.name);
      const urls = [...photoUrls(live.text), `/appeals/${appealId}/share-card.jpg`];
      expect(urls.length).toBeGreaterThan(2);
      for (const url of urls) {
        const image = await http.get(url);
        expect(image.status, url).toBe(200);
        const meta = await sharp(image.body).metadata();
        expect(meta.exif, `${url} has EXIF`).toBeUndefined();
        expect(meta.xmp, `${url} has XMP`).toBeUndefined();
        expect(
          image.body.includes('SECRET-EXIF-MARKER') || image.body.includes('SECRET-XMP-MARKER'),
          url,
        ).toBe(false);
        expect(image.body.equals(uploaded), `${url} is the original upload`).toBe(false);
      }
      expect(
        filesMentioning(ws.currentDir(), /IMG_0042|beach/i),
        'the upload name reached an output',
      ).toEqual([]);

      // The file the studio wrote is valid, in the documented field order, and editable by hand.
      const report = await validateContent(ws.contentDir, { today: parseCalendarDate(FIXED_BUILD_DATE)! });
      expect(report.problems).toEqual([]);
      const { data } = parseMarkdownFile(readFileSync(file, 'utf8'));
      const order = [...new Set(documentedFieldPaths().map((p) => p.split(/[.[]/)[0]!))];
      const keys = Object.keys(data);
      expect(keys).toEqual(order.filter((k) => keys.includes(k)));
      expect(data).toMatchObject({
        status: 'active',
        name: CHILD.name,
        knownAs: [CHILD.known],
        published: FIXED_BUILD_DATE,
        updated: FIXED_BUILD_DATE,
      });
      expect(existsSync(path.join(dataDir, 'drafts', appealId)), 'the draft is gone once approved').toBe(
        false,
      );
      expect(problems.cspViolations).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
    }, 600_000); // a preview build and a whole publish: bounded by their own waits (up to 240 s), not the default minute

    it('a publisher closes it from the studio, typing the id: nginx answers 410, no output names the child, the archive and audit log hold the rest', async () => {
      expect(appealId).not.toBe('');
      const { page, problems } = await pageFor(PUBLISHER);
      await page.goto(`${studio.url}/appeals/${appealId}/`);
      await Promise.all([
        page.waitForURL(/close\?reason=found/),
        page.click('a:has-text("Close: child found")'),
      ]);
      await page.fill('#confirm', '2026-9999');
      await page.click('button:has-text("Close: child found")');
      await page.waitForSelector('#confirm-error');
      expect(await page.textContent('#confirm-error')).toContain(
        `Type the appeal number, ${appealId}, to confirm that you want to close it`,
      );
      expect(
        readFileSync(path.join(ws.contentDir, 'appeals', appealId, 'index.md'), 'utf8'),
        'a wrong id changes nothing',
      ).toContain(CHILD.name);

      await page.fill('#confirm', appealId);
      await Promise.all([
        page.waitForURL(/\/jobs\/[0-9a-f]{32}\?closed=/),
        page.click('button:has-text("Close: child found")'),
      ]);
      await waitForJob(page);
      const result = (await page.textContent('[data-job-result]'))!;
      expect(result).toMatch(
        new RegExp(
          `Taken off the live site at \\d\\d:\\d\\d:\\d\\d on .*: appeal ${appealId} now shows only the neutral notice`,
        ),
      );
      expect(await page.getAttribute('[data-step="takedown"]', 'data-state')).toBe('done');

      const gone = await http.get(`/appeals/${appealId}/`);
      expect(gone.status).toBe(410);
      expect(gone.text).toContain(NOTICE_HEADING);
      expect(gone.text).not.toMatch(NAME_RE);
      expect(filesMentioning(ws.currentDir(), NAME_RE), 'files of the live release naming the child').toEqual(
        [],
      );
      expect(searchIndexText(ws.currentDir())).not.toMatch(NAME_RE);
      for (const release of readdirSync(path.join(ws.deployDir, 'releases'), { withFileTypes: true }).filter(
        (e) => e.isDirectory(),
      )) {
        expect(
          filesMentioning(path.join(ws.deployDir, 'releases', release.name), NAME_RE),
          `release ${release.name}`,
        ).toEqual([]);
      }
      const archived = readFileSync(path.join(ws.archiveDir, appealId, 'index.md'), 'utf8');
      expect(archived).toContain(`name: ${CHILD.name}`);
      expect(readdirSync(path.join(ws.archiveDir, appealId))).toContain('photo-1.jpg');
      const tombstone = parseMarkdownFile(
        readFileSync(path.join(ws.contentDir, 'appeals', appealId, 'index.md'), 'utf8'),
      ).data;
      expect(Object.keys(tombstone).sort()).toEqual(['closedAt', 'published', 'status', 'updated']);
      const audit = readFileSync(path.join(ws.archiveDir, 'audit-log.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, string>);
      expect(audit.at(-1)).toMatchObject({ id: appealId, action: 'found', by: PUBLISHER.email });
      expect(JSON.stringify(audit)).not.toMatch(NAME_RE);

      // The dashboard lists it as recently closed, by id only.
      await page.goto(`${studio.url}/`);
      const closed = (await page.textContent('#closed-heading + *'))!;
      expect(closed).toContain(appealId);
      expect(await page.textContent('main')).not.toMatch(NAME_RE);
      expect(studio.output()).not.toMatch(NAME_RE);
      expect(problems.cspViolations).toEqual([]);
      // Closed means gone from the studio's own folder too: no draft, no preview, no preview images.
      expect(existsSync(path.join(dataDir, 'previews', appealId))).toBe(false);
      expect(existsSync(path.join(dataDir, 'preview-cache'))).toBe(false);
      expect(existsSync(path.join(dataDir, 'drafts', appealId))).toBe(false);
    }, 600_000);

    it('a publisher reopens a mistaken closure, typing the id, and nginx serves the appeal again', async () => {
      expect(appealId).not.toBe('');
      const { page, problems } = await pageFor(PUBLISHER);
      await page.goto(`${studio.url}/appeals/${appealId}/reopen`);
      await page.fill('#confirm', appealId);
      await Promise.all([
        page.waitForURL(/\/jobs\/[0-9a-f]{32}\?reopened=/),
        page.click('button:has-text("Reopen and publish")'),
      ]);
      await waitForJob(page);
      const back = await http.get(`/appeals/${appealId}/`);
      expect(back.status).toBe(200);
      expect(mainText(back.text)).toContain(CHILD.name);
      expect(existsSync(path.join(ws.archiveDir, appealId)), 'the archive copy went back into content/').toBe(
        false,
      );
      const audit = readFileSync(path.join(ws.archiveDir, 'audit-log.jsonl'), 'utf8').trim().split('\n');
      expect(JSON.parse(audit.at(-1)!)).toMatchObject({
        id: appealId,
        action: 'reopen',
        by: PUBLISHER.email,
      });
      // The studio itself is never part of what is published.
      expect(filesMentioning(ws.currentDir(), /Appeals studio|studio_session|name="csrf"/)).toEqual([]);
      expect(readdirSync(ws.currentDir())).not.toContain('sign-in');
      expect(problems.cspViolations).toEqual([]);
    }, 600_000);
  });
});
