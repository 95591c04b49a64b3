// Event payloads as the Actions runner writes them to GITHUB_EVENT_PATH. The pull_request payload is built
// from GitHub's documented pull-request example and must validate against GitHub's webhook schema for
// `pull_request.synchronize`, so the action reads the same shape it meets on GitHub.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadGitHubApi } from './github-openapi.js';

type Json = Record<string, unknown>;

export interface PullRequestEvent {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  /** The test merge commit GitHub puts in GITHUB_SHA on pull_request events. */
  mergeSha: string;
  /** Opened from a fork: the head repository is another owner's. */
  fromFork?: boolean;
}

export function pullRequestPayload(e: PullRequestEvent): Json {
  const api = loadGitHubApi();
  const pr = api.example('pull-request');
  const base = pr.base as Json;
  const head = pr.head as Json;
  const fullName = `${e.owner}/${e.repo}`;
  const baseRepo = { ...(base.repo as Json), name: e.repo, full_name: fullName, owner: { ...((base.repo as Json).owner as Json), login: e.owner }, visibility: 'public' };
  const headOwner = e.fromFork ? 'contributor' : e.owner;
  const headRepo = { ...(head.repo as Json), name: e.repo, full_name: `${headOwner}/${e.repo}`, fork: Boolean(e.fromFork), owner: { ...((head.repo as Json).owner as Json), login: headOwner }, visibility: 'public' };
  const payload = {
    action: 'synchronize',
    number: e.number,
    before: '0'.repeat(40),
    after: e.headSha,
    pull_request: {
      ...pr,
      number: e.number,
      merge_commit_sha: e.mergeSha,
      head: { ...head, sha: e.headSha, repo: headRepo, label: `${headOwner}:feature` },
      base: { ...base, repo: baseRepo },
    },
    repository: baseRepo,
    sender: pr.user,
  };
  const validate = api.schema('webhook-pull-request-synchronize');
  if (!validate(payload)) throw new Error(`pull_request payload is off GitHub's schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  return payload;
}

/** Writes the payload to a fresh file and returns its path, for GITHUB_EVENT_PATH. */
export function writeEvent(payload: Json): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'issafesite-event-')), 'event.json');
  writeFileSync(file, JSON.stringify(payload));
  return file;
}
