// A ScanService that answers from memory, to run main.ts's story without an API.
import type { ConnectScanService, ScanService } from '../../../src/scan-service.js';
import type { ScanScores, ScanView } from '../../../src/scan-view.js';

export interface StubCalls {
  connected: number;
  scans: Array<{ url: string; depth: string }>;
  reports: number;
  closed: number;
}

export interface StubOptions {
  scan: ScanView;
  previous?: ScanScores;
  pdf?: Uint8Array;
  /** Thrown by runScan, as the client throws an actionable error. */
  failure?: Error;
  /** Thrown by downloadReport. */
  reportFailure?: Error;
}

export function stubScanService(options: StubOptions): { connect: ConnectScanService; calls: StubCalls } {
  const calls: StubCalls = { connected: 0, scans: [], reports: 0, closed: 0 };
  const service: ScanService = {
    async runScan(request) {
      calls.scans.push(request);
      if (options.failure) throw options.failure;
      return { ...options.scan, url: request.url, targetUrl: request.url, depth: request.depth };
    },
    async previousScan() {
      return options.previous;
    },
    async downloadReport() {
      calls.reports++;
      if (options.reportFailure) throw options.reportFailure;
      return options.pdf ?? Buffer.from('%PDF-1.7\n%%EOF\n');
    },
    async close() {
      calls.closed++;
    },
  };
  return {
    calls,
    connect: async () => {
      calls.connected++;
      return service;
    },
  };
}
