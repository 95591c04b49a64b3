import { getOctokit } from '@actions/github';
import { afterEach, expect, test, vi } from 'vitest';
import type { RunContext } from '../../../src/github/context.js';
import { publishToGitHub } from '../../../src/github/publish.js';
import { judge } from '../../../src/threshold.js';
import { completedScan, findings } from '../support/scans.js';
import { useFakeGitHub } from '../support/use-fake-github.js';

const fake = useFakeGitHub();
const { octokit } = fake;
afterEach(() => {
  vi.restoreAllMocks();
});

const ctx: RunContext = {
  owner: 'acme',
  repo: 'shop',
  serverUrl: 'https://github.com',
  apiUrl: 'unused',
  eventName: 'pull_request',
  sha: 'f'.repeat(40),
  runId: '42',
  runAttempt: '1',
  job: 'scan',
  workflowPath: '.github/workflows/preview.yml',
  pullRequest: { number: 7, headSha: 'a'.repeat(40) },
};
const both = { comment: true, checkRun: true };

function captureStdout(): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

test('posts the comment and a check run on the head commit, not the merge commit', async () => {
  const scan = completedScan({ findings: findings(3) });
  const notes = await publishToGitHub(octokit(), ctx, both, { scan, verdict: judge(scan, {}) });
  expect(fake.github.comments).toHaveLength(1);
  expect(fake.github.checkRuns[0]!.headSha).toBe('a'.repeat(40));
  expect(notes[0]).toMatch(/^\[Pull-request comment\]\(https:\/\/github\.com\/acme\/shop\/pull\/7#issuecomment-\d+\) created$/);
  expect(notes[1]).toMatch(/^\[Check run\]\(.+\) with 3 annotations$/);
});

test('a fork pull request (read-only token) skips comment and check run with a warning that says why', async () => {
  fake.github.readOnly = true;
  const out = captureStdout();
  const scan = completedScan();
  const notes = await publishToGitHub(octokit(), ctx, both, { scan, verdict: judge(scan, {}) });

  expect(notes).toEqual(['Pull-request comment skipped: the token is read-only (403).', 'Check run skipped: the token is read-only (403).']);
  const warnings = out.filter((l) => l.startsWith('::warning::'));
  expect(warnings).toHaveLength(2);
  expect(warnings[0]).toContain('Skipped the pull-request comment: the token cannot write it (403 Resource not accessible by integration)');
  expect(warnings[0]).toContain('pull request from a fork');
  expect(warnings[1]).toContain("add 'checks: write' to the job's permissions");
  expect(fake.github.comments).toHaveLength(0);
});

test('a push event gets a check run on GITHUB_SHA and no comment', async () => {
  captureStdout();
  const scan = completedScan();
  await publishToGitHub(octokit(), { ...ctx, eventName: 'push', pullRequest: undefined }, both, { scan, verdict: judge(scan, {}) });
  expect(fake.github.requestsFor('issues/list-comments')).toHaveLength(0);
  expect(fake.github.checkRuns[0]!.headSha).toBe('f'.repeat(40));
});

test('comment: false and check-run: false make no request at all', async () => {
  const scan = completedScan();
  expect(await publishToGitHub(octokit(), ctx, { comment: false, checkRun: false }, { scan, verdict: judge(scan, {}) })).toEqual([]);
  expect(fake.github.requests).toEqual([]);
});

test('other GitHub errors are not swallowed', async () => {
  const scan = completedScan();
  const broken = getOctokit('ghs_test', { baseUrl: `${fake.github.url}/nowhere` });
  await expect(publishToGitHub(broken, ctx, both, { scan, verdict: judge(scan, {}) })).rejects.toMatchObject({ status: 404 });
  fake.github.violations.length = 0;
});
