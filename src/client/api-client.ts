// The IsSafeSite REST API (SPEC §3), one method per endpoint the action uses, every answer parsed with the
// shared contract. Undici underneath (transport.ts); time, jitter and the log can be injected.
import { randomUUID } from 'node:crypto';
import { API_BASE_PATH, ReportList, ScanCreated, ScanDetail, ScanList } from '../contract/api.js';
import type { CreateScanInput, ReportListBody, ScanCreatedBody, ScanDetailBody, ScanListBody, ScanStatusValue } from '../contract/api.js';
import { apiLocation, resolveApiPath } from './api-url.js';
import type { ApiLocation } from './api-url.js';
import { DEFAULT_RETRY } from './backoff.js';
import type { RetryPolicy } from './backoff.js';
import { systemClock } from './clock.js';
import type { Clock } from './clock.js';
import { Transport } from './transport.js';

export interface ClientOptions {
  /** The API's base, e.g. https://issafesite.com/api/v1. */
  apiUrl: string;
  apiKey: string;
  userAgent: string;
  clock?: Clock;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  log?: (line: string) => void;
  /** Honour HTTP(S)_PROXY / NO_PROXY (the hosted API from behind a proxy); off for the runner on loopback. */
  proxyFromEnv?: boolean;
}

export interface ApiClient {
  readonly location: ApiLocation;
  readonly clock: Clock;
  readonly log: (line: string) => void;
  /** POST /api/v1/scan; the Idempotency-Key is the same on every retry, so a retry never makes a second scan. */
  createScan(input: CreateScanInput, options?: { idempotencyKey?: string; deadline?: number }): Promise<ScanCreatedBody>;
  /** GET of a scan's statusUrl (/api/v1/scan/{id}). */
  getScan(statusUrl: string, options?: { deadline?: number }): Promise<ScanDetailBody>;
  /** GET /api/v1/scan, newest first. */
  listScans(query: { page?: number; limit?: number; status?: ScanStatusValue; domain?: string }): Promise<ScanListBody>;
  /** GET /api/v1/report. */
  listReports(query: { scanId?: string; page?: number; limit?: number }): Promise<ReportListBody>;
  /** GET of a report's downloadUrl (/api/report/{id}/pdf, outside /api/v1). */
  downloadPdf(downloadUrl: string): Promise<{ body: Uint8Array; contentType: string | undefined }>;
  close(): Promise<void>;
}

export function createApiClient(options: ClientOptions): ApiClient {
  const location = apiLocation(options.apiUrl);
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => undefined);
  const transport = new Transport({
    location,
    apiKey: options.apiKey,
    userAgent: options.userAgent,
    clock,
    random: options.random ?? Math.random,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    log,
    proxyFromEnv: options.proxyFromEnv ?? false,
  });
  const endpoint = (path: string, query: Record<string, string | number | undefined> = {}) => {
    const url = resolveApiPath(location, `${API_BASE_PATH}${path}`);
    for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
    return url;
  };
  const what = (method: string, url: URL) => `${method} ${url.pathname}`;

  return {
    location,
    clock,
    log,
    async createScan(input, o = {}) {
      const url = endpoint('/scan');
      return transport.json(
        { method: 'POST', url, what: what('POST', url), body: input, headers: { 'idempotency-key': o.idempotencyKey ?? randomUUID() }, deadline: o.deadline, charged: true },
        ScanCreated,
      );
    },
    async getScan(statusUrl, o = {}) {
      const url = resolveApiPath(location, statusUrl);
      return transport.json({ method: 'GET', url, what: what('GET', url), deadline: o.deadline }, ScanDetail);
    },
    async listScans(query) {
      const url = endpoint('/scan', query);
      return transport.json({ method: 'GET', url, what: what('GET', url) }, ScanList);
    },
    async listReports(query) {
      const url = endpoint('/report', query);
      return transport.json({ method: 'GET', url, what: what('GET', url) }, ReportList);
    },
    async downloadPdf(downloadUrl) {
      const url = resolveApiPath(location, downloadUrl);
      return transport.bytes({ method: 'GET', url, what: what('GET', url) });
    },
    close: () => transport.close(),
  };
}
