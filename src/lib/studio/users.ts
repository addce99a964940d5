import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './studio-db.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { forgetAccount, liftPause } from './login-throttle.ts';

/** Administrators are publishers who can also add, reset and remove users and lift sign-in pauses. */
export const ROLES = ['author', 'publisher', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface StudioUser {
  email: string;
  role: Role;
  createdAt: number;
  sessionsValidAfter: number;
  lastSignInAt?: number | undefined;
}

export interface StoredUser extends StudioUser {
  passwordHash: string;
}

export class UserError extends Error {}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Emails compare case-insensitively and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function checkedEmail(email: string): string {
  const normal = normaliseEmail(email);
  if (!EMAIL_RE.test(normal) || normal.length > 254)
    throw new UserError(`expected an email address like name@example.org, got ${JSON.stringify(email)}`);
  return normal;
}

export function isRole(role: unknown): role is Role {
  return typeof role === 'string' && (ROLES as readonly string[]).includes(role);
}

interface UserRow {
  email: string;
  role: string;
  password_hash: string;
  created_at: number;
  sessions_valid_after: number;
  last_sign_in_at: number | null;
}

function fromRow(row: UserRow): StoredUser {
  return {
    email: row.email,
    role: row.role as Role,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    sessionsValidAfter: row.sessions_valid_after,
    lastSignInAt: row.last_sign_in_at ?? undefined,
  };
}

export function findUser(db: DatabaseSync, email: string): StoredUser | undefined {
  const row = db.prepare('SELECT * FROM users WHERE email = ?').get(normaliseEmail(email)) as
    UserRow | undefined;
  return row ? fromRow(row) : undefined;
}

export function listUsers(db: DatabaseSync): StudioUser[] {
  return (db.prepare('SELECT * FROM users ORDER BY email').all() as unknown as UserRow[]).map((row) => {
    const { passwordHash: _hash, ...user } = fromRow(row);
    return user;
  });
}

async function checkedHash(password: string, email: string, words: readonly string[] = []): Promise<string> {
  const problem = passwordProblem(password, email, words);
  if (problem) throw new UserError(problem);
  return hashPassword(password);
}

export async function addUser(
  db: DatabaseSync,
  input: { email: string; role: string; password: string; now?: number; serviceWords?: readonly string[] },
): Promise<StudioUser> {
  const email = checkedEmail(input.email);
  if (!isRole(input.role))
    throw new UserError(`expected a role of author, publisher or admin, got ${JSON.stringify(input.role)}`);
  if (findUser(db, email))
    throw new UserError(`there is already a user ${email}; use reset to give them a new password`);
  const hash = await checkedHash(input.password, email, input.serviceWords);
  const now = input.now ?? Date.now();
  db.prepare(
    'INSERT INTO users (email, role, password_hash, created_at, sessions_valid_after) VALUES (?, ?, ?, ?, ?)',
  ).run(email, input.role, hash, now, now);
  return { email, role: input.role, createdAt: now, sessionsValidAfter: now };
}

/** Deletes a user and, with them, every session they had. */
export function removeUser(db: DatabaseSync, email: string): void {
  const normal = normaliseEmail(email);
  inTransaction(db, () => {
    const { changes } = db.prepare('DELETE FROM users WHERE email = ?').run(normal);
    if (Number(changes) === 0) throw new UserError(`there is no user ${normal}`);
    db.prepare('DELETE FROM sessions WHERE email = ?').run(normal);
    forgetAccount(db, normal);
  });
}

/**
 * Gives a user a new password (and, optionally, a new role): signs them out everywhere and lifts
 * any pause from wrong passwords, wherever they came from.
 */
export async function setPassword(
  db: DatabaseSync,
  input: {
    email: string;
    password: string;
    role?: string | undefined;
    now?: number;
    serviceWords?: readonly string[];
  },
): Promise<void> {
  const email = normaliseEmail(input.email);
  const user = findUser(db, email);
  if (!user) throw new UserError(`there is no user ${email}`);
  if (input.role !== undefined && !isRole(input.role))
    throw new UserError(`expected a role of author, publisher or admin, got ${JSON.stringify(input.role)}`);
  const hash = await checkedHash(input.password, email, input.serviceWords);
  const now = input.now ?? Date.now();
  inTransaction(db, () => {
    db.prepare('UPDATE users SET password_hash = ?, sessions_valid_after = ?, role = ? WHERE email = ?').run(
      hash,
      now,
      input.role ?? user.role,
      email,
    );
    db.prepare('DELETE FROM sessions WHERE email = ?').run(email);
    liftPause(db, email, now);
  });
}

export function recordSignIn(db: DatabaseSync, email: string, now: number): void {
  db.prepare('UPDATE users SET last_sign_in_at = ? WHERE email = ?').run(now, normaliseEmail(email));
}
