// The step's verdict: fail-below compares grades (A+ best, F worst), fail-on-severity looks for any finding
// at or above a severity. Both may be set; either one failing fails the step.
import { gradeRank, severityRank } from './scan-view.js';
import type { Grade, ScanView, Severity } from './scan-view.js';

export interface Threshold {
  /** The step fails when the scan grades worse than this. */
  failBelow?: Grade;
  /** The step fails when a finding is this severe or worse. */
  failOnSeverity?: Severity;
}

export interface Verdict {
  passed: boolean;
  /** One actionable line when the step fails. */
  message?: string;
  /** What was compared, for the summary and the check run ("grade B ≥ C", "no finding at high or above"). */
  checks: string[];
}

export function judge(scan: Pick<ScanView, 'url' | 'grade' | 'findings'>, threshold: Threshold): Verdict {
  const failures: string[] = [];
  const checks: string[] = [];

  if (threshold.failBelow) {
    const worse = gradeRank(scan.grade) > gradeRank(threshold.failBelow);
    checks.push(`grade ${scan.grade} ${worse ? 'is below' : 'meets'} fail-below ${threshold.failBelow}`);
    if (worse) failures.push(`grade ${scan.grade} is below fail-below ${threshold.failBelow}`);
  }

  if (threshold.failOnSeverity) {
    const limit = severityRank(threshold.failOnSeverity);
    const hits = scan.findings.filter((f) => severityRank(f.severity) <= limit).length;
    const scope = threshold.failOnSeverity === 'info' ? 'any severity' : `${threshold.failOnSeverity} or above`;
    checks.push(hits > 0 ? `${hits} finding${hits === 1 ? '' : 's'} at ${scope}` : `no finding at ${scope}`);
    if (hits > 0) failures.push(`${hits} finding${hits === 1 ? '' : 's'} at ${scope} (fail-on-severity ${threshold.failOnSeverity})`);
  }

  if (failures.length === 0) return { passed: true, checks };
  return {
    passed: false,
    checks,
    message: `IsSafeSite scan of ${scan.url} failed the threshold: ${failures.join('; ')}. Fix the findings listed in the job summary, or relax the threshold.`,
  };
}
