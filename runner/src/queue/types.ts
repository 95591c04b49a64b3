import type { DepthValue } from '../../../src/contract/api.js';
import type { ScanResult } from '../scanner/types.js';
import type { NewReport } from '../store/store.js';

export interface RunScanOptions {
  depth: DepthValue;
  allowPrivateTargets: boolean;
  /** Aborted when the worker gives the scan up (shutdown, lost lease). */
  signal: AbortSignal;
  /** The operator's limits (queue/scan-budget.ts); the engine's own when absent. */
  scanTimeoutMs?: number;
  requestTimeoutMs?: number;
  maxBodyBytes?: number;
  /** The crawl budgets of the scan's depth (STANDARD and DEEP). */
  maxPages?: number;
  crawlTimeoutMs?: number;
}

/** Scans one target; throws ScanError (its message shown to users) when the target cannot be scanned. */
export type RunScan = (url: string, options: RunScanOptions) => Promise<ScanResult>;

/** Called once a scan is COMPLETED, e.g. to make version 1 of its report. */
export type OnScanCompleted = (scanId: string, result: ScanResult) => Promise<void> | void;

/**
 * Makes version 1 of a scan's report, before the scan is marked COMPLETED: the store then writes the
 * completion and the report in one transaction, so no crash can leave a completed scan without its report.
 * `createdAt` is the scan's completion time (epoch milliseconds).
 */
export type MakeReport = (scanId: string, result: ScanResult, createdAt: number) => Promise<NewReport>;
