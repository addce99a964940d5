// The studio's sign-in building blocks on a real SQLite file: scrypt passwords and the password
// policy, hashed sessions with idle and absolute expiry, the sign-in throttle (with an injected
// clock, so no test waits), the users table's migration, request facts behind a proxy, the origin
// and host checks, roles, the users page's actions and the two-person rule.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseSync as Sqlite } from 'node:sqlite';
import {
  ADDRESS_FAILURE_LIMIT,
  DEFAULT_LOCK_MS,
  FREE_FAILURES,
  liftPause,
  loginBlock,
  pauseAfter,
  pausedSomewhere,
  recordFailure,
  recordSuccess,
} from '../../src/lib/studio/login-throttle.ts';
import { auditPage, auditRow } from '../../src/lib/studio/audit-view.ts';
import { adminRequest, runUserAdmin, type UserAdminResult } from '../../src/lib/studio/user-admin.ts';
import {
  generatePassword,
  hashPassword,
  passwordProblem,
  verifyPassword,
} from '../../src/lib/studio/passwords.ts';
import {
  crossSiteProblem,
  plainPath,
  requestFacts,
  studioHost,
} from '../../src/lib/studio/request-security.ts';
import { approvalProblem, can } from '../../src/lib/studio/roles.ts';
import {
  ABSOLUTE_MS,
  createSession,
  deleteSession,
  IDLE_MS,
  lookupSession,
  sessionOwner,
  tokensMatch,
} from '../../src/lib/studio/sessions.ts';
import { KEPT_MS } from '../../src/lib/studio/kept-forms.ts';
import { checkPassword, signIn } from '../../src/lib/studio/sign-in.ts';
import { openStudioDb } from '../../src/lib/studio/studio-db.ts';
import {
  addUser,
  findUser,
  listUsers,
  removeUser,
  setPassword,
  UserError,
} from '../../src/lib/studio/users.ts';
import type { DraftMeta } from '../../src/lib/studio/drafts.ts';

