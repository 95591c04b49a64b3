// The HTTP API (SPEC §3), built without listening: the serve command listens, tests start it on port 0.
import express from 'express';
import type { Express } from 'express';
import type { ScanListBody } from '../../../src/contract/api.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import type { Store } from '../store/store.js';
import { accountOf, authenticate } from './auth.js';
import { errorHandler, unknownRoute } from './error-handler.js';
import type { Metrics } from './metrics.js';
import { createMetrics } from './metrics.js';
import type { RequestRateLimiter } from './rate-limit.js';
import { memoryRateLimiter } from './rate-limit.js';
import { requestContext } from './request-context.js';
import { ReadCache } from './read-cache.js';
import { metaRoutes } from './routes/meta.js';
import { reportRoutes } from './routes/reports.js';
import { scanRoutes } from './routes/scans.js';

export interface AppDeps {
  store: Store;
  /** Epoch milliseconds; Date.now by default. */
  now?: () => number;
  logger?: Logger;
  /** Told about every scan created (the serve command wakes the worker with it). */
  onScanCreated?: (scanId: string) => void;
  /** For /readyz: whether the worker is claiming scans. Without a worker the runner is never ready. */
  workerRunning?: () => boolean;
  /** Per-plan requests per minute; in memory by default. */
  rateLimiter?: RequestRateLimiter;
  /** Shown in the OpenAPI document. */
  version?: string;
  /** Served at /metrics; pass the same to the worker so scan durations are counted. */
  metrics?: Metrics;
}

export function createApp(deps: AppDeps): Express {
  const now = deps.now ?? Date.now;
  const logger = deps.logger ?? silentLogger;
  const metrics = deps.metrics ?? createMetrics(deps.store);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use(requestContext(logger, metrics));

  const auth = authenticate(deps.store, deps.rateLimiter ?? memoryRateLimiter(), now);
  const scanLists = new ReadCache<ScanListBody>();
  const contextOf = (res: express.Response) => ({ store: deps.store, now, account: accountOf(res), onScanCreated: deps.onScanCreated, scanLists });

  app.use(metaRoutes(deps.store, deps.workerRunning ?? (() => false), deps.version ?? '1.0.0', metrics));
  app.use(scanRoutes(auth, contextOf));
  app.use(reportRoutes(auth, contextOf));
  app.use(unknownRoute);
  app.use(errorHandler(logger));
  return app;
}
