// The studio's security, against a real studio server (node scripts/studio.ts) over real files:
// every route the router knows refuses a request without a session; a change without the CSRF
// token, or from another origin, or under another host name, is refused; wrong passwords slow the
// guesser, never the owner elsewhere, and an administrator lifts the pause; an id like ../../etc is
// refused; an author cannot do what only publishers may, nor a publisher what only administrators
// may; the two-person rule holds;
// sessions rotate, end at sign-out, are stored hashed; cookies carry the right flags; nothing
// secret reaches the server's output.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS_FAILURE_LIMIT, recordFailure } from '../../src/lib/studio/login-throttle.ts';
import { openStudioDb } from '../../src/lib/studio/studio-db.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { PINNED_STUDIO_HEADERS, PINNED_STUDIO_PAGE_CSP } from '../helpers/pinned-headers.ts';
import { createWorkspace, removeWorkspace, type Workspace } from '../helpers/publishing.ts';
import {
  addStudioUser,
  ageWrongPasswords,
  startStudio,
  StudioClient,
  studioBuild,
  studioCli,
  studioRoutes,
  submitCompleteAppeal,
  type ListedRoute,
  type RunningStudio,
} from '../helpers/studio.ts';

const PASSWORD = {
  author: 'amber kettle lantern 42',
  publisher: 'violet harbour compass 7',
  second: 'copper meadow riddle 19',
  admin: 'saffron lighthouse pebble 3',
};
const USERS = {
  author: 'ada.author@example.org',
  publisher: 'pia.publisher@example.org',
  second: 'sam.second@example.org',
  admin: 'ari.admin@example.org',
};
const ACTIVE_ID = '2026-0101';
const CLOSED_ID = '2026-0103';

let ws: Workspace;
let studio: RunningStudio;
let dataDir: string;

function studioEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { ...ws.env, STUDIO_DATA_DIR: dataDir, ...extra };
}

beforeAll(async () => {
  ws = await createWorkspace('studio-security');
  dataDir = path.join(ws.root, 'studio-data');
  await studioBuild();
  await addStudioUser(studioEnv(), USERS.author, 'author', PASSWORD.author);
  await addStudioUser(studioEnv(), USERS.publisher, 'publisher', PASSWORD.publisher);
  await addStudioUser(studioEnv(), USERS.second, 'publisher', PASSWORD.second);
  await addStudioUser(studioEnv(), USERS.admin, 'admin', PASSWORD.admin);
  studio = await startStudio(studioEnv());
});

afterAll(async () => {
  await studio?.stop();
  removeWorkspace(ws);
});

/** A real address for a route: fixture ids, a real photo, a job id of the right shape. */
function concrete(route: ListedRoute): string {
  const values: Record<string, string> = {
    id: ACTIVE_ID,
    file: 'photo-1.jpg',
    job: '0'.repeat(32),
    path: `appeals/${ACTIVE_ID}/`,
    name: 'island',
  };
  return route.pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => values[name] ?? 'x');
}

const OPEN = new Set(['/sign-in']);
/** Pages for administrators only: everyone else gets 403. */
const ADMIN_ONLY = ['/admin/users'];

async function signedIn(email: string, password: string): Promise<StudioClient> {
  const client = new StudioClient(studio.url);
  const reply = await client.signIn(email, password);
  expect(reply.status, reply.text).toBe(303);
  return client;
}