let dir: string;
let db: DatabaseSync;
const T0 = Date.UTC(2026, 10, 29, 9, 0);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'studio-auth-'));
  db = openStudioDb(path.join(dir, 'data'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('passwords', () => {
  it('are stored as salted scrypt hashes that only the right password matches', async () => {
    const a = await hashPassword('violet harbour compass 7');
    const b = await hashPassword('violet harbour compass 7');
    expect(a).toMatch(/^scrypt\$17\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a, 'each hash has its own salt').not.toBe(b);
    expect(await verifyPassword('violet harbour compass 7', a)).toBe(true);
    expect(await verifyPassword('violet harbour compass 8', a)).toBe(false);
    expect(await verifyPassword('violet harbour compass 7', 'plain text')).toBe(false);
    expect(await verifyPassword('x', a.replace('$17$', '$4$')), 'a weakened cost is refused').toBe(false);
  });

  it('must be long, varied, not on the common and leaked list and not the email', () => {
    expect(passwordProblem('short', 'a@b.org')).toMatch(/too short: use at least 12 characters/);
    expect(passwordProblem('aaaaaaaaaaaaaa', 'a@b.org')).toMatch(/repeats the same few characters/);
    expect(passwordProblem('1qaz2wsx3edc', 'a@b.org')).toMatch(/on a list of common or leaked passwords/);
    for (const common of ['Password1234', 'qwertyuiopasdf', 'iloveyou1234', 'passwordpassword'])
      expect(passwordProblem(common, 'a@b.org'), common).toMatch(/easy to guess/);
    // Digits and symbols at the ends do not make a listed password safe.
    expect(passwordProblem('Qwertyuiopasdf1!', 'a@b.org')).toMatch(/easy to guess/);
    expect(passwordProblem('my name is ada.lovelace!', 'ada.lovelace@example.org')).toMatch(/email address/);
    expect(passwordProblem('x'.repeat(300) + 'abcd', 'a@b.org')).toMatch(/at most 256/);
    for (const good of ['amber kettle lantern', 'violet harbour compass 7', 'fjord pelican umbrella'])
      expect(passwordProblem(good, 'ada@example.org'), good).toBeUndefined();
    const generated = new Set(Array.from({ length: 50 }, generatePassword));
    expect(generated.size).toBe(50);
    for (const p of generated) expect(passwordProblem(p, 'a@b.org'), p).toBeUndefined();
  });

  it("may not be made of the service's own words, the organisation's name or the email's parts", () => {
    const org = ['Fenwick Missing Persons Trust'];
    for (const p of [
      'Missingchildren1',
      'appealsstudio',
      'APPEALS-STUDIO-2026!',
      '!!ChildrenAppeal99',
      'fenwicktrust123',
      'Persons.Missing.Trust',
    ])
      expect(passwordProblem(p, 'pia@example.org', org), p).toMatch(/words about this service/);
    expect(passwordProblem('loveladyexample', 'ada.lovelady@example.org')).toMatch(
      /email address|words about this service/,
    );
    // A real word among unrelated ones is fine.
    expect(passwordProblem('missing walrus teapot orbit', 'pia@example.org', org)).toBeUndefined();
  });
});

describe('users and sessions', () => {
  it('signs in with the right password only, and sessions end when idle, when old, at sign-out and at a reset', async () => {
    await addUser(db, {
      email: ' Ada@Example.org ',
      role: 'publisher',
      password: 'amber kettle lantern',
      now: T0,
    });
    await expect(
      addUser(db, { email: 'ada@example.org', role: 'author', password: 'amber kettle lantern' }),
    ).rejects.toThrow(UserError);
    await expect(
      addUser(db, { email: 'not an email', role: 'author', password: 'amber kettle lantern' }),
    ).rejects.toThrow(/email address/);
    const wrong = await signIn(db, {
      email: 'ada@example.org',
      password: 'amber kettle lanterns',
      address: '10.0.0.1',
      now: T0,
      lockMs: DEFAULT_LOCK_MS,
    });
    expect(wrong).toMatchObject({ ok: false, locked: false });
    const unknown = await signIn(db, {
      email: 'eve@example.org',
      password: 'amber kettle lantern',
      address: '10.0.0.1',
      now: T0,
      lockMs: DEFAULT_LOCK_MS,
    });
    expect(unknown, 'an unknown email gets the same answer').toEqual(wrong);
    expect(
      await signIn(db, {
        email: 'ADA@example.org',
        password: 'amber kettle lantern',
        address: '10.0.0.1',
        now: T0,
        lockMs: DEFAULT_LOCK_MS,
      }),
    ).toEqual({ ok: true, email: 'ada@example.org', role: 'publisher' });

    const { token, csrf } = createSession(db, 'ada@example.org', T0);
    expect(lookupSession(db, token, T0 + 1000)).toMatchObject({
      email: 'ada@example.org',
      role: 'publisher',
      csrf,
    });
    expect(lookupSession(db, `${token.slice(0, -1)}x`, T0)).toBeUndefined();
    expect(lookupSession(db, undefined, T0)).toBeUndefined();
    expect(JSON.stringify(db.prepare('SELECT * FROM sessions').all())).not.toContain(token);

    // Idle: an hour without a request ends it, for good: no later request brings it back.
    expect(lookupSession(db, token, T0 + IDLE_MS + 1)).toBeUndefined();
    expect(lookupSession(db, token, T0 + IDLE_MS + 2)).toBeUndefined();
    // Its row stays for the kept-form window, naming only its owner (a late form is kept for them),
    // whichever request came first after it ended; then it is swept.
    expect(sessionOwner(db, token, T0 + IDLE_MS + 2)).toBe('ada@example.org');
    expect(sessionOwner(db, token, T0 + IDLE_MS + KEPT_MS)).toBe('ada@example.org');
    expect(sessionOwner(db, token, T0 + IDLE_MS + KEPT_MS + 1)).toBeUndefined();
    expect(lookupSession(db, token, T0 + IDLE_MS + KEPT_MS + 1)).toBeUndefined();
    expect(db.prepare('SELECT COUNT(*) AS n FROM sessions').get()).toEqual({ n: 0 });
    // Absolute: twelve hours end it, however busy.
    const busy = createSession(db, 'ada@example.org', T0).token;
    for (let t = T0; t < T0 + ABSOLUTE_MS; t += IDLE_MS / 2)
      expect(lookupSession(db, busy, t), `at ${t - T0}`).toBeDefined();
    expect(lookupSession(db, busy, T0 + ABSOLUTE_MS + 1)).toBeUndefined();
    // Sign-out.
    const out = createSession(db, 'ada@example.org', T0).token;
    deleteSession(db, out);
    expect(lookupSession(db, out, T0)).toBeUndefined();
    // A reset or password change voids every session; removing the user too.
    const before = createSession(db, 'ada@example.org', T0).token;
    await setPassword(db, { email: 'ada@example.org', password: 'copper meadow riddle', now: T0 + 5 });
    expect(sessionOwner(db, before, T0 + 10), 'a revoked session names nobody').toBeUndefined();
    expect(lookupSession(db, before, T0 + 10)).toBeUndefined();
    expect(sessionOwner(db, before, T0 + 10)).toBeUndefined();
    const after = createSession(db, 'ada@example.org', T0 + 10).token;
    expect(lookupSession(db, after, T0 + 20)).toBeDefined();
    removeUser(db, 'ada@example.org');
    expect(lookupSession(db, after, T0 + 30)).toBeUndefined();
    expect(findUser(db, 'ada@example.org')).toBeUndefined();
  });

  it('compares tokens in constant time and never matches an empty one', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abd', 'abc')).toBe(false);
    expect(tokensMatch('ab', 'abc')).toBe(false);
    expect(tokensMatch('', '')).toBe(false);
    expect(tokensMatch(undefined, 'abc')).toBe(false);
  });
});

describe('the sign-in throttle', () => {
  const LOCK = DEFAULT_LOCK_MS;
  it('pauses nothing for the first few failures, then doubles the pause up to the longest', () => {
    expect(Array.from({ length: FREE_FAILURES }, (_, i) => pauseAfter(i, LOCK))).toEqual(
      Array(FREE_FAILURES).fill(0),
    );
    expect(pauseAfter(FREE_FAILURES, LOCK)).toBe(1000);
    expect(pauseAfter(FREE_FAILURES + 1, LOCK)).toBe(2000);
    expect(pauseAfter(FREE_FAILURES + 5, LOCK)).toBe(32_000);
    expect(pauseAfter(FREE_FAILURES + 20, LOCK)).toBe(LOCK);
    expect(pauseAfter(10_000, LOCK)).toBe(LOCK);
  });

  it('slows one email from one address, never the same email from another address', () => {
    for (let i = 0; i < FREE_FAILURES - 1; i++) recordFailure(db, 'ada@example.org', '10.0.0.1', T0 + i);
    expect(loginBlock(db, 'ada@example.org', '10.0.0.1', T0 + 10)).toBeUndefined();
    recordFailure(db, 'ada@example.org', '10.0.0.1', T0 + 10);
    expect(loginBlock(db, 'ADA@example.org', '10.0.0.1', T0 + 11)).toEqual({
      reason: 'account',
      until: T0 + 10 + 1000,
    });
    expect(loginBlock(db, 'ada@example.org', '10.0.0.1', T0 + 1010), 'the pause is over').toBeUndefined();
    // Hundreds of guesses from one address: the owner elsewhere is never slowed.
    for (let i = 0; i < 300; i++) recordFailure(db, 'ada@example.org', '10.0.0.1', T0 + 2000 + i);
    expect(loginBlock(db, 'ada@example.org', '10.0.0.1', T0 + 3000)?.until).toBe(T0 + 2299 + LOCK);
    expect(
      loginBlock(db, 'ada@example.org', '10.0.0.2', T0 + 3000),
      'the owner from elsewhere',
    ).toBeUndefined();
    // Only hashes of emails and addresses are kept.
    expect(JSON.stringify(db.prepare('SELECT * FROM sign_in_failures').all())).not.toMatch(/ada|10\.0\.0/);
  });

  it('ends the longest pause after its time, and forgets failures after an hour', () => {
    for (let i = 0; i < 20; i++) recordFailure(db, 'ada@example.org', '10.0.0.1', T0 + i);
    expect(loginBlock(db, 'ada@example.org', '10.0.0.1', T0 + LOCK)).toBeDefined();
    expect(loginBlock(db, 'ada@example.org', '10.0.0.1', T0 + 19 + LOCK)).toBeUndefined();
    // Twenty failures in the hour would pause a twenty-first at once; after the hour it starts afresh.
    recordFailure(db, 'ada@example.org', '10.0.0.1', T0 + 60 * 60_000 + 100);
    expect(loginBlock(db, 'ada@example.org', '10.0.0.1', T0 + 60 * 60_000 + 101)).toBeUndefined();
  });

  it('pauses an address guessing at many made-up emails, but not for an owner who signed in from there', () => {
    recordSuccess(db, 'owner@example.org', '203.0.113.9', T0 - 1000);
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++)
      recordFailure(db, `guess${i}@example.org`, '203.0.113.9', T0 + i);
    expect(loginBlock(db, 'someone@example.org', '203.0.113.9', T0 + 100)).toMatchObject({
      reason: 'address',
    });
    expect(loginBlock(db, 'owner@example.org', '203.0.113.9', T0 + 100), 'a known address').toBeUndefined();
    expect(loginBlock(db, 'someone@example.org', '203.0.113.10', T0 + 100)).toBeUndefined();
    // An administrator lifts it for one user; the guesser stays paused.
    liftPause(db, 'someone@example.org', T0 + 200);
    expect(loginBlock(db, 'someone@example.org', '203.0.113.9', T0 + 201)).toBeUndefined();
    expect(loginBlock(db, 'other@example.org', '203.0.113.9', T0 + 201)).toBeDefined();
  });

  it('is lifted by an administrator (or a reset), wherever the failures came from', async () => {
    await addUser(db, {
      email: 'ada@example.org',
      role: 'author',
      password: 'amber kettle lantern',
      now: T0,
    });
    for (let i = 0; i < 12; i++) {
      recordFailure(db, 'ada@example.org', '10.0.0.1', T0 + i);
      recordFailure(db, 'ada@example.org', '10.0.0.2', T0 + i);
    }
    expect(pausedSomewhere(db, 'ada@example.org', T0 + 20)).toBe(true);
    liftPause(db, 'ada@example.org', T0 + 21);
    expect(pausedSomewhere(db, 'ada@example.org', T0 + 22)).toBe(false);
    for (const address of ['10.0.0.1', '10.0.0.2'])
      expect(loginBlock(db, 'ada@example.org', address, T0 + 22)).toBeUndefined();
    for (let i = 0; i < 12; i++) recordFailure(db, 'ada@example.org', '10.0.0.1', T0 + 30 + i);
    await setPassword(db, { email: 'ada@example.org', password: 'amber kettle lantern', now: T0 + 50 });
    expect(loginBlock(db, 'ada@example.org', '10.0.0.1', T0 + 51), 'a reset lifts it too').toBeUndefined();
  });

  it('refuses the right password while paused, without checking it, and says when to try again', async () => {
    await addUser(db, {
      email: 'ada@example.org',
      role: 'author',
      password: 'amber kettle lantern',
      now: T0,
    });
    for (let i = 0; i < FREE_FAILURES + 8; i++) recordFailure(db, 'ada@example.org', '10.0.0.1', T0);
    const input = { email: 'ada@example.org', password: 'amber kettle lantern', lockMs: LOCK };
    const paused = await signIn(db, { ...input, address: '10.0.0.1', now: T0 + 1 });
    expect(paused).toMatchObject({ ok: false, locked: true });
    expect(paused.ok === false && paused.message).toMatch(
      /Too many wrong passwords for this email address from here\. You can try again at 09:04\. An administrator can lift this pause sooner\./,
    );
    const soon = await signIn(db, { ...input, address: '10.0.0.3', now: T0 + 1 });
    expect(soon.ok, 'the owner from another address').toBe(true);
    // A right password starts the count again for that email and address.
    for (let i = 0; i < FREE_FAILURES + 1; i++) recordFailure(db, 'ada@example.org', '10.0.0.3', T0 + 2);
    const short = await checkPassword(db, { ...input, address: '10.0.0.3', now: T0 + 3 });
    expect(short.ok === false && short.message).toMatch(/try again in 2 seconds/);
  });
});

