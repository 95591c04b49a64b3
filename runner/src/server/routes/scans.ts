// /api/v1/scan and /api/v1/scan/:id
import { Router } from 'express';
import type { RequestHandler } from 'express';
import { CreateScanRequest, IdempotencyKey, ListScansQuery, ScanCreated, ScanDetail, ScanList, firstIssue } from '../../../../src/contract/api.js';
import { jsonBody } from '../body.js';
import { badRequest } from '../errors.js';
import { methodNotAllowed } from '../error-handler.js';
import { send } from '../respond.js';
import { createScan, getScan, listScans } from '../services/scans.js';
import type { ContextOf } from './context.js';

function idempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const parsed = IdempotencyKey.safeParse(header);
  if (!parsed.success) throw badRequest(firstIssue(parsed.error));
  return parsed.data;
}

export function scanRoutes(auth: RequestHandler, contextOf: ContextOf): Router {
  const router = Router();
  router
    .route('/api/v1/scan')
    .post(auth, ...jsonBody, async (req, res) => {
      const input = CreateScanRequest.parse(req.body);
      const { body, replayed } = await createScan(contextOf(res), input, idempotencyKey(req.get('idempotency-key')));
      if (replayed) res.set('Idempotent-Replayed', 'true');
      send(res, 202, ScanCreated, body);
    })
    .get(auth, async (req, res) => {
      send(res, 200, ScanList, await listScans(contextOf(res), ListScansQuery.parse(req.query)));
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'POST']));

  router
    .route('/api/v1/scan/:id')
    .get(auth, async (req, res) => {
      send(res, 200, ScanDetail, await getScan(contextOf(res), req.params.id as string));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}
