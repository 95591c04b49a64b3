// The check run on the pull request's head commit: conclusion from the threshold, the grade in its summary,
// and one annotation per finding on the workflow file (a website has no source line to point at).
import { gradeLine, scoreTable, severityCounts } from './markdown.js';
import type { Octokit } from './octokit.js';
import type { FindingView, ScanScores, ScanView, Severity } from '../scan-view.js';
import type { Verdict } from '../threshold.js';

/** The Checks API takes at most 50 annotations per request; more go in later updates, which append. */
export const ANNOTATIONS_PER_REQUEST = 50;
// Documented limits: annotation title 255 characters, message and raw_details 64 KB; kept well under, since a
// KB of text is already more than the annotation view shows.
const TITLE_MAX = 255;
const TEXT_MAX = 4_000;

export interface CheckRunInput {
  owner: string;
  repo: string;
  headSha: string;
  workflowPath: string;
  scan: ScanView;
  previous?: ScanScores;
  verdict: Verdict;
  detailsUrl?: string;
}

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
  raw_details: string;
}

const LEVEL: Record<Severity, Annotation['annotation_level']> = {
  critical: 'failure',
  high: 'failure',
  medium: 'warning',
  low: 'notice',
  info: 'notice',
};

export function checkRunName(url: string): string {
  return `IsSafeSite: ${url.replace(/^https?:\/\//, '').replace(/\/$/, '')}`.slice(0, 100);
}

export function annotationFor(finding: FindingView, path: string): Annotation {
  const where = [finding.location.url, finding.location.header, finding.location.selector, finding.location.line && `line ${finding.location.line}`]
    .filter(Boolean)
    .join(' · ');
  const references = finding.references.map((r) => `- ${r}`).join('\n');
  return {
    path,
    start_line: 1,
    end_line: 1,
    annotation_level: LEVEL[finding.severity],
    title: clip(`${finding.severity}: ${finding.title} (${finding.checkId})`, TITLE_MAX),
    message: clip(`${finding.description}\n\nWhere: ${where}\nEvidence: ${finding.evidence}`, TEXT_MAX),
    raw_details: clip(`Remediation: ${finding.remediation}${references ? `\n\nReferences:\n${references}` : ''}`, TEXT_MAX),
  };
}

export async function publishCheckRun(octokit: Octokit, input: CheckRunInput): Promise<{ id: number; htmlUrl: string | null }> {
  const { scan, verdict } = input;
  const annotations = scan.findings.map((f) => annotationFor(f, input.workflowPath));
  const batches: Annotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  if (batches.length === 0) batches.push([]);

  const output = (batch: Annotation[]) => ({
    title: `Grade ${scan.grade} · ${scan.overallScore}/100 · ${scan.findingsCount} finding${scan.findingsCount === 1 ? '' : 's'}`,
    summary: summary(input),
    ...(batch.length > 0 ? { annotations: batch } : {}),
  });
  const completed = () => ({
    status: 'completed' as const,
    conclusion: verdict.passed ? ('success' as const) : ('failure' as const),
    completed_at: new Date().toISOString(),
  });
  const repo = { owner: input.owner, repo: input.repo };

  const { data } = await octokit.rest.checks.create({
    ...repo,
    name: checkRunName(scan.url),
    head_sha: input.headSha,
    external_id: scan.id,
    ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
    ...(batches.length === 1 ? completed() : { status: 'in_progress' as const }),
    output: output(batches[0] ?? []),
  });
  for (let i = 1; i < batches.length; i++) {
    const last = i === batches.length - 1;
    await octokit.rest.checks.update({ ...repo, check_run_id: data.id, output: output(batches[i] ?? []), ...(last ? completed() : {}) });
  }
  return { id: data.id, htmlUrl: data.html_url };
}

function summary({ scan, previous, verdict }: CheckRunInput): string {
  const outcome = verdict.passed ? (verdict.checks.length > 0 ? `Passed: ${verdict.checks.join('; ')}.` : 'No threshold set.') : verdict.message;
  return [`${gradeLine(scan, previous)} for ${scan.url}`, '', scoreTable(scan, previous), '', severityCounts(scan.findings), '', outcome].join('\n');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