describe('the users table', () => {
  it('is kept in a database file for the owner only', () => {
    const mode = (file: string) => statSync(file).mode & 0o777;
    expect(mode(path.join(dir, 'data', 'studio.db'))).toBe(0o600);
    expect(mode(path.join(dir, 'data'))).toBe(0o700);
  });

  it('opens a database made before the administrator role, keeping users and sessions', async () => {
    const old = path.join(dir, 'old');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(old, { mode: 0o700 });
    const raw = new Sqlite(path.join(old, 'studio.db'));
    raw.exec(`
      PRAGMA foreign_keys = ON;
      CREATE TABLE users (
        email TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('author', 'publisher')),
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        sessions_valid_after INTEGER NOT NULL,
        last_sign_in_at INTEGER
      ) STRICT;
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        email TEXT NOT NULL REFERENCES users(email) ON DELETE CASCADE,
        csrf TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE login_failures (key TEXT NOT NULL, at INTEGER NOT NULL) STRICT;
      INSERT INTO users VALUES ('pia@example.org', 'publisher', 'scrypt$x', 1, 1, NULL);
      INSERT INTO sessions VALUES ('h', 'pia@example.org', 'c', 2, 2);
    `);
    expect(() => raw.exec("INSERT INTO users VALUES ('x@example.org', 'admin', 'h', 1, 1, NULL)")).toThrow(
      /CHECK/,
    );
    raw.close();
    writeFileSync(path.join(old, 'marker'), '');
    const upgraded = openStudioDb(old);
    try {
      expect(listUsers(upgraded).map((u) => [u.email, u.role])).toEqual([['pia@example.org', 'publisher']]);
      expect(upgraded.prepare('SELECT email FROM sessions').all(), 'sessions survive').toEqual([
        { email: 'pia@example.org' },
      ]);
      await addUser(upgraded, { email: 'ada@example.org', role: 'admin', password: 'amber kettle lantern' });
      expect(findUser(upgraded, 'ada@example.org')?.role).toBe('admin');
      expect(() =>
        upgraded.exec("INSERT INTO users VALUES ('y@example.org', 'owner', 'h', 1, 1, NULL)"),
      ).toThrow(/CHECK/);
      // Foreign keys still hold: removing a user removes their sessions.
      removeUser(upgraded, 'pia@example.org');
      expect(upgraded.prepare('SELECT COUNT(*) AS n FROM sessions').get()).toEqual({ n: 0 });
      expect(upgraded.prepare("SELECT name FROM sqlite_master WHERE name = 'login_failures'").all()).toEqual(
        [],
      );
    } finally {
      upgraded.close();
    }
    // Opening it again changes nothing.
    const again = openStudioDb(old);
    expect(findUser(again, 'ada@example.org')?.role).toBe('admin');
    again.close();
  });
});

