// Welsh text in the studio, in real Chromium against a real studio on real files: each Welsh box
// sits beside its English twin at 1280 px and under it at 375 px; an author's change made only in
// Welsh, sent without JavaScript, stays out of content/ until a second person approves it from a
// diff that shows the Welsh; and where the settings require both languages, a missing Welsh text
// is refused in comms staff's words, beside its box.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseMarkdownFile } from '../../src/lib/content/frontmatter.ts';
import { readDraft } from '../../src/lib/studio/drafts.ts';
import { describeBrowser, launchBrowser, watchPage, type PageProblems } from '../helpers/browser.ts';
import { appealFile, createWorkspace, removeWorkspace, type Workspace } from '../helpers/publishing.ts';
import { addStudioUser, signInWithBrowser, startStudio, type RunningStudio } from '../helpers/studio.ts';

const AUTHOR = { email: 'alun.author@example.org', password: 'slate harbour violin 58' };
const PUBLISHER = { email: 'nia.publisher@example.org', password: 'meadow lantern copper 73' };
const ID = '2026-0101';
const WELSH_HAIR = 'Hir, brown tywyll, wedi’i glymu’n ôl fel arfer';
const WELSH_ALT = 'Portread prawf ffug o ferch â gwallt hir tywyll';

let ws: Workspace;
let studio: RunningStudio;
let browser: Browser;
let dataDir: string;
const contexts: BrowserContext[] = [];
const watched: PageProblems[] = [];

async function pageFor(
  user: { email: string; password: string },
  options: { width?: number; javaScript?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  contexts.push(context);
  const page = await context.newPage();
  watched.push(watchPage(page, studio.url));
  await signInWithBrowser(page, studio.url, user.email, user.password);
  return page;
}

const appealData = () => parseMarkdownFile(readFileSync(appealFile(ws, ID), 'utf8')).data;

beforeAll(async () => {
  ws = await createWorkspace('studio-welsh');
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

describeBrowser('Welsh text in the studio', () => {
  it('shows each Welsh box beside its English twin on a wide screen, and under it on a phone', async () => {
    for (const width of [1280, 375]) {
      const page = await pageFor(AUTHOR, { width });
      await page.goto(`${studio.url}/appeals/${ID}/edit`);
      const label = await page.textContent('label[for="f-welsh-description-hair"]');
      expect(label).toContain('Hair, in Welsh (Cymraeg)');
      expect(await page.getAttribute('#f-welsh-description-hair', 'lang')).toBe('cy');
      expect(await page.getAttribute('#f-photos-0-welsh-alt', 'lang')).toBe('cy');
      // The boxes of the two fields (label, help and input).
      const english = (await page.locator('.field:has(> #f-description-hair)').boundingBox())!;
      const welsh = (await page.locator('.field:has(> #f-welsh-description-hair)').boundingBox())!;
      if (width === 1280) {
        expect(Math.abs(welsh.y - english.y), 'on the same line').toBeLessThan(4);
        expect(welsh.x).toBeGreaterThan(english.x + english.width);
      } else {
        expect(welsh.y, 'under the English').toBeGreaterThan(english.y + english.height);
        expect(welsh.x + welsh.width, 'within the screen').toBeLessThanOrEqual(375);
      }
      // Every text with a Welsh twin has it, next in the page.
      for (const name of ['lastSeen.place', 'lastSeen.town', 'description.clothing', 'circumstances'])
        expect(await page.locator(`[data-field-pair] [name="welsh.${name}"]`).count(), name).toBe(1);
    }
  }, 600_000);

  it('sends a change made only in Welsh, without JavaScript, for a second person to approve from a diff that shows it', async () => {
    const before = readFileSync(appealFile(ws, ID));
    const author = await pageFor(AUTHOR, { javaScript: false });
    await author.goto(`${studio.url}/appeals/${ID}/edit`);
    await author.fill('#f-welsh-description-hair', WELSH_HAIR);
    await author.fill('#f-photos-0-welsh-alt', WELSH_ALT);
    await Promise.all([
      author.waitForURL(new RegExp(`/appeals/${ID}/\\?submitted(#.*)?$`)),
      author.click('button[value="submit"]'),
    ]);
    expect(readFileSync(appealFile(ws, ID)).equals(before), 'content/ is untouched until approval').toBe(
      true,
    );
    expect(readDraft(dataDir, ID)?.meta).toMatchObject({ kind: 'edit', state: 'submitted' });
    expect(await author.locator('[data-review-link]').count(), 'the author cannot approve').toBe(0);

    const publisher = await pageFor(PUBLISHER);
    await publisher.goto(`${studio.url}/appeals/${ID}/review`);
    const row = publisher.locator('[data-diff] tr[data-field="welsh.description.hair"]');
    expect(await row.locator('th').textContent()).toBe('Hair, in Welsh (Cymraeg)');
    expect(await row.locator('[data-before]').textContent()).toBe('(empty)');
    expect(await row.locator('[data-after]').textContent()).toBe(WELSH_HAIR);
    expect(await row.locator('[data-after]').getAttribute('lang')).toBe('cy');
    expect(await publisher.locator('[data-diff] tr[data-field]').count(), 'only the Welsh changed').toBe(1);
    const photo = publisher.locator('[data-photo-place="1"]');
    expect(await photo.locator('h3').textContent()).toContain(
      'description for people who cannot see it, in Welsh (Cymraeg) changed',
    );
    expect(await photo.locator('[data-photo-welsh] span[lang="cy"]').allTextContents()).toContain(WELSH_ALT);
    await Promise.all([
      publisher.waitForURL(new RegExp(`/appeals/${ID}/\\?approved(#.*)?$`)),
      publisher.click('button:has-text("Approve")'),
    ]);
    const data = appealData();
    expect((data.welsh as { description: { hair: string } }).description.hair).toBe(WELSH_HAIR);
    expect((data.photos as Array<{ welsh?: { alt?: string } }>)[0]!.welsh?.alt).toBe(WELSH_ALT);
    expect((data.description as { hair: string }).hair, 'the English is as it was').toBe(
      'Long, dark brown, usually tied back',
    );
  }, 600_000);

  it('refuses a missing Welsh text where the settings require both languages, in plain words beside its box', async () => {
    const settings = path.join(ws.contentDir, 'settings.yaml');
    writeFileSync(settings, `${readFileSync(settings, 'utf8')}\nlanguages:\n  requireWelsh: true\n`);
    const author = await pageFor(AUTHOR, { javaScript: false });
    await author.goto(`${studio.url}/appeals/${ID}/edit`);
    expect(await author.textContent('label[for="f-welsh-lastSeen-place"]')).toContain('(required)');
    await author.click('button[value="submit"]');
    await author.waitForSelector('#error-summary');
    const summary = await author.textContent('#error-summary');
    expect(summary).toContain(
      'Enter where they were last seen in Welsh (Cymraeg) too: every appeal is published in English and in Welsh.',
    );
    expect(summary).not.toMatch(/welsh\.|requireWelsh|settings\.yaml|expected/);
    expect(await author.textContent('#f-welsh-lastSeen-place-error')).toContain(
      'Enter where they were last seen in Welsh (Cymraeg) too',
    );
    // Welsh given earlier satisfies the rule: no problem about the hair.
    expect(summary).not.toContain('the hair in Welsh');
    for (const problems of watched) {
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors.filter((e) => !/status of 422/.test(e))).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
    }
  }, 600_000);
});
