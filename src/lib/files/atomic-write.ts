import { randomBytes } from 'node:crypto';
import { copyFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/** A name beside `file` that no other process or call uses, for a file being written. */
function tempBeside(file: string): string {
  return `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Writes `file` whole or not at all: a temporary file beside it (with `mode`, if given), renamed
 * over it. A reader sees the old file or the new one, never half of either; a killed write leaves
 * at most a stray temporary file. The file is never written in place: a new inode takes its name,
 * so when `file` is a hard link (a staging release linked to the live one), the other links, and
 * the live release, keep the old content.
 */
export function writeAtomically(file: string, content: string | Uint8Array, mode?: number): void {
  const temp = tempBeside(file);
  try {
    writeFileSync(temp, content, mode === undefined ? undefined : { mode });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Copies `from` to `to` whole or not at all, the same way. */
export function copyAtomically(from: string, to: string): void {
  const temp = tempBeside(to);
  try {
    copyFileSync(from, temp);
    renameSync(temp, to);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