describe('requests', () => {
  const url = new URL('http://127.0.0.1:4322/appeals/');
  it('believe forwarded headers only from a trusted proxy', () => {
    const headers = new Headers({
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '198.51.100.1, 203.0.113.7',
    });
    expect(requestFacts(url, headers, '127.0.0.1', { trustProxy: false })).toEqual({
      secure: false,
      origin: 'http://127.0.0.1:4322',
      clientAddress: '127.0.0.1',
    });
    expect(
      requestFacts(url, headers, '127.0.0.1', {
        trustProxy: true,
        publicOrigin: 'https://studio.example.org',
      }),
    ).toEqual({
      secure: true,
      origin: 'https://studio.example.org',
      clientAddress: '203.0.113.7',
    });
  });

  it('must come from the studio origin to change anything', () => {
    const origin = 'https://studio.example.org';
    expect(crossSiteProblem(new Headers({ origin }), origin)).toBeUndefined();
    expect(crossSiteProblem(new Headers({ origin: 'https://evil.example' }), origin)).toMatch(/evil/);
    expect(crossSiteProblem(new Headers({ origin: 'null' }), origin)).toMatch(/opaque/);
    expect(crossSiteProblem(new Headers({ 'sec-fetch-site': 'same-origin' }), origin)).toBeUndefined();
    expect(crossSiteProblem(new Headers({ 'sec-fetch-site': 'cross-site' }), origin)).toMatch(/no Origin/);
    expect(crossSiteProblem(new Headers(), origin)).toMatch(/no Origin/);
  });

  it("must name the studio's own host, so a rebinding page elsewhere reaches nothing", () => {
    for (const host of ['127.0.0.1:4322', 'localhost:4322', '[::1]:4322', 'LOCALHOST:4322'])
      expect(studioHost(host, 4322, undefined), host).toBe(true);
    for (const host of [
      'rebind.attacker.example',
      'rebind.attacker.example:4322',
      '127.0.0.1:4321',
      '127.0.0.1',
      '127.0.0.1.nip.io:4322',
      '',
      undefined,
    ])
      expect(studioHost(host, 4322, undefined), String(host)).toBe(false);
    expect(studioHost('studio.example.org', 4322, 'https://studio.example.org')).toBe(true);
    expect(studioHost('127.0.0.1:4322', 4322, 'https://studio.example.org')).toBe(true);
    expect(studioHost('evil.example.org', 4322, 'https://studio.example.org')).toBe(false);
    expect(studioHost('localhost', 80, undefined)).toBe(true);
  });

  it('may not climb out of a folder', () => {
    for (const bad of [
      '/appeals/..%2F..%2Fetc/edit',
      '/a/%2e%2e/b',
      '/x%5C..%5Cy',
      '/a/%00',
      '/%E0%A4%A',
      '/preview/2026-0001/./x',
    ])
      expect(plainPath(bad), bad).toBe(false);
    for (const good of [
      '/',
      '/appeals/2026-0001/edit?x=../y',
      '/_astro/a.b.css',
      '/preview/2026-0001/appeals/2026-0001/',
    ])
      expect(plainPath(good), good).toBe(true);
  });
});

