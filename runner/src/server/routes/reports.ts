// /api/v1/report and /api/report/:id/pdf
import { Router } from 'express';
import type { RequestHandler } from 'express';
import { CreateReportRequest, ListReportsQuery, ReportList, ReportSummary } from '../../../../src/contract/api.js';
import { jsonBody } from '../body.js';
import { methodNotAllowed } from '../error-handler.js';
import { send } from '../respond.js';
import { createReport, getReportPdf, listReports } from '../services/reports.js';
import type { ContextOf } from './context.js';

export function reportRoutes(auth: RequestHandler, contextOf: ContextOf): Router {
  const router = Router();
  router
    .route('/api/v1/report')
    // Counts against the per-minute request limit like every call, not against the monthly scan quota:
    // it renders a scan already paid for.
    .post(auth, ...jsonBody, async (req, res) => {
      const report = await createReport(contextOf(res), CreateReportRequest.parse(req.body));
      res.location(report.downloadUrl);
      send(res, 201, ReportSummary, report);
    })
    .get(auth, async (req, res) => {
      send(res, 200, ReportList, await listReports(contextOf(res), ListReportsQuery.parse(req.query)));
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'POST']));

  router
    .route('/api/report/:id/pdf')
    .get(auth, async (req, res) => {
      const { disposition, pdf } = await getReportPdf(contextOf(res), req.params.id as string);
      // send() sets Content-Length from the buffer (and sends no body to HEAD). The PDF is one account's
      // data: shared caches must not keep it.
      res.set({ 'Content-Type': 'application/pdf', 'Content-Disposition': disposition, 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' }).send(pdf);
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  return router;
}
