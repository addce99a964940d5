// Nobody's work is lost or overwritten (issue 19, points 2-4), in real Chromium against a real
// studio server and real files: two publishers on one appeal (autosave, "Jo Bloggs is editing this
// appeal", a refused save showing both values, then a choice), the same without JavaScript, a
// session that ended while typing (a styled sign-in page, then the form back with the typed
// values, for the same person only), the warning before the session ends, return paths that never
// leave the studio, and a discard that asks first. Time is driven through the studio's own
// database (a session's last use, a presence note's age), never by waiting.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { IDLE_MS } from '../../src/lib/studio/sessions.ts';
import { describeBrowser, launchBrowser } from '../helpers/browser.ts';
import { writeTestPhoto } from '../helpers/fixture-content.ts';
import { createWorkspace, removeWorkspace, type Workspace } from '../helpers/publishing.ts';
import {
  addStudioUser,
  signInWithBrowser,
  startStudio,
  StudioClient,
  type RunningStudio,
} from '../helpers/studio.ts';

const JO = { email: 'jo.bloggs@example.org', password: 'amber kettle lantern 42', name: 'Jo Bloggs' };
const PIA = {
  email: 'pia.publisher@example.org',
  password: 'violet harbour compass 7',
  name: 'Pia Publisher',
};
const MAX = { email: 'max.other@example.org', password: 'copper meadow riddle 19' };
type User = typeof JO | typeof MAX;

let ws: Workspace;
let studio: RunningStudio;
let browser: Browser;
let dataDir: string;
let db: DatabaseSync;
const contexts: BrowserContext[] = [];
const withoutJavaScript = new WeakSet<Page>();

beforeAll(async () => {
  ws = await createWorkspace('studio-editing');
  dataDir = path.join(ws.root, 'studio-data');
  const env = { ...ws.env, STUDIO_DATA_DIR: dataDir };
  await addStudioUser(env, JO.email, 'publisher', JO.password);
  await addStudioUser(env, PIA.email, 'publisher', PIA.password);
  await addStudioUser(env, MAX.email, 'author', MAX.password);
  studio = await startStudio(env);
  browser = await launchBrowser();
  db = new DatabaseSync(path.join(dataDir, 'studio.db'), { timeout: 5_000 });
}, 300_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  db?.close();
  await studio?.stop();
  removeWorkspace(ws);
});

async function pageFor(user: User, javaScript = true): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1100, height: 900 },
    javaScriptEnabled: javaScript,
  });
  contexts.push(context);
  const page = await context.newPage();
  if (!javaScript) withoutJavaScript.add(page);
  await signInWithBrowser(page, studio.url, user.email, user.password);
  return page;
}

/** Opens an appeal's edit form; with JavaScript, waits until its island is live (Astro drops `ssr` then). */
async function openForm(page: Page, id: string): Promise<void> {
  await page.goto(`${studio.url}/appeals/${id}/edit`);
  if (!withoutJavaScript.has(page))
    await page.waitForSelector('astro-island:not([ssr])', { state: 'attached' });
}

const draftFile = (id: string) => path.join(dataDir, 'drafts', id, 'index.md');
const draftText = (id: string) => (existsSync(draftFile(id)) ? readFileSync(draftFile(id), 'utf8') : '');
const saveDraft = (page: Page) =>
  Promise.all([page.waitForNavigation(), page.click('button[name=action][value=save] >> nth=0')]);

/**
 * The session, and the password it was signed in with, moved back by `ms`: as if it had been
 * signed in that much earlier and nobody had used it since.
 */
function ageSession(email: string, ms: number): void {
  db.prepare(
    'UPDATE sessions SET last_seen_at = last_seen_at - ?, created_at = created_at - ? WHERE email = ?',
  ).run(ms, ms, email);
  db.prepare('UPDATE users SET sessions_valid_after = sessions_valid_after - ? WHERE email = ?').run(
    ms,
    email,
  );
}