describe('roles', () => {
  const draft = (over: Partial<DraftMeta> = {}): DraftMeta => ({
    id: '2026-0042',
    kind: 'new',
    state: 'submitted',
    createdBy: 'ada@example.org',
    editors: ['ada@example.org'],
    createdAt: '',
    updatedAt: '',
    ...over,
  });
  it('let authors edit, only publishers and administrators approve, publish, close, reopen and read the audit log, and only administrators manage users', () => {
    expect(can('author', 'edit')).toBe(true);
    for (const action of ['approve', 'publish', 'close', 'reopen', 'audit'] as const) {
      expect(can('author', action), action).toBe(false);
      expect(can('publisher', action), action).toBe(true);
      expect(can('admin', action), action).toBe(true);
    }
    expect(can('admin', 'manage-users')).toBe(true);
    expect(can('publisher', 'manage-users')).toBe(false);
    expect(can('author', 'manage-users')).toBe(false);
  });
  it('under the two-person rule let no writer or editor of a new appeal approve it', () => {
    const pia = { email: 'pia@example.org', role: 'publisher' as const };
    expect(approvalProblem(pia, draft(), true)).toBeUndefined();
    expect(approvalProblem(pia, draft({ createdBy: 'pia@example.org' }), true)).toMatch(/two-person rule/);
    expect(approvalProblem(pia, draft({ editors: ['ada@example.org', 'pia@example.org'] }), true)).toMatch(
      /two-person rule/,
    );
    expect(
      approvalProblem(pia, draft({ createdBy: 'pia@example.org', editors: ['pia@example.org'] }), false),
    ).toBeUndefined();
    expect(approvalProblem({ email: 'sam@example.org', role: 'author' }, draft(), false)).toMatch(
      /Only a publisher/,
    );
    expect(approvalProblem(pia, draft({ state: 'draft' }), true)).toMatch(/not been submitted/);
  });
});

