import { summary } from '@actions/core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { SUMMARY_MAX_BYTES, renderSummary, writeJobSummary } from '../../../src/github/summary.js';
import { judge } from '../../../src/threshold.js';
import { completedScan, finding, findings } from '../support/scans.js';

let file: string;
beforeEach(() => {
  file = path.join(mkdtempSync(path.join(tmpdir(), 'issafesite-summary-')), 'step_summary');
  writeFileSync(file, '');
  vi.stubEnv('GITHUB_STEP_SUMMARY', file);
});
afterEach(() => {
  summary.emptyBuffer();
  vi.unstubAllEnvs();
});

test('the job summary holds grade, scores, verdict, every finding and the links', async () => {
  const scan = completedScan({ findings: findings(12) });
  await writeJobSummary({
    scan,
    previous: { grade: 'C', overallScore: 75, securityScore: 70, seoScore: 80, trafficScore: 85 },
    verdict: judge(scan, { failBelow: 'C' }),
    reportUrl: 'https://github.com/acme/shop/actions/runs/42/artifacts/9',
    notes: ['Pull-request comment skipped: the token is read-only (403).'],
  });
  const written = readFileSync(file, 'utf8');
  expect(written).toContain('## IsSafeSite scan of https://preview.example.com/');
  expect(written).toContain('**Grade B** (was C)');
  expect(written).toContain('✅ Passed: grade B meets fail-below C.');
  expect(written).toContain('| Security | 80 | +10 |');
  expect(written.split('\n').filter((l) => /^\| (🟥|🟧|🟨|🟦|⬜)/.test(l))).toHaveLength(12);
  expect(written).toContain('- [PDF report](https://github.com/acme/shop/actions/runs/42/artifacts/9)');
  expect(written).toContain('- Pull-request comment skipped: the token is read-only (403).');
});

test('a failed threshold leads with its one-line message', () => {
  const scan = completedScan({ grade: 'F' });
  const text = renderSummary({ scan, verdict: judge(scan, { failBelow: 'D' }), notes: [] });
  expect(text).toContain('❌ IsSafeSite scan of https://preview.example.com/ failed the threshold: grade F is below fail-below D.');
});

test('thousands of long findings stay under the 1 MiB step summary limit', () => {
  const many = Array.from({ length: 5_000 }, (_, i) => finding({ title: `${'t'.repeat(280)}${i}`, evidence: 'e'.repeat(500) }));
  const text = renderSummary({ scan: completedScan({ findings: many }), verdict: { passed: true, checks: [] }, notes: [] });
  expect(Buffer.byteLength(text)).toBeLessThan(SUMMARY_MAX_BYTES);
  expect(text).toMatch(/…and \d+ more in the PDF report\./);
});
