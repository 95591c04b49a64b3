// Prometheus metrics (GET /metrics): requests by route and status with their latency, scans by status,
// scan duration, queue depth, workers busy, and (for the served runner) the process's own figures. One
// registry per app, so several apps in one process (tests, the action) never collide.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { SCAN_STATUSES } from '../../../src/contract/api.js';
import type { ScanStatusValue } from '../../../src/contract/api.js';
import type { Store } from '../store/store.js';

export interface WorkerLoad {
  /** Scans running now in this process. */
  busy: number;
  /** Scans it may run at once (RUNNER_CONCURRENCY). */
  capacity: number;
}

export interface Metrics {
  readonly registry: Registry;
  request(method: string, route: string, status: number, seconds: number): void;
  /** A scan ended after `seconds` of scanning. */
  scanFinished(status: 'COMPLETED' | 'FAILED', seconds: number): void;
  /** Where the workers gauges read from (the served runner's worker pool). */
  observeWorkers(load: () => WorkerLoad): void;
}

export interface MetricsOptions {
  /** Adds prom-client's process and Node.js metrics (memory, CPU, event loop lag): once per process. */
  processMetrics?: boolean;
}

export function createMetrics(store: Store, options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics === true) collectDefaultMetrics({ register: registry });
  let load: () => WorkerLoad = () => ({ busy: 0, capacity: 0 });

  // Both scan gauges read one GROUP BY per scrape.
  let counting: Promise<Record<ScanStatusValue, number>> | undefined;
  const counts = () =>
    (counting ??= store.countScansByStatus().finally(() => {
      counting = undefined;
    }));

  const requests = new Counter({
    name: 'issafesite_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'issafesite_http_request_duration_seconds',
    help: 'Time to answer a request, by route pattern.',
    labelNames: ['route'],
    // The API answers in milliseconds (docs/performance.md); the upper buckets catch a stalled database.
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
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
      const byStatus = await counts();
      for (const status of SCAN_STATUSES) this.set({ status }, byStatus[status]);
    },
  });
  new Gauge({
    name: 'issafesite_queue_depth',
    help: 'Scans waiting to be claimed (PENDING).',
    registers: [registry],
    async collect() {
      this.set((await counts()).PENDING);
    },
  });
  new Gauge({
    name: 'issafesite_workers_busy',
    help: 'Scans running now in this process.',
    registers: [registry],
    collect() {
      this.set(load().busy);
    },
  });
  new Gauge({
    name: 'issafesite_workers',
    help: 'Scans this process may run at once (RUNNER_CONCURRENCY).',
    registers: [registry],
    collect() {
      this.set(load().capacity);
    },
  });
  return {
    registry,
    request: (method, route, status, seconds) => {
      requests.inc({ method, route, status: String(status) });
      latency.observe({ route }, seconds);
    },
    scanFinished: (status, seconds) => duration.observe({ status }, seconds),
    observeWorkers: (provider) => {
      load = provider;
    },
  };
}
