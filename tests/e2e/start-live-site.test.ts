// `npm start` as a new administrator runs it (scripts/start.ts), against a throwaway deploy folder:
// the first run publishes a live release through the real republish and serves deploy/current (with
// nginx where installed, as here); an appeal closed with `npm run appeal -- found` answers 410 with
// the notice from the same server, without a restart; the studio's links open that server; and the
// Node server `npm start` falls back to without nginx gives the same answers.
import { mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nginxAvailable } from '../helpers/nginx.ts';
import {
  createWorkspace,
  describeRun,
  FIXTURE,
  HttpClient,
  type HttpResponse,
  NOTICE_HEADING,
  releaseMarkers,
  removeWorkspace,
  runCli,
  setReleaseMarker,
  type Workspace,
} from '../helpers/publishing.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { addStudioUser, type RunningStudio, startStudio, StudioClient } from '../helpers/studio.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';
import { freePort, npmStart, type StartedSite } from '../helpers/live-site.ts';

const PUBLISHER = { email: 'robin.publisher@example.org', password: 'velvet harbour compass 73' };
const ACTIVE = '2026-0101';
const CLOSING = FIXTURE.tobiah.id;

/** The href of the first link after `marker` in a page. */
function linkAfter(html: string, marker: string): string | undefined {
  const at = html.indexOf(marker);
  return at < 0 ? undefined : /<a href="([^"]+)"/.exec(html.slice(at))?.[1];
}

let ws: Workspace;
let env: Record<string, string>;
let liveSiteUrl: string;
let studio: RunningStudio;
let client: StudioClient;
let site: StartedSite;
let http: HttpClient;

describe('npm start serves the live release', () => {
  beforeAll(async () => {
    ws = await createWorkspace('start');
    // The address the studio's links use: this test's port in place of npm start's usual 4321,
    // which another checkout on this machine may be serving.
    liveSiteUrl = `http://127.0.0.1:${await freePort()}/`;
    env = { ...ws.env, STUDIO_DATA_DIR: path.join(ws.root, 'studio-data'), LIVE_SITE_URL: liveSiteUrl };
    await addStudioUser(env, PUBLISHER.email, 'publisher', PUBLISHER.password);
    studio = await startStudio(env);
    client = new StudioClient(studio.url);
    const signedIn = await client.signIn(PUBLISHER.email, PUBLISHER.password);
    expect(signedIn.status, signedIn.text.slice(0, 500)).toBe(303);
  }, 600_000);

  afterAll(async () => {
    http?.close();
    await site?.stop();
    await studio?.stop();
    removeWorkspace(ws);
  });

  it('the dashboard, before anything is published, says what the first publish does and where', async () => {
    expect(ws.currentName()).toBeUndefined();
    const dashboard = await client.get('/');
    expect(dashboard.status).toBe(200);
    const paragraph = /<p data-first-publish[^>]*>([\s\S]*?)<\/p>/.exec(dashboard.text)?.[1] ?? '';
    expect(paragraph.replace(/\s+/g, ' ')).toMatch(/Nothing has been published yet.*first publish builds it/);
    expect(linkAfter(paragraph, 'puts it live at')).toBe(liveSiteUrl);
  });

  it('publishes a first live release when there is none, and serves it where the studio links', async () => {
    site = await npmStart(env);
    http = new HttpClient(site.url, { maxSockets: 2 });
    expect(`${site.url}/`, 'npm start listens where LIVE_SITE_URL says').toBe(liveSiteUrl);
    expect(site.output()).toContain('Nothing is published');
    expect(site.output()).toContain(`through ${nginxAvailable ? 'nginx' : 'a small Node server'}`);
    expect(ws.currentName(), 'the first run made a live release').toBeDefined();

    const active = await http.get(`/appeals/${CLOSING}/`);
    expect(active.status).toBe(200);
    expect(active.text).toContain(FIXTURE.tobiah.names[0]);
    const closed = await http.get(`/appeals/${FIXTURE.closedId}/`);
    expect(closed.status).toBe(410);
    expect(closed.text).toContain(NOTICE_HEADING);
    expect((await http.get('/no-such-page/')).status).toBe(404);
  }, 900_000);

  it("the studio's public address and dashboard link open this server", async () => {
    const appeal = await client.get(`/appeals/${ACTIVE}/`);
    const href = linkAfter(appeal.text, '<dt>Public address</dt>');
    expect(href).toBe(`${site.url}/appeals/${ACTIVE}/`);
    const opened = await http.get(new URL(href!).pathname);
    expect(opened.status).toBe(200);
    expect(opened.text).toContain('Zephyrine');
    expect(linkAfter((await client.get('/')).text, 'The public site,')).toBe(`${site.url}/`);
  });

  it('shows a publish from the studio at once, and the end of the publish links to it', async () => {
    setReleaseMarker(ws, ACTIVE, 7);
    // The publish starts from its list of changes, confirmed with the list's own token.
    const list = await client.get(`/publish?appeal=${ACTIVE}`);
    const confirm = /name="confirm" value="([^"]+)"/.exec(list.text)?.[1];
    expect(confirm, list.text.slice(0, 2000)).toBeTruthy();
    const started = await client.post('/publish', {
      csrf: await client.csrf(),
      confirm: confirm!,
      appeal: ACTIVE,
    });
    const jobPath = started.headers.get('location');
    expect(started.status, started.text.slice(0, 500)).toBe(303);
    let job = await client.get(jobPath!);
    const deadline = Date.now() + 600_000;
    while (!/data-job-state="(done|failed)"/.test(job.text) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      job = await client.get(jobPath!);
    }
    expect(/data-job-state="([a-z]+)"/.exec(job.text)?.[1], job.text.slice(0, 3000)).toBe('done');
    const href = linkAfter(job.text, "The appeal's public address:");
    expect(href).toBe(`${site.url}/appeals/${ACTIVE}/`);
    const served = await http.get(new URL(href!).pathname);
    expect(releaseMarkers(served.text), 'the change published from the studio').toEqual([7]);
  }, 900_000);

  it('answers 410 with the notice once the appeal is closed, without a restart', async () => {
    const pid = site.child.pid;
    const found = await runCli('appeal', ['found', CLOSING, '--by', 'Tester'], env, { timeoutMs: 600_000 });
    expect(found.code, describeRun(found)).toBe(0);
    const gone = await http.get(`/appeals/${CLOSING}/`);
    expect(gone.status).toBe(410);
    expect(gone.text).toContain(NOTICE_HEADING);
    expect(gone.text).not.toContain(FIXTURE.tobiah.names[0]);
    expect(site.child.exitCode, 'the same npm start').toBeNull();
    expect(site.child.pid).toBe(pid);
  }, 900_000);

  it('gives the same answers from the Node server npm start uses without nginx', async () => {
    const node = await npmStart(env, ['--server', 'node', '--port', '0']);
    const nodeHttp = new HttpClient(node.url);
    try {
      expect(node.output(), 'a live release exists: nothing is published again').not.toContain(
        'Nothing is published',
      );
      const answer = (r: HttpResponse) => ({
        status: r.status,
        noindex: r.headers['x-robots-tag'],
        body: r.text,
      });
      for (const urlPath of [
        `/appeals/${CLOSING}/`,
        `/appeals/${CLOSING}`,
        `/appeals/${CLOSING}/poster/`,
        `/appeals/${FIXTURE.closedId}/index.html`,
        '/no-such-page/',
        `/_gone/${CLOSING}`,
        `/appeals/${ACTIVE}/`,
        '/appeals/',
      ]) {
        const [fromNginx, fromNode] = [await http.get(urlPath), await nodeHttp.get(urlPath)];
        expect(answer(fromNode), urlPath).toEqual(answer(fromNginx));
      }
      expect((await nodeHttp.get(`/appeals/${CLOSING}/`)).status).toBe(410);
      expect((await nodeHttp.get('/no-such-page/')).status).toBe(404);
    } finally {
      nodeHttp.close();
      await node.stop();
    }
  }, 300_000);
});

