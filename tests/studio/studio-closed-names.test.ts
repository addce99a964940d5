// Issue 20, point 8, in real Chromium against a real studio on real files: a change that gives an
// active appeal a closed child's name takes that name out of verification, so it needs a
// publisher's explicit confirmation, in plain words naming the name and nothing else of the closed
// appeal. A publisher saving at once must tick the box on the form; an author's change waits for
// the publisher who approves it to tick the box on the review page.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseMarkdownFile } from '../../src/lib/content/frontmatter.ts';
import { describeBrowser, launchBrowser, watchPage, type PageProblems } from '../helpers/browser.ts';
import {
  appealFile,
  createWorkspace,
  describeRun,
  removeWorkspace,
  runCli,
  type Workspace,
} from '../helpers/publishing.ts';
import { addStudioUser, signInWithBrowser, startStudio, type RunningStudio } from '../helpers/studio.ts';

const AUTHOR = { email: 'ada.author@example.org', password: 'amber kettle lantern 42' };
const PUBLISHER = { email: 'pia.publisher@example.org', password: 'copper meadow riddle 19' };
const CLOSED = '2026-0102';
const CLOSED_NAME = 'Tobiah Wrenfield';
const ID = '2026-0101';
let ws: Workspace;
let studio: RunningStudio;
let browser: Browser;
let settings: string;
const contexts: BrowserContext[] = [];
const watched: PageProblems[] = [];

beforeAll(async () => {
  ws = await createWorkspace('studio-closed-names');
  const env = { ...ws.env, STUDIO_DATA_DIR: path.join(ws.root, 'studio-data') };
  const closed = await runCli('appeal', ['found', CLOSED, '--by', 'Tester', '--no-publish'], ws.env);
  expect(closed.code, describeRun(closed)).toBe(0);
  settings = path.join(ws.contentDir, 'settings.yaml');
  await addStudioUser(env, AUTHOR.email, 'author', AUTHOR.password);
  await addStudioUser(env, PUBLISHER.email, 'publisher', PUBLISHER.password);
  studio = await startStudio(env);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await studio?.stop();
  removeWorkspace(ws);
});

async function pageFor(user: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  watched.push(watchPage(page, studio.url));
  await signInWithBrowser(page, studio.url, user.email, user.password);
  return page;
}

const knownAs = () => parseMarkdownFile(readFileSync(appealFile(ws, ID), 'utf8')).data.knownAs;

describeBrowser('a closed child’s name given to an active appeal', () => {
  it('is saved by a publisher only once they tick that it is a different child', async () => {
    const original = readFileSync(settings, 'utf8');
    writeFileSync(settings, `${original.trimEnd()}\nstudio:\n  twoPersonRule: false\n`);
    try {
      const before = knownAs();
      const page = await pageFor(PUBLISHER);
      await page.goto(`${studio.url}/appeals/${ID}/edit`);
      await page.fill('#f-knownAs', `Zeph, ${CLOSED_NAME}`);
      await page.click('button[value="submit"]');
      const panel = page.locator('#closed-name');
      await panel.waitFor();
      const said = (await panel.textContent())!.replace(/\s+/g, ' ');
      expect(said).toContain(`“${CLOSED_NAME}” is also the name of a child whose appeal has closed`);
      expect(said).toContain('Your changes were not saved to the appeal');
      expect(said, 'nothing else of the closed appeal').not.toMatch(new RegExp(`${CLOSED}|Brambleford`));
      expect(knownAs()).toEqual(before);

      await page.check('#closedNameConfirmed');
      await Promise.all([
        page.waitForURL(new RegExp(`/appeals/${ID}/\\?saved`)),
        page.click('button[value="submit"]'),
      ]);
      expect(knownAs()).toEqual(['Zeph', CLOSED_NAME]);
    } finally {
      writeFileSync(settings, original);
    }
  });

  it('is approved only when the approving publisher ticks that it is a different child', async () => {
    const author = await pageFor(AUTHOR);
    await author.goto(`${studio.url}/appeals/${ID}/edit`);
    await author.fill('#f-name', CLOSED_NAME.replace('Tobiah', 'TOBIAH'));
    await Promise.all([
      author.waitForURL(new RegExp(`/appeals/${ID}/\\?submitted(#.*)?$`)),
      author.click('button[value="submit"]'),
    ]);
    const before = readFileSync(appealFile(ws, ID), 'utf8');

    const publisher = await pageFor(PUBLISHER);
    await publisher.goto(`${studio.url}/appeals/${ID}/review`);
    const warning = (await publisher.locator('#approve ~ form [role="alert"]').textContent())!.replace(
      /\s+/g,
      ' ',
    );
    expect(warning).toContain('“TOBIAH Wrenfield” is also the name of a child whose appeal has closed');
    await Promise.all([
      publisher.waitForURL(/\/review\?closed-name/),
      publisher.click('button:has-text("Approve")'),
    ]);
    expect(await publisher.textContent('#approve ~ form [role="alert"]')).toContain(
      'Not approved: tick the box',
    );
    expect(readFileSync(appealFile(ws, ID), 'utf8'), 'nothing approved').toBe(before);

    await publisher.check('#closedNameConfirmed');
    await Promise.all([
      publisher.waitForURL(new RegExp(`/appeals/${ID}/\\?approved(#.*)?$`)),
      publisher.click('button:has-text("Approve")'),
    ]);
    expect(parseMarkdownFile(readFileSync(appealFile(ws, ID), 'utf8')).data.name).toBe('TOBIAH Wrenfield');
    for (const problems of watched) expect([...problems.foreignRequests, ...problems.pageErrors]).toEqual([]);
  });
});
