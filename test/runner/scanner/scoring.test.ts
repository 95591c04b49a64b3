import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  A_PLUS_MAX_SEVERITY,
  CATEGORY_WEIGHTS,
  CHECK_WEIGHTS,
  CRITICAL_GRADE_CAP,
  GRADE_THRESHOLDS,
  SCORING_VERSION,
  SEVERITY_POINTS,
  categoryScore,
  grade,
  overallScore,
  score,
} from '../../../runner/src/scanner/scoring.js';
import type { Category, Finding, Severity } from '../../../runner/src/scanner/types.js';
import { SEVERITIES } from '../../../runner/src/scanner/types.js';

const doc = readFileSync(new URL('../../../docs/scoring.md', import.meta.url), 'utf8');

/** The rows of the markdown table whose header line starts with `header`. */
function table(header: string): string[][] {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.startsWith(header));
  expect(start, `table "${header}" in docs/scoring.md`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows;
}

function finding(checkId: string, category: Category, severity: Severity): Finding {
  return { checkId, category, severity, title: checkId, description: '', evidence: '', location: { url: 'https://site.test/' }, remediation: '', references: [] };
}

describe('docs/scoring.md states the model the code applies', () => {
  it('names the scoring version', () => {
    expect(doc).toContain(`Scoring version: **${SCORING_VERSION}**`);
  });

  it('lists the points of every severity', () => {
    const rows = table('| severity | points |');
    expect(Object.fromEntries(rows.map(([s, p]) => [s, Number(p)]))).toEqual(SEVERITY_POINTS);
  });

  it('lists every check weight', () => {
    const rows = table('| check | weight | why |');
    expect(Object.fromEntries(rows.map(([c, w]) => [c, Number(w)]))).toEqual(CHECK_WEIGHTS);
  });

  it('lists the category weights, which add up to 1', () => {
    const rows = table('| category | weight |');
    expect(Object.fromEntries(rows.map(([c, w]) => [c, Number(w)]))).toEqual(CATEGORY_WEIGHTS);
    expect(Object.values(CATEGORY_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('lists the grade thresholds, the A+ rule and the critical cap', () => {
    const rows = table('| grade | lowest overall score |');
    expect(rows.map(([g, s]) => [g, Number(s)])).toEqual(GRADE_THRESHOLDS.map(([g, s]) => [g, s]));
    expect(doc).toContain(`Below ${GRADE_THRESHOLDS.at(-1)![1]} the grade is **F**.`);
    expect(doc).toContain(`no finding more severe than **${A_PLUS_MAX_SEVERITY}**`);
    expect(doc).toContain(`caps the grade at **${CRITICAL_GRADE_CAP}**`);
  });

  const examples = table('| security | seo | traffic | most severe finding | overall | grade | why |');
  it.each(examples)('works the example %s / %s / %s (%s) → %s %s', (security, seo, traffic, worst, overall, expected) => {
    const total = overallScore({ security: Number(security), seo: Number(seo), traffic: Number(traffic) });
    expect(total).toBe(Number(overall));
    const findings = worst === 'none' ? [] : [finding('any-check', 'security', worst as Severity)];
    expect(grade(total, findings)).toBe(expected);
  });

  it('includes the seed example 65, 80, 75 → 72, C', () => {
    expect(examples.some((r) => r.slice(0, 3).join() === '65,80,75' && r[4] === '72' && r[5] === 'C')).toBe(true);
  });
});

describe('categoryScore', () => {
  it('starts at 100 with no findings', () => {
    expect(categoryScore([], 'security')).toBe(100);
  });

  it.each(SEVERITIES)('takes off the points of one %s finding', (severity) => {
    expect(categoryScore([finding('some-check', 'seo', severity)], 'seo')).toBe(100 - SEVERITY_POINTS[severity]);
  });

  it('counts a check once, by its most severe finding', () => {
    const findings = [finding('cookies', 'security', 'low'), finding('cookies', 'security', 'high'), finding('cookies', 'security', 'medium')];
    expect(categoryScore(findings, 'security')).toBe(100 - SEVERITY_POINTS.high);
  });

  it('applies check weights and rounds', () => {
    // 100 − 0.6 × 12 = 92.8 → 93
    expect(categoryScore([finding('version-disclosure', 'security', 'medium')], 'security')).toBe(93);
  });

  it('never goes below 0', () => {
    const findings = ['a', 'b', 'c', 'd'].map((id) => finding(id, 'traffic', 'critical'));
    expect(categoryScore(findings, 'traffic')).toBe(0);
  });

  it('ignores findings of other categories', () => {
    expect(categoryScore([finding('title', 'seo', 'high')], 'security')).toBe(100);
  });
});

describe('grade', () => {
  it.each([
    [100, 'A+'],
    [90, 'A+'],
    [89, 'B'],
    [80, 'B'],
    [79, 'C'],
    [70, 'C'],
    [69, 'D'],
    [60, 'D'],
    [59, 'F'],
    [0, 'F'],
  ] as const)('grades %i with no findings as %s', (s, g) => {
    expect(grade(s, [])).toBe(g);
  });

  it('keeps A+ with info and low findings, drops to A with a medium one', () => {
    expect(grade(95, [finding('x', 'seo', 'info'), finding('y', 'seo', 'low')])).toBe('A+');
    expect(grade(95, [finding('x', 'seo', 'medium')])).toBe('A');
  });

  it('caps any grade above D at D when a finding is critical, and leaves F alone', () => {
    expect(grade(99, [finding('tls-certificate', 'security', 'critical')])).toBe('D');
    expect(grade(40, [finding('tls-certificate', 'security', 'critical')])).toBe('F');
  });
});

describe('score', () => {
  it('combines the categories into the overall score and grade', () => {
    const findings = [finding('content-security-policy', 'security', 'high'), finding('title', 'seo', 'medium'), finding('page-weight', 'traffic', 'low')];
    expect(score(findings)).toEqual({ securityScore: 75, seoScore: 88, trafficScore: 95, overallScore: 84, grade: 'B' });
  });
});
