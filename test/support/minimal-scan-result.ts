// A small ScanResult as the engine returns it, for store, queue and server tests that do not scan.
import type { Finding, ScanResult } from '../../runner/src/scanner/types.js';

export const FINDING: Finding = {
  checkId: 'x-content-type-options',
  category: 'security',
  severity: 'medium',
  title: 'X-Content-Type-Options header is missing',
  description: 'Without `nosniff`, browsers may guess the content type.',
  evidence: 'No X-Content-Type-Options header on the page response.',
  location: { url: 'https://example.com/', header: 'X-Content-Type-Options' },
  remediation: 'Send `X-Content-Type-Options: nosniff` on every response.',
  references: ['https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/X-Content-Type-Options'],
};

export function scanResult(url = 'https://example.com', overrides: Partial<ScanResult> = {}): ScanResult {
  const findings = overrides.findings ?? [FINDING, { ...FINDING, checkId: 'meta-description', category: 'seo', severity: 'low', location: { url: `${url}/`, selector: 'head' } }];
  return {
    url,
    domain: new URL(url).hostname,
    depth: 'STANDARD',
    startedAt: '2026-04-23T12:00:00.000Z',
    completedAt: '2026-04-23T12:01:30.000Z',
    overallScore: 72,
    grade: 'C',
    securityScore: 65,
    seoScore: 80,
    trafficScore: 75,
    findings,
    checks: [],
    pagesScanned: 1,
    pages: [`${url}/`],
    scoringVersion: '1.0',
    ...overrides,
  };
}
