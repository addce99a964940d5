// The studio's sign-in building blocks on a real SQLite file: scrypt passwords, hashed sessions
// with idle and absolute expiry, the ten-password lock and its expiry (with an injected clock,
// so no test waits), request facts behind a proxy, the origin check, roles and the two-person rule.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ACCOUNT_FAILURE_LIMIT,
  ADDRESS_FAILURE_LIMIT,
  DEFAULT_LOCK_MS,
  loginBlock,
  recordFailure,
} from '../../src/lib/studio/login-throttle.ts';
import {
  generatePassword,
  hashPassword,
  passwordProblem,
  verifyPassword,
} from '../../src/lib/studio/passwords.ts';
import { crossSiteProblem, plainPath, requestFacts } from '../../src/lib/studio/request-security.ts';
import { approvalProblem, can } from '../../src/lib/studio/roles.ts';
import {
  ABSOLUTE_MS,
  createSession,
  deleteSession,
  IDLE_MS,
  lookupSession,
  tokensMatch,
} from '../../src/lib/studio/sessions.ts';
import { signIn } from '../../src/lib/studio/sign-in.ts';
import { openStudioDb } from '../../src/lib/studio/studio-db.ts';
import { addUser, findUser, removeUser, setPassword, UserError } from '../../src/lib/studio/users.ts';
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

  it('must be long, varied, uncommon and not the email', () => {
    expect(passwordProblem('short', 'a@b.org')).toMatch(/at least 12 characters/);
    expect(passwordProblem('aaaaaaaaaaaaaa', 'a@b.org')).toMatch(/different characters/);
    expect(passwordProblem('Password1234', 'a@b.org')).toMatch(/most common/);
    expect(passwordProblem('my name is ada.lovelace!', 'ada.lovelace@example.org')).toMatch(/email address/);
    expect(passwordProblem('x'.repeat(300) + 'abcd', 'a@b.org')).toMatch(/at most 256/);
    expect(passwordProblem('amber kettle lantern', 'ada@example.org')).toBeUndefined();
    const generated = new Set(Array.from({ length: 50 }, generatePassword));
    expect(generated.size).toBe(50);
    for (const p of generated) expect(passwordProblem(p, 'a@b.org'), p).toBeUndefined();
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

    // Idle: an hour without a request ends it.
    expect(lookupSession(db, token, T0 + IDLE_MS + 1)).toBeUndefined();
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
    expect(lookupSession(db, before, T0 + 10)).toBeUndefined();
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
  it('locks an email after ten failures for the lock period, then lets it try again', () => {
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++)
      recordFailure(db, 'ada@example.org', '10.0.0.1', T0 + i * 1000);
    expect(loginBlock(db, 'ada@example.org', '10.0.0.1', T0 + 9_000)).toBeUndefined();
    recordFailure(db, 'ada@example.org', '10.0.0.1', T0 + 9_000);
    const block = loginBlock(db, 'ADA@example.org', '10.0.0.2', T0 + 10_000);
    expect(block).toEqual({ reason: 'account', until: T0 + DEFAULT_LOCK_MS });
    expect(loginBlock(db, 'ada@example.org', '10.0.0.2', T0 + DEFAULT_LOCK_MS - 1)).toBeDefined();
    expect(
      loginBlock(db, 'ada@example.org', '10.0.0.2', T0 + DEFAULT_LOCK_MS + 1),
      'the oldest failure has aged out',
    ).toBeUndefined();
    // Only hashes of emails and addresses are kept.
    expect(JSON.stringify(db.prepare('SELECT * FROM login_failures').all())).not.toMatch(/ada|10\.0\.0/);
  });

  it('refuses the right password while locked, without checking it', async () => {
    await addUser(db, {
      email: 'ada@example.org',
      role: 'author',
      password: 'amber kettle lantern',
      now: T0,
    });
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) recordFailure(db, 'ada@example.org', '10.0.0.1', T0);
    const result = await signIn(db, {
      email: 'ada@example.org',
      password: 'amber kettle lantern',
      address: '10.0.0.1',
      now: T0 + 1,
      lockMs: DEFAULT_LOCK_MS,
    });
    expect(result).toMatchObject({ ok: false, locked: true });
    expect(result.ok === false && result.message).toMatch(/paused until 09:15/);
    await setPassword(db, { email: 'ada@example.org', password: 'amber kettle lantern', now: T0 + 2 });
    expect(
      (
        await signIn(db, {
          email: 'ada@example.org',
          password: 'amber kettle lantern',
          address: '10.0.0.1',
          now: T0 + 3,
          lockMs: DEFAULT_LOCK_MS,
        })
      ).ok,
      'a reset lifts the lock',
    ).toBe(true);
  });

  it('locks after ten wrong passwords in a row only: a right one starts the count again', async () => {
    const email = 'ada@example.org';
    const password = 'amber kettle lantern';
    await addUser(db, { email, role: 'author', password, now: T0 });
    let now = T0;
    const attempt = (guess: string) =>
      signIn(db, { email, password: guess, address: '10.0.0.1', now: ++now, lockMs: DEFAULT_LOCK_MS });
    // Each password check costs a scrypt; the wrong ones are recorded as signIn records them.
    const wrongOnes = (n: number) => {
      for (let i = 0; i < n; i++) recordFailure(db, email, '10.0.0.1', ++now);
    };
    wrongOnes(ACCOUNT_FAILURE_LIMIT - 1);
    expect((await attempt(password)).ok, 'the right password after nine wrong ones').toBe(true);
    // Nine more wrong ones, all within the lock period: eighteen wrong in all, never ten in a row.
    wrongOnes(ACCOUNT_FAILURE_LIMIT - 1);
    expect(loginBlock(db, email, '10.0.0.1', now + 1), 'not locked after nine in a row').toBeUndefined();
    // The tenth in a row locks it, and says so; then even the right password is refused.
    expect(await attempt('wrong horse battery'), 'the tenth wrong password in a row').toMatchObject({
      ok: false,
      locked: true,
    });
    expect(await attempt(password), 'the right password while locked').toMatchObject({
      ok: false,
      locked: true,
    });
  });

  it('refuses an address that fails too often across many emails', () => {
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++)
      recordFailure(db, `guess${i}@example.org`, '203.0.113.9', T0 + i);
    expect(loginBlock(db, 'someone@example.org', '203.0.113.9', T0 + 100)).toMatchObject({
      reason: 'address',
    });
    expect(loginBlock(db, 'someone@example.org', '203.0.113.10', T0 + 100)).toBeUndefined();
  });

  it('keeps the database file for the owner only', () => {
    const mode = (file: string) => statSync(file).mode & 0o777;
    expect(mode(path.join(dir, 'data', 'studio.db'))).toBe(0o600);
    expect(mode(path.join(dir, 'data'))).toBe(0o700);
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
  it('let authors edit, and only publishers approve, publish, close and reopen', () => {
    expect(can('author', 'edit')).toBe(true);
    for (const action of ['approve', 'publish', 'close', 'reopen'] as const) {
      expect(can('author', action), action).toBe(false);
      expect(can('publisher', action), action).toBe(true);
    }
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
