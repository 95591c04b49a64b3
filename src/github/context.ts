// What the Actions runner tells the step about the run, read from the environment it sets
// (docs: "Variables reference") and the event payload at GITHUB_EVENT_PATH.
import { existsSync, readFileSync } from 'node:fs';

export interface PullRequestRef {
  number: number;
  /** The pull request's head commit: on a pull_request event GITHUB_SHA is the test merge commit, which the
   * pull request's checks tab does not show, so check runs go on this one. */
  headSha: string;
}

export interface RunContext {
  owner: string;
  repo: string;
  serverUrl: string;
  apiUrl: string;
  eventName: string;
  sha: string;
  runId: string;
  runAttempt: string;
  job: string;
  /** The workflow file inside the repository (from GITHUB_WORKFLOW_REF), where annotations point. */
  workflowPath: string;
  pullRequest?: PullRequestRef;
}

type Env = Record<string, string | undefined>;

export function readRunContext(env: Env = process.env): RunContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const payload = readEvent(env.GITHUB_EVENT_PATH);
  return {
    owner,
    repo,
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    runId: env.GITHUB_RUN_ID ?? '0',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    job: env.GITHUB_JOB ?? 'job',
    workflowPath: workflowPath(env.GITHUB_WORKFLOW_REF, owner, repo),
    pullRequest: pullRequest(payload),
  };
}

export function runUrl(ctx: RunContext): string {
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}`;
}

function readEvent(path: string | undefined): Record<string, unknown> {
  if (!path || !existsSync(path)) return {};
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

// pull_request and pull_request_target carry `pull_request`; other events do not.
function pullRequest(payload: Record<string, unknown>): PullRequestRef | undefined {
  const pr = payload.pull_request as { number?: unknown; head?: { sha?: unknown } } | undefined;
  if (!pr || typeof pr.number !== 'number' || typeof pr.head?.sha !== 'string') return undefined;
  return { number: pr.number, headSha: pr.head.sha };
}

// GITHUB_WORKFLOW_REF is "owner/repo/.github/workflows/ci.yml@refs/pull/7/merge".
function workflowPath(ref: string | undefined, owner: string, repo: string): string {
  const prefix = `${owner}/${repo}/`;
  const path = (ref ?? '').split('@')[0] ?? '';
  if (path.startsWith(prefix)) return path.slice(prefix.length);
  const at = path.indexOf('.github/workflows/');
  return at >= 0 ? path.slice(at) : '.github/workflows';
}
