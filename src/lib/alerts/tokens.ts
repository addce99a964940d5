import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Tokens in links: 32 random bytes (256 bits, so they cannot be guessed), base64url. Only their
 * SHA-256 is stored, so a copy of the database cannot confirm or unsubscribe anyone.
 */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const newToken = (): string => randomBytes(32).toString('base64url');

/** The shape of a token we issue: anything else is refused before the database is asked. */
export const wellFormedToken = (token: string): boolean => TOKEN_PATTERN.test(token);

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A confirmation link works for 48 hours. */
export const CONFIRMATION_LIFETIME_MS = 48 * 60 * 60 * 1000;

const SECRET_FILE = 'unsubscribe-secret';

/**
 * The service's secret (owner-only file in its data folder), made on first start. Unsubscribe links
 * are derived from it and a random nonce per subscriber, so each alert can carry the link without
 * the link itself ever being stored.
 */
export function loadSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, SECRET_FILE);
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

/** The subscriber's unsubscribe token (the same in every email they get). */
export const unsubscribeToken = (secret: Buffer, nonce: string): string =>
  createHmac('sha256', secret).update(`unsubscribe\0${nonce}`).digest('base64url');
