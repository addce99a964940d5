import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

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

/** Passwords people pick first; cheap to refuse. Longer than 12 characters, so the length rule alone would let them in. */
const COMMON = new Set([
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  '123456789012',
  '1234567890123',
  'qwertyuiopas',
  'qwertyuiop123',
  'qwerty123456',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'administrator',
  'changeme1234',
  'abcdefghijkl',
  'abc123456789',
  '1q2w3e4r5t6y',
  'trustno11234',
  'football1234',
  'sunshine1234',
  'monkey123456',
  'princess1234',
  'starwars1234',
  'correcthorsebatterystaple',
]);

/** Why `password` is not acceptable for `email`, in plain words; undefined when it is fine. */
export function passwordProblem(password: string, email: string): string | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    return `expected a password of at least ${MIN_PASSWORD_LENGTH} characters (a few unrelated words work well), got ${length}`;
  if (length > MAX_PASSWORD_LENGTH)
    return `expected a password of at most ${MAX_PASSWORD_LENGTH} characters, got ${length}`;
  if (new Set(password).size < 4) return 'expected a password with more than a few different characters';
  const plain = password.toLowerCase().replace(/[\s_-]/g, '');
  if (COMMON.has(plain)) return 'expected a password that is not on the list of the most common passwords';
  const squeeze = (text: string) => text.toLowerCase().replace(/[\s._-]/g, '');
  const local = squeeze(email.split('@')[0] ?? '');
  if (local.length >= 4 && squeeze(password).includes(local))
    return 'expected a password that does not contain your email address';
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
