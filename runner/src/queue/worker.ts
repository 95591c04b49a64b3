// The worker pool: claims PENDING scans (up to `concurrency` at once), renews their leases while they
// run, records the outcome, and reaps scans whose worker died. On stop it claims nothing more, lets the
// running scans finish for a grace period and puts the rest back in the queue.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import type { ScanError } from '../scanner/errors.js';
import type { ScanResult } from '../scanner/types.js';
import type { ClaimedScan, NewReport, QueueStore } from '../store/store.js';
import { backoffMs } from './backoff.js';
import type { MakeReport, OnScanCompleted, RunScan } from './types.js';

export interface WorkerOptions {
  concurrency: number;
  leaseMs: number;
  heartbeatMs: number;
  /** How often an idle worker looks for new scans (it is also woken by `wake()`). */
  pollMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  allowPrivateTargets: boolean;
}

export interface WorkerDeps {
  store: QueueStore;
  runScan: RunScan;
  options: WorkerOptions;
  logger?: Logger;
  now?: () => number;
  /**
   * Makes version 1 of the report of each scan that completes, stored with the completion in one
   * transaction. Without it scans complete with no report.
   */
  makeReport?: MakeReport;
  /** Called after a scan is stored as COMPLETED (with its report). */
  onScanCompleted?: OnScanCompleted;
  /** Names this process in lease_owner; random by default. */
  workerId?: string;
  /** Told when a scan ends, with how long its last attempt took (for /metrics). */
  onScanFinished?: (status: 'COMPLETED' | 'FAILED', seconds: number) => void;
}

export interface StopOutcome {
  /** Scans that ended (COMPLETED or FAILED) during the grace period. */
  finished: number;
  /** Scans put back to PENDING because the grace period ran out. */
  requeued: number;
}

export interface Worker {
  readonly id: string;
  /** True from start() until stop() begins. */
  readonly running: boolean;
  readonly inFlight: number;
  start(): void;
  /** Looks for work now instead of at the next poll (a scan was just created). */
  wake(): void;
  stop(graceMs: number): Promise<StopOutcome>;
}

interface Task {
  scan: ClaimedScan;
  startedAt: number;
  controller: AbortController;
  /** Another worker took the scan over (our lease expired): drop whatever we find. */
  lost: boolean;
  /** Given back to the queue at shutdown. */
  released: boolean;
  /** The scan function returned: its lease no longer needs renewing (the outcome is being recorded). */
  ended: boolean;
  done: Promise<void>;
}

/** Shown to users when a scan kept dying with its worker. */
export const interruptedMessage = (attempts: number): string =>
  `The scan was interrupted ${attempts} times because the runner stopped while scanning; it was not retried again.`;

const isScanError = (error: unknown): error is ScanError => error instanceof Error && error.name === 'ScanError';
const describe = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/** Lets a sleeping loop be woken early. */
class Wakeup {
  private readonly waiters = new Set<() => void>();
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }
  notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

