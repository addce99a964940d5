import { randomBytes } from 'node:crypto';
import type { OutgoingEmail } from './alert-email.ts';
import type { AlertsStore, OutboxRow } from './alerts-store.ts';

/** Hands one email to the relay; resolves once the relay has accepted it. */
export type SendEmail = (email: OutgoingEmail) => Promise<void>;

export interface OutboxWorkerOptions {
  store: AlertsStore;
  send: SendEmail;
  /** The email for a claimed row, or undefined to cancel it (its appeal is no longer live). */
  render: (row: OutboxRow) => OutgoingEmail | undefined;
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
export class OutboxWorker {
  private readonly id = randomBytes(8).toString('hex');
  private running = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private nextSlot = 0;
  private readonly now: () => number;

  private readonly options: OutboxWorkerOptions;
  constructor(options: OutboxWorkerOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.options.store.requeueAbandoned(this.id);
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
      const rows = this.options.store.claimDue(this.id, this.now(), this.options.concurrency);
      if (rows.length === 0) {
        const due = this.options.store.nextDue();
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

  private async deliver(row: OutboxRow): Promise<void> {
    const { store } = this.options;
    // Rendered at the last moment, from the appeal as it is now: one closed while this email
    // waited for its turn is not sent.
    await this.slot();
    let email: OutgoingEmail | undefined;
    try {
      email = this.options.render(row);
    } catch {
      email = undefined;
    }
    if (!email) {
      store.markCancelled(row.id);
      return;
    }
    try {
      await this.options.send(email);
      store.markSent(row.id, this.now());
    } catch (error) {
      const maxAttempts = this.options.maxAttempts ?? 8;
      store.markFailed(
        row.id,
        row.attempts >= maxAttempts ? undefined : this.now() + retryDelayMs(row.attempts),
      );
      // The relay's reason, without the address it was for.
      console.error(
        `alerts: the relay refused message ${row.id} (try ${row.attempts}): ${(error as { responseCode?: number }).responseCode ?? (error as { code?: string }).code ?? 'error'}`,
      );
    }
  }
}
