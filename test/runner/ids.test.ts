import { describe, expect, it } from 'vitest';
import { newKeySecret, newReportId, newScanId, randomString } from '../../runner/src/ids.js';
import { REPORT_ID_PATTERN, SCAN_ID_PATTERN } from '../../src/contract/api.js';

describe('ids', () => {
  it('makes scan ids of "c" and 24 lowercase alphanumerics, all different', () => {
    const ids = new Set(Array.from({ length: 2000 }, newScanId));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(SCAN_ID_PATTERN);
  });

  it('makes report ids of "rpt_" and 24 lowercase alphanumerics', () => {
    expect(newReportId()).toMatch(REPORT_ID_PATTERN);
  });

  it('carries at least 120 bits in every id and key', () => {
    expect(24 * Math.log2(36)).toBeGreaterThanOrEqual(120);
    expect(newKeySecret()).toMatch(/^[A-Za-z0-9]{40}$/);
  });

  it('draws every character of the alphabet about equally often (rejection sampling)', () => {
    // 36 does not divide 256: without rejection the first 4 characters would come up 8/7 as often.
    const counts = new Map<string, number>();
    for (const ch of randomString(72_000, 'abcdefghijklmnopqrstuvwxyz0123456789')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(36);
    for (const n of counts.values()) expect(Math.abs(n - 2000)).toBeLessThan(200);
  });
});
