// issafesite-runner serve: migrations, keys, the worker and the API; SIGTERM or SIGINT drains and stops.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { issueApiKey, seedBootstrapKey } from '../auth/api-keys.js';
import type { RunnerConfig } from '../config.js';
import { CONFIG_FLAGS, loadConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { createLogger } from '../logger.js';
import { defaultRunScan } from '../queue/default-scan.js';
import type { OnScanCompleted, RunScan } from '../queue/types.js';
import { createWorker } from '../queue/worker.js';
import { createApp } from '../server/app.js';
import { createMetrics } from '../server/metrics.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { RUNNER_VERSION } from '../version.js';
import { parse, reportFailure } from './usage.js';

export const USAGE = `Usage: issafesite-runner serve [--port 8080] [--host 127.0.0.1] [--db ./data/issafesite.db] [--concurrency 4]

Runs the IsSafeSite API and the scan worker over one SQLite file.

Environment: PORT, RUNNER_HOST, RUNNER_DB, RUNNER_CONCURRENCY, RUNNER_ALLOW_PRIVATE_TARGETS (true to scan
localhost and private networks), RUNNER_BOOTSTRAP_KEY (seeds one ENTERPRISE key), RUNNER_SQLITE_DRIVER,
RUNNER_LEASE_MS, RUNNER_HEARTBEAT_MS, RUNNER_SHUTDOWN_GRACE_MS, RUNNER_MAX_ATTEMPTS, RUNNER_RETRY_BASE_MS,
RUNNER_POLL_MS, RUNNER_LOG_LEVEL. A flag wins over its variable.`;

/** The account of the key made for a runner started with none (the quick start). */
export const FIRST_ACCOUNT = 'default';

/** Seams for tests and for embedding (the action runs the runner in-process). */
export interface ServeOptions {
  env?: NodeJS.ProcessEnv;
  runScan?: RunScan;
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
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = await openSqliteStore(config.db, config.sqliteDriver);
  try {
    const now = Date.now();
    if (config.bootstrapKey !== undefined && (await seedBootstrapKey(store, config.bootstrapKey, now)) === 'created') {
      logger.info({}, 'Seeded the key of RUNNER_BOOTSTRAP_KEY (ENTERPRISE)');
    }
    const firstKey = (await store.countUsableApiKeys(now)) === 0 ? (await issueApiKey(store, { accountName: FIRST_ACCOUNT, plan: 'ENTERPRISE', now })).key : undefined;

    const metrics = createMetrics(store);
    const worker = createWorker({
      store,
      onScanFinished: metrics.scanFinished,
      runScan: options.runScan ?? defaultRunScan,
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
    const app = createApp({ store, logger, onScanCreated: () => worker.wake(), workerRunning: () => worker.running, version: RUNNER_VERSION, metrics });
    const server: Server = app.listen(config.port, config.host);
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

function banner(runner: RunningRunner, description: string): string {
  const { config, url, firstKey } = runner;
  const lines = [`IsSafeSite runner ${RUNNER_VERSION} listening on ${url} (database ${config.db}, ${description}, ${config.concurrency} scans at once).`];
  if (firstKey === undefined) {
    lines.push('Create an API key with: issafesite-runner keys create --account NAME --plan PRO');
  } else {
    lines.push(
      '',
      `No API key existed, so one was created for account "${FIRST_ACCOUNT}" (ENTERPRISE plan). It is shown only this once:`,
      '',
      `  ${firstKey}`,
      '',
      'Start a scan:',
      '',
      `curl -X POST ${url}/api/v1/scan \\`,
      `-H "Authorization: Bearer ${firstKey}" \\`,
      '-H "Content-Type: application/json" \\',
      `-d '{"url": "https://example.com", "depth": "STANDARD"}'`,
      '',
      `Then follow the statusUrl it answers: curl -H "Authorization: Bearer ${firstKey}" ${url}/api/v1/scan/<id>`,
    );
  }
  return `${lines.join('\n')}\n\n`;
}

export async function main(argv: string[], options: ServeOptions = {}): Promise<number> {
  let config: RunnerConfig;
  try {
    const { values } = parse(argv, { ...CONFIG_FLAGS, help: { type: 'boolean', short: 'h' } }, false);
    if (values.help === true) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    config = loadConfig(options.env ?? process.env, values as Record<string, string | undefined>);
  } catch (error) {
    return reportFailure(error, USAGE);
  }

  // Listening for signals before anything starts: one that arrives during start-up stops the runner
  // right after it, instead of killing the process by default.
  const signal = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  const runner = await startRunner(config, options);
  process.stdout.write(banner(runner, runner.store.description));
  const received = await signal;
  // A second signal while draining means "now".
  const force = (again: NodeJS.Signals) => () => {
    process.stderr.write(`${again} during shutdown: stopping at once; running scans go back to the queue when their lease expires.\n`);
    process.exit(130);
  };
  process.once('SIGTERM', force('SIGTERM'));
  process.once('SIGINT', force('SIGINT'));
  process.stderr.write(`${received}: finishing running scans for up to ${config.shutdownGraceMs} ms, then stopping.\n`);
  await runner.stop();
  return 0;
}
