import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * One republish at a time: a lock folder (mkdir is atomic) holding the owner's pid. A lock whose
 * owner is dead (killed mid-publish) is taken over, so a crash never blocks the next publish.
 */
export class LockBusyError extends Error {}

/** How long a lock folder may lack its owner file before it counts as left by a crash. */
const OWNERLESS_GRACE_MS = 5_000;

function ownedByUs(lockDir: string): boolean {
  try {
    return (
      (JSON.parse(readFileSync(path.join(lockDir, 'owner.json'), 'utf8')) as { pid: number }).pid ===
      process.pid
    );
  } catch {
    return false;
  }
}

function ownerAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Who holds the lock now, if a live process does (the studio shows a publish run from the command line). */
export function lockHolder(lockDir: string): { pid: number; since: string } | undefined {
  try {
    const owner = JSON.parse(readFileSync(path.join(lockDir, 'owner.json'), 'utf8')) as {
      pid: number;
      since: string;
    };
    return ownerAlive(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

function tryLock(lockDir: string): number | undefined {
  try {
    mkdirSync(lockDir);
    writeFileSync(
      path.join(lockDir, 'owner.json'),
      JSON.stringify({ pid: process.pid, since: new Date().toISOString() }),
    );
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    let pid: number;
    try {
      pid = (JSON.parse(readFileSync(path.join(lockDir, 'owner.json'), 'utf8')) as { pid: number }).pid;
    } catch {
      // No owner file: its owner is writing it now, or died before it could. Give it a few seconds.
      let age: number;
      try {
        age = Date.now() - statSync(lockDir).mtimeMs;
      } catch {
        return tryLock(lockDir);
      }
      if (age < OWNERLESS_GRACE_MS) return -1;
      rmSync(lockDir, { recursive: true, force: true });
      return tryLock(lockDir);
    }
    if (!ownerAlive(pid)) {
      rmSync(lockDir, { recursive: true, force: true });
      return tryLock(lockDir);
    }
    return pid;
  }
}

export async function acquireLock(
  lockDir: string,
  options: { wait: boolean; onWait?: (pid: number) => void; pollMs?: number; timeoutMs?: number },
): Promise<() => void> {
  const started = Date.now();
  // Told once, and once more if the holder was just starting then: the message should name it.
  let told: number | undefined;
  for (;;) {
    const holder = tryLock(lockDir);
    // Release only a lock that is still ours, never one another process has since taken over.
    if (holder === undefined)
      return () => ownedByUs(lockDir) && rmSync(lockDir, { recursive: true, force: true });
    const who = holder > 0 ? `pid ${holder}` : 'just starting';
    if (!options.wait)
      throw new LockBusyError(
        `Another republish is running (${who}). Try again when it finishes, or run without --no-wait to queue.`,
      );
    if (told === undefined || (told === 0 && holder > 0)) {
      options.onWait?.(holder);
      told = holder;
    }
    if (options.timeoutMs !== undefined && Date.now() - started > options.timeoutMs)
      throw new LockBusyError(`Gave up waiting for the lock held by ${who}.`);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));
  }
}

/**
 * The switch lock: held only while the live release is read and replaced, never through a build.
 * A takedown holds it from reading the live release to switching (seconds); a full build or an
 * early release only around its last check and the switch. So a closure never waits for a build,
 * and nothing switches to a release made before the last closure without checking it.
 */
export const switchLockDir = (deployDir: string) => path.join(deployDir, '.switch-lock');

/** Runs `run` holding the switch lock, waiting for it (briefly: nobody holds it through a build). */
export async function withSwitchLock<T>(
  deployDir: string,
  run: () => T | Promise<T>,
  onWait?: () => void,
): Promise<T> {
  const unlock = await acquireLock(switchLockDir(deployDir), { wait: true, pollMs: 20, onWait });
  try {
    return await run();
  } finally {
    unlock();
  }
}
