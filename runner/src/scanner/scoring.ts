// The scoring model, in one place. docs/scoring.md states every number below, and
// test/runner/scanner/scoring.test.ts proves the two agree, so change them together and bump the version.
import type { Category, Finding, Grade, Severity } from './types.js';
import { SEVERITIES } from './types.js';

/** Stored with every scan so that old grades can be explained after the model changes. */
export const SCORING_VERSION = '1.0';

/** Points a category loses for a failing check, by the check's most severe finding. */
export const SEVERITY_POINTS: Record<Severity, number> = {
  critical: 40,
  high: 25,
  medium: 12,
  low: 5,
  info: 0,
};

/**
 * Check weights multiply the points above. A check not listed weighs 1. A check that did not run at the
 * chosen depth has no findings and so weighs nothing.
 */
export const CHECK_WEIGHTS: Record<string, number> = {
  // Disclosure of a version number helps attackers pick exploits but is not a hole by itself.
  'version-disclosure': 0.6,
  // Open Graph tags shape link previews, not search ranking.
  'open-graph': 0.6,
  // Several findings of this kind are expected on any large site; each is cheap to fix.
  'link-text': 0.6,
};

export const CATEGORY_WEIGHTS: Record<Category, number> = {
  security: 0.45,
  seo: 0.3,
  traffic: 0.25,
};

/** The lowest overall score for each grade, best first; below the last one the grade is F. */
export const GRADE_THRESHOLDS: ReadonlyArray<readonly [Exclude<Grade, 'A+' | 'F'>, number]> = [
  ['A', 90],
  ['B', 80],
  ['C', 70],
  ['D', 60],
];

/** The best grade a scan can get while it has a critical finding (exposed secrets, a broken certificate). */
export const CRITICAL_GRADE_CAP: Grade = 'D';

/** An A becomes A+ when no finding is more severe than this. */
export const A_PLUS_MAX_SEVERITY: Severity = 'low';

const GRADE_ORDER: Grade[] = ['A+', 'A', 'B', 'C', 'D', 'F'];

export function checkWeight(checkId: string): number {
  return CHECK_WEIGHTS[checkId] ?? 1;
}

function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/**
 * 100 minus, for every check with findings in this category, its weight times the points of its most
 * severe finding (a check counts once however many places it failed, as in the MDN HTTP Observatory);
 * floored at 0 and rounded to a whole number.
 */
export function categoryScore(findings: readonly Finding[], category: Category): number {
  const worstByCheck = new Map<string, Severity>();
  for (const f of findings) {
    if (f.category !== category) continue;
    const current = worstByCheck.get(f.checkId);
    if (current === undefined || severityRank(f.severity) < severityRank(current)) worstByCheck.set(f.checkId, f.severity);
  }
  let lost = 0;
  for (const [checkId, severity] of worstByCheck) lost += checkWeight(checkId) * SEVERITY_POINTS[severity];
  return Math.max(0, Math.round(100 - lost));
}

export function overallScore(scores: Record<Category, number>): number {
  return Math.round(
    CATEGORY_WEIGHTS.security * scores.security + CATEGORY_WEIGHTS.seo * scores.seo + CATEGORY_WEIGHTS.traffic * scores.traffic,
  );
}

export function gradeForScore(score: number): Exclude<Grade, 'A+'> {
  for (const [grade, min] of GRADE_THRESHOLDS) if (score >= min) return grade;
  return 'F';
}

/** The grade from the overall score, raised to A+ or capped at D by the findings' severities. */
export function grade(score: number, findings: readonly Finding[]): Grade {
  let result: Grade = gradeForScore(score);
  const worst = findings.reduce<number>((min, f) => Math.min(min, severityRank(f.severity)), SEVERITIES.length);
  if (result === 'A' && worst >= severityRank(A_PLUS_MAX_SEVERITY)) result = 'A+';
  if (worst === severityRank('critical') && GRADE_ORDER.indexOf(result) < GRADE_ORDER.indexOf(CRITICAL_GRADE_CAP)) {
    result = CRITICAL_GRADE_CAP;
  }
  return result;
}

export interface Scores {
  securityScore: number;
  seoScore: number;
  trafficScore: number;
  overallScore: number;
  grade: Grade;
}

export function score(findings: readonly Finding[]): Scores {
  const security = categoryScore(findings, 'security');
  const seo = categoryScore(findings, 'seo');
  const traffic = categoryScore(findings, 'traffic');
  const overall = overallScore({ security, seo, traffic });
  return { securityScore: security, seoScore: seo, trafficScore: traffic, overallScore: overall, grade: grade(overall, findings) };
}

/** Whether grade a is worse than grade b (F is the worst). */
export function isWorseGrade(a: Grade, b: Grade): boolean {
  return GRADE_ORDER.indexOf(a) > GRADE_ORDER.indexOf(b);
}
