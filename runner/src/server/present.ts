// Store records → the contract's response bodies. Times go out as ISO 8601 in UTC to the second, the
// hosted service's format ("2026-04-23T12:00:00Z").
import type { ReportSummaryBody, ScanCreatedBody, ScanDetailBody, ScanSummaryBody } from '../../../src/contract/api.js';
import { downloadUrl, statusUrl } from '../../../src/contract/api.js';
import type { ReportRecord, ScanRecord, ScanSummaryRecord } from '../store/store.js';

export const iso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

export function scanCreated(scan: ScanSummaryRecord): ScanCreatedBody {
  return { id: scan.id, url: scan.url, domain: scan.domain, depth: scan.depth, status: 'PENDING', statusUrl: statusUrl(scan.id), createdAt: iso(scan.createdAt) };
}

export function scanSummary(scan: ScanSummaryRecord): ScanSummaryBody {
  return {
    id: scan.id,
    targetUrl: scan.url,
    targetDomain: scan.domain,
    depth: scan.depth,
    status: scan.status,
    overallScore: scan.overallScore,
    grade: scan.grade,
    securityScore: scan.securityScore,
    seoScore: scan.seoScore,
    trafficScore: scan.trafficScore,
    findingsCount: scan.findingsCount,
    createdAt: iso(scan.createdAt),
    completedAt: isoOrNull(scan.completedAt),
  };
}

export function scanDetail(scan: ScanRecord): ScanDetailBody {
  return {
    ...scanSummary(scan),
    url: scan.url,
    domain: scan.domain,
    statusUrl: statusUrl(scan.id),
    startedAt: isoOrNull(scan.startedAt),
    ...(scan.status === 'FAILED' ? { error: scan.error ?? 'The scan failed.' } : {}),
    pagesScanned: scan.pagesScanned,
    reportId: scan.reportId,
    findings: scan.findings,
  };
}

export function reportSummary(report: ReportRecord): ReportSummaryBody {
  return {
    id: report.id,
    title: report.title,
    version: report.version,
    pdfSize: report.pdfSize,
    format: 'PDF',
    createdAt: iso(report.createdAt),
    scan: { targetUrl: report.scan.url, targetDomain: report.scan.domain, overallScore: report.scan.overallScore, grade: report.scan.grade },
    downloadUrl: downloadUrl(report.id),
  };
}

export function pagination(page: number, limit: number, total: number) {
  return { page, limit, total, pages: Math.ceil(total / limit) };
}
