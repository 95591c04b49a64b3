// Budgets per depth (SPEC §5): STANDARD crawls up to 25 pages in 60 s, DEEP up to 200 pages in 5 minutes;
// both are configurable through ScanOptions. The whole scan gets a hard deadline above the crawl's, so
// that the probes after the crawl have time too; those stop early (never fail the scan) when it nears.
import type { Depth } from '../types.js';

export interface DepthBudget {
  maxPages: number;
  crawlTimeoutMs: number;
  /** The hard deadline of the whole collection (the scan fails with TIMEOUT past it). */
  scanTimeoutMs: number;
}

export const DEPTH_BUDGETS: Record<Depth, DepthBudget> = {
  // A QUICK scan is "seconds" (SPEC §5); a minute is the most a stuck site may hold it.
  QUICK: { maxPages: 1, crawlTimeoutMs: 0, scanTimeoutMs: 60_000 },
  STANDARD: { maxPages: 25, crawlTimeoutMs: 60_000, scanTimeoutMs: 180_000 },
  DEEP: { maxPages: 200, crawlTimeoutMs: 300_000, scanTimeoutMs: 600_000 },
};

/** How long before the hard deadline the probes stop starting requests, so collection still ends cleanly. */
export const PROBE_MARGIN_MS = 5_000;

/** A point in time work must finish by; pass `at` as a fetch's `deadline`. */
export class Deadline {
  constructor(
    readonly at: number,
    private readonly now: () => number = Date.now,
  ) {}

  static in(ms: number, now: () => number = Date.now): Deadline {
    return new Deadline(now() + ms, now);
  }

  remaining(): number {
    return Math.max(0, this.at - this.now());
  }

  passed(): boolean {
    return this.now() >= this.at;
  }
}
