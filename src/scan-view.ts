// The completed scan as the action's outputs (comment, check run, summary, SARIF, threshold) read it: the
// contract's scan detail (GET /api/v1/scan/{id}, SPEC §3) narrowed to a COMPLETED scan, whose grade, scores,
// counts and completion time are never null.
import { DEPTHS, GRADES, SEVERITIES } from './contract/api.js';
import type { CATEGORIES, FindingBody, ScanDetailBody, ScanSummaryBody } from './contract/api.js';

/** Best to worst; A+ is an A with no finding above low (docs/scoring.md). Most to least severe (SPEC §5). */
export { DEPTHS, GRADES, SEVERITIES };
export type Grade = (typeof GRADES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type Depth = (typeof DEPTHS)[number];
export type Category = (typeof CATEGORIES)[number];

export type FindingView = FindingBody;

/** The grade and scores of one scan: the fields a list item and the detail share. */
export interface ScanScores {
  grade: Grade;
  overallScore: number;
  securityScore: number;
  seoScore: number;
  trafficScore: number;
}

/** The fields that are null until a scan is COMPLETED. */
type SetOnCompletion = 'status' | keyof ScanScores | 'findingsCount' | 'completedAt';

export type ScanView = Omit<ScanDetailBody, SetOnCompletion> &
  ScanScores & {
    status: 'COMPLETED';
    findingsCount: number;
    completedAt: string;
  };

/** A COMPLETED list item's grade and scores; undefined when the item is not COMPLETED or lacks them. */
export function scoresOf(scan: ScanSummaryBody): ScanScores | undefined {
  const { status, grade, overallScore, securityScore, seoScore, trafficScore } = scan;
  if (status !== 'COMPLETED' || grade === null || overallScore === null || securityScore === null || seoScore === null || trafficScore === null) return undefined;
  return { grade, overallScore, securityScore, seoScore, trafficScore };
}

/** The detail of a COMPLETED scan as a ScanView; undefined when it is not COMPLETED or a field is missing. */
export function completedView(scan: ScanDetailBody): ScanView | undefined {
  const scores = scoresOf(scan);
  if (scores === undefined || scan.findingsCount === null || scan.completedAt === null) return undefined;
  return { ...scan, ...scores, status: 'COMPLETED', findingsCount: scan.findingsCount, completedAt: scan.completedAt };
}

/** Index of a severity in SEVERITIES: 0 is the most severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Index of a grade in GRADES: 0 is the best. */
export function gradeRank(grade: Grade): number {
  return GRADES.indexOf(grade);
}

/** Findings most severe first; the scan's own order is kept within a severity. */
export function bySeverity(findings: readonly FindingView[]): FindingView[] {
  return [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}
