/**
 * A fixed-window limit per client address and action: `limit` requests per `windowMs`. In memory:
 * the service is one process, and a restart forgetting the counts is harmless. Old windows are
 * dropped as they pass, so memory stays bounded by the addresses seen in one window.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  constructor(limit: number, windowMs: number, now: () => number = Date.now) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.now = now;
  }

  /** Counts one request from `key`; false when it is over the limit (answer 429). */
  allow(key: string): boolean {
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.sweep(now);
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.limit;
  }

  /** Seconds until `key` may try again (for Retry-After). */
  retryAfter(key: string): number {
    const window = this.windows.get(key);
    if (!window) return 0;
    return Math.max(1, Math.ceil((window.start + this.windowMs - this.now()) / 1000));
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows)
      if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
