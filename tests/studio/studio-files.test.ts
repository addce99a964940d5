// The files stay the source. In real Chromium against a real studio on real files: a file edited by
// hand and then in the studio keeps both changes and passes `npm run check`, and the reverse; a
// change made by hand while a studio edit was in progress is never overwritten; a typo made by hand
// shows up in the studio in the check's words and is not lost. The user is a publisher on a studio
// without the two-person rule, whose "Save changes" writes to the file at once (tests/studio/
// studio-review.test.ts follows changes that wait for another publisher's approval).
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseMarkdownFile } from '../../src/lib/content/frontmatter.ts';
import { describeBrowser, launchBrowser, watchPage, type PageProblems } from '../helpers/browser.ts';
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

const USER = { email: 'pia.publisher@example.org', password: 'amber kettle lantern 42' };
let ws: Workspace;
let studio: RunningStudio;
let browser: Browser;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  ws = await createWorkspace('studio-files');
  const env = { ...ws.env, STUDIO_DATA_DIR: path.join(ws.root, 'studio-data') };
  appendFileSync(path.join(ws.contentDir, 'settings.yaml'), '\nstudio:\n  twoPersonRule: false\n');
  await addStudioUser(env, USER.email, 'publisher', USER.password);
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

/** `npm run check` on the workspace's content: passes with nothing to report. */
async function expectCheckPasses(): Promise<void> {
  const result = await runCli('appeal', ['check'], ws.env);
  expect(result.code, describeRun(result)).toBe(0);
  expect(result.stdout).toMatch(/^Content is valid/m);
}

const data = (id: string) => parseMarkdownFile(readFileSync(appealFile(ws, id), 'utf8'));

async function saveChanges(id: string): Promise<void> {
  await Promise.all([
    page.waitForURL(new RegExp(`/appeals/${id}/\\?saved`)),
    page.click('button[value="submit"]'),
  ]);
}

