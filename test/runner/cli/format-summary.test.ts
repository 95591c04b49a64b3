import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../../runner/src/cli/format-summary.js';
import type { ScanResult } from '../../../runner/src/scanner/types.js';

const result: ScanResult = {
  url: 'https://site.test/',
  domain: 'site.test',
  depth: 'QUICK',
  startedAt: '2026-06-01T12:00:00.000Z',
  completedAt: '2026-06-01T12:00:02.500Z',
  overallScore: 84,
  grade: 'B',
  securityScore: 75,
  seoScore: 88,
  trafficScore: 95,
  findings: [
    {
      checkId: 'content-security-policy',
      category: 'security',
      severity: 'high',
      title: 'Content-Security-Policy header is missing',
      description: '',
      evidence: 'x'.repeat(1000),
      location: { url: 'https://site.test/', header: 'Content-Security-Policy' },
      remediation: "Send `Content-Security-Policy: default-src 'self'`.",
      references: [],
    },
  ],
  checks: [{ id: 'json-ld', category: 'seo', title: 'JSON-LD', status: 'error', message: 'boom', findingsCount: 0 }],
  pagesScanned: 1,
  pages: ['https://site.test/'],
  scoringVersion: '1.0',
};

describe('the scan summary', () => {
  const text = formatSummary(result, { color: false });

  it('shows the grade, the scores and the counts by severity', () => {
    expect(text).toContain('Grade B   Overall 84/100');
    expect(text).toContain('Security 75   SEO 88   Traffic 95');
    expect(text).toContain('Findings: 1 high');
    expect(text).toContain('QUICK depth, 1 page, 2.5 s');
  });

  it('names the header at fault, cuts long evidence and gives the fix', () => {
    expect(text).toContain('HIGH     Content-Security-Policy header is missing  [security/content-security-policy]');
    expect(text).toContain('where: https://site.test/, header Content-Security-Policy');
    expect(text).toContain('… (cut)');
    expect(text).not.toContain('x'.repeat(301));
    expect(text).toContain("fix: Send `Content-Security-Policy: default-src 'self'`.");
  });

  it('says which checks could not run', () => {
    expect(text).toContain('1 check could not run: json-ld (boom)');
  });

  it('colours only when asked', () => {
    expect(text).not.toContain('\x1b[');
    expect(formatSummary(result, { color: true })).toContain('\x1b[1;31mHIGH');
  });
});
