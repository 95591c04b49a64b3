// Prometheus metrics (GET /metrics): requests, scans by status, scan duration, queue depth. One registry
// per app, so several apps in one process (tests, the action) never collide.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { SCAN_STATUSES } from '../../../src/contract/api.js';
import type { Store } from '../store/store.js';

export interface Metrics {
  readonly registry: Registry;
  request(method: string, route: string, status: number): void;
  /** A scan ended after `seconds` of scanning. */
  scanFinished(status: 'COMPLETED' | 'FAILED', seconds: number): void;
}

export function createMetrics(store: Store): Metrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'issafesite_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'issafesite_scan_duration_seconds',
    help: 'Time from claiming a scan to its end.',
    labelNames: ['status'],
    // QUICK scans take seconds, DEEP ones minutes.
    buckets: [1, 2, 5, 10, 30, 60, 120, 300, 600],
    registers: [registry],
  });
  new Gauge({
    name: 'issafesite_scans',
    help: 'Scans in the database, by status.',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const counts = await store.countScansByStatus();
      for (const status of SCAN_STATUSES) this.set({ status }, counts[status]);
    },
  });
  new Gauge({
    name: 'issafesite_queue_depth',
    help: 'Scans waiting to be claimed (PENDING).',
    registers: [registry],
    async collect() {
      this.set((await store.countScansByStatus()).PENDING);
    },
  });
  return {
    registry,
    request: (method, route, status) => requests.inc({ method, route, status: String(status) }),
    scanFinished: (status, seconds) => duration.observe({ status }, seconds),
  };
}