describe("npm start's Node server", () => {
  const tempDir = tempDirs('live-node-server');

  it('follows the current link on each request, as a publish switches it', async () => {
    const deploy = tempDir();
    const release = (name: string, closed: boolean) => {
      const dir = path.join(deploy, name);
      mkdirSync(path.join(dir, 'appeals', CLOSING), { recursive: true });
      mkdirSync(path.join(dir, 'appeals', 'closed'), { recursive: true });
      writeFileSync(path.join(dir, 'appeals', CLOSING, 'index.html'), `<p>${FIXTURE.tobiah.names[0]}</p>`);
      writeFileSync(path.join(dir, 'appeals', 'closed', 'index.html'), `<h1>${NOTICE_HEADING}</h1>`);
      writeFileSync(path.join(dir, '404.html'), 'Not found');
      if (closed) {
        mkdirSync(path.join(dir, '_gone'));
        writeFileSync(path.join(dir, '_gone', CLOSING), '');
      }
    };
    release('a', false);
    release('b', true);
    const current = path.join(deploy, 'current');
    // What a publish does: a new link renamed over the old one.
    const switchTo = (name: string) => {
      symlinkSync(name, `${current}.new`);
      renameSync(`${current}.new`, current);
    };
    switchTo('a');
    const server = await startStaticServer(current, { liveRelease: true });
    const get = async (urlPath: string) => {
      const response = await fetch(`${server.url}${urlPath}`);
      return `${response.status} ${await response.text()}`;
    };
    try {
      expect(await get(`/appeals/${CLOSING}/`)).toBe(`200 <p>${FIXTURE.tobiah.names[0]}</p>`);
      switchTo('b');
      expect(await get(`/appeals/${CLOSING}/`)).toBe(`410 <h1>${NOTICE_HEADING}</h1>`);
      expect(await get(`/_gone/${CLOSING}`)).toBe('404 Not found');
      switchTo('a');
      expect(await get(`/appeals/${CLOSING}/`)).toBe(`200 <p>${FIXTURE.tobiah.names[0]}</p>`);
    } finally {
      await server.close();
    }
  });
});