describe('the studio refuses anyone not signed in', () => {
  it('refuses an unsigned request to every route the router knows, whatever the method', async () => {
    const routes = await studioRoutes();
    // The list comes from the router: our pages and endpoints, and Astro's own (/_image, /_server-islands, /404).
    expect(routes.map((r) => r.pattern)).toEqual(
      expect.arrayContaining(['/', '/appeals/[id]/edit', '/publish', '/_image', '/sign-in']),
    );
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const anonymous = new StudioClient(studio.url);
    const checked: string[] = [];
    for (const route of routes) {
      const address = concrete(route);
      if (OPEN.has(route.pattern)) continue;
      for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
        const reply = await anonymous.request(
          method,
          address,
          method === 'GET'
            ? {}
            : {
                body: new URLSearchParams({ csrf: 'guess' }),
                headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
              },
        );
        const where = `${method} ${address} (${route.pattern})`;
        if (method === 'GET') {
          expect(reply.status, where).toBe(303);
          expect(reply.headers.get('location'), where).toMatch(/^\/sign-in\?next=/);
        } else {
          expect(reply.status, where).toBe(401);
        }
        expect(reply.text, where).not.toMatch(/Zephyrine|Quillfeather|Odalys|Tobiah/);
        checked.push(where);
      }
    }
    expect(checked.length).toBe((routes.length - OPEN.size) * 4);

    // The same addresses answer once signed in (as an administrator, who may see every page), so
    // the refusals above were for want of a session.
    const admin = await signedIn(USERS.admin, PASSWORD.admin);
    for (const route of routes.filter(
      (r) => r.type === 'page' && r.origin === 'project' && !OPEN.has(r.pattern),
    )) {
      const reply = await admin.get(concrete(route));
      expect([200, 303, 404], `${route.pattern} signed in`).toContain(reply.status);
      expect(reply.headers.get('location') ?? '', route.pattern).not.toMatch(/^\/sign-in/);
    }
    const publisher = await signedIn(USERS.publisher, PASSWORD.publisher);
    expect((await publisher.get('/')).text).toContain('Zephyrine Quillfeather');
    // Unknown addresses are refused too, rather than telling a stranger what exists.
    expect((await anonymous.get('/no-such-page')).status).toBe(303);
  });

  it('serves only its own scripts, styles and icon without a session, never anything private', async () => {
    const client = path.join((await studioBuild()).dir, 'client');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else files.push(path.relative(client, path.join(dir, e.name)));
      }
    };
    walk(client);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files)
      expect(file, 'a public file of the studio').toMatch(/^(_astro\/[\w.-]+\.(css|js)|favicon\.svg)$/);
    const css = files.find((f) => f.endsWith('.css'))!;
    const anonymous = new StudioClient(studio.url);
    const style = await anonymous.get(`/${css}`);
    expect(style.status).toBe(200);

    // Every response (a file, a page, a refusal) carries the strict policy and the other headers,
    // compared with literals written out in the test (never with the constant that makes them).
    const publisher = await signedIn(USERS.publisher, PASSWORD.publisher);
    const replies = {
      'a stylesheet': style,
      'the sign-in page': await anonymous.get('/sign-in'),
      'a refusal without a session': await anonymous.get('/'),
      'a page': await publisher.get('/'),
      'a refused change': await publisher.post('/new', {}),
    };
    for (const [what, reply] of Object.entries(replies)) {
      for (const [name, value] of Object.entries(PINNED_STUDIO_HEADERS)) {
        if (name === 'Cache-Control' && reply === style) continue;
        if (
          name === 'Content-Security-Policy' &&
          reply.headers.get('Content-Type')?.startsWith('text/html')
        ) {
          expect(reply.headers.get(name), `${name} on ${what}`).toMatch(PINNED_STUDIO_PAGE_CSP);
          continue;
        }
        expect(reply.headers.get(name), `${name} on ${what}`).toBe(value);
      }
      // The README's promises, each on its own, so a loosened policy names what it broke.
      const csp = reply.headers.get('Content-Security-Policy') ?? '';
      expect(csp, `never framed: ${what}`).toContain("frame-ancestors 'none'");
      expect(reply.headers.get('X-Frame-Options'), `never framed: ${what}`).toBe('DENY');
      expect(reply.headers.get('X-Content-Type-Options'), `never sniffed: ${what}`).toBe('nosniff');
      expect(csp, `nothing inline or from elsewhere: ${what}`).not.toMatch(/unsafe|\*|data:|https?:/);
    }
    expect((await publisher.get('/')).headers.get('Cache-Control')).toBe('no-store');
  });
});

