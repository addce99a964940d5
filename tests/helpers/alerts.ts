// Real servers on loopback for the alerts tests: an SMTP server that parses every email it
// receives, and the alerts service started as `npm run alerts` does.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { expect } from 'vitest';
import { openAlertsStore } from '../../src/lib/alerts/alerts-store.ts';
import { WORDING_VERSION } from '../../src/lib/alerts/subscription-form.ts';
import { confirmSubscription, requestSubscription } from '../../src/lib/alerts/subscriptions.ts';
import { loadSecret } from '../../src/lib/alerts/tokens.ts';
import { PROJECT_ROOT } from './build-site.ts';

export interface TestSmtp {
  port: number;
  /** Every email received so far, parsed, with its raw text. */
  mails: Array<{ parsed: ParsedMail; raw: string; to: string[] }>;
  /** Resolves once `count` emails have arrived (fails after `ms`). */
  waitFor(count: number, ms?: number): Promise<void>;
  /** Refuse every email with a temporary failure while true. */
  refuse: boolean;
  /**
   * While true, each email's data is received but not answered (no 250): in flight, not accepted,
   * as a relay is while it works. `held` counts them.
   */
  hold: boolean;
  held: number;
  /** The most connections open at once so far. */
  maxConnections: number;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  let waiters: Array<() => boolean> = [];
  let open = 0;
  const smtp: TestSmtp = {
    port: 0,
    mails: [],
    refuse: false,
    maxConnections: 0,
    hold: false,
    held: 0,
    waitFor: (count, ms = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`expected ${count} emails within ${ms} ms, got ${smtp.mails.length}`)),
          ms,
        );
        const check = () => {
          if (smtp.mails.length >= count) {
            clearTimeout(timer);
            resolve();
            return true;
          }
          return false;
        };
        if (!check()) waiters.push(check);
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      open += 1;
      smtp.maxConnections = Math.max(smtp.maxConnections, open);
      callback();
    },
    onClose() {
      open -= 1;
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (smtp.hold) {
          smtp.held += 1;
          return;
        }
        if (smtp.refuse) {
          const error = new Error('try later') as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const to = session.envelope.rcptTo.map((r) => r.address);
        void simpleParser(raw).then((parsed) => {
          // Accepted only once the 250 is sent (RFC 5321): a sender killed before reading it may
          // rightly send the message again.
          callback();
          smtp.mails.push({ parsed, raw, to });
          waiters = waiters.filter((waiting) => !waiting());
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  smtp.port = (server.server.address() as { port: number }).port;
  return smtp;
}

export interface RunningAlertsCli {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/** `node scripts/alerts.ts --port 0` with `env`, once it says where it listens. */
export async function startAlertsCli(env: Record<string, string>): Promise<RunningAlertsCli> {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'scripts/alerts.ts'), '--port', '0'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the alerts service did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the alerts service exited (${code}):\n${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A confirmed subscriber, as if they had followed the confirmation email (its sending skipped). */
export function subscribe(dataDir: string, email: string, regions: string[]): void {
  const store = openAlertsStore(dataDir);
  requestSubscription(store, { email, regions, wording: WORDING_VERSION }, Date.now());
  const [row] = store.claimDue('seed', Date.now(), 1);
  store.markSent(row!.id, Date.now());
  expect(confirmSubscription(store, loadSecret(dataDir), row!.secret!, Date.now())).toBe(true);
  store.close();
}