describe('the users page', () => {
  const context = { actor: 'root@example.org', now: T0, serviceWords: [] };
  const field = (fields: Record<string, string>) => (name: string) => fields[name] ?? '';
  const said = (result: UserAdminResult) => ('message' in result ? result.message : '');

  it('adds a user with a made password shown once, resets, lifts a pause and removes after confirming', async () => {
    await addUser(db, { email: 'root@example.org', role: 'admin', password: 'amber kettle lantern' });
    const added = await runUserAdmin(
      db,
      adminRequest(field({ action: 'add', email: 'New.Person@example.org', role: 'publisher' }))!,
      context,
    );
    expect(added.kind).toBe('done');
    expect(said(added)).toMatch(/new\.person@example\.org can now sign in as a publisher/);
    const password = added.kind === 'done' ? added.password! : '';
    expect(await verifyPassword(password, findUser(db, 'new.person@example.org')!.passwordHash)).toBe(true);
    expect(
      said(
        await runUserAdmin(db, { action: 'add', email: 'new.person@example.org', role: 'author' }, context),
      ),
    ).toMatch(/^There is already a user/);
    expect(
      await runUserAdmin(db, { action: 'add', email: 'x@example.org', role: 'owner' }, context),
    ).toMatchObject({
      kind: 'problem',
    });

    for (let i = 0; i < 12; i++) recordFailure(db, 'new.person@example.org', '10.0.0.1', T0 + i);
    expect(pausedSomewhere(db, 'new.person@example.org', T0 + 20)).toBe(true);
    expect(
      await runUserAdmin(
        db,
        { action: 'unlock', email: 'new.person@example.org' },
        { ...context, now: T0 + 21 },
      ),
    ).toMatchObject({ kind: 'done' });
    expect(pausedSomewhere(db, 'new.person@example.org', T0 + 22), 'lifted').toBe(false);
    expect(pausedSomewhere(db, 'new.person@example.org', T0 + 22)).toBe(false);

    const reset = await runUserAdmin(db, { action: 'reset', email: 'new.person@example.org' }, context);
    expect(reset.kind === 'done' && reset.password).toMatch(/^[\w-]{23}$/);
    expect(await verifyPassword(password, findUser(db, 'new.person@example.org')!.passwordHash)).toBe(false);

    expect(
      await runUserAdmin(
        db,
        adminRequest(field({ action: 'remove', email: 'new.person@example.org' }))!,
        context,
      ),
    ).toEqual({ kind: 'confirm-remove', email: 'new.person@example.org' });
    expect(findUser(db, 'new.person@example.org')).toBeDefined();
    expect(
      await runUserAdmin(
        db,
        adminRequest(field({ action: 'remove', email: 'new.person@example.org', confirmed: 'yes' }))!,
        context,
      ),
    ).toMatchObject({ kind: 'done' });
    expect(findUser(db, 'new.person@example.org')).toBeUndefined();
    expect(
      said(await runUserAdmin(db, { action: 'remove', email: 'root@example.org', confirmed: true }, context)),
      'an administrator cannot remove themselves',
    ).toMatch(/cannot remove yourself/);
    expect(adminRequest(field({ action: 'drop-table' }))).toBeUndefined();
  });
});