describe('state-changing requests', () => {
  it('are refused without the session CSRF token, with a wrong one, or from another origin', async () => {
    const publisher = await signedIn(USERS.publisher, PASSWORD.publisher);
    const csrf = await publisher.csrf();
    const drafts = () =>
      existsSync(path.join(dataDir, 'drafts')) ? readdirSync(path.join(dataDir, 'drafts')).length : 0;
    const before = drafts();
    const refused = [
      await publisher.post('/new', {}),
      await publisher.post('/new', { csrf: 'x'.repeat(43) }),
      await publisher.post('/new', { csrf }, { origin: 'https://evil.example' }),
      await publisher.post('/new', { csrf }, { origin: 'null' }),
      await publisher.post('/new', { csrf }, { origin: null }),
      await publisher.request('POST', '/new', {
        body: JSON.stringify({ csrf }),
        headers: { 'Content-Type': 'application/json' },
      }),
    ];
    for (const reply of refused) expect(reply.status, reply.text).toBe(403);
    expect(refused[0]!.text).toMatch(/security token is missing or wrong/);
    expect(refused[2]!.text).toMatch(/came from https:\/\/evil\.example/);
    expect(drafts(), 'no draft was made by a refused request').toBe(before);

    // The same request with the token from the studio's own page works.
    const ok = await publisher.post('/new', { csrf });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toMatch(/^\/appeals\/2026-\d{4}\/edit$/);
    expect(drafts()).toBe(before + 1);
    // A token belongs to its session: another user's is refused.
    const other = await signedIn(USERS.second, PASSWORD.second);
    expect((await other.post('/new', { csrf })).status).toBe(403);
  });

  it('refuses an id that is not an appeal id, such as ../../etc, on every route that takes one', async () => {
    const publisher = await signedIn(USERS.publisher, PASSWORD.publisher);
    const csrf = await publisher.csrf();
    // (A bare `..` never arrives: URLs resolve it before sending. Encoded, it does.)
    const bad = [
      '..%2F..%2Fetc',
      '..%2F..%2F..%2Fetc%2Fpasswd',
      '2026-0101%2F..%2F..',
      'etc',
      'settings.yaml',
      '2026-042',
    ];
    const routes = (await studioRoutes()).filter((r) => r.params.includes('id'));
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const route of routes) {
      for (const id of bad) {
        const address = concrete(route).replace(ACTIVE_ID, id);
        for (const reply of [
          await publisher.get(address),
          await publisher.post(address, { csrf, confirm: id }),
        ]) {
          expect([400, 404, 405], `${address}`).toContain(reply.status);
          expect(reply.text, address).not.toMatch(/Zephyrine|studio_session|password/i);
        }
      }
    }
    // File names inside an appeal cannot climb out of it either.
    expect((await publisher.get(`/appeals/${ACTIVE_ID}/photos/..%2F..%2Fsettings.yaml`)).status).toBe(400);
    expect(
      (await publisher.get(`/appeals/${ACTIVE_ID}/photos/..%2F..%2F..%2Fstudio-data%2Fstudio.db`)).status,
    ).toBe(400);
    expect((await publisher.get(`/appeals/${ACTIVE_ID}/photos/settings.yaml`)).status).toBe(404);
    expect((await publisher.get(`/preview/${ACTIVE_ID}/..%2F..%2Fstudio.db`)).status).toBe(400);
    expect((await publisher.get(`/preview/${ACTIVE_ID}/studio.db`)).status).toBe(404);
    expect(
      existsSync(path.join(dataDir, 'etc')) || existsSync(path.join(dataDir, 'drafts', '..', '..', 'etc')),
    ).toBe(false);
  });
});

