// Completed scans as the API returns them (SPEC §3 field names), for the output modules' tests.
import { SEVERITIES } from '../../../src/scan-view.js';
import type { FindingView, ScanView, Severity } from '../../../src/scan-view.js';

export function finding(overrides: Partial<FindingView> = {}): FindingView {
  return {
    checkId: 'x-content-type-options',
    category: 'security',
    severity: 'medium',
    title: 'X-Content-Type-Options is missing',
    description: 'Without nosniff, browsers may guess the type of a response and run it as script.',
    evidence: 'content-type: text/html',
    location: { url: 'https://preview.example.com/', header: 'x-content-type-options' },
    remediation: 'Send X-Content-Type-Options: nosniff on every response.',
    references: ['https://developer.mozilla.org/docs/Web/HTTP/Headers/X-Content-Type-Options'],
    ...overrides,
  };
}

/** `count` findings cycling through every severity and a handful of check ids. */
export function findings(count: number): FindingView[] {
  return Array.from({ length: count }, (_, i) => {
    const severity: Severity = SEVERITIES[i % SEVERITIES.length]!;
    return finding({
      checkId: `check-${i % 7}`,
      category: i % 3 === 0 ? 'security' : i % 3 === 1 ? 'seo' : 'traffic',
      severity,
      title: `Finding ${i + 1} (${severity})`,
      location: { url: `https://preview.example.com/page-${i}`, selector: `#item-${i}` },
      evidence: `<div id="item-${i}">`,
    });
  });
}

export function completedScan(overrides: Partial<ScanView> = {}): ScanView {
  const list = overrides.findings ?? [finding()];
  return {
    id: 'cabcdefghijklmnopqrstuvwx',
    url: 'https://preview.example.com/',
    targetUrl: 'https://preview.example.com/',
    domain: 'preview.example.com',
    targetDomain: 'preview.example.com',
    depth: 'STANDARD',
    status: 'COMPLETED',
    statusUrl: '/api/v1/scan/cabcdefghijklmnopqrstuvwx',
    createdAt: '2026-11-20T10:00:00.000Z',
    startedAt: '2026-11-20T10:00:01.000Z',
    completedAt: '2026-11-20T10:00:31.000Z',
    pagesScanned: 1,
    grade: 'B',
    overallScore: 84,
    securityScore: 80,
    seoScore: 90,
    trafficScore: 85,
    findingsCount: list.length,
    reportId: 'rpt_abcdefghijklmnopqrstuvwx',
    ...overrides,
    findings: list,
  };
}
