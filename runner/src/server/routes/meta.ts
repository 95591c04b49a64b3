// Probes, metrics and the API description: no authentication.
import { Router } from 'express';
import { Health, Ready } from '../../../../src/contract/api.js';
import { openApiDocument } from '../../../../src/contract/openapi.js';
import type { Store } from '../../store/store.js';
import { HttpError } from '../errors.js';
import { methodNotAllowed } from '../error-handler.js';
import type { Metrics } from '../metrics.js';
import { send } from '../respond.js';

export function metaRoutes(store: Store, workerRunning: () => boolean, version: string, metrics: Metrics): Router {
  const router = Router();
  let openapi: Record<string, unknown> | undefined;

  router
    .route('/api/v1/openapi.json')
    .get((_req, res) => {
      // Served relative to this runner, whatever host name it is reached by.
      openapi ??= openApiDocument({ version, serverUrl: '/' });
      res.json(openapi);
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/healthz')
    .get((_req, res) => send(res, 200, Health, { status: 'ok' }))
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/readyz')
    .get(async (_req, res) => {
      try {
        await store.ping();
      } catch {
        throw new HttpError(503, 'Not ready: the database does not answer.');
      }
      if (!workerRunning()) throw new HttpError(503, 'Not ready: the scan worker is not running.');
      send(res, 200, Ready, { status: 'ready', database: 'ok', worker: 'running' });
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  router
    .route('/metrics')
    .get(async (_req, res) => {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}