describe('sign-in', () => {
  it('slows a guesser without locking the owner out, and an administrator (or a reset) really lifts the pause', async () => {
    // Behind a trusted proxy, so requests can come from different addresses (X-Forwarded-For).
    const proxied = await startStudio(studioEnv({ STUDIO_TRUST_PROXY: '1' }));
    try {
      const from = (address: string) => {
        const client = new StudioClient(proxied.url);
        const headers = { 'X-Forwarded-For': address };
        return {
          client,
          signIn: async (email: string, password: string) => {
            const form = await client.request('GET', '/sign-in', { headers });
            const token = /name="signin" value="([^"]+)"/.exec(form.text)![1]!;
            return client.request('POST', '/sign-in', {
              body: new URLSearchParams({ signin: token, email, password }),
              headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
            });
          },
        };
      };
      const attacker = from('203.0.113.66');
      // The first five wrong passwords are answered as usual; after that each waits twice as long
      // as the one before. Guess until ten are recorded, letting each pause pass (the recorded
      // failures are moved back a minute rather than waited out): the pause is then 32 s, long
      // enough to see it whatever the load on this machine.
      const statuses: number[] = [];
      while (statuses.filter((s) => s === 401).length < 10) {
        const reply = await attacker.signIn(USERS.author, `wrong password number ${statuses.length}`);
        expect([401, 429]).toContain(reply.status);
        statuses.push(reply.status);
        if (reply.status === 401) expect(reply.text).toContain('The email address or password is not right');
        else ageWrongPasswords(dataDir, 60_000);
      }
      expect(statuses.slice(0, 5), 'the first five are not slowed').toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5), 'the later ones are').toContain(429);
      const paused = await attacker.signIn(USERS.author, 'one more wrong password');
      expect(paused.status).toBe(429);
      expect(paused.text).toMatch(
        /Too many wrong passwords for this email address from here\. You can try again in \d+ seconds?/,
      );
      const guessed = await attacker.signIn(USERS.author, PASSWORD.author);
      expect(guessed.status, 'even the right password waits at the paused address').toBe(429);
      expect(guessed.setCookies.some((c) => c.startsWith('studio_session='))).toBe(false);
      // The owner, from their own address, signs in while the guesser is paused.
      const owner = from('198.51.100.20');
      expect((await owner.signIn(USERS.author, PASSWORD.author)).status).toBe(303);

      // Made-up emails from one address pause that address for strangers, not for a real user who
      // has signed in from there before.
      const office = from('198.51.100.7');
      expect((await office.signIn(USERS.publisher, PASSWORD.publisher)).status).toBe(303);
      const sprayer = from('198.51.100.7');
      // Most of the made-up emails' failures are written straight into the studio's database (each
      // real one costs a password hash, slow on a busy machine); the last two come over HTTP.
      const db = openStudioDb(dataDir);
      try {
        for (let i = 0; i < ADDRESS_FAILURE_LIMIT - 2; i++)
          recordFailure(db, `made.up.${i}@example.org`, '198.51.100.7', Date.now());
      } finally {
        db.close();
      }
      for (const email of ['made.up.last@example.org', 'made.up.final@example.org'])
        expect((await sprayer.signIn(email, 'guess')).status).toBe(401);
      expect((await sprayer.signIn('made.up.more@example.org', 'guess')).text).toMatch(
        /Too many wrong passwords from this computer or network/,
      );
      expect((await from('198.51.100.7').signIn(USERS.publisher, PASSWORD.publisher)).status).toBe(303);
      // A user who never signed in from there waits, until an administrator lifts it for them.
      const second = from('198.51.100.7');
      expect((await second.signIn(USERS.second, PASSWORD.second)).status).toBe(429);
      const unlock = await studioCli(['user', 'unlock', USERS.second], studioEnv());
      expect(unlock.code, unlock.stderr).toBe(0);
      expect(unlock.stdout).toMatch(/Lifted any pause on signing in for sam\.second@example\.org/);
      expect((await second.signIn(USERS.second, PASSWORD.second)).status).toBe(303);

      // `user reset` lifts it too: the author, at the guesser's address, signs in with the new password.
      const reset = await studioCli(
        ['user', 'reset', USERS.author, '--password-stdin'],
        studioEnv(),
        'a brand new passphrase 5\n',
      );
      expect(reset.code, reset.stderr).toBe(0);
      expect(reset.stdout).toMatch(/any pause from wrong passwords lifted/);
      expect((await attacker.signIn(USERS.author, PASSWORD.author)).status, 'the old password is gone').toBe(
        401,
      );
      expect((await attacker.signIn(USERS.author, 'a brand new passphrase 5')).status).toBe(303);
      // Put the author's password back for the other tests.
      expect(
        (
          await studioCli(
            ['user', 'reset', USERS.author, '--password-stdin'],
            studioEnv(),
            `${PASSWORD.author}\n`,
          )
        ).code,
      ).toBe(0);
    } finally {
      await proxied.stop();
    }
  }, 480_000);

  it('refuses a request naming another host (DNS rebinding), even with a session and its token', async () => {
    const publisher = await signedIn(USERS.publisher, PASSWORD.publisher);
    const csrf = await publisher.csrf();
    const { port } = new URL(studio.url);
    const raw = (method: string, urlPath: string, host: string, body = '') =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: Number(port),
            method,
            path: urlPath,
            headers: {
              Host: host,
              Accept: 'text/html',
              Cookie: publisher.cookieHeader(),
              ...(method === 'POST'
                ? {
                    Origin: `http://${host}`,
                    'Content-Type': 'application/x-www-form-urlencoded',
                    'Content-Length': String(Buffer.byteLength(body)),
                  }
                : {}),
            },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        req.end(method === 'POST' ? body : undefined);
      });
    for (const host of ['rebind.attacker.example', `rebind.attacker.example:${port}`, '127.0.0.1:1']) {
      for (const [method, address] of [
        ['GET', '/sign-in'],
        ['GET', '/'],
        ['POST', '/publish'],
      ] as const) {
        const reply = await raw(method, address, host, new URLSearchParams({ csrf }).toString());
        expect(reply.status, `${method} ${address} as ${host}`).toBe(421);
        expect(reply.text).toMatch(/not the studio’s/);
        expect(reply.text).not.toMatch(/Zephyrine|csrf/);
      }
    }
    expect(existsSync(ws.deployDir) && readdirSync(ws.deployDir).includes('current')).toBe(false);
    // The studio's own names answer.
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`])
      expect((await raw('GET', '/', host)).status, host).toBe(200);
  }, 120_000);

  it("throttles the account page's password check and refuses weak new passwords in plain words", async () => {
    const email = 'cam.changer@example.org';
    const password = 'tangerine glacier ribbon 8';
    await addStudioUser(studioEnv(), email, 'author', password);
    const client = await signedIn(email, password);
    const change = async (current: string, next: string) =>
      client.post('/account', {
        csrf: await client.csrf('/account'),
        'current-password': current,
        'new-password': next,
        'new-password-again': next,
      });
    for (const [weak, why] of [
      ['Missingchildren1', /words about this service/],
      ['appealsstudio', /words about this service/],
      ['qwertyuiopasdf', /easy to guess/],
      ['1qaz2wsx3edc', /list of common or leaked passwords/],
    ] as const) {
      const reply = await change(password, weak);
      expect(reply.status, weak).toBe(422);
      expect(reply.text, weak).toMatch(why);
    }
    // Wrong guesses until ten are recorded, each pause let pass (moved back, not waited out): the
    // pause is then 32 s.
    let wrong = 0;
    let waited = 0;
    while (wrong < 10) {
      const reply = await change(`wrong guess ${wrong}`, 'lavender anchor mitten 4');
      expect([422, 429]).toContain(reply.status);
      if (reply.status === 422) {
        expect(reply.text).toContain('That is not your current password');
        wrong++;
      } else {
        waited++;
        ageWrongPasswords(dataDir, 60_000);
      }
    }
    expect(waited, 'guesses after the fifth wait').toBeGreaterThan(0);
    const paused = await change(password, 'lavender anchor mitten 4');
    expect(paused.status, 'the right password waits too').toBe(429);
    expect(paused.text).toMatch(/You can try again in \d+ seconds?/);
    expect((await studioCli(['user', 'unlock', email], studioEnv())).code).toBe(0);
    const changed = await change(password, 'lavender anchor mitten 4');
    expect(changed.status, changed.text).toBe(303);
    expect((await new StudioClient(studio.url).signIn(email, 'lavender anchor mitten 4')).status).toBe(303);
  }, 300_000);

  it('gives a new session id at every sign-in, ends it at sign-out, and stores only its hash', async () => {
    const client = await signedIn(USERS.publisher, PASSWORD.publisher);
    const first = client.cookies.get('studio_session')!;
    expect(first).toMatch(/^[\w-]{43}$/);
    const again = await client.signIn(USERS.publisher, PASSWORD.publisher);
    expect(again.status).toBe(303);
    const second = client.cookies.get('studio_session')!;
    expect(second).not.toBe(first);
    const replay = new StudioClient(studio.url);
    replay.cookies.set('studio_session', first);
    expect((await replay.get('/')).status, 'the session before sign-in is gone').toBe(303);

    const cookie = again.setCookies.find((c) => c.startsWith('studio_session='))!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Strict/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).toMatch(/; Max-Age=43200/i);
    expect(cookie, 'plain http on 127.0.0.1: no Secure flag, or the browser would drop it').not.toMatch(
      /; Secure/i,
    );

    const db =
      readFileSync(path.join(dataDir, 'studio.db')).toString('latin1') +
      (existsSync(path.join(dataDir, 'studio.db-wal'))
        ? readFileSync(path.join(dataDir, 'studio.db-wal')).toString('latin1')
        : '');
    expect(db.includes(second), 'the raw session id is never stored').toBe(false);
    expect(db.includes(PASSWORD.publisher), 'nor a password').toBe(false);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dataDir, 'studio.db')).mode & 0o777).toBe(0o600);

    const out = await client.post('/sign-out', { csrf: await client.csrf() });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/sign-in?signed-out');
    const stolen = new StudioClient(studio.url);
    stolen.cookies.set('studio_session', second);
    expect((await stolen.get('/')).status, 'a copied cookie is worthless after sign-out').toBe(303);
    expect((await stolen.post('/new', { csrf: 'x' })).status).toBe(401);
  });

  it('refuses a sign-in form without its own token (no cross-site sign-in)', async () => {
    const client = new StudioClient(studio.url);
    const reply = await client.post('/sign-in', { email: USERS.publisher, password: PASSWORD.publisher });
    expect(reply.status).toBe(400);
    expect(reply.setCookies.some((c) => c.startsWith('studio_session='))).toBe(false);
    expect(
      (
        await client.post(
          '/sign-in',
          { email: USERS.publisher, password: PASSWORD.publisher },
          { origin: 'https://evil.example' },
        )
      ).status,
    ).toBe(403);
  });

  it('marks cookies Secure (__Host-) behind a trusted TLS proxy, and ignores forwarded headers from an untrusted one', async () => {
    const secure = await startStudio(
      studioEnv({ STUDIO_TRUST_PROXY: '1', STUDIO_ORIGIN: 'https://studio.example.org' }),
    );
    try {
      const client = new StudioClient(secure.url);
      client.origin = 'https://studio.example.org';
      const form = await client.request('GET', '/sign-in', {
        headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.9' },
      });
      const token = /name="signin" value="([^"]+)"/.exec(form.text)![1]!;
      expect(form.setCookies.find((c) => c.startsWith('__Host-studio_signin='))).toMatch(/; Secure/i);
      const reply = await client.request('POST', '/sign-in', {
        body: new URLSearchParams({ signin: token, email: USERS.publisher, password: PASSWORD.publisher }),
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Forwarded-Proto': 'https',
          'X-Forwarded-For': '203.0.113.9',
        },
      });
      expect(reply.status, reply.text).toBe(303);
      const cookie = reply.setCookies.find((c) => c.startsWith('__Host-studio_session='));
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Strict/i);
      expect(secure.output()).not.toContain(token);
    } finally {
      await secure.stop();
    }
    // The main studio does not trust the proxy headers: a client cannot claim TLS, or another origin.
    const client = new StudioClient(studio.url);
    const form = await client.request('GET', '/sign-in', { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(form.setCookies.some((c) => c.startsWith('__Host-'))).toBe(false);
    expect(
      (await client.post('/sign-in', { email: 'x' }, { origin: 'https://studio.example.org' })).status,
    ).toBe(403);
  });
});

describe('roles and the two-person rule', () => {
  const submitNewAppeal = (client: StudioClient) => submitCompleteAppeal(client, ws.root);

  it('keeps the users page to administrators and the audit log to publishers and administrators', async () => {
    const routes = (await studioRoutes()).map((r) => r.pattern);
    for (const page of [...ADMIN_ONLY, '/audit']) expect(routes).toContain(page);
    const author = await signedIn(USERS.author, PASSWORD.author);
    const publisher = await signedIn(USERS.publisher, PASSWORD.publisher);
    const admin = await signedIn(USERS.admin, PASSWORD.admin);
    for (const page of ADMIN_ONLY) {
      for (const client of [author, publisher]) {
        const get = await client.get(page);
        expect(get.status, page).toBe(403);
        expect(get.text).toMatch(/Only an administrator can manage users/);
        const post = await client.post(page, {
          csrf: await client.csrf(),
          action: 'add',
          email: 'sneaky@example.org',
          role: 'admin',
        });
        expect(post.status, `POST ${page}`).toBe(403);
      }
      expect((await admin.get(page)).status).toBe(200);
      // Without the token, an administrator's post is refused too.
      expect((await admin.post(page, { action: 'add', email: 'x@example.org', role: 'admin' })).status).toBe(
        403,
      );
    }
    expect((await studioCli(['user', 'list'], studioEnv())).stdout).not.toContain('sneaky@example.org');
    expect((await author.get('/audit')).status).toBe(403);
    expect((await publisher.get('/audit')).status).toBe(200);
    expect((await admin.get('/audit')).status).toBe(200);
    // The navigation offers each only what they may open.
    expect((await author.get('/')).text).not.toMatch(/href="\/(audit|admin\/users)"/);
    expect((await publisher.get('/')).text).toContain('href="/audit"');
    expect((await publisher.get('/')).text).not.toContain('href="/admin/users"');
    expect((await admin.get('/')).text).toContain('href="/admin/users"');
  }, 300_000);

  it('lets an author write but not publish, approve, close or reopen', async () => {
    const author = await signedIn(USERS.author, PASSWORD.author);
    const csrf = await author.csrf();
    expect((await author.post('/publish', { csrf })).status).toBe(403);
    expect((await author.get(`/appeals/${ACTIVE_ID}/close`)).status).toBe(403);
    expect(
      (await author.post(`/appeals/${ACTIVE_ID}/close`, { csrf, closing: 'found', confirm: ACTIVE_ID }))
        .status,
    ).toBe(403);
    expect((await author.post(`/appeals/${CLOSED_ID}/reopen`, { csrf, confirm: CLOSED_ID })).status).toBe(
      403,
    );
    expect(readFileSync(path.join(ws.contentDir, 'appeals', ACTIVE_ID, 'index.md'), 'utf8')).toContain(
      'status: active',
    );
    expect(existsSync(ws.deployDir) && readdirSync(ws.deployDir).includes('current')).toBe(false);
    const id = await submitNewAppeal(author);
    expect((await author.post(`/appeals/${id}/approve`, { csrf })).status).toBe(403);
    expect(existsSync(path.join(ws.contentDir, 'appeals', id))).toBe(false);
  });

  it('lets no one approve a new appeal they wrote while the rule is on, and a second publisher can', async () => {
    const publisher = await signedIn(USERS.publisher, PASSWORD.publisher);
    const id = await submitNewAppeal(publisher);
    const refused = await publisher.post(`/appeals/${id}/approve`, { csrf: await publisher.csrf() });
    expect(refused.status).toBe(403);
    expect(refused.text).toMatch(/another publisher must approve it \(the two-person rule\)/);
    expect(
      existsSync(path.join(ws.contentDir, 'appeals', id)),
      'not in the content, so no publish can include it',
    ).toBe(false);
    expect((await publisher.get(`/appeals/${id}/`)).text).toContain('another publisher must approve it');

    const second = await signedIn(USERS.second, PASSWORD.second);
    const approved = await second.post(`/appeals/${id}/approve`, { csrf: await second.csrf() });
    expect(approved.status).toBe(303);
    expect(readFileSync(path.join(ws.contentDir, 'appeals', id, 'index.md'), 'utf8')).toContain(
      'name: Wilhelmina Brackenbury',
    );
    const audit = readFileSync(path.join(ws.archiveDir, 'audit-log.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(audit.at(-1)).toMatchObject({ id, action: 'approve', by: USERS.second });
  });

  it('lets a publisher approve their own new appeal when studio.twoPersonRule is false', async () => {
    const settings = path.join(ws.contentDir, 'settings.yaml');
    const original = readFileSync(settings, 'utf8');
    writeFileSync(settings, `${original.trimEnd()}\nstudio:\n  twoPersonRule: false\n`);
    try {
      const publisher = await signedIn(USERS.publisher, PASSWORD.publisher);
      const id = await submitNewAppeal(publisher);
      const approved = await publisher.post(`/appeals/${id}/approve`, { csrf: await publisher.csrf() });
      expect(approved.status, approved.text).toBe(303);
      expect(existsSync(path.join(ws.contentDir, 'appeals', id, 'index.md'))).toBe(true);
    } finally {
      writeFileSync(settings, original);
    }
  });
});

describe('the user commands', () => {
  it('add, list, reset and remove users, refusing weak passwords and duplicates and changing nothing then', async () => {
    const env = studioEnv();
    const weak = await studioCli(
      ['user', 'add', 'new.person@example.org', '--role', 'author', '--password-stdin'],
      env,
      'short\n',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/too short: use at least 12 characters.*Nothing was changed/);
    const common = await studioCli(
      ['user', 'add', 'new.person@example.org', '--role', 'author', '--password-stdin'],
      env,
      '1qaz2wsx3edc\n',
    );
    expect(common.stderr).toMatch(/list of common or leaked passwords/);
    const badRole = await studioCli(
      ['user', 'add', 'new.person@example.org', '--role', 'owner', '--generate'],
      env,
    );
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/role of author, publisher or admin/);
    const generated = await studioCli(
      ['user', 'add', 'new.person@example.org', '--role', 'author', '--generate'],
      env,
    );
    expect(generated.code, generated.stderr).toBe(0);
    const password = /not shown again\): (\S+)/.exec(generated.stdout)![1]!;
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(
      (await studioCli(['user', 'add', 'new.person@example.org', '--role', 'author', '--generate'], env))
        .stderr,
    ).toMatch(/already a user/);
    const list = await studioCli(['user', 'list'], env);
    expect(list.stdout).toMatch(/new\.person@example\.org\s+author/);
    expect(list.stdout).toMatch(/[4-7] users/);
    expect(list.stdout).not.toContain(password);

    const client = new StudioClient(studio.url);
    expect(
      (await client.signIn('New.Person@Example.org', password)).status,
      'emails are not case-sensitive',
    ).toBe(303);
    const removed = await studioCli(['user', 'remove', 'new.person@example.org'], env);
    expect(removed.code).toBe(0);
    expect((await client.get('/')).status, 'a removed user is signed out at once').toBe(303);
    expect((await studioCli(['user', 'remove', 'new.person@example.org'], env)).stderr).toMatch(/no user/);
  }, 300_000);

  it('say a typed password is too weak before asking for it a second time (at a real terminal)', async () => {
    // `script` gives the command a terminal, as an administrator's would be.
    const child = spawn(
      'script',
      [
        '-qec',
        `${process.execPath} scripts/studio.ts user add tty.person@example.org --role admin`,
        '/dev/null',
      ],
      { cwd: PROJECT_ROOT, env: studioEnv(), stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let output = '';
    const prompted = new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Password (at least 12 characters):')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await prompted;
    child.stdin.write('Missingchildren1\n');
    expect(await exited).toBe(1);
    expect(output).toMatch(/made of words about this service.*Nothing was changed/);
    expect(output).not.toContain('The same password again');
    expect((await studioCli(['user', 'list'], studioEnv())).stdout).not.toContain('tty.person');
  }, 120_000);

  it("never wrote a password, a session id or a child's name to the server output", () => {
    const output = studio.output();
    for (const secret of [...Object.values(PASSWORD), 'Zephyrine', 'Wilhelmina', 'Brackenbury'])
      expect(output).not.toContain(secret);
    expect(output).not.toMatch(/[\w-]{43}/);
  });
});
