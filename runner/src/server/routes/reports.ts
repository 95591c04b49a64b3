// /api/v1/report and /api/report/:id/pdf
import { Router } from 'express';
import type { RequestHandler } from 'express';
import { ListReportsQuery, ReportList } from '../../../../src/contract/api.js';
import { methodNotAllowed } from '../error-handler.js';
import { send } from '../respond.js';
import { getReportPdf, listReports } from '../services/reports.js';
import type { ContextOf } from './context.js';

export function reportRoutes(auth: RequestHandler, contextOf: ContextOf): Router {
  const router = Router();
  router
    .route('/api/v1/report')
    .get(auth, async (req, res) => {
      send(res, 200, ReportList, await listReports(contextOf(res), ListReportsQuery.parse(req.query)));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  router
    .route('/api/report/:id/pdf')
    .get(auth, async (req, res) => {
      const { filename, pdf } = await getReportPdf(contextOf(res), req.params.id as string);
      res.attachment(filename).type('application/pdf').send(pdf);
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}
