// Listing reports and downloading their PDF.
import type { ListReportsParams, ReportListBody } from '../../../../src/contract/api.js';
import { REPORT_ID_PATTERN } from '../../../../src/contract/api.js';
import { notFound } from '../errors.js';
import { pagination, reportSummary } from '../present.js';
import type { ServiceContext } from './context.js';

export async function listReports(ctx: ServiceContext, query: ListReportsParams): Promise<ReportListBody> {
  const { rows, total } = await ctx.store.listReports(ctx.account.id, { scanId: query.scanId }, { offset: (query.page - 1) * query.limit, limit: query.limit });
  return { data: rows.map(reportSummary), pagination: pagination(query.page, query.limit, total) };
}

export async function getReportPdf(ctx: ServiceContext, id: string): Promise<{ filename: string; pdf: Buffer }> {
  const found = REPORT_ID_PATTERN.test(id) ? await ctx.store.getReportPdf(ctx.account.id, id) : undefined;
  if (found === undefined) throw notFound(`No report ${JSON.stringify(id.slice(0, 64))} in this account.`);
  const { report, pdf } = found;
  return { filename: `issafesite-${report.scan.domain.replace(/[^A-Za-z0-9.-]/g, '_')}-v${report.version}.pdf`, pdf };
}
