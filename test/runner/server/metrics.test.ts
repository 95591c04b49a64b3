// GET /metrics of a running runner, scraped and parsed as Prometheus does: requests by route and status,
// request latency, scans by status, scan duration, queue depth, workers busy, the process's memory.
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ScanCreated } from '../../../src/contract/api.js';
import { loadConfig } from '../../../runner/src/config.js';
import { silentLogger } from '../../../runner/src/logger.js';
import type { RunningRunner } from '../../../runner/src/start.js';
import { startRunner } from '../../../runner/src/start.js';
import { scanResult } from '../../support/minimal-scan-result.js';
import { call, expectShape } from '../../support/server.js';
import { tempDir } from '../../support/store.js';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The text exposition format (https://prometheus.io/docs/instrumenting/exposition_formats/), strictly. */
function parseExposition(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type !== null) {
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (line.startsWith('# HELP ')) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (sample === null) throw new Error(`not a Prometheus line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, name, value] of (sample[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/g)) labels[name!] = value!;
    // Prometheus reads floats with Go's ParseFloat: NaN in any case, +Inf and -Inf (prom-client writes "Nan" for an empty lag histogram).
    const raw = sample[3]!;
    const value = /^nan$/i.test(raw) ? NaN : /^[+-]inf$/i.test(raw) ? (raw.startsWith('-') ? -Infinity : Infinity) : Number(raw);
    if (Number.isNaN(value) && !/^nan$/i.test(raw)) throw new Error(`not a number: ${line}`);
    samples.push({ name: sample[1]!, labels, value });
  }
  return { samples, types };
}

const value = (samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

let dir: { dir: string; remove(): void };
let runner: RunningRunner | undefined;
beforeEach(() => {
  dir = tempDir();
});
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
  dir.remove();
});

async function scrape(base: string) {
  const res = await fetch(`${base}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
  return parseExposition(await res.text());
}

it('reports scans by status, queue depth and busy workers while scans run, then durations and requests', async () => {
  const config = loadConfig({ RUNNER_DB: path.join(dir.dir, 'r.db'), PORT: '0', RUNNER_CONCURRENCY: '2', RUNNER_POLL_MS: '20' });
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  runner = await startRunner(config, {
    logger: silentLogger,
    runScan: async (url) => {
      await gate;
      return scanResult(url);
    },
  });
  const key = runner.firstKey ?? '';
  for (let i = 0; i < 4; i++) expectShape(await call(runner.url, 'POST', '/api/v1/scan', { key, body: { url: `https://site${i}.example` } }), 202, ScanCreated);
  await call(runner.url, 'GET', '/api/v1/scan/cnotthere', { key });
  await call(runner.url, 'GET', '/api/v1/scan');

  let during = await scrape(runner.url);
  for (let i = 0; i < 50 && value(during.samples, 'issafesite_workers_busy') !== 2; i++) {
    await new Promise((r) => setTimeout(r, 20));
    during = await scrape(runner.url);
  }
  expect(value(during.samples, 'issafesite_workers_busy')).toBe(2);
  expect(value(during.samples, 'issafesite_workers')).toBe(2);
  expect(value(during.samples, 'issafesite_queue_depth')).toBe(2);
  expect(value(during.samples, 'issafesite_scans', { status: 'RUNNING' })).toBe(2);
  expect(value(during.samples, 'issafesite_scans', { status: 'PENDING' })).toBe(2);
  expect(during.types.get('issafesite_workers_busy')).toBe('gauge');

  release();
  let after = await scrape(runner.url);
  for (let i = 0; i < 100 && value(after.samples, 'issafesite_scans', { status: 'COMPLETED' }) !== 4; i++) {
    await new Promise((r) => setTimeout(r, 20));
    after = await scrape(runner.url);
  }
  const { samples, types } = after;
  expect(value(samples, 'issafesite_scans', { status: 'COMPLETED' })).toBe(4);
  expect(value(samples, 'issafesite_queue_depth')).toBe(0);
  expect(value(samples, 'issafesite_workers_busy')).toBe(0);
  expect(types.get('issafesite_scan_duration_seconds')).toBe('histogram');
  expect(value(samples, 'issafesite_scan_duration_seconds_count', { status: 'COMPLETED' })).toBe(4);
  expect(value(samples, 'issafesite_scan_duration_seconds_bucket', { status: 'COMPLETED', le: '+Inf' })).toBe(4);
  expect(types.get('issafesite_http_requests_total')).toBe('counter');
  expect(value(samples, 'issafesite_http_requests_total', { method: 'POST', route: '/api/v1/scan', status: '202' })).toBe(4);
  expect(value(samples, 'issafesite_http_requests_total', { method: 'GET', route: '/api/v1/scan/:id', status: '404' })).toBe(1);
  expect(value(samples, 'issafesite_http_requests_total', { method: 'GET', route: '/api/v1/scan', status: '401' })).toBe(1);
  expect(value(samples, 'issafesite_http_request_duration_seconds_count', { route: '/api/v1/scan' })).toBe(5);
  // The process's own figures, for memory and CPU alerts.
  expect(value(samples, 'process_resident_memory_bytes')).toBeGreaterThan(10 * 1024 * 1024);
  expect(value(samples, 'nodejs_eventloop_lag_seconds')).toBeDefined();
});
