import { randomBytes } from 'node:crypto';
import type { OutgoingEmail } from './alert-email.ts';
import type { AlertsStore, Channel, OutboxRow } from './alerts-store.ts';

/** Hands one email to the relay; resolves once the relay has accepted it. */
export type SendEmail = (email: OutgoingEmail) => Promise<void>;

/** What the worker needs of a claimed row, whatever the channel. */
interface ClaimedRow {
  id: number;
  attempts: number;
}

/**
 * A worker sends one channel of the outbox: emails (the default) or web push (`channel` and
 * `claim` given). `R` is the claimed row, `M` the message rendered from it.
 */
export interface OutboxWorkerOptions<R extends ClaimedRow = OutboxRow, M = OutgoingEmail> {
  store: AlertsStore;
  send: (message: M) => Promise<void>;
  /** The message for a claimed row, or undefined to cancel it (its appeal is no longer live). */
  render: (row: R) => M | undefined;
  channel?: Channel;
  /** Claims due rows of the channel (default: the store's emails). */
  claim?: (worker: string, now: number, limit: number) => R[];
  /** A refusal that no retry can cure (a push subscription that is gone): handled, not retried. */
  permanent?: (row: R, error: unknown) => boolean;
  /** Emails in flight at once. */
  concurrency: number;
  /** Emails handed to the relay per second, at most. */
  perSecond: number;
  /** Tries before a message is given up (the relay refused it every time). */
  maxAttempts?: number;
  /** How often to look for work queued by another process (the CLI). */
  pollMs?: number;
  now?: () => number;
}

/** The wait before try `attempt + 1`: 30 s, 1 min, 2 min, … up to an hour. */
export const retryDelayMs = (attempt: number): number => Math.min(60 * 60_000, 30_000 * 2 ** (attempt - 1));

/**
 * Sends the outbox. Each message is claimed (marked "sending", with this worker's id) in one
 * transaction before it is handed to the relay, and marked "sent" once the relay accepts it, so two
 * workers never send the same row and a restart finds what was in flight. A worker that starts
 * puts back what an earlier, killed one had claimed: those few are sent again (with the same
 * Message-ID) rather than lost, the one way an email can repeat, and only after a crash.
 */
export class OutboxWorker<R extends ClaimedRow = OutboxRow, M = OutgoingEmail> {
  private readonly id = randomBytes(8).toString('hex');
  private running = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private nextSlot = 0;
  private readonly now: () => number;

  private readonly options: OutboxWorkerOptions<R, M>;
  private readonly channel: Channel;
  private readonly claim: (worker: string, now: number, limit: number) => R[];
  constructor(options: OutboxWorkerOptions<R, M>) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.channel = options.channel ?? 'email';
    this.claim =
      options.claim ?? ((worker, now, limit) => options.store.claimDue(worker, now, limit) as unknown as R[]);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.options.store.requeueAbandoned(this.id, this.channel);
    this.loop = this.run();
  }

  /** Something was queued: look now rather than at the next poll. */
  kick(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loop;
  }

  private async run(): Promise<void> {
    const pollMs = this.options.pollMs ?? 500;
    while (this.running) {
      const rows = this.claim(this.id, this.now(), this.options.concurrency);
      if (rows.length === 0) {
        const due = this.options.store.nextDue(this.channel);
        const wait = due === undefined ? pollMs : Math.min(pollMs, Math.max(0, due - this.now()));
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
        continue;
      }
      await Promise.all(rows.map((row) => this.deliver(row)));
    }
  }

  /** Waits for the next free slot under the rate limit. */
  private async slot(): Promise<void> {
    const gap = 1000 / this.options.perSecond;
    const at = Math.max(this.now(), this.nextSlot);
    this.nextSlot = at + gap;
    const wait = at - this.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  private async deliver(row: R): Promise<void> {
    const { store } = this.options;
    // Rendered at the last moment, from the appeal as it is now: one closed while this message
    // waited for its turn is not sent.
    await this.slot();
    let message: M | undefined;
    try {
      message = this.options.render(row);
    } catch {
      message = undefined;
    }
    if (message === undefined) {
      store.markCancelled(row.id);
      return;
    }
    try {
      await this.options.send(message);
      store.markSent(row.id, this.now());
    } catch (error) {
      const maxAttempts = this.options.maxAttempts ?? 8;
      const permanent = this.options.permanent?.(row, error) ?? false;
      store.markFailed(
        row.id,
        permanent || row.attempts >= maxAttempts ? undefined : this.now() + retryDelayMs(row.attempts),
      );
      // The relay's or push service's reason, without the address it was for.
      const reason =
        (error as { responseCode?: number }).responseCode ??
        (error as { statusCode?: number }).statusCode ??
        (error as { code?: string }).code ??
        'error';
      console.error(
        `alerts: the ${this.channel === 'push' ? 'push service' : 'relay'} refused message ${row.id} (try ${row.attempts}): ${reason}`,
      );
    }
  }
}
