// Keeps the client under the plan's request rate, so a FREE key (10 requests a minute) is never answered 429
// for going too fast. Two rules, both checked before every request:
// - its own sliding window: once the API has said its limit (RateLimit-Limit), at most that many requests in
//   any minute, counted from when each was sent — the plans are per minute (SPEC §3);
// - the API's word: when RateLimit-Remaining reaches 0 (other jobs may share the key), nothing more until
//   RateLimit-Reset has passed; a 429's Retry-After pushes that moment further.
import type { Clock } from './clock.js';

/** The plans' window (requests per minute), plus a second for the clocks of the two ends and the way there. */
export const WINDOW_MS = 61_000;

export interface RateHeaders {
  limit?: number;
  remaining?: number;
  /** Milliseconds until the API's window resets. */
  resetMs?: number;
}

export class Pacer {
  private readonly sent: number[] = [];
  private limit: number | undefined;
  private blockedUntil = 0;

  constructor(private readonly clock: Clock) {}

  /** How long the next request must wait, in milliseconds (0: it may go now). */
  waitMs(): number {
    const now = this.clock.now();
    this.forget(now);
    let until = this.blockedUntil;
    if (this.limit !== undefined && this.sent.length >= this.limit) {
      // The request that leaves the window first makes room.
      until = Math.max(until, (this.sent[this.sent.length - this.limit] ?? now) + WINDOW_MS);
    }
    return Math.max(0, until - now);
  }

  /** Called as a request leaves. */
  sending(): void {
    this.sent.push(this.clock.now());
  }

  /** Called with every answer's RateLimit-* headers. */
  observe(headers: RateHeaders): void {
    if (headers.limit !== undefined && headers.limit > 0) this.limit = headers.limit;
    if (headers.remaining === 0 && headers.resetMs !== undefined) this.block(headers.resetMs);
  }

  /** Nothing goes out for `ms` (a 429's Retry-After). */
  block(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.clock.now() + ms);
  }

  private forget(now: number): void {
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - WINDOW_MS) this.sent.shift();
  }
}

/** Reads RateLimit-Limit, -Remaining and -Reset (IETF draft: Reset in seconds from now). */
export function rateHeaders(get: (name: string) => string | undefined, now: number): RateHeaders {
  const int = (name: string) => {
    const value = get(name);
    if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
    return Number(value);
  };
  const reset = int('ratelimit-reset');
  return {
    limit: int('ratelimit-limit'),
    remaining: int('ratelimit-remaining'),
    // Some APIs send the reset as an epoch time in seconds instead of a delay.
    resetMs: reset === undefined ? undefined : reset > 1_000_000_000 ? Math.max(0, reset * 1000 - now) : reset * 1000,
  };
}

/** Retry-After as milliseconds from now: seconds, or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
