// Runs the catalog over the artifacts. The engine owns failure: a check that throws becomes an `error`
// outcome and the scan goes on (Lighthouse does the same with a throwing audit).
import type { Check, CheckOutcome, Depth, Finding, ScanArtifacts } from './types.js';
import { DEPTHS, SEVERITIES } from './types.js';

export interface ChecksRun {
  findings: Finding[];
  checks: CheckOutcome[];
}

function runsAt(check: Check, depth: Depth): boolean {
  return DEPTHS.indexOf(check.depth) <= DEPTHS.indexOf(depth);
}

export function runChecks(artifacts: ScanArtifacts, catalog: readonly Check[]): ChecksRun {
  const findings: Finding[] = [];
  const checks: CheckOutcome[] = [];
  for (const check of catalog) {
    const base = { id: check.id, category: check.category, title: check.title };
    if (!runsAt(check, artifacts.depth)) {
      checks.push({ ...base, status: 'not_applicable', message: `Runs at ${check.depth} depth and deeper.`, findingsCount: 0 });
      continue;
    }
    let returned;
    try {
      returned = check.run(artifacts);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      checks.push({ ...base, status: 'error', message: `The check failed to run: ${message}`, findingsCount: 0 });
      continue;
    }
    if (returned.notApplicable !== undefined) {
      checks.push({ ...base, status: 'not_applicable', message: returned.notApplicable, findingsCount: 0, ...(returned.outcome ? { outcome: returned.outcome } : {}) });
      continue;
    }
    for (const draft of returned.findings) findings.push({ checkId: check.id, category: check.category, ...draft });
    // Info findings are notes, not failures: a check with only those passed.
    const failed = returned.findings.some((f) => f.severity !== 'info');
    checks.push({
      ...base,
      status: failed ? 'fail' : 'pass',
      findingsCount: returned.findings.length,
      ...(returned.outcome ? { outcome: returned.outcome } : {}),
    });
  }
  return { findings: sortFindings(findings), checks };
}

/** Most severe first; within a severity, security before seo before traffic, then by check id (stable). */
export function sortFindings(findings: Finding[]): Finding[] {
  const categoryOrder = { security: 0, seo: 1, traffic: 2 } as const;
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        SEVERITIES.indexOf(a.f.severity) - SEVERITIES.indexOf(b.f.severity) ||
        categoryOrder[a.f.category] - categoryOrder[b.f.category] ||
        a.f.checkId.localeCompare(b.f.checkId) ||
        a.i - b.i,
    )
    .map(({ f }) => f);
}
