// The `alerts` measure of `npm run bench` (issue 21): N confirmed subscribers seeded straight into a
// throwaway alerts store, the real alerts service (`scripts/alerts.ts`, a child process as in
// production) sending through a local SMTP server and to M devices through a local web push service,
// and subscribe requests against its HTTP endpoint.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SMTPServer } from 'smtp-server';
import webpush from 'web-push';
import { urgentAppealRegion } from '../../../src/lib/alerts/alert-appeal.ts';
import { recallAlerts } from '../../../src/lib/alerts/alert-commands.ts';
import { ALERTS_DB_FILE, openAlertsStore } from '../../../src/lib/alerts/alerts-store.ts';
import { ALL_REGIONS, WORDING_VERSION } from '../../../src/lib/alerts/subscription-form.ts';
import { loadSettings } from '../../../src/lib/content/load-settings.ts';
import { PROJECT_ROOT } from '../build-site.ts';
import { startPushService, type TestPushService } from '../push-service.ts';
import { writeSyntheticContent } from '../synthetic-content.ts';
import type { AlertsFigures } from './bench-result.ts';
import { NODE, secs } from './bench-run.ts';

export interface AlertsBenchOptions {
  subscribers: number;
  /** Push subscriptions (devices), alongside the subscribers. */
  devices: number;
  /** Subscribe requests per round, and the rounds (the median is reported). */
  subscribeRequests: number;
  runs: number;
  say: (line: string) => void;
}

/** Concurrent clients in the subscribe load: enough to keep the one-process service busy. */
const SUBSCRIBE_CONCURRENCY = 32;

/** Pushes the local push service decrypts and checks; the rest it accepts unread. */
const PUSHES_VERIFIED = 10;

interface Sink {
  port: number;
  accepted: number;
  /** performance.now() when `accepted` first and last grew. */
  firstAt: number;
  lastAt: number;
  /** Resolves once `count` emails in all have been accepted. */
  waitFor(count: number, ms: number): Promise<void>;
  close(): Promise<void>;
}

/** A local relay that accepts (250) every email once its data has arrived, and counts them. */
async function startSink(): Promise<Sink> {
  let waiters: Array<() => boolean> = [];
  const sink: Sink = {
    port: 0,
    accepted: 0,
    firstAt: 0,
    lastAt: 0,
    waitFor: (count, ms) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`expected ${count} emails within ${secs(ms)}, got ${sink.accepted}`)),
          ms,
        );
        const check = () => {
          if (sink.accepted < count) return false;
          clearTimeout(timer);
          resolve();
          return true;
        };
        if (!check()) waiters.push(check);
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        callback();
        sink.accepted += 1;
        sink.lastAt = performance.now();
        if (sink.accepted === 1) sink.firstAt = sink.lastAt;
        waiters = waiters.filter((waiting) => !waiting());
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  sink.port = (server.server.address() as { port: number }).port;
  return sink;
}

/** The live site as far as `alerts send` asks: every appeal page answers 200. */
async function startLiveSite(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    res.writeHead(/^\/appeals\/[\w-]+\/$/.test(req.url ?? '') ? 200 : 404).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, server };
}

/**
 * `count` confirmed subscribers, written in one transaction in the store's own format (the real
 * sign-up path, one request and one confirmation each, would take hours at 100,000). Every fifth
 * chose all of the UK, the rest `region`: one alert there goes to every one of them.
 */
function seedSubscribers(dataDir: string, count: number, region: string): void {
  openAlertsStore(dataDir).close();
  const db = new DatabaseSync(path.join(dataDir, ALERTS_DB_FILE));
  const now = Date.now();
  const insert = db.prepare(
    `INSERT INTO subscribers (email, status, regions, created_at, consented_at, consent_regions,
       consent_wording, unsubscribe_nonce) VALUES (?, 'confirmed', ?, ?, ?, ?, ?, ?)`,
  );
  db.exec('BEGIN');
  for (let i = 0; i < count; i++) {
    const chosen = JSON.stringify(i % 5 === 0 ? [ALL_REGIONS] : [region]);
    insert.run(
      `subscriber${i}@bench.example.net`,
      chosen,
      now,
      now,
      chosen,
      WORDING_VERSION,
      randomBytes(16).toString('hex'),
    );
  }
  db.exec('COMMIT');
  db.close();
}

/**
 * `count` push subscriptions on the local push service, through the store's own method, in one
 * transaction; every fifth for all of the UK, the rest `region`, as the email subscribers.
 */
function seedDevices(dataDir: string, push: TestPushService, count: number, region: string): void {
  const store = openAlertsStore(dataDir);
  const now = Date.now();
  store.transaction(() => {
    for (let i = 0; i < count; i++)
      store.addPushSubscription({
        subscription: push.device(`device${i}`).subscription,
        regions: i % 5 === 0 ? [ALL_REGIONS] : [region],
        language: 'en',
        wording: WORDING_VERSION,
        now,
      });
  });
  store.close();
}

