import { describe, expect, it } from 'vitest';
import { bySeverity, countBySeverity, groupByCategory, groupSame, topFixes } from '../../../runner/src/report/order.js';
import type { Finding, Severity } from '../../../runner/src/scanner/types.js';
import { findings } from '../../support/scan-result.js';

function finding(checkId: string, severity: Severity, extra: Partial<Finding> = {}): Finding {
  return {
    checkId,
    category: 'security',
    severity,
    title: `${checkId} ${severity}`,
    description: '',
    evidence: '',
    location: { url: 'https://example.com/' },
    remediation: `fix ${checkId}`,
    references: [],
    ...extra,
  };
}

describe('bySeverity', () => {
  it('puts the most severe first and keeps the given order among equals', () => {
    const list = [finding('a', 'low'), finding('b', 'critical'), finding('c', 'low'), finding('d', 'high')];
    expect(bySeverity(list).map((f) => f.checkId)).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('groupByCategory', () => {
  it('lists only categories with findings, in the fixed order security, seo, traffic', () => {
    const groups = groupByCategory([finding('t', 'low', { category: 'traffic' }), finding('s', 'info', { category: 'security' })]);
    expect(groups.map((g) => g.category)).toEqual(['security', 'traffic']);
  });
});

describe('countBySeverity', () => {
  it('counts every severity, zero included', () => {
    expect(countBySeverity([finding('a', 'high'), finding('b', 'high')])).toEqual({ critical: 0, high: 2, medium: 0, low: 0, info: 0 });
  });
});

describe('topFixes', () => {
  it('gives one fix per check, with how many findings it clears', () => {
    const fixes = topFixes([finding('a', 'medium'), finding('a', 'high'), finding('b', 'medium')], 5);
    expect(fixes.map((f) => [f.finding.checkId, f.finding.severity, f.occurrences])).toEqual([
      ['a', 'high', 2],
      ['b', 'medium', 1],
    ]);
  });

  it('prefers, among equally severe fixes, the one that clears more findings', () => {
    const fixes = topFixes([finding('a', 'low'), finding('b', 'low'), finding('b', 'low')], 5);
    expect(fixes.map((f) => f.finding.checkId)).toEqual(['b', 'a']);
  });

  it('leaves informational findings out and stops at the limit', () => {
    expect(topFixes([finding('i', 'info')], 5)).toEqual([]);
    expect(topFixes(findings(300), 5)).toHaveLength(5);
  });
});

describe('groupSame', () => {
  it('groups findings that differ only by location and evidence, in order of first appearance', () => {
    const a1 = finding('a', 'low', { location: { url: 'https://example.com/1' }, evidence: '1' });
    const b = finding('b', 'low');
    const a2 = finding('a', 'low', { location: { url: 'https://example.com/2' }, evidence: '2' });
    const aOther = finding('a', 'low', { title: 'another title' });
    expect(groupSame([a1, b, a2, aOther])).toEqual([[a1, a2], [b], [aOther]]);
  });
});
