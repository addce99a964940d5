import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/**
 * Passwords are stored as scrypt hashes (memory-hard, OWASP's parameters: N=2^17, r=8, p=1, which
 * take 128 MiB and about a third of a second), each with its own random salt. The stored form names
 * its parameters, so they can be raised later without breaking existing accounts.
 */
const COST_LOG2 = 17;
const BLOCK_SIZE = 8;
const PARALLEL = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const MAX_MEMORY = 256 * 1024 * 1024;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

function derive(password: string, salt: Buffer, options: ScryptOptions, bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, bytes, { ...options, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, { N: 2 ** COST_LOG2, r: BLOCK_SIZE, p: PARALLEL }, KEY_BYTES);
  return [
    'scrypt',
    COST_LOG2,
    BLOCK_SIZE,
    PARALLEL,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

const STORED_RE = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([\w-]+)\$([\w-]+)$/;

/** True when `password` matches `stored`. A malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = STORED_RE.exec(stored);
  if (!m) return false;
  const [costLog2, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const salt = Buffer.from(m[4]!, 'base64url');
  const expected = Buffer.from(m[5]!, 'base64url');
  if (costLog2 < 14 || costLog2 > 20 || expected.length < 16) return false;
  const key = await derive(password, salt, { N: 2 ** costLog2, r, p }, expected.length);
  return timingSafeEqual(key, expected);
}

let dummy: Promise<string> | undefined;

/**
 * Checks a password against a throwaway hash, so that signing in as an unknown email takes as
 * long as a wrong password for a real one (the response time must not say which emails exist).
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(24).toString('base64url'));
  await verifyPassword(password, await dummy);
  return false;
}

/** Words anyone guessing at this studio would try first: what the service is about. */
const SERVICE_WORDS = ['missing', 'children', 'child', 'appeal', 'appeals', 'studio', 'police', 'found'];

let checker: ZxcvbnFactory | undefined;

/**
 * zxcvbn-ts with its common list (the most used passwords from published breaches, and common
 * words): it finds a password made of listed passwords, keyboard runs, dates and repeats, and
 * estimates how many guesses it takes.
 */
function strength(password: string, words: string[]) {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return checker.check(password, words);
}

/** Lower case, with spaces, digits and symbols taken off: `Missing-Children1!` → `missingchildren`. */
function bare(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
    .replace(/[\s._\-+]/g, '');
}

/** True when `text` is nothing but `words` one after another (`appealsstudio`). */
function madeOf(text: string, words: readonly string[]): boolean {
  if (text === '') return false;
  const reachable = new Array<boolean>(text.length + 1).fill(false);
  reachable[0] = true;
  for (let i = 0; i < text.length; i++) {
    if (!reachable[i]) continue;
    for (const word of words) if (word && text.startsWith(word, i)) reachable[i + word.length] = true;
  }
  return reachable[text.length]!;
}

/** The words of an organisation's name or an email address worth refusing in a password. */
export function wordsOf(...texts: string[]): string[] {
  return texts.flatMap((t) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3);
}

/**
 * Why `password` is not acceptable for `email`, in plain words; undefined when it is fine.
 * `serviceWords` are this studio's own (the organisation's name): a password made of them, of the
 * service's words or of the email's parts, with or without digits and symbols at the ends, is
 * refused, and so is one on the common list or one that would fall to a few million guesses.
 */
export function passwordProblem(
  password: string,
  email: string,
  serviceWords: readonly string[] = [],
): string | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    return `this password is too short: use at least ${MIN_PASSWORD_LENGTH} characters (a few unrelated words work well)`;
  if (length > MAX_PASSWORD_LENGTH)
    return `this password is too long: use at most ${MAX_PASSWORD_LENGTH} characters`;
  if (new Set(password).size < 4) return 'this password repeats the same few characters: choose another';
  const local = bare(email.split('@')[0] ?? '');
  if (local.length >= 4 && bare(password).includes(local))
    return 'this password contains your email address: choose another';
  const own = [...SERVICE_WORDS, ...wordsOf(...serviceWords), ...wordsOf(email)];
  if (madeOf(bare(password), own))
    return 'this password is made of words about this service, its organisation or your email address, which are the first anyone would guess: choose another';
  const result = strength(password, own);
  const only = result.sequence[0] as { pattern: string; dictionaryName?: string } | undefined;
  if (
    result.sequence.length === 1 &&
    only?.pattern === 'dictionary' &&
    only.dictionaryName?.startsWith('passwords')
  )
    return 'this password is on a list of common or leaked passwords: choose another (a few unrelated words work well)';
  // Digits and symbols added at the ends are the first variations a guesser tries.
  if (result.score < 3 || strength(bare(password), own).score < 3)
    return 'this password would be easy to guess (it is made of common passwords, words or keyboard patterns): add another unrelated word or two';
  return undefined;
}

/** A strong random password for an administrator to hand over: 20 characters, about 119 bits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(40);
  let out = '';
  for (const byte of bytes) {
    // Rejection sampling keeps every character equally likely.
    if (byte < 256 - (256 % alphabet.length)) out += alphabet[byte % alphabet.length];
    if (out.length === 20) break;
  }
  return out.length === 20
    ? `${out.slice(0, 5)}-${out.slice(5, 10)}-${out.slice(10, 15)}-${out.slice(15)}`
    : generatePassword();
}
