// Making the next version of a scan's report, listing reports and downloading their PDF.
import type { CreateReportInput, ListReportsParams, ReportListBody, ReportSummaryBody } from '../../../../src/contract/api.js';
import { REPORT_ID_PATTERN, SCAN_ID_PATTERN, statusUrl } from '../../../../src/contract/api.js';
import { displayDomain } from '../../report/format.js';
import { renderReportVersion } from '../../report/versioned.js';
import type { ReportRecord, ScanResultRecord } from '../../store/store.js';
import { attachment } from '../content-disposition.js';
import { conflict, notFound } from '../errors.js';
import { pagination, reportSummary } from '../present.js';
import type { ServiceContext } from './context.js';

/**
 * The version is printed in the PDF, so it is chosen before rendering; a request that loses the race for
 * it to a concurrent one renders again with the next number, this many times at most.
 */
const VERSION_ATTEMPTS = 3;

async function completedScan(ctx: ServiceContext, id: string): Promise<ScanResultRecord & { result: NonNullable<ScanResultRecord['result']> }> {
  // Another account's scan answers exactly like a scan that does not exist.
  const found = SCAN_ID_PATTERN.test(id) ? await ctx.store.getScanResult(ctx.account.id, id) : undefined;
  if (found === undefined) throw notFound(`No scan ${JSON.stringify(id.slice(0, 64))} in this account.`);
  const { status } = found.scan;
  if (status === 'FAILED') throw conflict(`Scan ${id} FAILED, so it has no results to report: start a new scan.`);
  if (status !== 'COMPLETED') throw conflict(`Scan ${id} is ${status}: its report can be made once the scan is COMPLETED (poll ${statusUrl(id)}).`);
  if (found.result === undefined) throw new Error(`COMPLETED scan ${id} has no stored result`);
  return { ...found, result: found.result };
}

/** Renders and stores the next version of a COMPLETED scan's report. */
export async function createReport(ctx: ServiceContext, input: CreateReportInput): Promise<ReportSummaryBody> {
  for (let attempt = 1; attempt <= VERSION_ATTEMPTS; attempt++) {
    const { result, latestReportVersion } = await completedScan(ctx, input.scanId);
    const made = await renderReportVersion(result, latestReportVersion + 1, ctx.now());
    const stored = await ctx.store.insertReport({ ...made, scanId: input.scanId });
    if (stored !== undefined) return reportSummary(stored);
  }
  throw conflict(`Other reports of scan ${input.scanId} were being made at the same time: retry in a moment.`);
}

export async function listReports(ctx: ServiceContext, query: ListReportsParams): Promise<ReportListBody> {
  const { rows, total } = await ctx.store.listReports(ctx.account.id, { scanId: query.scanId }, { offset: (query.page - 1) * query.limit, limit: query.limit });
  return { data: rows.map(reportSummary), pagination: pagination(query.page, query.limit, total) };
}

/**
 * "issafesite-<domain>-v<version>.pdf": the domain as stored (ASCII, punycode for an IDN) with anything
 * but letters, digits, dots and dashes (the colons of an IPv6 address) made "_"; and the readable name.
 */
export function reportFileNames(report: ReportRecord): { ascii: string; unicode: string } {
  const name = (domain: string) => `issafesite-${domain}-v${report.version}.pdf`;
  return {
    ascii: name(report.scan.domain.replace(/[^A-Za-z0-9.-]/g, '_')),
    unicode: name(displayDomain(report.scan.domain).unicode.replace(/[^\p{L}\p{M}\p{N}.-]/gu, '_')),
  };
}

export async function getReportPdf(ctx: ServiceContext, id: string): Promise<{ disposition: string; pdf: Buffer }> {
  const found = REPORT_ID_PATTERN.test(id) ? await ctx.store.getReportPdf(ctx.account.id, id) : undefined;
  if (found === undefined) throw notFound(`No report ${JSON.stringify(id.slice(0, 64))} in this account.`);
  const { ascii, unicode } = reportFileNames(found.report);
  return { disposition: attachment(ascii, unicode), pdf: found.pdf };
}