describeBrowser('hand edits and studio edits', () => {
  it('keeps a hand edit when the studio edits the file next, and the file passes the check', async () => {
    const id = '2026-0102';
    editAppeal(ws, id, (s) =>
      s
        .replace('  town: Brambleford', '  town: Brambleford Vale')
        .replace('  hair: Short, fair', '  hair: Short, fair\n  eyes: Blue   # added by hand')
        .replace(
          'Tobiah was last seen at Brambleford coach station.',
          'Tobiah was last seen at Brambleford coach station.\n\n**He may be wearing glasses.**\n\n- likes football\n- has a bicycle',
        ),
    );
    await page.goto(`${studio.url}/appeals/${id}/edit`);
    expect(await page.inputValue('#f-lastSeen-town')).toBe('Brambleford Vale');
    expect(await page.inputValue('#f-description-eyes')).toBe('Blue');
    expect(await page.inputValue('#f-circumstances')).toContain('**He may be wearing glasses.**');
    await page.fill('#f-description-clothing', 'Black hooded top, grey tracksuit bottoms, red cap');
    await saveChanges(id);

    const { data: after, body } = data(id);
    expect(after).toMatchObject({
      lastSeen: { town: 'Brambleford Vale' },
      description: { eyes: 'Blue', clothing: 'Black hooded top, grey tracksuit bottoms, red cap' },
      updated: '2026-11-29',
    });
    expect(readFileSync(appealFile(ws, id), 'utf8')).toMatch(/^ageAtDisappearance: 15$/m);
    expect(body).toContain('**He may be wearing glasses.**\n\n- likes football\n- has a bicycle');
    await expectCheckPasses();
  });

  it('keeps a studio edit when the file is edited by hand next, and the studio shows the hand edit', async () => {
    const id = '2026-0101';
    await page.goto(`${studio.url}/appeals/${id}/edit`);
    await page.fill('#f-description-height', '5 ft 3 in (160 cm)');
    await page.fill('#f-photos-0-caption', 'Taken at school in March');
    await saveChanges(id);
    const saved = readFileSync(appealFile(ws, id), 'utf8');
    expect(saved).toContain('height: 5 ft 3 in (160 cm)');
    // By hand, in the style the README shows, over what the studio wrote.
    writeFileSync(
      appealFile(ws, id),
      saved
        .replace(/features: .*/, 'features: Small scar above her left eyebrow; pierced ears')
        .replace(/knownAs:\n\s+- Zeph\n/, 'knownAs: [Zeph, Zee]\n'),
    );
    await expectCheckPasses();
    await page.goto(`${studio.url}/appeals/${id}/edit`);
    expect(await page.inputValue('#f-description-features')).toBe(
      'Small scar above her left eyebrow; pierced ears',
    );
    expect(await page.inputValue('#f-knownAs')).toBe('Zeph, Zee');
    expect(await page.inputValue('#f-description-height')).toBe('5 ft 3 in (160 cm)');
    expect(await page.inputValue('#f-photos-0-caption')).toBe('Taken at school in March');
    expect(await page.locator('#error-summary').count(), 'no problems to show').toBe(0);
    expect(data(id).data.urgent).toBe(true);
  });

  it('never overwrites a hand edit made while changes were being drafted in the studio', async () => {
    const id = '2025-0007';
    await page.goto(`${studio.url}/appeals/${id}/edit`);
    await page.fill('#f-description-hair', 'Red, shoulder length');
    await Promise.all([page.waitForURL(/edit\?saved/), page.click('button[value="save"] >> nth=0')]);
    editAppeal(ws, id, (s) => s.replace('place: Riverside park', 'place: Riverside park, by the bandstand'));
    await page.click('button[value="submit"]');
    await page.waitForSelector('[role="alert"]:has-text("changed by someone else")');
    const now = readFileSync(appealFile(ws, id), 'utf8');
    expect(now).toContain('Riverside park, by the bandstand');
    expect(now).not.toContain('Red, shoulder length');
    // The draft is kept; discarding it starts again from the file as it is now.
    expect(await page.inputValue('#f-description-hair')).toBe('Red, shoulder length');
    await Promise.all([page.waitForURL(/\/discard$/), page.click('a:has-text("Discard your changes")')]);
    await Promise.all([
      page.waitForURL(new RegExp(`/\\?discarded=${id}`)),
      page.click('button:has-text("Discard changes")'),
    ]);
    await page.goto(`${studio.url}/appeals/${id}/edit`);
    expect(await page.inputValue('#f-lastSeen-place')).toBe('Riverside park, by the bandstand');
    await expectCheckPasses();
  });

  it('reorders photos and marks one age-progressed, and "Reviewed, extend 3 months" moves the review date, the file staying valid', async () => {
    const id = '2025-0007';
    await page.goto(`${studio.url}/appeals/${id}/edit`);
    expect(await page.inputValue('#f-photos-1-kind')).toBe('age-progressed');
    // Moved in the page by the photo manager (or, before it is live, by posting the form).
    await page.click('button:has-text("Move photo 2 up")');
    await expect
      .poll(() => page.inputValue('#f-photos-0-kind'), { message: 'the age-progressed image is now first' })
      .toBe('age-progressed');
    await page.selectOption('#f-photos-1-kind', 'age-progressed');
    await saveChanges(id);
    const photos = data(id).data.photos as Array<Record<string, string>>;
    expect(photos.map((p) => [p.src, p.kind])).toEqual([
      ['photo-2.jpg', 'age-progressed'],
      ['photo-1.jpg', 'age-progressed'],
    ]);
    await expectCheckPasses();

    await page.goto(`${studio.url}/`);
    await Promise.all([
      page.waitForURL(/\?reviewed=2025-0007/),
      page.click('button:has-text("Reviewed, extend 3 months")'),
    ]);
    expect(data(id).data.reviewBy).toBe('2027-02-28');
    expect(await page.textContent('#review-heading + *')).not.toContain(id);
    await expectCheckPasses();
  });

  it('shows a typo made by hand in plain words (the check keeps its own file words), keeps it, and saves nothing until it is fixed', async () => {
    const id = '2026-0102';
    editAppeal(ws, id, (s) => s.replace('  town: Brambleford Vale', '  twon: Brambleford Vale'));
    const check = await runCli('appeal', ['check'], ws.env);
    expect(check.code).toBe(1);
    const words = check.stderr
      .split('\n')
      .concat(check.stdout.split('\n'))
      .find((l) => l.includes('lastSeen.twon'))!;
    expect(words).toContain('lastSeen.twon: unknown field; did you mean "town"?');
    await page.goto(`${studio.url}/appeals/${id}/edit`);
    const summary = (await page.textContent('#error-summary'))!;
    expect(summary).toContain('Enter the town or city.');
    expect(summary).toContain('Part of this appeal that the form does not show cannot be published.');
    expect(summary).not.toContain('lastSeen');
    const before = readFileSync(appealFile(ws, id), 'utf8');
    await page.fill('#f-description-build', 'Slim');
    await page.click('button[value="submit"]');
    await page.waitForSelector('#error-summary');
    expect(readFileSync(appealFile(ws, id), 'utf8'), 'a file with problems is not written').toBe(before);
    // Fixed in the form (the town) the typo is still reported until it is fixed in the file: it is never silently dropped.
    await page.fill('#f-lastSeen-town', 'Brambleford Vale');
    await page.click('button[value="submit"]');
    await page.waitForSelector('#error-summary');
    expect(await page.textContent('#error-summary')).toContain(
      'Part of this appeal that the form does not show cannot be published.',
    );
    expect(problems.cspViolations).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });
});
