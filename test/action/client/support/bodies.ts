// API answers as the contract shapes them, for the fake API's handlers.
import type { ReportSummaryBody, ScanCreatedBody, ScanDetailBody, ScanSummaryBody } from '../../../../src/contract/api.js';

export const SCAN_ID = 'c0123456789abcdefghijklmn';
export const REPORT_ID = 'rpt_0123456789abcdefghijklmn';
export const URL_SCANNED = 'https://preview.example.com/';

export function created(overrides: Partial<ScanCreatedBody> = {}): ScanCreatedBody {
  return { id: SCAN_ID, url: URL_SCANNED, domain: 'preview.example.com', depth: 'QUICK', status: 'PENDING', statusUrl: `/api/v1/scan/${SCAN_ID}`, createdAt: '2026-11-20T10:00:00.000Z', ...overrides };
}

export function summary(overrides: Partial<ScanSummaryBody> = {}): ScanSummaryBody {
  return {
    id: SCAN_ID,
    targetUrl: URL_SCANNED,
    targetDomain: 'preview.example.com',
    depth: 'QUICK',
    status: 'COMPLETED',
    overallScore: 72,
    grade: 'C',
    securityScore: 65,
    seoScore: 80,
    trafficScore: 75,
    findingsCount: 0,
    createdAt: '2026-11-20T10:00:00.000Z',
    completedAt: '2026-11-20T10:00:30.000Z',
    ...overrides,
  };
}

export function detail(overrides: Partial<ScanDetailBody> = {}): ScanDetailBody {
  const base = summary(overrides);
  return {
    ...base,
    url: base.targetUrl,
    domain: base.targetDomain,
    statusUrl: `/api/v1/scan/${base.id}`,
    startedAt: '2026-11-20T10:00:01.000Z',
    pagesScanned: 1,
    reportId: null,
    findings: [],
    ...overrides,
  };
}

export function running(overrides: Partial<ScanDetailBody> = {}): ScanDetailBody {
  return detail({ status: 'RUNNING', overallScore: null, grade: null, securityScore: null, seoScore: null, trafficScore: null, findingsCount: null, completedAt: null, pagesScanned: null, ...overrides });
}

export function report(overrides: Partial<ReportSummaryBody> = {}): ReportSummaryBody {
  return {
    id: REPORT_ID,
    title: 'Security Report — preview.example.com',
    version: 1,
    pdfSize: 17,
    format: 'PDF',
    createdAt: '2026-11-20T10:00:31.000Z',
    scan: { targetUrl: URL_SCANNED, targetDomain: 'preview.example.com', overallScore: 72, grade: 'C' },
    downloadUrl: `/api/report/${REPORT_ID}/pdf`,
    ...overrides,
  };
}

export const page = <T>(data: T[], p = 1, pages = 1) => ({ data, pagination: { page: p, limit: 50, total: data.length, pages } });

export const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');
