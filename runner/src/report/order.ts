// Which findings come first: most severe first, then security before SEO before traffic, then the order
// the engine produced (stable), so the report reads the same for the same scan.
import { CATEGORIES, SEVERITIES } from '../scanner/types.js';
import type { Category, Finding, Severity } from '../scanner/types.js';

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function bySeverity(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity) || a.i - b.i)
    .map(({ f }) => f);
}

/** Findings of each category that has any, categories in their fixed order, each ordered by severity. */
export function groupByCategory(findings: readonly Finding[]): Array<{ category: Category; findings: Finding[] }> {
  return CATEGORIES.map((category) => ({ category, findings: bySeverity(findings.filter((f) => f.category === category)) })).filter(
    (g) => g.findings.length > 0,
  );
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

export interface Fix {
  /** The most severe finding of the check: its title and remediation stand for the fix. */
  finding: Finding;
  /** How many findings the same fix addresses (a check can fail on several pages or headers). */
  occurrences: number;
}

/**
 * The most important fixes: one per check (fixing the check fixes all its findings, and the score counts
 * each check once — docs/scoring.md), most severe first, then the fix that clears the most findings.
 * Info findings are observations, not fixes, so they never appear here.
 */
export function topFixes(findings: readonly Finding[], limit: number): Fix[] {
  const byCheck = new Map<string, Fix & { order: number }>();
  bySeverity(findings).forEach((f) => {
    if (f.severity === 'info') return;
    const fix = byCheck.get(f.checkId);
    if (fix === undefined) byCheck.set(f.checkId, { finding: f, occurrences: 1, order: byCheck.size });
    else fix.occurrences += 1;
  });
  const catRank = (c: Category) => CATEGORIES.indexOf(c);
  return [...byCheck.values()]
    .sort(
      (a, b) =>
        severityRank(a.finding.severity) - severityRank(b.finding.severity) ||
        b.occurrences - a.occurrences ||
        catRank(a.finding.category) - catRank(b.finding.category) ||
        a.order - b.order,
    )
    .slice(0, limit)
    .map(({ finding, occurrences }) => ({ finding, occurrences }));
}

/**
 * Findings that differ only in where they were found (the same check, severity, title, text and fix)
 * become one group, printed once with every place listed. Groups keep the order of their first finding.
 */
export function groupSame(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = JSON.stringify([f.checkId, f.severity, f.title, f.description, f.remediation, f.references]);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()];
}
