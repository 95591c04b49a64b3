import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newReportId, newScanId } from '../../../runner/src/ids.js';
import type { Logger } from '../../../runner/src/logger.js';
import type { MakeReport, RunScan } from '../../../runner/src/queue/types.js';
import type { Worker, WorkerOptions } from '../../../runner/src/queue/worker.js';
import { createWorker } from '../../../runner/src/queue/worker.js';
import { ScanError } from '../../../runner/src/scanner/errors.js';
import type { ScanResult } from '../../../runner/src/scanner/types.js';
import type { Account } from '../../../runner/src/store/store.js';
import { scanResult } from '../../support/minimal-scan-result.js';
import type { TempStore } from '../../support/store.js';
import { tempStore } from '../../support/store.js';

const OPTIONS: WorkerOptions = { concurrency: 2, leaseMs: 400, heartbeatMs: 50, pollMs: 20, maxAttempts: 3, retryBaseMs: 10, allowPrivateTargets: true };

let temp: TempStore;
let account: Account;
const workers: Worker[] = [];

beforeEach(async () => {
  finishedEvents.length = 0;
  temp = await tempStore();
  account = (await temp.store.ensureAccount('acme', 'ENTERPRISE', Date.now())).account;
});
afterEach(async () => {
  for (const w of workers.splice(0)) await w.stop(0);
  await temp.cleanup();
});

async function enqueue(n: number, url = 'https://example.com'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = newScanId();
    await temp.store.createScan({ id, accountId: account.id, url, domain: new URL(url).hostname, depth: 'QUICK', createdAt: Date.now() }, { monthlyLimit: null, period: '2026-04' });
    ids.push(id);
  }
  return ids;
}

const finishedEvents: string[] = [];

function start(runScan: RunScan, options: Partial<WorkerOptions> = {}, onScanCompleted?: (id: string, r: ScanResult) => void): Worker {
  const worker = createWorker({
    store: temp.store,
    runScan,
    options: { ...OPTIONS, ...options },
    onScanCompleted,
    onScanFinished: (status, seconds) => {
      expect(seconds).toBeGreaterThanOrEqual(0);
      finishedEvents.push(status);
    },
  });
  workers.push(worker);
  worker.start();
  return worker;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(10);
  }
}

const statuses = async () => temp.store.countScansByStatus();

