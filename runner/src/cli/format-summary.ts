// The readable summary `issafesite scan` prints: grade, scores, then every finding with its proof and fix.
import type { CrawlSummary, ScanResult, Severity } from '../scanner/types.js';
import { SEVERITIES } from '../scanner/types.js';

const ANSI: Record<Severity | 'bold' | 'reset', string> = {
  critical: '\x1b[1;35m',
  high: '\x1b[1;31m',
  medium: '\x1b[33m',
  low: '\x1b[36m',
  info: '\x1b[2m',
  bold: '\x1b[1m',
  reset: '\x1b[0m',
};

/** Evidence longer than this is cut in the terminal; --json and the PDF keep all of it. */
const EVIDENCE_MAX = 300;

export function formatSummary(result: ScanResult, { color }: { color: boolean }): string {
  const paint = (style: keyof typeof ANSI, text: string) => (color ? `${ANSI[style]}${text}${ANSI.reset}` : text);
  const seconds = ((Date.parse(result.completedAt) - Date.parse(result.startedAt)) / 1000).toFixed(1);
  const counts = SEVERITIES.map((s) => [s, result.findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const lines = [
    `IsSafeSite scan of ${result.url}`,
    `${result.depth} depth, ${result.pagesScanned} page${result.pagesScanned === 1 ? '' : 's'}, ${seconds} s, scoring ${result.scoringVersion}`,
    ...(result.crawl ? [crawlLine(result.crawl)] : []),
    '',
    `  Grade ${paint('bold', result.grade)}   Overall ${result.overallScore}/100`,
    `  Security ${result.securityScore}   SEO ${result.seoScore}   Traffic ${result.trafficScore}`,
    '',
    counts.length === 0 ? 'No findings.' : `Findings: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')}`,
  ];
  for (const f of result.findings) {
    const where = [f.location.url, f.location.header && `header ${f.location.header}`, f.location.selector && `at ${f.location.selector}`, f.location.line !== undefined && `line ${f.location.line}`]
      .filter(Boolean)
      .join(', ');
    const evidence = f.evidence.length > EVIDENCE_MAX ? `${f.evidence.slice(0, EVIDENCE_MAX)}… (cut)` : f.evidence;
    lines.push(
      '',
      `${paint(f.severity, f.severity.toUpperCase().padEnd(8))} ${f.title}  [${f.category}/${f.checkId}]`,
      `         where: ${where}`,
      `         evidence: ${evidence.replace(/\s*\n\s*/g, ' ⏎ ')}`,
      `         fix: ${f.remediation}`,
    );
  }
  const errored = result.checks.filter((c) => c.status === 'error');
  if (errored.length > 0) {
    lines.push('', `${errored.length} check${errored.length === 1 ? '' : 's'} could not run: ${errored.map((c) => `${c.id} (${c.message})`).join('; ')}`);
  }
  return lines.join('\n') + '\n';
}

function crawlLine(crawl: CrawlSummary): string {
  const why =
    crawl.stoppedBy === 'complete'
      ? 'every page found was scanned'
      : crawl.stoppedBy === 'pages'
        ? `stopped by the ${crawl.maxPages}-page budget (--max-pages)`
        : `stopped by the ${Math.round(crawl.timeLimitMs / 1000)} s budget (--crawl-timeout)`;
  return `Crawl: ${crawl.pagesScanned} page${crawl.pagesScanned === 1 ? '' : 's'}, ${why}`;
}
