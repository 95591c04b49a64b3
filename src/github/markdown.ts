// Markdown pieces shared by the pull-request comment, the check run summary and the job summary.
import { SEVERITIES, bySeverity } from '../scan-view.js';
import type { FindingView, ScanScores, ScanView, Severity } from '../scan-view.js';

const SEVERITY_ICON: Record<Severity, string> = {
  critical: '🟥',
  high: '🟧',
  medium: '🟨',
  low: '🟦',
  info: '⬜',
};

/** Text safe inside one table cell: no line breaks, pipes or raw HTML; long text cut with an ellipsis. */
export function cell(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return cut.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
}

/** Inline code that cannot be broken by a backtick inside it. */
export function code(text: string, max = 120): string {
  const flat = cell(text, max).replace(/`/g, 'ʼ');
  return flat === '' ? '' : `\`${flat}\``;
}

export function signed(delta: number): string {
  if (delta === 0) return '±0';
  return delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`;
}

export function gradeLine(scan: ScanScores, previous?: ScanScores): string {
  const was = previous && previous.grade !== scan.grade ? ` (was ${previous.grade})` : '';
  return `**Grade ${scan.grade}**${was} · overall score **${scan.overallScore}**/100`;
}

export function scoreTable(scan: ScanScores, previous?: ScanScores): string {
  const rows: Array<[string, keyof ScanScores]> = [
    ['Overall', 'overallScore'],
    ['Security', 'securityScore'],
    ['SEO', 'seoScore'],
    ['Traffic', 'trafficScore'],
  ];
  const head = previous ? '| | Score | Change |\n|---|---:|---:|' : '| | Score |\n|---|---:|';
  const body = rows.map(([label, key]) => {
    const now = scan[key] as number;
    return previous ? `| ${label} | ${now} | ${signed(now - (previous[key] as number))} |` : `| ${label} | ${now} |`;
  });
  return [head, ...body].join('\n');
}

export const FINDINGS_TABLE_HEAD = '| Severity | Finding | Where | Evidence |\n|---|---|---|---|';

export function findingRow(f: FindingView): string {
  const where = [f.location.url, f.location.header ?? f.location.selector ?? (f.location.line ? `line ${f.location.line}` : '')]
    .filter(Boolean)
    .join(' ');
  return `| ${SEVERITY_ICON[f.severity]} ${f.severity} | ${cell(f.title)} | ${cell(where, 200)} | ${code(f.evidence)} |`;
}

export function severityCounts(findings: readonly FindingView[]): string {
  if (findings.length === 0) return 'No findings.';
  return SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${SEVERITY_ICON[s]} ${n} ${s}`)
    .join(' · ');
}

/** The findings table rows, most severe first, at most `limit` of them. */
export function topFindingRows(scan: Pick<ScanView, 'findings'>, limit: number): string[] {
  return bySeverity(scan.findings).slice(0, limit).map(findingRow);
}
