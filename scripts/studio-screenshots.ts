// `npm run studio:screenshots`: the README's pictures of the studio (docs/studio/*.png), taken in
// Chromium from a studio running on a copy of the fictional demo content. Nothing real is shown.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { appealDir, appealsDir } from '../src/lib/content/appeal-folder.ts';
import { isAppealId } from '../src/lib/model/appeal-id.ts';
import { launchChromium } from './lib/chromium.ts';
import { PROJECT_ROOT } from './lib/studio-build.ts';

const OUT = path.join(PROJECT_ROOT, 'docs', 'studio');
const AUTHOR = { email: 'ada.author@example.org', password: 'amber kettle lantern 42' };
const PUBLISHER = { email: 'sam.publisher@example.org', password: 'copper meadow riddle 19' };
const ADMIN = { email: 'kim.admin@example.org', password: 'saffron lighthouse pebble 58' };

function run(args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join('scripts', 'studio.ts'), ...args], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`studio ${args.join(' ')} exited ${code}`)),
    );
    child.stdin.end(input);
  });
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'studio-screenshots-'));
  const contentDir = path.join(work, 'content');
  cpSync(path.join(PROJECT_ROOT, 'content'), contentDir, { recursive: true });
  // Only the encoded images may be shared: Astro's data store records the content folder's paths.
  const images = path.join(PROJECT_ROOT, '.cache', 'astro', 'assets');
  if (existsSync(images)) cpSync(images, path.join(work, 'cache', 'assets'), { recursive: true });
  const env = {
    ...process.env,
    CONTENT_DIR: contentDir,
    DEPLOY_DIR: path.join(work, 'deploy'),
    ARCHIVE_DIR: path.join(work, 'archive'),
    ASTRO_CACHE_DIR: path.join(work, 'cache'),
    STUDIO_DATA_DIR: path.join(work, 'studio-data'),
  };
  // A live site first, so the new appeal's publish shows its early release.
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join('scripts', 'republish.ts')], {
      cwd: PROJECT_ROOT,
      env,
      stdio: 'inherit',
    });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`republish exited ${code}`))));
  });
  await run(
    ['user', 'add', AUTHOR.email, '--role', 'author', '--password-stdin'],
    env,
    `${AUTHOR.password}\n`,
  );
  await run(
    ['user', 'add', PUBLISHER.email, '--role', 'publisher', '--password-stdin'],
    env,
    `${PUBLISHER.password}\n`,
  );
  await run(['user', 'add', ADMIN.email, '--role', 'admin', '--password-stdin'], env, `${ADMIN.password}\n`);
  const server = spawn(process.execPath, [path.join('scripts', 'studio.ts'), '--port', '0'], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(m[1]!);
    });
    server.once('exit', () => reject(new Error(`The studio stopped:\n${out}`)));
  });
  const browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
  try {
    const context = await browser.newContext({
      viewport: { width: 1100, height: 900 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    const shot = async (name: string, p: Page = page, fullPage = false) => {
      await p.screenshot({ path: path.join(OUT, `${name}.png`), fullPage });
      console.log(`docs/studio/${name}.png`);
    };
    const signIn = async (p: Page, user: { email: string; password: string }) => {
      await p.goto(`${url}/sign-in`);
      await p.fill('#email', user.email);
      await p.fill('#password', user.password);
      await Promise.all([p.waitForURL(`${url}/`), p.click('form.sign-in button[type=submit]')]);
    };

    await page.goto(`${url}/sign-in`);
    await page.fill('#email', AUTHOR.email);
    await shot('sign-in');
    await signIn(page, AUTHOR);

    // A new appeal, with a mistake to show how errors read.
    await Promise.all([page.waitForURL(/\/edit$/), page.click('button:has-text("New appeal")')]);
    const id = /\/appeals\/(\d{4}-\d{4})\/edit/.exec(page.url())![1]!;
    await page.fill('#f-name', 'Marisol Thistlewood (demonstration)');
    await page.selectOption('#f-sex', 'female');
    await page.fill('#f-dateOfBirth', '2013-06-21');
    await page.fill('#f-missingSince', '31/02/2026');
    await page.fill('#f-lastSeen-place', 'Outside the swimming baths');
    await page.fill('#f-lastSeen-town', 'Kettlewick');
    await page.selectOption('#f-lastSeen-region', 'north-west');
    await page.fill(
      '#f-circumstances',
      'A fictional demonstration appeal. Marisol did not come home from the swimming baths.',
    );
    await page.fill('#f-force-name', 'Demonstration Constabulary');
    await page.fill('#f-force-reference', 'DEMO-2026-0404');
    await page.fill('#f-consent-by', 'Mother');
    const demoAppeal = readdirSync(appealsDir(contentDir)).find(
      (d) => isAppealId(d) && readdirSync(appealDir(contentDir, d)).includes('photo-1.jpg'),
    )!;
    await page.setInputFiles('#f-upload', path.join(appealDir(contentDir, demoAppeal), 'photo-1.jpg'));
    await Promise.all([page.waitForURL(/edit\?saved/), page.click('button[value="save"] >> nth=0')]);
    await page.locator('#error-summary').scrollIntoViewIfNeeded();
    await shot('errors');
    await page.locator('#f-missingSince').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -120));
    await shot('error-beside-field');
    await page.fill('#f-missingSince', '2026-11-27 16:45');
    await page.fill('#f-photos-0-alt', 'Drawn portrait of a girl with dark hair (a fictional demonstration)');
    await page.locator('#photos').scrollIntoViewIfNeeded();
    await shot('photos');
    await Promise.all([page.waitForURL(/\?submitted/), page.click('button[value="submit"]')]);
    await shot('sent-for-approval');

    // A publisher approves and publishes it.
    const publisher = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
    await signIn(publisher, PUBLISHER);
    await shot('dashboard', publisher);
    // From the review page: what is being approved, its preview, then the list of changes to publish.
    await publisher.goto(`${url}/appeals/${id}/`);
    await Promise.all([publisher.waitForURL(/\/review$/), publisher.click('[data-review-link]')]);
    await Promise.all([
      publisher.waitForURL(/\/jobs\//),
      publisher.click('button:has-text("Build the preview")'),
    ]);
    await publisher.waitForSelector('[data-job-state="done"]', { timeout: 300_000 });
    await Promise.all([
      publisher.waitForURL(/\/review$/),
      publisher.click('a:has-text("Check the changes, the poster and the share card")'),
    ]);
    await shot('review', publisher);
    const previewPage = await publisher.getAttribute('[data-output="page"]', 'href');
    await publisher.goto(`${url}${previewPage}`);
    await shot('preview', publisher);
    await publisher.goto(`${url}/appeals/${id}/review`);
    await Promise.all([publisher.waitForURL(/\?approved/), publisher.click('button:has-text("Approve")')]);
    await Promise.all([
      publisher.waitForURL(/\/publish\?appeal=/),
      publisher.click(`a[href="/publish?appeal=${id}"]`),
    ]);
    await shot('publish-list', publisher);
    await Promise.all([publisher.waitForURL(/\/jobs\//), publisher.click('[data-confirm-publish]')]);
    await publisher.waitForSelector('[data-step="early release"][data-state="done"]', { timeout: 300_000 });
    await shot('publishing', publisher);
    await publisher.waitForSelector('[data-job-state="done"]', { timeout: 600_000 });
    await shot('published', publisher);

    // Two people on one appeal: the older form's save is refused, showing both versions.
    await publisher.goto(`${url}/appeals/${id}/edit`);
    await page.goto(`${url}/appeals/${id}/edit`);
    await page.fill('#f-description-height', '4 ft 11 in (150 cm)');
    await Promise.all([
      page.waitForURL(/edit\?saved/),
      page.click('button[name=action][value=save] >> nth=0'),
    ]);
    await publisher.fill('#f-description-build', 'Slim');
    await Promise.all([
      publisher.waitForNavigation(),
      publisher.click('button[name=action][value=save] >> nth=0'),
    ]);
    await publisher.locator('[data-conflict]').scrollIntoViewIfNeeded();
    await shot('conflict', publisher);
    await Promise.all([
      publisher.waitForNavigation(),
      publisher.click('[data-conflict] a:has-text("Keep theirs")'),
    ]);

    // An administrator's page of users.
    const admin = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
    await signIn(admin, ADMIN);
    await admin.goto(`${url}/admin/users`);
    await shot('users', admin);

    // Closing asks for the appeal number.
    await publisher.goto(`${url}/appeals/${id}/close?reason=withdrawn`);
    await publisher.fill('#confirm', id);
    await shot('close', publisher);

    // On a phone.
    const phone = await (
      await browser.newContext({
        viewport: { width: 375, height: 740 },
        deviceScaleFactor: 2,
        isMobile: true,
      })
    ).newPage();
    await signIn(phone, PUBLISHER);
    await shot('dashboard-phone', phone);
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
