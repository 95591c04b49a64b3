// The store: everything the server, the queue and the command line keep. One interface, so that a
// PostgreSQL implementation (several runner replicas sharing one queue with FOR UPDATE SKIP LOCKED,
// SPEC §4) can be added without touching them. Methods return promises for that reason; the SQLite
// implementation does its work synchronously inside them (one transaction, never an await inside it).
// Times are epoch milliseconds.
import type { DepthValue, GradeValue, ScanStatusValue } from '../../../src/contract/api.js';
import type { Plan } from '../plans.js';
import type { Finding, ScanResult } from '../scanner/types.js';

export interface Account {
  id: string;
  name: string;
  plan: Plan;
  createdAt: number;
}

export interface ApiKeyRecord {
  id: string;
  accountId: string;
  /** The first characters of the key, shown in listings and used to find it; the rest is never stored. */
  prefix: string;
  /** SHA-256 of the whole key. */
  hash: Buffer;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

export interface ApiKeyWithAccount extends ApiKeyRecord {
  account: Account;
}

export interface NewApiKey {
  id: string;
  accountId: string;
  prefix: string;
  hash: Buffer;
  createdAt: number;
  expiresAt: number | null;
}

export interface ScanSummaryRecord {
  id: string;
  accountId: string;
  url: string;
  domain: string;
  depth: DepthValue;
  status: ScanStatusValue;
  attempts: number;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  /** The user-facing reason, set when FAILED. */
  error: string | null;
  overallScore: number | null;
  grade: GradeValue | null;
  securityScore: number | null;
  seoScore: number | null;
  trafficScore: number | null;
  findingsCount: number | null;
  pagesScanned: number | null;
}

export interface ScanRecord extends ScanSummaryRecord {
  /** The latest report's id, or null before one is made. */
  reportId: string | null;
  findings: Finding[];
  /** The internal reason of the last failed attempt (never shown by the API). */
  lastError: string | null;
}

export interface NewScan {
  id: string;
  accountId: string;
  url: string;
  domain: string;
  depth: DepthValue;
  createdAt: number;
}

export interface CreateScanOptions {
  /** Scans allowed in `period`; null for unlimited. */
  monthlyLimit: number | null;
  /** The usage period of createdAt, "YYYY-MM". */
  period: string;
  idempotency?: {
    key: string;
    /** A hash of the request; the same key with another request is refused. */
    fingerprint: string;
    /** Keys created before this moment are forgotten. */
    notBefore: number;
  };
}

export type CreateScanOutcome =
  | { kind: 'created'; scan: ScanSummaryRecord }
  | { kind: 'replayed'; scan: ScanSummaryRecord }
  | { kind: 'idempotency-conflict' }
  | { kind: 'quota-exceeded'; used: number };

export interface ListQuery {
  offset: number;
  limit: number;
}

export interface Paged<T> {
  rows: T[];
  total: number;
}

export interface ReportRecord {
  id: string;
  scanId: string;
  accountId: string;
  version: number;
  title: string;
  pdfSize: number;
  createdAt: number;
  scan: { url: string; domain: string; overallScore: number | null; grade: GradeValue | null };
}

export interface NewReport {
  id: string;
  scanId: string;
  /**
   * The version this report is (1 for the first): rendered into the PDF, so it is chosen before rendering
   * and stored only if no other report took it meanwhile.
   */
  version: number;
  title: string;
  pdf: Uint8Array;
  createdAt: number;
}

/** A scan with everything its report is made from. */
export interface ScanResultRecord {
  scan: ScanSummaryRecord;
  /** The engine's whole result (findings, checks, pages …); undefined unless COMPLETED. */
  result: ScanResult | undefined;
  /** The newest report version of the scan, 0 before any. */
  latestReportVersion: number;
}

/** A scan handed to a worker. */
export interface ClaimedScan {
  id: string;
  accountId: string;
  url: string;
  depth: DepthValue;
  /** How many times it has been claimed, this time included. */
  attempts: number;
}

export interface ReapOutcome {
  requeued: string[];
  failed: string[];
}

export interface AccountStore {
  /** Finds the account by name or creates it (FREE unless `plan` is given); sets the plan when given. */
  ensureAccount(name: string, plan: Plan | undefined, now: number): Promise<{ account: Account; created: boolean; planChanged: boolean }>;
  getAccountByName(name: string): Promise<Account | undefined>;
  /** Scans created in a usage period. */
  getUsage(accountId: string, period: string): Promise<number>;
}

export interface KeyStore {
  insertApiKey(key: NewApiKey): Promise<void>;
  /** Every key (of any account) whose prefix is exactly `prefix`. */
  findApiKeysByPrefix(prefix: string): Promise<ApiKeyWithAccount[]>;
  /** Keys whose prefix starts with `prefixStart`, newest first (for `keys list` and `keys revoke`). */
  listApiKeys(prefixStart?: string): Promise<ApiKeyWithAccount[]>;
  revokeApiKey(id: string, now: number): Promise<boolean>;
  /** Keys neither revoked nor expired at `now`. */
  countUsableApiKeys(now: number): Promise<number>;
}

export interface ScanStore {
  /** Idempotency lookup, quota check, counter and insert in one transaction: concurrent calls never over-admit. */
  createScan(scan: NewScan, options: CreateScanOptions): Promise<CreateScanOutcome>;
  getScan(accountId: string, id: string): Promise<ScanRecord | undefined>;
  /** Newest first. */
  listScans(accountId: string, filter: { status?: ScanStatusValue; domain?: string }, page: ListQuery): Promise<Paged<ScanSummaryRecord>>;
  countScansByStatus(): Promise<Record<ScanStatusValue, number>>;
}

export interface QueueStore {
  /** Atomically takes the oldest PENDING scan that is due, marks it RUNNING and leases it to `owner`. */
  claimNextScan(owner: string, now: number, leaseMs: number): Promise<ClaimedScan | undefined>;
  /** Extends the lease; false when `owner` no longer holds it (the scan was reclaimed). */
  renewLease(id: string, owner: string, now: number, leaseMs: number): Promise<boolean>;
  /**
   * RUNNING → COMPLETED with the result and, when given, version 1 of its report, in one transaction (a
   * completed scan is never seen without the report made for it); false (and nothing written) when
   * `owner` lost the lease.
   */
  completeScan(id: string, owner: string, now: number, result: ScanResult, report?: NewReport): Promise<boolean>;
  /** RUNNING → FAILED with the user-facing `error`; `lastError` keeps the internal detail. */
  failScan(id: string, owner: string, now: number, error: string, lastError: string): Promise<boolean>;
  /** RUNNING → PENDING, due again at `availableAt` (backoff), counting the attempt. */
  retryScan(id: string, owner: string, availableAt: number, lastError: string): Promise<boolean>;
  /** RUNNING → PENDING now without counting the attempt (the runner is shutting down). */
  releaseScan(id: string, owner: string, now: number): Promise<boolean>;
  /**
   * Scans whose lease expired (their worker died): back to PENDING after `backoffMs(attempts)`, or FAILED
   * with `failMessage` once `maxAttempts` claims were made.
   */
  reapExpiredLeases(now: number, maxAttempts: number, backoffMs: (attempts: number) => number, failMessage: string): Promise<ReapOutcome>;
}

export interface ReportStore {
  /**
   * Adds version `report.version` of a scan's report, which must follow the newest one; undefined (and
   * nothing written) when it does not, because another report was stored meanwhile.
   */
  insertReport(report: NewReport): Promise<ReportRecord | undefined>;
  /** A scan of the account with its stored result and newest report version, for making the next report. */
  getScanResult(accountId: string, id: string): Promise<ScanResultRecord | undefined>;
  listReports(accountId: string, filter: { scanId?: string }, page: ListQuery): Promise<Paged<ReportRecord>>;
  getReportPdf(accountId: string, id: string): Promise<{ report: ReportRecord; pdf: Buffer } | undefined>;
}

export interface Store extends AccountStore, KeyStore, ScanStore, QueueStore, ReportStore {
  /** Which implementation answers, e.g. "sqlite (better-sqlite3)". */
  readonly description: string;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /**
   * A value that changes whenever anything stored may have changed (a write by this process or another),
   * so that a read may be reused while it stays equal. Absent when the store cannot tell: nothing is reused.
   */
  changeMark?(): string;
  close(): Promise<void>;
}
