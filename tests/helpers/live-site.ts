// `npm start` as an administrator runs it (scripts/start.ts), for tests: started in its own
// process group (so its nginx goes with it), its address read from what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT, waitFor } from './publishing.ts';

export interface StartedSite {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Runs `node scripts/start.ts ...args` (what `npm start` runs) and waits for its address line. */
export async function npmStart(env: Record<string, string>, args: string[] = []): Promise<StartedSite> {
  const child = spawn(process.execPath, [path.join('scripts', 'start.ts'), ...args], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Never leave it (or its nginx) behind.
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  const killOnExit = () => killGroup('SIGKILL');
  process.once('exit', killOnExit);
  const url = await waitFor(
    `npm start to print its address:\n${output}`,
    () => {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
      return /The public site is at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
    },
    { timeoutMs: 600_000, intervalMs: 50 },
  );
  return {
    url,
    child,
    output: () => output,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // What Ctrl+C does: the terminal signals the whole group.
      killGroup('SIGINT');
      await exited;
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
