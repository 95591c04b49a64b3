// The runner as one object: store (migrated), keys, worker and API listening. The serve command runs it
// until a signal; the action's bundled mode starts it in-process on port 0.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { issueApiKey, seedBootstrapKey } from './auth/api-keys.js';
import type { RunnerConfig } from './config.js';
import type { Logger } from './logger.js';
import { createLogger } from './logger.js';
import { defaultRunScan } from './queue/default-scan.js';
import { defaultMakeReport } from './queue/default-report.js';
import { withScanBudget } from './queue/scan-budget.js';
import type { MakeReport, OnScanCompleted, RunScan } from './queue/types.js';
import { createWorker } from './queue/worker.js';
import { createApp } from './server/app.js';
import { answerClientErrors } from './server/client-errors.js';
import { createMetrics } from './server/metrics.js';
import { liftedRateLimiter } from './server/rate-limit.js';
import { openSqliteStore } from './store/sqlite/index.js';
import type { Store } from './store/store.js';
import { RUNNER_VERSION } from './version.js';

/** The account of the key made for a runner started with none (the quick start). */
export const FIRST_ACCOUNT = 'default';

/** Seams for tests and for embedding (the action runs the runner in-process). */
export interface ServeOptions {
  /** Read instead of process.env by the serve command. */
  env?: NodeJS.ProcessEnv;
  runScan?: RunScan;
  /** Makes version 1 of each completed scan's report; the PDF renderer by default. */
  makeReport?: MakeReport;
  onScanCompleted?: OnScanCompleted;
  logger?: Logger;
}

export interface RunningRunner {
  config: RunnerConfig;
  store: Store;
  /** Where the API answers, e.g. http://127.0.0.1:8080. */
  url: string;
  /** The key made at start when no usable key existed (shown once). */
  firstKey?: string;
  /** Drains the worker for the grace period, closes the server and the database. */
  stop(): Promise<void>;
}

/** Starts everything and returns once the API listens and the worker claims. */
export async function startRunner(config: RunnerConfig, options: ServeOptions = {}): Promise<RunningRunner> {
  const logger = options.logger ?? createLogger(config.logLevel, { secrets: [config.bootstrapKey] });
  const store = await openSqliteStore(config.db, config.sqliteDriver, { busyTimeoutMs: config.busyTimeoutMs });
  try {
    const now = Date.now();
    if (config.bootstrapKey !== undefined && (await seedBootstrapKey(store, config.bootstrapKey, now)) === 'created') {
      logger.info({}, 'Seeded the key of RUNNER_BOOTSTRAP_KEY (ENTERPRISE)');
    }
    const firstKey = (await store.countUsableApiKeys(now)) === 0 ? (await issueApiKey(store, { accountName: FIRST_ACCOUNT, plan: 'ENTERPRISE', now })).key : undefined;

    const metrics = createMetrics(store, { processMetrics: true });
    const worker = createWorker({
      store,
      onScanFinished: metrics.scanFinished,
      runScan: withScanBudget(options.runScan ?? defaultRunScan, config),
      makeReport: options.makeReport ?? defaultMakeReport,
      onScanCompleted: options.onScanCompleted,
      logger,
      options: {
        concurrency: config.concurrency,
        leaseMs: config.leaseMs,
        heartbeatMs: config.heartbeatMs,
        pollMs: config.pollMs,
        maxAttempts: config.maxAttempts,
        retryBaseMs: config.retryBaseMs,
        allowPrivateTargets: config.allowPrivateTargets,
      },
    });
    metrics.observeWorkers(() => ({ busy: worker.inFlight, capacity: config.concurrency }));
    const rateLimiter = config.rateLimits ? undefined : liftedRateLimiter();
    const app = createApp({ store, logger, onScanCreated: () => worker.wake(), workerRunning: () => worker.running, version: RUNNER_VERSION, metrics, rateLimiter });
    const server: Server = app.listen(config.port, config.host);
    answerClientErrors(server);
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', (error: NodeJS.ErrnoException) => {
        reject(
          new Error(
            error.code === 'EADDRINUSE'
              ? `Port ${config.port} on ${config.host} is already in use: stop the other process or pass --port.`
              : `Cannot listen on ${config.host}:${config.port}: ${error.message}`,
          ),
        );
      });
    });
    worker.start();
    const { port } = server.address() as AddressInfo;
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;

    return {
      config,
      store,
      url: `http://${host}:${port}`,
      firstKey,
      async stop() {
        // Stop accepting connections, let the requests in flight end, drain the worker, then close.
        const closed = new Promise((resolve) => server.close(resolve));
        server.closeIdleConnections();
        const outcome = await worker.stop(config.shutdownGraceMs);
        server.closeAllConnections();
        await closed;
        await store.close();
        logger.info(outcome, 'Runner stopped');
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
