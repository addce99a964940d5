import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * One republish at a time: a lock folder (mkdir is atomic) holding the owner's pid. A lock whose
 * owner is dead (killed mid-publish) is taken over, so a crash never blocks the next publish.
 */
export class LockBusyError extends Error {}

function ownerAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryLock(lockDir: string): number | undefined {
  try {
    mkdirSync(lockDir);
    writeFileSync(path.join(lockDir, 'owner.json'), JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    let pid = 0;
    try {
      pid = (JSON.parse(readFileSync(path.join(lockDir, 'owner.json'), 'utf8')) as { pid: number }).pid;
    } catch {
      // The owner died between mkdir and writing owner.json, or is writing it now: treat as busy once.
      return -1;
    }
    if (!ownerAlive(pid)) {
      rmSync(lockDir, { recursive: true, force: true });
      return tryLock(lockDir);
    }
    return pid;
  }
}

export async function acquireLock(lockDir: string, options: { wait: boolean; onWait?: (pid: number) => void; pollMs?: number; timeoutMs?: number }): Promise<() => void> {
  const started = Date.now();
  let told = false;
  for (;;) {
    const holder = tryLock(lockDir);
    if (holder === undefined) return () => rmSync(lockDir, { recursive: true, force: true });
    if (!options.wait) throw new LockBusyError(`Another republish is running (pid ${holder}). Try again when it finishes, or run without --no-wait to queue.`);
    if (!told && holder > 0) {
      options.onWait?.(holder);
      told = true;
    }
    if (options.timeoutMs !== undefined && Date.now() - started > options.timeoutMs) throw new LockBusyError(`Gave up waiting for the republish lock held by pid ${holder}.`);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));
  }
}
