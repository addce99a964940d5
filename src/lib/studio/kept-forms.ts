import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeAtomically } from '../files/atomic-write.ts';

/**
 * A form posted after its sender's session ended, kept so that nothing typed is lost: after the
 * same person signs in again, the form comes back with their values. Kept in the studio's data
 * folder (owner-only), under a random one-time key, for an hour; never files, never passwords.
 */
export const KEPT_DIR = 'kept-forms';
export const KEPT_MS = 60 * 60_000;
/** Enough for any appeal form's text; a bigger post is not kept. */
const MAX_BYTES = 256 * 1024;
/** At most this many kept at once (the oldest go first): posts from ended sessions cannot fill the disk. */
const MAX_KEPT = 200;

export interface KeptForm {
  owner: string;
  /** The page the form was posted to, like /appeals/2026-0042/edit. */
  path: string;
  keptAt: number;
  fields: Array<[string, string]>;
}

/** Fields never kept: the stale security token, and anything that looks like a password. */
function keepable(name: string): boolean {
  return name !== 'csrf' && !/pass(word)?|secret|token/i.test(name);
}

function keyFile(dataDir: string, key: string): string | undefined {
  return /^[\w-]{43}$/.test(key) ? path.join(dataDir, KEPT_DIR, `${key}.json`) : undefined;
}

function sweep(dir: string, now: number): void {
  if (!existsSync(dir)) return;
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ file: path.join(dir, name), at: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const [i, { file, at }] of files.entries())
    if (now - at > KEPT_MS || i >= MAX_KEPT - 1) rmSync(file, { force: true });
}

/** Deletes expired kept forms: run when the studio starts and on each dashboard load, not only when another form is kept. */
export function pruneKeptForms(dataDir: string, now: number): void {
  sweep(path.join(dataDir, KEPT_DIR), now);
}

/** The appeal a kept form was posted to (`/appeals/<id>/...`), if any. */
function appealOf(file: string): string | undefined {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Partial<KeptForm>;
    return typeof kept.path === 'string' ? /^\/appeals\/([^/]+)(?:\/|$)/.exec(kept.path)?.[1] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Deletes every kept form of the appeals `ids` (they may hold a child's details): when an appeal
 * closes or its new draft is discarded. Reads each kept form once, however many ids.
 */
export function forgetKeptForms(dataDir: string, ids: readonly string[]): void {
  const dir = path.join(dataDir, KEPT_DIR);
  if (!existsSync(dir) || ids.length === 0) return;
  const forgotten = new Set(ids);
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    const id = name.endsWith('.json') ? appealOf(file) : undefined;
    if (id !== undefined && forgotten.has(id)) rmSync(file, { force: true });
  }
}

/** Keeps a posted form's text fields for `owner`; returns the key, or undefined when too big to keep. */
export function keepForm(
  dataDir: string,
  form: { owner: string; path: string; fields: Iterable<[string, string]> },
  now: number,
): string | undefined {
  const kept: KeptForm = {
    owner: form.owner,
    path: form.path,
    keptAt: now,
    fields: [...form.fields].filter(([name]) => keepable(name)),
  };
  const text = JSON.stringify(kept);
  if (Buffer.byteLength(text) > MAX_BYTES) return undefined;
  const dir = path.join(dataDir, KEPT_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  sweep(dir, now);
  const key = randomBytes(32).toString('base64url');
  writeAtomically(path.join(dir, `${key}.json`), text, 0o600);
  return key;
}

/**
 * The kept form under `key` when it is `owner`'s, for `formPath`, and not expired; it is then
 * deleted (one use). Anyone else gets nothing, and the form stays for its owner.
 */
export function takeKeptForm(
  dataDir: string,
  key: string,
  owner: string,
  formPath: string,
  now: number,
): KeptForm | undefined {
  const file = keyFile(dataDir, key);
  if (!file || !existsSync(file)) return undefined;
  let kept: KeptForm;
  try {
    kept = JSON.parse(readFileSync(file, 'utf8')) as KeptForm;
  } catch {
    rmSync(file, { force: true });
    return undefined;
  }
  if (now - kept.keptAt > KEPT_MS) {
    rmSync(file, { force: true });
    return undefined;
  }
  if (kept.owner !== owner || kept.path !== formPath) return undefined;
  rmSync(file, { force: true });
  return kept;
}