describe('worker', () => {
  it('runs every pending scan to COMPLETED, never more than `concurrency` at once, and reports each completion once', async () => {
    const ids = await enqueue(6);
    let running = 0;
    let peak = 0;
    const completed: string[] = [];
    start(
      async (url, options) => {
        expect(options).toMatchObject({ depth: 'QUICK', allowPrivateTargets: true });
        running += 1;
        peak = Math.max(peak, running);
        await sleep(30);
        running -= 1;
        return scanResult(url);
      },
      {},
      (id) => completed.push(id),
    );
    await until(async () => (await statuses()).COMPLETED === 6);
    expect(peak).toBe(2);
    expect(completed.sort()).toEqual([...ids].sort());
    expect(finishedEvents).toEqual(Array(6).fill('COMPLETED'));
    const scan = await temp.store.getScan(account.id, ids[0] ?? '');
    expect(scan).toMatchObject({ status: 'COMPLETED', grade: 'C', attempts: 1 });
  });

  it('fails a scan with the ScanError message at once, without retrying', async () => {
    const [id = ''] = await enqueue(1, 'https://example.invalid');
    let calls = 0;
    start(async () => {
      calls += 1;
      throw new ScanError('DNS', 'DNS lookup failed for example.invalid');
    });
    await until(async () => (await statuses()).FAILED === 1);
    expect(calls).toBe(1);
    expect(finishedEvents).toEqual(['FAILED']);
    expect(await temp.store.getScan(account.id, id)).toMatchObject({ status: 'FAILED', error: 'DNS lookup failed for example.invalid', attempts: 1 });
  });

  it('retries an unexpected error with backoff and fails after the third attempt without leaking the detail', async () => {
    const [id = ''] = await enqueue(1);
    const times: number[] = [];
    start(async () => {
      times.push(Date.now());
      throw new Error('database exploded at /secret/path');
    }, { retryBaseMs: 60 });
    await until(async () => (await statuses()).FAILED === 1);
    expect(times).toHaveLength(3);
    // Backoff of 60 ms then 120 ms (exponential).
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(55);
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(115);
    const scan = await temp.store.getScan(account.id, id);
    expect(scan?.error).toBe('The scan could not be completed after 3 attempts because of an internal error in the runner.');
    expect(scan?.lastError).toContain('database exploded');
  });

  it('finishes running scans within the grace period on stop, claims nothing more, and requeues the rest', async () => {
    const [fast = '', slow = '', queued = ''] = await enqueue(3);
    const aborted: string[] = [];
    let started = 0;
    // The first scan claimed takes 100 ms, the second would take 10 s.
    const worker = start(
      (url, { signal }) =>
        new Promise((resolve, reject) => {
          started += 1;
          const timer = setTimeout(() => resolve(scanResult(url)), started === 1 ? 100 : 10_000);
          signal.addEventListener('abort', () => {
            clearTimeout(timer);
            aborted.push(url);
            reject(signal.reason as Error);
          });
        }),
    );
    await until(async () => worker.inFlight === 2);
    const outcome = await worker.stop(300);
    expect(outcome).toEqual({ finished: 1, requeued: 1 });
    expect(aborted).toHaveLength(1);
    expect(await temp.store.getScan(account.id, fast)).toMatchObject({ status: 'COMPLETED' });
    expect(await temp.store.getScan(account.id, slow)).toMatchObject({ status: 'PENDING', attempts: 0 });
    expect(await temp.store.getScan(account.id, queued)).toMatchObject({ status: 'PENDING', attempts: 0 });
    expect(worker.running).toBe(false);
  });

  it('takes over a scan whose worker stopped heartbeating, and drops that worker\'s late result', async () => {
    const [id = ''] = await enqueue(1);
    // A worker that claimed the scan and then hung: simulated by a claim with no heartbeat.
    const dead = await temp.store.claimNextScan('dead-worker', Date.now(), 100);
    expect(dead?.id).toBe(id);
    const completedBy: string[] = [];
    start(async (url) => scanResult(url), {}, (scanId) => completedBy.push(scanId));
    await until(async () => (await statuses()).COMPLETED === 1);
    expect(completedBy).toEqual([id]);
    expect(await temp.store.completeScan(id, 'dead-worker', Date.now(), scanResult())).toBe(false);
    expect(await temp.store.getScan(account.id, id)).toMatchObject({ status: 'COMPLETED', attempts: 2 });
  });

  it('abandons a scan whose lease was taken over while it ran', async () => {
    const [id = ''] = await enqueue(1);
    let signalSeen: AbortSignal | undefined;
    const worker = start(async (_url, { signal }) => {
      signalSeen = signal;
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      return scanResult();
    }, { maxAttempts: 1 });
    await until(async () => worker.inFlight === 1);
    // Another runner replica reclaims it (as if our heartbeats had stopped reaching the database).
    temp.store.driver.run("UPDATE scans SET lease_owner = 'someone-else' WHERE id = ?", [id]);
    await until(async () => signalSeen?.aborted === true);
    await until(async () => worker.inFlight === 0);
    expect(await temp.store.getScan(account.id, id)).toMatchObject({ status: 'RUNNING' });
  });

  it('keeps a completed scan through a slow completion hook without mistaking it for a lost lease', async () => {
    await enqueue(1);
    const warnings: string[] = [];
    let hookDone = false;
    const worker = createWorker({
      store: temp.store,
      runScan: async (url) => scanResult(url),
      options: OPTIONS,
      logger: { info() {}, debug() {}, error() {}, warn: (_f, message) => warnings.push(message ?? '') },
      // Longer than several heartbeats, as making a PDF report may be.
      onScanCompleted: async () => {
        await sleep(250);
        hookDone = true;
      },
    });
    workers.push(worker);
    worker.start();
    await until(async () => hookDone && worker.inFlight === 0);
    expect(warnings).toEqual([]);
    expect(await statuses()).toMatchObject({ COMPLETED: 1 });
  });

  describe('version 1 of the report', () => {
    const made = (scanId: string, createdAt: number) => ({ id: newReportId(), scanId, version: 1, title: 'Security Report — example.com', pdf: Buffer.from('%PDF-1.7'), createdAt });

    function startWithReport(makeReport: MakeReport, logger?: Logger, options: Partial<WorkerOptions> = {}): Worker {
      const worker = createWorker({ store: temp.store, runScan: async (url) => scanResult(url), options: { ...OPTIONS, ...options }, makeReport, logger });
      workers.push(worker);
      worker.start();
      return worker;
    }

    it('is stored with the completion, dated at the completion, and is the scan\'s reportId', async () => {
      const [id = ''] = await enqueue(1);
      const seen: { scanId: string; grade: string; createdAt: number }[] = [];
      startWithReport(async (scanId, result, createdAt) => {
        seen.push({ scanId, grade: result.grade, createdAt });
        return made(scanId, createdAt);
      });
      await until(async () => (await statuses()).COMPLETED === 1);
      const scan = await temp.store.getScan(account.id, id);
      const { rows } = await temp.store.listReports(account.id, { scanId: id }, { offset: 0, limit: 10 });
      expect(seen).toEqual([{ scanId: id, grade: 'C', createdAt: scan?.completedAt }]);
      expect(rows).toMatchObject([{ version: 1, createdAt: scan?.completedAt }]);
      expect(scan?.reportId).toBe(rows[0]?.id);
    });

    it('keeps the scan COMPLETED without a report when rendering fails, and logs why', async () => {
      const [id = ''] = await enqueue(1);
      const errors: string[] = [];
      startWithReport(
        async () => {
          throw new Error('font missing');
        },
        { info() {}, debug() {}, warn() {}, error: (fields, message) => errors.push(`${message ?? ''} ${String((fields as { err?: string }).err)}`) },
      );
      await until(async () => (await statuses()).COMPLETED === 1);
      expect(await temp.store.getScan(account.id, id)).toMatchObject({ status: 'COMPLETED', grade: 'C', reportId: null, attempts: 1 });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^Rendering the report of a completed scan failed.*font missing/s);
    });

    it('holds the lease while a report renders for longer than the lease', async () => {
      const [id = ''] = await enqueue(1);
      const warnings: string[] = [];
      startWithReport(
        async (scanId, _result, createdAt) => {
          await sleep(300);
          return made(scanId, createdAt);
        },
        { info() {}, debug() {}, error() {}, warn: (_f, message) => warnings.push(message ?? '') },
        { leaseMs: 100, heartbeatMs: 20 },
      );
      await until(async () => (await statuses()).COMPLETED === 1);
      expect(warnings).toEqual([]);
      expect(await temp.store.getScan(account.id, id)).toMatchObject({ status: 'COMPLETED', attempts: 1, reportId: expect.stringMatching(/^rpt_/) as unknown as string });
    });
  });

  it('claims a new scan at once when woken instead of waiting for the next poll', async () => {
    const worker = start(async (url) => scanResult(url), { pollMs: 60_000 });
    await sleep(50);
    await enqueue(1);
    worker.wake();
    await until(async () => (await statuses()).COMPLETED === 1, 2_000);
  });
});
