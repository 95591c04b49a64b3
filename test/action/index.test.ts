// The bundled action (dist/index.js) run as GitHub runs it: a Node 24 process with the runner's environment.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runEnvironment } from './support/action-env.js';
import { runAction } from './support/action-process.js';
import { pullRequestPayload, writeEvent } from './support/events.js';
import { startFakeArtifactService } from './support/fake-artifacts.js';
import type { FakeArtifactService } from './support/fake-artifacts.js';
import { useFakeGitHub } from './support/use-fake-github.js';

const fake = useFakeGitHub();
let artifacts: FakeArtifactService;
let event: string;
beforeAll(async () => {
  artifacts = await startFakeArtifactService();
  event = writeEvent(pullRequestPayload({ owner: 'acme', repo: 'shop', number: 7, headSha: 'a'.repeat(40), mergeSha: 'f'.repeat(40) }));
});
afterAll(() => artifacts.close());

function environment(inputs: Record<string, string>) {
  return runEnvironment({ inputs, apiUrl: fake.github.url, artifacts, event: { name: 'pull_request', path: event } });
}

test('runs under Node 24 and fails an invalid hyphenated input with one line naming it', async () => {
  const run = environment({ url: 'https://preview.example.com/', 'fail-below': 'Z' });
  const result = await runAction(run);
  expect(result.code).toBe(1);
  expect(result.errors).toEqual(["Invalid fail-below 'Z': expected one of A+, A, B, C, D, F"]);
  expect(result.outputs).toEqual({});
  expect(result.summary).toContain("❌ Invalid fail-below 'Z'");
  expect(fake.github.requests).toEqual([]);
});

test('a target that never answers within wait-for-url fails the step with what to do', async () => {
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
  await new Promise((r) => closed.close(r));

  const result = await runAction(environment({ url, 'wait-for-url': '1' }));
  expect(result.code).toBe(1);
  expect(result.errors).toEqual([
    `${url} did not answer within 1 s (last: ECONNREFUSED): check that the deployment is up and reachable from the runner, or raise wait-for-url.`,
  ]);
  expect(result.summary).toContain(`## IsSafeSite scan of ${url}`);
});
