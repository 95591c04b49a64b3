// The job summary, written on every run: it is the one output that needs no token, so it is where the results
// stay readable when the comment and the check run cannot be written (pull requests from forks).
import * as core from '@actions/core';
import { FINDINGS_TABLE_HEAD, findingRow, gradeLine, scoreTable, severityCounts } from './markdown.js';
import { bySeverity } from '../scan-view.js';
import type { ScanScores, ScanView } from '../scan-view.js';
import type { Verdict } from '../threshold.js';

/** GitHub rejects a step summary over 1 MiB; the findings table stops well before it. */
export const SUMMARY_MAX_BYTES = 1024 * 1024;
const FINDINGS_BUDGET_BYTES = SUMMARY_MAX_BYTES - 64 * 1024;

export interface SummaryInput {
  scan: ScanView;
  previous?: ScanScores;
  verdict: Verdict;
  reportUrl?: string;
  /** Lines such as links to the comment and the check run, or why one of them was skipped. */
  notes: string[];
}

export function renderSummary({ scan, previous, verdict, reportUrl, notes }: SummaryInput): string {
  const outcome = verdict.passed
    ? `✅ ${verdict.checks.length > 0 ? `Passed: ${verdict.checks.join('; ')}.` : 'No threshold set (fail-below, fail-on-severity).'}`
    : `❌ ${verdict.message}`;
  const parts = [
    `## IsSafeSite scan of ${scan.url}`,
    `${gradeLine(scan, previous)} · depth ${scan.depth} · scan \`${scan.id}\``,
    outcome,
    scoreTable(scan, previous),
    `**${scan.findingsCount} finding${scan.findingsCount === 1 ? '' : 's'}**: ${severityCounts(scan.findings)}`,
  ];

  const findings = bySeverity(scan.findings);
  if (findings.length > 0) {
    const rows: string[] = [];
    let bytes = 0;
    for (const f of findings) {
      const row = findingRow(f);
      bytes += Buffer.byteLength(row) + 1;
      if (bytes > FINDINGS_BUDGET_BYTES) break;
      rows.push(row);
    }
    const left = findings.length - rows.length;
    parts.push([FINDINGS_TABLE_HEAD, ...rows].join('\n') + (left > 0 ? `\n\n…and ${left} more in the PDF report.` : ''));
  }

  const links = [reportUrl ? `[PDF report](${reportUrl})` : '', ...notes].filter(Boolean);
  if (links.length > 0) parts.push(links.map((l) => `- ${l}`).join('\n'));
  return parts.join('\n\n') + '\n';
}

export async function writeJobSummary(input: SummaryInput): Promise<void> {
  await write(renderSummary(input));
}

/** When the run stops early, the summary still says why, in the same line the step fails with. */
export async function writeFailureSummary(url: string | undefined, message: string): Promise<void> {
  await write(`## IsSafeSite scan${url ? ` of ${url}` : ''}\n\n❌ ${message}\n`);
}

// Outside a workflow run (a local try-out) there is no summary file to write to.
async function write(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info('No job summary: GITHUB_STEP_SUMMARY is not set.');
    return;
  }
  await core.summary.addRaw(markdown).write();
}
