// The sticky pull-request comment: one per pull request and target URL, found again by a hidden marker among
// all the pull request's comments and edited in place on every run, so a busy pull request gets no pile-up.
import { FINDINGS_TABLE_HEAD, gradeLine, scoreTable, severityCounts, topFindingRows } from './markdown.js';
import type { Octokit } from './octokit.js';
import type { ScanScores, ScanView } from '../scan-view.js';
import type { Verdict } from '../threshold.js';

/** GitHub refuses a comment body over 65,536 characters (422 "Body is too long"). */
export const COMMENT_LIMIT = 65_536;
/** How many findings the comment lists; the rest are in the report. */
export const TOP_FINDINGS = 10;

export interface CommentInput {
  scan: ScanView;
  /** The previous completed scan of the same URL, for the change in grade and scores. */
  previous?: ScanScores;
  verdict: Verdict;
  /** Where the PDF is: the run's artifact, or the run itself when no report was uploaded. */
  reportUrl?: string;
  runUrl: string;
}

export interface PullRequestTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

/** The hidden line that identifies the comment for one target URL. A URL can hold "-->", which would end the
 * HTML comment early, so ">" is percent-encoded as a URL would be. */
export function commentMarker(url: string): string {
  return `<!-- issafesite:${url.replace(/>/g, '%3E')} -->`;
}

export function renderComment(input: CommentInput, limit = COMMENT_LIMIT): string {
  const { scan, previous, verdict } = input;
  const status = verdict.passed ? '✅ passed' : `❌ ${verdict.checks.join('; ')}`;
  const head = [
    commentMarker(scan.url),
    `### IsSafeSite scan of ${scan.url}`,
    '',
    `${gradeLine(scan, previous)} · ${status}`,
    '',
    scoreTable(scan, previous),
    '',
    `**${scan.findingsCount} finding${scan.findingsCount === 1 ? '' : 's'}**: ${severityCounts(scan.findings)}`,
  ].join('\n');
  const report = input.reportUrl ? `the [PDF report](${input.reportUrl})` : `the [job summary](${input.runUrl})`;
  const foot = `\n\n${input.reportUrl ? `[PDF report](${input.reportUrl}) · ` : ''}[Workflow run](${input.runUrl}) · depth ${scan.depth} · scan \`${scan.id}\``;

  const rows = topFindingRows(scan, TOP_FINDINGS);
  if (rows.length === 0) return cut(head + foot, limit);

  // Rows are added while they fit; whatever is left out is counted in a pointer to the report.
  const pointer = (left: number) => (left > 0 ? `\n\n…and ${left} more finding${left === 1 ? '' : 's'} in ${report}.` : '');
  let table = `\n\n${FINDINGS_TABLE_HEAD}`;
  let shown = 0;
  for (const row of rows) {
    if (`${head}${table}\n${row}${pointer(scan.findings.length - shown - 1)}${foot}`.length > limit) break;
    table += `\n${row}`;
    shown++;
  }
  return cut(head + (shown > 0 ? table : '') + pointer(scan.findings.length - shown) + foot, limit);
}

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** Creates the comment, or updates the one that carries the same marker. */
export async function upsertComment(
  octokit: Octokit,
  target: PullRequestTarget,
  url: string,
  body: string,
): Promise<{ id: number; htmlUrl: string; created: boolean }> {
  const existing = await findComment(octokit, target, commentMarker(url));
  const params = { owner: target.owner, repo: target.repo, body };
  if (existing !== undefined) {
    const { data } = await octokit.rest.issues.updateComment({ ...params, comment_id: existing });
    return { id: data.id, htmlUrl: data.html_url, created: false };
  }
  const { data } = await octokit.rest.issues.createComment({ ...params, issue_number: target.issueNumber });
  return { id: data.id, htmlUrl: data.html_url, created: true };
}

// Pages of 100 (the API's maximum), oldest first; stops at the first page that holds the marker.
async function findComment(octokit: Octokit, target: PullRequestTarget, marker: string): Promise<number | undefined> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  });
  for await (const page of pages) {
    const found = page.data.find((c) => c.body?.startsWith(marker));
    if (found) return found.id;
  }
  return undefined;
}
