import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  appendFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import {
  auditLine,
  type AuditEntry,
  type ClosingStatus,
  reopenedData,
  tombstoneFor,
} from './appeal-lifecycle.ts';
import { isAppealId } from '../model/appeal-id.ts';
import { isClosedStatus } from '../model/appeal-schema.ts';
import { parseMarkdownFile, stringifyMarkdownFile } from '../content/frontmatter.ts';
import { APPEALS_DIR } from '../content/validate-content.ts';
import type { ClosedNames } from '../model/name-matching.ts';

/**
 * Moves a closed appeal's personal data out of the content tree into a private archive, and back.
 * Every step that removes data happens only after its copy is complete: a killed command leaves
 * the data in at least one place, never in none.
 */

export class LifecycleError extends Error {}

export function auditLogPath(
  archiveDir: string,
  env: Record<string, string | undefined> = process.env,
): string {
  return env.AUDIT_LOG ? path.resolve(env.AUDIT_LOG) : path.join(archiveDir, 'audit-log.jsonl');
}

export function appendAudit(archiveDir: string, entry: AuditEntry): void {
  const file = auditLogPath(archiveDir);
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, auditLine(entry));
}

/** Writes `file` whole or not at all: a temporary file beside it (with `mode`, if given), renamed over it. */
export function writeAtomically(file: string, text: string, mode?: number): void {
  const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, text, mode === undefined ? undefined : { mode });
  renameSync(temp, file);
}

function appealFolder(contentDir: string, id: string): string {
  if (!isAppealId(id)) throw new LifecycleError(`"${id}" is not an appeal id; expected one like 2026-0042.`);
  const dir = path.join(contentDir, APPEALS_DIR, id);
  if (!existsSync(path.join(dir, 'index.md')))
    throw new LifecycleError(
      `There is no appeal ${id} (no ${path.relative(process.cwd(), path.join(dir, 'index.md'))}).`,
    );
  return dir;
}

/** Closes appeal `id`: archives index.md and every other file in its folder, leaves a tombstone. */
export function closeAppeal(options: {
  contentDir: string;
  archiveDir: string;
  id: string;
  status: ClosingStatus;
  closedAt: string;
}): { archived: string[] } {
  const { contentDir, archiveDir, id, status, closedAt } = options;
  const dir = appealFolder(contentDir, id);
  const { data } = parseMarkdownFile(readFileSync(path.join(dir, 'index.md'), 'utf8'));
  if (isClosedStatus(data.status))
    throw new LifecycleError(
      `Appeal ${id} is already closed (status: ${String(data.status)}). Nothing was changed.`,
    );
  const target = path.join(archiveDir, id);
  if (existsSync(target))
    throw new LifecycleError(
      `The archive already holds ${id} (${target}). Reopen or purge it first. Nothing was changed.`,
    );

  // 1. Copy everything into a staging folder in the archive, then rename it into place.
  mkdirSync(archiveDir, { recursive: true });
  const staging = path.join(archiveDir, `.closing-${id}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  cpSync(dir, staging, { recursive: true });
  writeFileSync(path.join(staging, 'closure.json'), `${JSON.stringify({ id, status, closedAt }, null, 2)}\n`);
  renameSync(staging, target);

  // 2. Only then replace the appeal with its tombstone and remove the photos and other files.
  writeAtomically(
    path.join(dir, 'index.md'),
    stringifyMarkdownFile(tombstoneFor(data, status, closedAt), ''),
  );
  const archived = readdirSync(dir).filter((name) => name !== 'index.md');
  for (const name of archived) rmSync(path.join(dir, name), { recursive: true, force: true });
  return { archived: ['index.md', ...archived] };
}

/** Restores a closed appeal from the archive, for a mistaken closure. */
export function reopenAppeal(options: {
  contentDir: string;
  archiveDir: string;
  id: string;
  today: string;
}): void {
  const { contentDir, archiveDir, id, today } = options;
  const dir = appealFolder(contentDir, id);
  const current = parseMarkdownFile(readFileSync(path.join(dir, 'index.md'), 'utf8')).data;
  if (!isClosedStatus(current.status))
    throw new LifecycleError(
      `Appeal ${id} is not closed (status: ${String(current.status)}). Nothing was changed.`,
    );
  const source = path.join(archiveDir, id);
  if (!existsSync(path.join(source, 'index.md')))
    throw new LifecycleError(
      `There is no archive for ${id} in ${archiveDir}: it may have been purged. Nothing was changed.`,
    );

  // Rebuild the folder beside the tombstone, then swap it in with two renames.
  const parsed = parseMarkdownFile(readFileSync(path.join(source, 'index.md'), 'utf8'));
  const appealsDir = path.dirname(dir);
  const staging = path.join(appealsDir, `.reopening-${id}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  cpSync(source, staging, { recursive: true });
  rmSync(path.join(staging, 'closure.json'), { force: true });
  writeFileSync(
    path.join(staging, 'index.md'),
    stringifyMarkdownFile(reopenedData(parsed.data, today), parsed.body),
  );
  const old = path.join(appealsDir, `.tombstone-${id}-${process.pid}`);
  renameSync(dir, old);
  renameSync(staging, dir);
  rmSync(old, { recursive: true, force: true });
  rmSync(source, { recursive: true, force: true });
}

/** Irreversibly deletes an appeal's archived data. */
export function purgeArchive(options: { archiveDir: string; id: string }): void {
  if (!isAppealId(options.id))
    throw new LifecycleError(`"${options.id}" is not an appeal id; expected one like 2026-0042.`);
  const target = path.join(options.archiveDir, options.id);
  if (!existsSync(target))
    throw new LifecycleError(
      `There is no archive for ${options.id} in ${options.archiveDir}. Nothing was changed.`,
    );
  rmSync(target, { recursive: true, force: true });
}

/** Names and other names of every archived (closed) appeal: what verification must never find. */
export function archivedNames(archiveDir: string): ClosedNames[] {
  if (!existsSync(archiveDir)) return [];
  const out: ClosedNames[] = [];
  for (const id of readdirSync(archiveDir)) {
    const file = path.join(archiveDir, id, 'index.md');
    if (!isAppealId(id) || !existsSync(file)) continue;
    const { data } = parseMarkdownFile(readFileSync(file, 'utf8'));
    const text = (n: unknown): n is string => typeof n === 'string' && n.trim() !== '';
    out.push({
      id,
      name: text(data.name) ? data.name : '',
      knownAs: Array.isArray(data.knownAs) ? data.knownAs.filter(text) : [],
    });
  }
  return out;
}
