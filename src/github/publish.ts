// The outputs that need a token: the sticky comment (on pull requests) and the check run. Each is optional
// (inputs comment, check-run), and each is skipped with a warning, never failed, when the token cannot write.
import * as core from '@actions/core';
import { publishCheckRun } from './check-run.js';
import { renderComment, upsertComment } from './comment.js';
import { runUrl } from './context.js';
import type { RunContext } from './context.js';
import type { Octokit } from './octokit.js';
import { unlessReadOnly } from './permissions.js';
import type { ScanScores, ScanView } from '../scan-view.js';
import type { Verdict } from '../threshold.js';

export interface PublishInput {
  scan: ScanView;
  previous?: ScanScores;
  verdict: Verdict;
  reportUrl?: string;
}

export interface PublishChoices {
  comment: boolean;
  checkRun: boolean;
}

/** Posts what the choices ask for; returns lines for the job summary (links, or why something was skipped). */
export async function publishToGitHub(
  octokit: Octokit | undefined,
  ctx: RunContext,
  choices: PublishChoices,
  input: PublishInput,
): Promise<string[]> {
  const notes: string[] = [];
  if (!choices.comment && !choices.checkRun) return notes;
  if (!octokit) {
    const note = 'No comment or check run: the github-token input is empty.';
    core.warning(`${note} Leave it unset to use the job's token.`);
    return [note];
  }

  if (choices.comment) {
    if (!ctx.pullRequest) {
      core.info('No pull-request comment: this run was not started by a pull request event.');
    } else {
      const body = renderComment({ ...input, runUrl: runUrl(ctx) });
      const target = { owner: ctx.owner, repo: ctx.repo, issueNumber: ctx.pullRequest.number };
      const posted = await unlessReadOnly('the pull-request comment', 'pull-requests: write', () => upsertComment(octokit, target, input.scan.url, body));
      notes.push(posted ? `[Pull-request comment](${posted.htmlUrl}) ${posted.created ? 'created' : 'updated'}` : 'Pull-request comment skipped: the token is read-only (403).');
    }
  }

  if (choices.checkRun) {
    const check = await unlessReadOnly('the check run', 'checks: write', () =>
      publishCheckRun(octokit, {
        owner: ctx.owner,
        repo: ctx.repo,
        headSha: ctx.pullRequest?.headSha ?? ctx.sha,
        workflowPath: ctx.workflowPath,
        detailsUrl: runUrl(ctx),
        ...input,
      }),
    );
    notes.push(check ? `[Check run](${check.htmlUrl ?? runUrl(ctx)}) with ${input.scan.findings.length} annotation${input.scan.findings.length === 1 ? '' : 's'}` : 'Check run skipped: the token is read-only (403).');
  }
  return notes;
}
