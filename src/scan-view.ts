// The completed scan as the action's outputs (comment, check run, summary, SARIF, threshold) read it.
// Field names are the API's own (SPEC §3: the scan detail of GET /api/v1/scan/{id}), so that this type can
// become an alias of the contract's scan detail, narrowed to a COMPLETED scan, without renaming anything.

/** Best to worst; A+ is an A with no finding above low (docs/scoring.md). */
export const GRADES = ['A+', 'A', 'B', 'C', 'D', 'F'] as const;
export type Grade = (typeof GRADES)[number];

/** Most to least severe (SPEC §5). */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DEPTHS = ['QUICK', 'STANDARD', 'DEEP'] as const;
export type Depth = (typeof DEPTHS)[number];

export type Category = 'security' | 'seo' | 'traffic';

export interface FindingView {
  checkId: string;
  category: Category;
  severity: Severity;
  title: string;
  description: string;
  /** The header line, cookie, URL or snippet that proves the finding. */
  evidence: string;
  location: { url: string; header?: string; selector?: string; line?: number };
  remediation: string;
  references: string[];
}

/** The grade and scores of one scan: the fields a list item and the detail share. */
export interface ScanScores {
  grade: Grade;
  overallScore: number;
  securityScore: number;
  seoScore: number;
  trafficScore: number;
}

export interface ScanView extends ScanScores {
  id: string;
  /** The URL as asked for (detail) and as listed (list item); the same value. */
  url: string;
  targetUrl: string;
  domain: string;
  depth: Depth;
  findingsCount: number;
  findings: FindingView[];
  /** Set once the PDF report of the scan exists. */
  reportId?: string | null;
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
