import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { type ClosingStatus, reopenedData, tombstoneFor } from './appeal-lifecycle.ts';
import { isAppealId } from '../model/appeal-id.ts';
import { isClosedStatus } from '../model/appeal-schema.ts';
import { APPEAL_FILE, appealDir, AppealIdError, appealFileIn, idFolder } from '../content/appeal-folder.ts';
import { parseMarkdownFile, stringifyMarkdownFile } from '../content/frontmatter.ts';
import { writeAtomically } from '../files/atomic-write.ts';
import type { ClosedNames } from '../model/name-matching.ts';

/**
 * Moves a closed appeal's personal data out of the content tree into a private archive, and back.
 * Every step that removes data happens only after its copy is complete: a killed command leaves
 * the data in at least one place, never in none. These are the steps; `use-cases.ts` is what the
 * CLI and the studio call (each step with its audit line).
 */

export class LifecycleError extends Error {}

/** The appeal is closed already: a retry may still have a killed closure's work to finish. */
export class AlreadyClosedError extends LifecycleError {}

/** The id checked (a `LifecycleError` otherwise), so every refusal here is one the caller reports. */
function lifecycleFolder(root: string, id: string, folder: (root: string, id: string) => string): string {
  try {
    return folder(root, id);
  } catch (error) {
    if (error instanceof AppealIdError) throw new LifecycleError(error.message);
    throw error;
  }
}

function appealFolder(contentDir: string, id: string): string {
  const dir = lifecycleFolder(contentDir, id, appealDir);
  if (!existsSync(appealFileIn(dir)))
    throw new LifecycleError(
      `There is no appeal ${id} (no ${path.relative(process.cwd(), appealFileIn(dir))}).`,
    );
  return dir;
}

/** Archives appeal `id`'s index.md and every other file in its folder, and leaves a tombstone. */
export function archiveAppeal(options: {
  contentDir: string;
  archiveDir: string;
  id: string;
  status: ClosingStatus;
  closedAt: string;
}): { archived: string[] } {
  const { contentDir, archiveDir, id, status, closedAt } = options;
  const dir = appealFolder(contentDir, id);
  const { data } = parseMarkdownFile(readFileSync(appealFileIn(dir), 'utf8'));
  if (isClosedStatus(data.status))
    throw new AlreadyClosedError(
      `Appeal ${id} is already closed (status: ${String(data.status)}). Nothing was changed.`,
    );
  const target = idFolder(archiveDir, id);
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
  writeAtomically(appealFileIn(dir), stringifyMarkdownFile(tombstoneFor(data, status, closedAt), ''));
  const archived = readdirSync(dir).filter((name) => name !== APPEAL_FILE);
  for (const name of archived) rmSync(path.join(dir, name), { recursive: true, force: true });
  return { archived: [APPEAL_FILE, ...archived] };
}

/**
 * Finishes step 2 of a closure killed after its tombstone was written: the files still beside the
 * tombstone (photos) go, once the archive holds them. Returns what it removed.
 */
export function finishArchiving(options: { contentDir: string; archiveDir: string; id: string }): string[] {
  const dir = appealFolder(options.contentDir, options.id);
  if (!existsSync(appealFileIn(idFolder(options.archiveDir, options.id)))) return [];
  const left = readdirSync(dir).filter((name) => name !== APPEAL_FILE);
  for (const name of left) rmSync(path.join(dir, name), { recursive: true, force: true });
  return left;
}

/** Restores a closed appeal from the archive, for a mistaken closure. */
export function restoreAppeal(options: {
  contentDir: string;
  archiveDir: string;
  id: string;
  today: string;
}): void {
  const { contentDir, archiveDir, id, today } = options;
  const dir = appealFolder(contentDir, id);
  const current = parseMarkdownFile(readFileSync(appealFileIn(dir), 'utf8')).data;
  if (!isClosedStatus(current.status))
    throw new LifecycleError(
      `Appeal ${id} is not closed (status: ${String(current.status)}). Nothing was changed.`,
    );
  const source = idFolder(archiveDir, id);
  if (!existsSync(appealFileIn(source)))
    throw new LifecycleError(
      `There is no archive for ${id} in ${archiveDir}: it may have been purged. Nothing was changed.`,
    );

  // Rebuild the folder beside the tombstone, then swap it in with two renames.
  const parsed = parseMarkdownFile(readFileSync(appealFileIn(source), 'utf8'));
  const appealsDir = path.dirname(dir);
  const staging = path.join(appealsDir, `.reopening-${id}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  cpSync(source, staging, { recursive: true });
  rmSync(path.join(staging, 'closure.json'), { force: true });
  writeFileSync(appealFileIn(staging), stringifyMarkdownFile(reopenedData(parsed.data, today), parsed.body));
  const old = path.join(appealsDir, `.tombstone-${id}-${process.pid}`);
  renameSync(dir, old);
  renameSync(staging, dir);
  rmSync(old, { recursive: true, force: true });
  rmSync(source, { recursive: true, force: true });
}

/** Irreversibly deletes an appeal's archived data. */
export function purgeArchive(options: { archiveDir: string; id: string }): void {
  const target = lifecycleFolder(options.archiveDir, options.id, idFolder);
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
    if (!isAppealId(id)) continue;
    const file = appealFileIn(idFolder(archiveDir, id));
    if (!existsSync(file)) continue;
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
