import { expect, test } from 'vitest';
import { readRunContext, runUrl } from '../../../src/github/context.js';
import { pullRequestPayload, writeEvent } from '../support/events.js';

const env = {
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_SHA: 'f'.repeat(40),
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_JOB: 'scan',
  GITHUB_WORKFLOW_REF: 'acme/shop/.github/workflows/preview.yml@refs/pull/7/merge',
};

test('a pull_request event gives the head commit, not the merge commit in GITHUB_SHA', () => {
  const event = writeEvent(pullRequestPayload({ owner: 'acme', repo: 'shop', number: 7, headSha: 'a'.repeat(40), mergeSha: 'f'.repeat(40) }));
  const ctx = readRunContext({ ...env, GITHUB_EVENT_PATH: event });
  expect(ctx.pullRequest).toEqual({ number: 7, headSha: 'a'.repeat(40) });
  expect(ctx.sha).toBe('f'.repeat(40));
  expect(ctx).toMatchObject({ owner: 'acme', repo: 'shop', runAttempt: '2', job: 'scan', workflowPath: '.github/workflows/preview.yml' });
  expect(runUrl(ctx)).toBe('https://github.com/acme/shop/actions/runs/42');
});

test('a push event has no pull request', () => {
  const event = writeEvent({ ref: 'refs/heads/main', after: 'f'.repeat(40) });
  expect(readRunContext({ ...env, GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event }).pullRequest).toBeUndefined();
});

test('a workflow in a reusable workflow of another repository still yields its path', () => {
  const ctx = readRunContext({ ...env, GITHUB_WORKFLOW_REF: 'other/lib/.github/workflows/scan.yml@refs/heads/main' });
  expect(ctx.workflowPath).toBe('.github/workflows/scan.yml');
});