/** Deletes the sign-ups nobody confirmed (with their queued confirmation emails). */
function forgetPending(dataDir: string): void {
  const db = new DatabaseSync(path.join(dataDir, ALERTS_DB_FILE), { timeout: 30_000 });
  db.exec(`PRAGMA foreign_keys = ON; DELETE FROM subscribers WHERE status = 'pending'`);
  db.close();
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(NODE, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** `npm run alerts -- --port 0` as an operator runs it, once it says where it listens. */
async function startService(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(NODE, [path.join(PROJECT_ROOT, 'scripts/alerts.ts'), '--port', '0'], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the alerts service exited (${code}):\n${output}`)));
  });
  return { url, child };
}

async function stopService(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/**
 * `requests` subscribe form posts from `concurrency` loops. Each request comes from its own client
 * address (X-Real-IP, as the proxy sets it with ALERTS_TRUST_PROXY=1) unless `oneAddress` is given:
 * a crowd of people signing up once each, or one address hammering the form.
 */
async function subscribeLoad(
  serviceUrl: string,
  siteOrigin: string,
  region: string,
  requests: number,
  concurrency: number,
  oneAddress?: string,
): Promise<{ ms: number; statuses: Record<number, number> }> {
  const statuses: Record<number, number> = {};
  const tag = randomBytes(4).toString('hex');
  let next = 0;
  const started = performance.now();
  const loop = async () => {
    while (next < requests) {
      const i = next++;
      const address = oneAddress ?? `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      const answer = await fetch(`${serviceUrl}/alerts/subscribe`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: siteOrigin,
          'X-Real-IP': address,
        },
        body: new URLSearchParams({
          email: `new${tag}-${i}@bench.example.net`,
          region,
          wording: WORDING_VERSION,
        }).toString(),
      });
      await answer.arrayBuffer();
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, loop));
  return { ms: performance.now() - started, statuses };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function alertsMeasure(options: AlertsBenchOptions): Promise<AlertsFigures> {
  const { subscribers, devices, say } = options;
  mkdirSync(path.join(PROJECT_ROOT, 'test-output'), { recursive: true });
  const work = mkdtempSync(path.join(PROJECT_ROOT, 'test-output', 'bench-alerts-'));
  const sink = await startSink();
  const site = await startLiveSite();
  const push = await startPushService({ verify: PUSHES_VERIFIED });
  try {
    // Four fictional urgent appeals (the demo schedule makes the last four urgent), one photo each.
    const contentDir = path.join(work, 'content');
    const [alerted, recalled] = await writeSyntheticContent(contentDir, 4, 1);
    const regions = loadSettings(contentDir).settings!.regions.map((r) => r.id);
    const region = urgentAppealRegion(contentDir, alerted!)!;
    const dataDir = path.join(work, 'alerts-data');
    say(`alerts: seeding ${subscribers.toLocaleString('en-GB')} confirmed subscribers...`);
    const seedStart = performance.now();
    seedSubscribers(dataDir, subscribers, region);
    const seedMs = performance.now() - seedStart;
    say(`alerts: seeding ${devices.toLocaleString('en-GB')} push subscriptions...`);
    seedDevices(dataDir, push, devices, region);
    const vapid = webpush.generateVAPIDKeys();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CONTENT_DIR: contentDir,
      DEPLOY_DIR: path.join(work, 'deploy'),
      ARCHIVE_DIR: path.join(work, 'archive'),
      ALERTS_DATA_DIR: dataDir,
      LIVE_SITE_URL: site.url,
      ALERTS_SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      ALERTS_FROM: 'alerts@bench.example.net',
      // The machine's capacity, not the operator's allowance (default 10 a second): the relay's
      // own limit is what a real service is held to.
      ALERTS_SEND_PER_SECOND: '100000',
      ALERTS_TRUST_PROXY: '1',
      ALERTS_VAPID_PUBLIC_KEY: vapid.publicKey,
      ALERTS_VAPID_PRIVATE_KEY: vapid.privateKey,
      ALERTS_VAPID_SUBJECT: 'mailto:alerts@bench.example.net',
      // Hosts are matched by name, whatever the port; the push service's certificate is trusted.
      ALERTS_PUSH_HOSTS: '127.0.0.1',
      NODE_EXTRA_CA_CERTS: push.caFile,
    };
    const service = await startService(env);
    try {
      const store = openAlertsStore(dataDir);
      const { email: recipients, push: pushRecipients } = store.countRecipientsByChannel([region]);
      store.close();
      say(
        `alerts: \`alerts send ${alerted} --alert\` to ${recipients.toLocaleString('en-GB')} subscribers and ${pushRecipients.toLocaleString('en-GB')} devices...`,
      );
      const sendStart = performance.now();
      const sent = await run(
        [path.join(PROJECT_ROOT, 'scripts/alerts.ts'), 'send', alerted!, '--alert'],
        env,
      );
      const queuedMs = performance.now() - sendStart;
      if (sent.code !== 0) throw new Error(`alerts send failed:\n${sent.output}`);
      // A second appeal's alert queued behind the first, then recalled mid-send as a closure does
      // (the closure's only step that touches the alerts store), from this process, not the service.
      const second = openAlertsStore(dataDir);
      const recallQueued = second.enqueueAlert(recalled!, regions, Date.now());
      second.close();
      // The first alert's pushes are claimed before the second's (in id order): the time to the
      // last of them is taken when the count is reached, before the second alert's come in.
      const pushesDone = push.waitFor(pushRecipients, 6 * 60 * 60_000).then(() => ({
        lastMs: push.lastAt - sendStart,
        perMinute: ((pushRecipients - 1) * 60_000) / Math.max(1, push.lastAt - push.firstAt),
      }));
      await sink.waitFor(Math.ceil(recipients / 2), 6 * 60 * 60_000);
      const recallStart = performance.now();
      const { cancelled } = recallAlerts(dataDir, recalled!);
      const recallMs = performance.now() - recallStart;
      const sentAtRecall = sink.accepted;
      // The recalled appeal's pushes may have begun by now (the push sender is not held up by email).
      if (cancelled > recallQueued || cancelled < recallQueued - pushRecipients)
        throw new Error(`the recall cancelled ${cancelled} of ${recallQueued} queued alerts`);
      await sink.waitFor(recipients, 6 * 60 * 60_000);
      const lastMs = sink.lastAt - sendStart;
      const pushed = await pushesDone;
      // The sample the push service decrypted: the alerted appeal's, VAPID-signed with our key.
      const sample = push.received;
      if (
        sample.length !== Math.min(PUSHES_VERIFIED, pushRecipients) ||
        !sample.every(
          (p) => p.payload.url.includes(`/appeals/${alerted}/`) && p.vapid.publicKey === vapid.publicKey,
        )
      )
        throw new Error(`the pushes checked are not the alert: ${JSON.stringify(sample.slice(0, 2))}`);
      say(
        `  queued in ${secs(queuedMs)}, last email accepted after ${secs(lastMs)}, last push after ${secs(pushed.lastMs)}; recall of ${cancelled.toLocaleString('en-GB')} queued alerts mid-send: ${secs(recallMs)}`,
      );
      // Subscribe load, against the same store with the subscribers in it, the sender running.
      const siteOrigin = new URL(site.url).origin;
      const rounds: number[] = [];
      for (let r = 0; r < options.runs; r++) {
        // Each round starts from the N confirmed subscribers alone: unconfirmed sign-ups make each
        // request slower (the store forgets expired ones on every request), so rounds would differ.
        forgetPending(dataDir);
        const load = await subscribeLoad(
          service.url,
          siteOrigin,
          regions[1]!,
          options.subscribeRequests,
          SUBSCRIBE_CONCURRENCY,
        );
        if (load.statuses[303] !== options.subscribeRequests)
          throw new Error(`subscribe answers: ${JSON.stringify(load.statuses)} (expected every one 303)`);
        rounds.push((options.subscribeRequests * 1000) / load.ms);
        say(`  subscribe round ${r + 1}: ${rounds.at(-1)!.toFixed(0)} requests/s`);
      }
      const hammer = await subscribeLoad(service.url, siteOrigin, regions[0]!, 100, 8, '192.0.2.1');
      return {
        subscribers,
        recipients,
        seedMs,
        queuedMs,
        lastEmailMs: lastMs,
        // The sender's pace, first email to last (the command's own start-up aside).
        emailsPerMinute: ((recipients - 1) * 60_000) / Math.max(1, sink.lastAt - sink.firstAt),
        recall: { cancelled, ms: recallMs, sentBefore: sentAtRecall },
        push: {
          devices,
          recipients: pushRecipients,
          lastPushMs: pushed.lastMs,
          pushesPerMinute: pushed.perMinute,
          verified: sample.length,
        },
        subscribe: {
          requests: options.subscribeRequests,
          concurrency: SUBSCRIBE_CONCURRENCY,
          perSecond: rounds,
          medianPerSecond: median(rounds),
        },
        oneAddress: {
          requests: 100,
          accepted: hammer.statuses[303] ?? 0,
          refused: hammer.statuses[429] ?? 0,
        },
      };
    } finally {
      await stopService(service.child);
    }
  } finally {
    await sink.close();
    await push.close();
    await new Promise<void>((resolve) => site.server.close(() => resolve()));
    rmSync(work, { recursive: true, force: true });
  }
}