export function createWorker(deps: WorkerDeps): Worker {
  const { store, runScan, options } = deps;
  const logger = deps.logger ?? silentLogger;
  const now = deps.now ?? Date.now;
  const id = deps.workerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const active = new Map<string, Task>();
  const wakeup = new Wakeup();
  let state: 'idle' | 'running' | 'stopping' | 'stopped' = 'idle';
  let loop: Promise<void> = Promise.resolve();
  let ticker: NodeJS.Timeout | undefined;
  let finished = 0;

  async function reap(): Promise<void> {
    const outcome = await store.reapExpiredLeases(now(), options.maxAttempts, (n) => backoffMs(n, options.retryBaseMs), interruptedMessage(options.maxAttempts));
    if (outcome.requeued.length > 0) logger.warn({ scans: outcome.requeued }, 'Requeued scans whose worker stopped heartbeating');
    if (outcome.failed.length > 0) logger.warn({ scans: outcome.failed }, `Failed scans interrupted ${options.maxAttempts} times`);
    if (outcome.requeued.length > 0) wakeup.notify();
  }

  async function tick(): Promise<void> {
    for (const task of active.values()) {
      if (task.released || task.lost || task.ended) continue;
      const held = await store.renewLease(task.scan.id, id, now(), options.leaseMs);
      if (!held) {
        task.lost = true;
        task.controller.abort(new Error('lease lost'));
        logger.warn({ scanId: task.scan.id }, 'Lost the lease of a running scan; abandoning it');
      }
    }
    await reap();
  }

  /**
   * Version 1 of the report, or undefined when rendering failed: the scan is still stored as COMPLETED
   * (its result is what matters, and rendering the same result again would fail the same way); the error
   * is logged and POST /api/v1/report can make the report once the cause is fixed.
   */
  async function firstReport(scanId: string, result: ScanResult, completedAt: number): Promise<NewReport | undefined> {
    if (deps.makeReport === undefined) return undefined;
    try {
      return await deps.makeReport(scanId, result, completedAt);
    } catch (error) {
      logger.error({ scanId, err: describe(error) }, 'Rendering the report of a completed scan failed; the scan is stored without one');
      return undefined;
    }
  }

  async function settle(task: Task): Promise<void> {
    const { scan } = task;
    try {
      const result = await runScan(scan.url, { depth: scan.depth, allowPrivateTargets: options.allowPrivateTargets, signal: task.controller.signal });
      // The lease is still renewed while the report renders: a big report takes about a second.
      const completedAt = now();
      const report = task.released || task.lost ? undefined : await firstReport(scan.id, result, completedAt);
      task.ended = true;
      if (task.released || task.lost) return;
      if (!(await store.completeScan(scan.id, id, completedAt, result, report))) {
        logger.warn({ scanId: scan.id }, 'A scan finished after its lease was taken over; its result was dropped');
        return;
      }
      finished += 1;
      deps.onScanFinished?.('COMPLETED', (now() - task.startedAt) / 1000);
      logger.info({ scanId: scan.id, grade: result.grade, overallScore: result.overallScore, attempt: scan.attempts, reportId: report?.id ?? null }, 'Scan completed');
      try {
        await deps.onScanCompleted?.(scan.id, result);
      } catch (error) {
        logger.error({ scanId: scan.id, err: describe(error) }, 'The completed-scan hook failed');
      }
    } catch (error) {
      task.ended = true;
      if (task.released || task.lost) return;
      await record(task, error);
    }
  }

  async function record(task: Task, error: unknown): Promise<void> {
    const { scan } = task;
    const failed = () => {
      finished += 1;
      deps.onScanFinished?.('FAILED', (now() - task.startedAt) / 1000);
    };
    if (isScanError(error)) {
      // The target cannot be scanned (DNS, refused, blocked address …): retrying will not change that.
      if (await store.failScan(scan.id, id, now(), error.message, `${error.code}: ${error.message}`)) failed();
      logger.info({ scanId: scan.id, error: error.message }, 'Scan failed');
      return;
    }
    const detail = describe(error);
    if (scan.attempts >= options.maxAttempts) {
      const message = `The scan could not be completed after ${scan.attempts} attempts because of an internal error in the runner.`;
      if (await store.failScan(scan.id, id, now(), message, detail)) failed();
      logger.error({ scanId: scan.id, err: detail }, 'Scan failed for good after an internal error');
      return;
    }
    const delay = backoffMs(scan.attempts, options.retryBaseMs);
    await store.retryScan(scan.id, id, now() + delay, detail);
    logger.warn({ scanId: scan.id, err: detail, retryInMs: delay }, 'Scan attempt failed; retrying later');
  }

  function launch(scan: ClaimedScan): void {
    const task: Task = { scan, startedAt: now(), controller: new AbortController(), lost: false, released: false, ended: false, done: Promise.resolve() };
    active.set(scan.id, task);
    logger.info({ scanId: scan.id, url: scan.url, depth: scan.depth, attempt: scan.attempts }, 'Scan started');
    task.done = settle(task)
      .catch((error: unknown) => logger.error({ scanId: scan.id, err: describe(error) }, 'Recording a scan outcome failed'))
      .finally(() => {
        active.delete(scan.id);
        wakeup.notify();
      });
  }

  async function claimLoop(): Promise<void> {
    while (state === 'running') {
      if (active.size >= options.concurrency) {
        await wakeup.wait(options.pollMs);
        continue;
      }
      let scan: ClaimedScan | undefined;
      try {
        scan = await store.claimNextScan(id, now(), options.leaseMs);
      } catch (error) {
        logger.error({ err: describe(error) }, 'Claiming a scan failed');
      }
      if (state !== 'running') {
        // stop() began while claiming: hand the scan straight back.
        if (scan !== undefined) await store.releaseScan(scan.id, id, now());
        break;
      }
      if (scan === undefined) await wakeup.wait(options.pollMs);
      else launch(scan);
    }
  }

  return {
    id,
    get running() {
      return state === 'running';
    },
    get inFlight() {
      return active.size;
    },
    start() {
      if (state !== 'idle') throw new Error('A worker starts once.');
      state = 'running';
      ticker = setInterval(() => {
        tick().catch((error: unknown) => logger.error({ err: describe(error) }, 'Heartbeat failed'));
      }, options.heartbeatMs);
      loop = reap()
        .catch((error: unknown) => logger.error({ err: describe(error) }, 'Reaping expired leases failed'))
        .then(claimLoop);
    },
    wake() {
      wakeup.notify();
    },
    async stop(graceMs) {
      if (state === 'stopped' || state === 'stopping') return { finished: 0, requeued: 0 };
      const wasRunning = state === 'running';
      state = 'stopping';
      wakeup.notify();
      await loop;
      const finishedBefore = finished;
      const deadline = now() + graceMs;
      while (active.size > 0 && now() < deadline) {
        await Promise.race([Promise.all([...active.values()].map((t) => t.done)), new Promise((r) => setTimeout(r, Math.max(0, deadline - now())))]);
      }
      let requeued = 0;
      const leftovers = [...active.values()];
      for (const task of leftovers) {
        task.released = true;
        task.controller.abort(new Error('runner shutting down'));
        if (await store.releaseScan(task.scan.id, id, now())) requeued += 1;
      }
      if (ticker !== undefined) clearInterval(ticker);
      // Aborted scans usually end at once; one that ignores its signal is not waited for beyond a second.
      await Promise.race([Promise.all(leftovers.map((t) => t.done)), new Promise((r) => setTimeout(r, 1_000).unref())]);
      state = 'stopped';
      if (wasRunning) logger.info({ finished: finished - finishedBefore, requeued }, 'Worker stopped');
      return { finished: finished - finishedBefore, requeued };
    },
  };
}