describeBrowser('nobody’s work is lost or overwritten', () => {
  it('two publishers: autosave, "Jo Bloggs is editing", a refused save showing both values, and "Use my version"', async () => {
    const id = '2026-0101';
    const jo = await pageFor(JO);
    await openForm(jo, id);
    // Autosave: typed, not saved by hand, and the draft on disk has it.
    await jo.fill('#f-description-eyes', 'Green');
    await expect
      .poll(() => jo.textContent('[data-save-status]'), { timeout: 30_000 })
      .toMatch(/^Saved at \d\d:\d\d/);
    expect(draftText(id)).toContain('eyes: Green');
    // The live checks: the same checks as `npm run check`, on what was just saved.
    expect(await jo.textContent('[data-live-checks]')).toContain('the checks find nothing to fix');
    await jo.fill('#f-dateOfBirth', '2012-02-31');
    await jo.waitForSelector('[data-live-checks] a[href="#f-dateOfBirth"]', { timeout: 30_000 });
    await jo.fill('#f-dateOfBirth', '2012-02-29');
    await jo.waitForSelector('[data-live-checks]:has-text("nothing to fix")', { timeout: 30_000 });

    const pia = await pageFor(PIA);
    await pia.goto(`${studio.url}/appeals/${id}/`);
    expect(await pia.textContent('[data-editing-others]')).toContain('Jo Bloggs is editing this appeal');
    await openForm(pia, id);
    expect(await pia.textContent('[data-editing-others]')).toContain('Jo Bloggs is editing this appeal');
    // Jo's heartbeat (sent at once when the window gains focus) says Pia is there too.
    await jo.evaluate(() => window.dispatchEvent(new Event('focus')));
    await jo.waitForSelector('[data-editing-others]:has-text("Pia Publisher is editing this appeal")');

    await pia.fill('#f-description-hair', 'Short, dyed red');
    await saveDraft(pia);
    expect(draftText(id)).toContain('hair: Short, dyed red');

    // Jo types on in the older form: autosave stops at the conflict, and says why.
    await jo.fill('#f-description-features', 'Scar on her chin');
    await expect
      .poll(() => jo.textContent('[data-save-status]'), { timeout: 30_000 })
      .toContain('Not saved: Pia Publisher saved this appeal');
    expect(draftText(id)).toContain('hair: Short, dyed red');
    expect(draftText(id)).not.toContain('Scar on her chin');
    // "Save draft" is refused too, showing both values of each field that differs; nothing typed is lost.
    const [refused] = await Promise.all([
      jo.waitForNavigation(),
      jo.click('button[name=action][value=save] >> nth=0'),
    ]);
    expect(refused?.status()).toBe(409);
    const conflict = await jo.textContent('[data-conflict]');
    expect(conflict).toContain('Pia Publisher saved this appeal meanwhile');
    const row = async (label: string) => [
      await jo.textContent(`[data-conflict] tr[data-field="${label}"] [data-theirs]`),
      await jo.textContent(`[data-conflict] tr[data-field="${label}"] [data-yours]`),
    ];
    expect(await row('Hair')).toEqual(['Short, dyed red', 'Long, dark brown, usually tied back']);
    expect(await row('Distinguishing features')).toEqual([
      'Small scar above her left eyebrow',
      'Scar on her chin',
    ]);
    expect(await jo.locator('[data-conflict] tr[data-field="Eyes"]').count()).toBe(0);
    expect(await jo.inputValue('#f-description-features')).toBe('Scar on her chin');
    expect(draftText(id)).toContain('hair: Short, dyed red');

    // Jo chooses: their own version, saved over the one now seen.
    await Promise.all([jo.waitForNavigation(), jo.click('button[value=overwrite]')]);
    expect(jo.url()).toContain(`/appeals/${id}/edit?saved`);
    expect(draftText(id)).toContain('features: Scar on her chin');
    expect(draftText(id)).toContain('hair: Long, dark brown');

    // Jo leaves the form: Pia no longer sees them editing.
    await jo.goto(`${studio.url}/`);
    await expect
      .poll(
        async () => {
          await pia.goto(`${studio.url}/appeals/${id}/`);
          return pia.locator('[data-editing-others]').count();
        },
        { timeout: 30_000 },
      )
      .toBe(0);
  });

  it('without JavaScript: presence from opening the form, a refused save with both values, "Keep theirs", and presence expiring', async () => {
    const id = '2026-0102';
    const jo = await pageFor(JO, false);
    const pia = await pageFor(PIA, false);
    await openForm(jo, id);
    await pia.goto(`${studio.url}/appeals/${id}/`);
    expect(await pia.textContent('[data-editing-others]')).toContain('Jo Bloggs is editing this appeal');
    await openForm(pia, id);
    const piaHeight = 'About 4 ft 10 in';
    await pia.fill('#f-description-height', piaHeight);
    await saveDraft(pia);

    await jo.fill('#f-description-build', 'Stocky');
    const [refused] = await Promise.all([
      jo.waitForNavigation(),
      jo.click('button[name=action][value=save] >> nth=0'),
    ]);
    expect(refused?.status()).toBe(409);
    expect(await jo.textContent('[data-conflict] tr[data-field="Height"] [data-theirs]')).toBe(piaHeight);
    expect(await jo.textContent('[data-conflict] tr[data-field="Build"] [data-yours]')).toBe('Stocky');
    expect(await jo.inputValue('#f-description-build')).toBe('Stocky');
    // A second plain save from the refused form is refused again: only the explicit choice overwrites.
    const [again] = await Promise.all([
      jo.waitForNavigation(),
      jo.click('button[name=action][value=save] >> nth=0'),
    ]);
    expect(again?.status()).toBe(409);
    expect(draftText(id)).not.toContain('Stocky');

    await Promise.all([jo.waitForNavigation(), jo.click('[data-conflict] a:has-text("Keep theirs")')]);
    expect(await jo.inputValue('#f-description-height')).toBe(piaHeight);
    expect(await jo.inputValue('#f-description-build')).not.toBe('Stocky');

    // Two minutes without a note from Jo (their laptop closed): Pia no longer sees them.
    await pia.goto(`${studio.url}/appeals/${id}/`);
    expect(await pia.locator('[data-editing-others]').count()).toBe(1);
    db.prepare('UPDATE editing_presence SET seen_at = seen_at - ? WHERE email = ?').run(3 * 60_000, JO.email);
    await pia.goto(`${studio.url}/appeals/${id}/`);
    expect(await pia.locator('[data-editing-others]').count()).toBe(0);
  });

  for (const javaScript of [true, false]) {
    it(`a save after the session ended shows the studio's sign-in page, then the form again with what was typed (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const id = '2025-0007';
      const jo = await pageFor(JO, javaScript);
      await openForm(jo, id);
      ageSession(JO.email, IDLE_MS + 60_000);
      // Another request of that browser reaches the studio first (a heartbeat, another tab): the
      // ended session is refused, and the form sent after it is still kept for its owner.
      const first = await jo.request.get(`${studio.url}/`, { maxRedirects: 0 });
      expect(first.status()).toBe(401);
      const typed = `Typed before sign-out ${javaScript ? 'with' : 'without'} JavaScript`;
      await jo.fill('#f-description-clothing', typed);
      const [reply] = await Promise.all([
        jo.waitForNavigation(),
        jo.click('button[name=action][value=save] >> nth=0'),
      ]);
      expect(reply?.status()).toBe(401);
      expect(await jo.textContent('main')).toContain(
        'You were signed out. Sign in again to save your changes',
      );
      expect(await jo.locator('link[rel=stylesheet]').count()).toBeGreaterThan(0);
      // The kept form: owner-only, and without the security token.
      const keptDir = path.join(dataDir, 'kept-forms');
      const kept = readdirSync(keptDir).map((f) => path.join(keptDir, f));
      expect(kept.length).toBeGreaterThan(0);
      for (const file of kept) expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(kept.some((f) => readFileSync(f, 'utf8').includes(typed))).toBe(true);
      expect(kept.some((f) => readFileSync(f, 'utf8').includes('"csrf"'))).toBe(false);

      await jo.fill('#email', JO.email);
      await jo.fill('#password', JO.password);
      await Promise.all([jo.waitForNavigation(), jo.click('form.sign-in button[type=submit]')]);
      expect(new URL(jo.url()).pathname).toBe(`/appeals/${id}/edit`);
      expect(await jo.textContent('[data-restored]')).toContain('Your changes are back in the form');
      expect(await jo.inputValue('#f-description-clothing')).toBe(typed);
      await saveDraft(jo);
      expect(draftText(id)).toContain(typed);
      // One use only.
      expect(kept.some((f) => existsSync(f) && readFileSync(f, 'utf8').includes(typed))).toBe(false);
    });
  }

  it('a different person signing in on the same browser does not get the kept form', async () => {
    const id = '2025-0007';
    const jo = await pageFor(JO, false);
    await openForm(jo, id);
    ageSession(JO.email, IDLE_MS + 60_000);
    const typed = 'Only Jo may see this typing';
    await jo.fill('#f-description-features', typed);
    await Promise.all([jo.waitForNavigation(), jo.click('button[name=action][value=save] >> nth=0')]);
    // Kept (for Jo): the page says so.
    expect(await jo.textContent('main')).toContain('what you typed is kept');
    await jo.fill('#email', MAX.email);
    await jo.fill('#password', MAX.password);
    await Promise.all([jo.waitForNavigation(), jo.click('form.sign-in button[type=submit]')]);
    expect(new URL(jo.url()).pathname).toBe(`/appeals/${id}/edit`);
    expect(await jo.locator('[data-restored]').count()).toBe(0);
    expect(await jo.content()).not.toContain(typed);
    expect(draftText(id)).not.toContain(typed);
  });

  it('with JavaScript, the copy kept in the browser puts the typing back when the server kept none', async () => {
    const id = '2026-0101';
    const jo = await pageFor(JO);
    await openForm(jo, id);
    // The session row is gone (signed out in another tab): the server cannot tell whose form it was.
    db.prepare('DELETE FROM sessions WHERE email = ?').run(JO.email);
    const typed = 'Kept in this browser tab';
    await jo.fill('#f-description-build', typed);
    const [reply] = await Promise.all([
      jo.waitForNavigation(),
      jo.click('button[name=action][value=save] >> nth=0'),
    ]);
    expect(reply?.status()).toBe(401);
    await jo.fill('#email', JO.email);
    await jo.fill('#password', JO.password);
    await Promise.all([jo.waitForNavigation(), jo.click('form.sign-in button[type=submit]')]);
    expect(new URL(jo.url()).pathname).toBe(`/appeals/${id}/edit`);
    await expect.poll(() => jo.inputValue('#f-description-build')).toBe(typed);
    await expect.poll(() => jo.textContent('[data-save-status]'), { timeout: 30_000 }).toMatch(/Saved at/);
    expect(draftText(id)).toContain(typed);
  });

  it('warns two minutes before the session ends, and "Stay signed in" keeps it', async () => {
    const jo = await pageFor(JO);
    await openForm(jo, '2026-0102');
    expect(await jo.isVisible('[data-session-warning]')).toBe(false);
    // 90 seconds left: the next heartbeat (sent when the window gains focus) learns it.
    const ninetySecondsLeft = Date.now() - IDLE_MS + 90_000;
    db.prepare('UPDATE sessions SET last_seen_at = ? WHERE email = ?').run(ninetySecondsLeft, JO.email);
    await jo.evaluate(() => window.dispatchEvent(new Event('focus')));
    await jo.waitForSelector('[data-session-warning]:has-text("You will be signed out in 2 minutes")');
    await jo.click('[data-session-warning] button:has-text("Stay signed in")');
    await jo.waitForSelector('[data-session-warning]', { state: 'hidden' });
    const row = db.prepare('SELECT MAX(last_seen_at) AS at FROM sessions WHERE email = ?').get(JO.email) as {
      at: number;
    };
    expect(row.at).toBeGreaterThan(ninetySecondsLeft + 60_000);
  });

  it('discarding asks first, says what goes, and the dashboard confirms (without JavaScript)', async () => {
    const id = '2026-0101';
    const jo = await pageFor(JO, false);
    await openForm(jo, id);
    await jo.fill('#f-description-height', '5 ft 3 in (160 cm)');
    const photo = path.join(ws.root, 'discard-photo.jpg');
    await writeTestPhoto(photo, 11);
    await jo.setInputFiles('#f-upload', photo);
    await saveDraft(jo);
    await Promise.all([jo.waitForNavigation(), jo.click('a:has-text("Discard your changes")')]);
    const list = await jo.textContent('[data-discard-list]');
    expect(await jo.textContent('h1')).toBe(`Discard your changes to appeal ${id}?`);
    expect(list).toContain('the changes to');
    expect(list).toContain('Height');
    expect(list).toContain('1 new photo');
    expect(await jo.textContent('main')).toContain('This cannot be undone.');
    await Promise.all([jo.waitForNavigation(), jo.click('a:has-text("Keep editing")')]);
    expect(existsSync(draftFile(id))).toBe(true);
    await jo.goto(`${studio.url}/appeals/${id}/discard`);
    await Promise.all([jo.waitForNavigation(), jo.click('button:has-text("Discard changes")')]);
    expect(new URL(jo.url()).pathname).toBe('/');
    expect(await jo.textContent('[data-discarded]')).toContain(`Your changes to appeal ${id} were discarded`);
    expect(existsSync(path.join(dataDir, 'drafts', id))).toBe(false);
  });
});

it('sign-in sends people back only to a page of the studio', async () => {
  for (const next of [
    '//evil.example',
    'https://evil.example',
    '/\\evil',
    '/%2F%2Fevil.example',
    'javascript:alert(1)',
  ]) {
    const client = new StudioClient(studio.url);
    const form = await client.get(`/sign-in?next=${encodeURIComponent(next)}`);
    const token = /name="signin" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
    const action =
      /<form method="post" action="([^"]+)"/.exec(form.text)?.[1]?.replaceAll('&amp;', '&') ?? '';
    expect(action, next).not.toContain('evil');
    const reply = await client.post(`/sign-in?next=${encodeURIComponent(next)}`, {
      signin: token,
      email: PIA.email,
      password: PIA.password,
    });
    expect(reply.status, next).toBe(303);
    expect(reply.headers.get('location'), next).toBe('/');
  }
  // A studio page is fine.
  const client = new StudioClient(studio.url);
  const form = await client.get('/sign-in?next=%2Fappeals%2F2026-0101%2F');
  const token = /name="signin" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
  const reply = await client.post('/sign-in?next=%2Fappeals%2F2026-0101%2F', {
    signin: token,
    email: PIA.email,
    password: PIA.password,
  });
  expect(reply.headers.get('location')).toBe('/appeals/2026-0101/');
});

it('keeps no form for a post without a real session, and a kept form goes to its owner only', async () => {
  const anonymous = new StudioClient(studio.url);
  anonymous.cookies.set('studio_session', 'x'.repeat(43));
  const before = existsSync(path.join(dataDir, 'kept-forms'))
    ? readdirSync(path.join(dataDir, 'kept-forms'))
    : [];
  const reply = await anonymous.post('/appeals/2026-0101/edit', {
    name: 'Planted by a stranger',
    csrf: 'guess',
  });
  expect(reply.status).toBe(401);
  expect(reply.text).toContain('Sign in');
  expect(reply.text).not.toMatch(/Zephyrine|Quillfeather/);
  const after = existsSync(path.join(dataDir, 'kept-forms'))
    ? readdirSync(path.join(dataDir, 'kept-forms'))
    : [];
  expect(after).toEqual(before);
  for (const file of after)
    expect(readFileSync(path.join(dataDir, 'kept-forms', file), 'utf8')).not.toContain('Planted');
});