describe('the audit log viewer', () => {
  it('reads who did what, in plain words, newest first, a page at a time, and nothing else on a line', () => {
    const file = path.join(dir, 'audit-log.jsonl');
    const lines = [
      { time: '2026-11-29T09:00:00.000Z', id: '2026-0001', action: 'approve', by: 'pia@example.org' },
      { time: '2026-11-29T10:00:00.000Z', id: '2026-0001', action: 'found', by: 'pia@example.org' },
      {
        time: '2026-11-29T11:00:00.000Z',
        id: '2026-0002',
        action: 'withdraw',
        reason: 'police-request',
        by: 'sam@example.org',
        name: 'Zephyrine Quillfeather',
      },
      { time: '2026-11-29T12:00:00.000Z', id: '2026-0002', action: 'reopen', by: 'sam@example.org' },
    ].map((e) => JSON.stringify(e));
    writeFileSync(
      file,
      [...lines, 'not json', '{"time":"x","id":"2026-0003","action":"found","by":"a"}', ''].join('\n'),
    );
    const first = auditPage(file, 1, 3);
    expect(first).toMatchObject({ page: 1, pages: 2, total: 4 });
    expect(first.rows.map((r) => [r.who, r.what])).toEqual([
      ['sam@example.org', 'Reopened appeal 2026-0002'],
      ['sam@example.org', 'Withdrew appeal 2026-0002: the police asked for it to be withdrawn'],
      ['pia@example.org', 'Closed appeal 2026-0001: the child was found'],
    ]);
    expect(JSON.stringify(first)).not.toContain('Zephyrine');
    expect(auditPage(file, 2, 3).rows.map((r) => r.what)).toEqual([
      'Approved appeal 2026-0001 for publishing',
    ]);
    expect(auditPage(file, 99, 3).page, 'a page past the end shows the last').toBe(2);
    expect(auditPage(file, Number('x'), 3).page).toBe(1);
    expect(auditPage(path.join(dir, 'none.jsonl'), 1)).toMatchObject({ rows: [], total: 0, pages: 1 });
    expect(auditRow('{"time":"2026-11-29T09:00:00Z","id":"../x","action":"found","by":"a"}')).toBeUndefined();
    expect(
      auditRow('{"time":"2026-11-29T09:00:00Z","id":"2026-0001","action":"explode","by":"a"}'),
    ).toBeUndefined();
  });
});
