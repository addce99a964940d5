// Debian's nginx started on loopback with the generated configuration: for `npm start`, tests and benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeNginxConfig } from './nginx-config-files.ts';

/** Debian's nginx (package `nginx-light`). `NGINX_PATH` overrides it. */
export const DEFAULT_NGINX_PATH = '/usr/sbin/nginx';

export function nginxCandidate(): string {
  const fromEnv = process.env.NGINX_PATH;
  return fromEnv && fromEnv.trim() !== '' ? fromEnv : DEFAULT_NGINX_PATH;
}

function findNginx(): string | undefined {
  const candidate = nginxCandidate();
  try {
    accessSync(candidate, constants.X_OK);
    return candidate;
  } catch {
    return undefined;
  }
}

/** CI sets REQUIRE_BROWSER=1; it makes a missing nginx a failure too, as does REQUIRE_NGINX=1. */
export const nginxRequired = process.env.REQUIRE_NGINX === '1' || process.env.REQUIRE_BROWSER === '1';
export const nginxPath = findNginx();
export const nginxAvailable = nginxPath !== undefined;
export const nginxSkipReason = nginxAvailable
  ? undefined
  : `no nginx at ${nginxCandidate()} (install the Debian package \`nginx-light\` or set NGINX_PATH)`;

export interface RunningNginx {
  /** Origin, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /** The folder holding nginx.conf, the includes, the pid file and the error log. */
  prefix: string;
  /** The error log so far, for assertion messages. */
  errorLog(): string;
  stop(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
async function freePort(): Promise<number> {
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

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  // A cap, not a pause: nginx answers in milliseconds, but a loaded machine may take many seconds.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`nginx exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    try {
      await fetch(`${url}/`, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`nginx did not answer at ${url} within 60 s:\n${output()}`);
}

/**
 * Starts Debian's nginx in the foreground on 127.0.0.1, serving `root` (a built site or a release
 * symlink) with the generated configuration. Everything nginx writes goes to a temporary folder.
 */
export async function startNginx(options: {
  root: string;
  port?: number;
  /** Sites that may frame /embed/ (settings `embed.allowedSites`); any site when absent. */
  embedAllowedSites?: readonly string[];
  /** The alerts service's `127.0.0.1:<port>`, when a test runs one. */
  alertsUpstream?: string;
}): Promise<RunningNginx> {
  const binary = findNginx();
  if (!binary) throw new Error(`Cannot start nginx: ${nginxSkipReason}`);
  const prefix = mkdtempSync(path.join(tmpdir(), 'appeals-nginx-'));
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const errorLogFile = path.join(prefix, 'error.log');
  const files = writeNginxConfig(prefix, {
    root: options.root,
    listen: `127.0.0.1:${port}`,
    pidFile: path.join(prefix, 'nginx.pid'),
    errorLog: errorLogFile,
    tempDir: path.join(prefix, 'temp'),
    // Test folders may be 0700; workers read them as root, as the master does.
    ...(process.getuid?.() === 0 ? { user: 'root' } : {}),
    foreground: true,
    ...(options.embedAllowedSites ? { embedAllowedSites: options.embedAllowedSites } : {}),
    ...(options.alertsUpstream ? { alertsUpstream: options.alertsUpstream } : {}),
  });
  let output = '';
  const child = spawn(binary, ['-p', prefix, '-c', files.mainConf, '-e', errorLogFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const errorLog = (): string => {
    try {
      return readFileSync(errorLogFile, 'utf8');
    } catch {
      return '';
    }
  };
  // Never leave an nginx behind if the test process ends without stopping it.
  const killOnExit = (): void => {
    child.kill('SIGTERM');
  };
  process.once('exit', killOnExit);
  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      // SIGQUIT: graceful shutdown of the master and its worker.
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(timer);
    }
    rmSync(prefix, { recursive: true, force: true });
  };
  try {
    await waitUntilAnswering(url, child, () => `${output}${errorLog()}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, prefix, errorLog, stop };
}
