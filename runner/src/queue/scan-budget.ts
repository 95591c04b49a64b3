// The operator's limits on each scan (RUNNER_SCAN_TIMEOUT_MS, RUNNER_REQUEST_TIMEOUT_MS,
// RUNNER_MAX_BODY_BYTES, the crawl budgets per depth), added to every call the worker makes to the scan function.
import type { RunScan } from './types.js';

export interface ScanBudget {
  /** The whole scan; undefined leaves the engine's budget for the depth. */
  scanTimeoutMs?: number;
  /** Each request to the target, redirects included. */
  requestTimeoutMs: number;
  /** Bytes read of one page. */
  maxBodyBytes: number;
  standardMaxPages: number;
  standardCrawlTimeoutMs: number;
  deepMaxPages: number;
  deepCrawlTimeoutMs: number;
}

export function withScanBudget(runScan: RunScan, budget: ScanBudget): RunScan {
  const limits = {
    requestTimeoutMs: budget.requestTimeoutMs,
    maxBodyBytes: budget.maxBodyBytes,
    ...(budget.scanTimeoutMs === undefined ? {} : { scanTimeoutMs: budget.scanTimeoutMs }),
  };
  const crawl = {
    QUICK: {},
    STANDARD: { maxPages: budget.standardMaxPages, crawlTimeoutMs: budget.standardCrawlTimeoutMs },
    DEEP: { maxPages: budget.deepMaxPages, crawlTimeoutMs: budget.deepCrawlTimeoutMs },
  } as const;
  return (url, options) => runScan(url, { ...options, ...limits, ...crawl[options.depth] });
}
