// No account at all (mode bundled): dist/index.js under Node 24, as GitHub runs it, starts the runner inside its
// own process on node:sqlite and scans a site served on 127.0.0.1, then reports to a fake GitHub and a fake
// artifact service.
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { startWeakSite } from '../fixtures/sites.js';
import type { Fixture } from '../support/fixture-server.js';
import { parsePdf } from '../support/pdf.js';
import { runEnvironment } from './support/action-env.js';
import { runAction } from './support/action-process.js';
import { pullRequestPayload, writeEvent } from './support/events.js';
import { startFakeArtifactService } from './support/fake-artifacts.js';
import type { FakeArtifactService } from './support/fake-artifacts.js';
import { useFakeGitHub } from './support/use-fake-github.js';

const fake = useFakeGitHub();
const headSha = 'a'.repeat(40);
let artifacts: FakeArtifactService;
let site: Fixture;
let event: string;
beforeAll(async () => {
  [artifacts, site] = await Promise.all([startFakeArtifactService(), startWeakSite()]);
  event = writeEvent(pullRequestPayload({ owner: 'acme', repo: 'shop', number: 7, headSha, mergeSha: 'f'.repeat(40) }));
});
afterAll(async () => {
  await Promise.all([artifacts.close(), site.close()]);
});
afterEach(() => expect(artifacts.violations).toEqual([]));

function environment(inputs: Record<string, string>) {
  return runEnvironment({ inputs: { depth: 'QUICK', ...inputs }, apiUrl: fake.github.url, artifacts, event: { name: 'pull_request', path: event }, sha: 'f'.repeat(40) });
}

test('scans a local site with no account: outputs, summary, one comment, a check run with annotations, the PDF as artifact; a second run updates the comment', async () => {
  const url = `${site.origin}/`;
  const run = environment({ url, 'sarif-file': 'results/issafesite.sarif' });
  const first = await runAction(run);

  expect(first.errors).toEqual([]);
  expect(first.code).toBe(0);
  const out = first.outputs;
  expect(out['scan-id']).toMatch(/^c[a-z0-9]{24}$/);
  expect(out.grade).toBe('F');
  for (const name of ['overall-score', 'security-score', 'seo-score', 'traffic-score']) expect(Number(out[name])).toBeGreaterThanOrEqual(0);
  expect(Number(out['findings-count'])).toBeGreaterThan(5);
  expect(out['sarif-path']).toBe(path.join(run.tempDir, 'results/issafesite.sarif'));
  expect(JSON.parse(readFileSync(out['sarif-path']!, 'utf8')).runs[0].results).toHaveLength(Number(out['findings-count']));

  // The PDF: written to report-path and uploaded as the artifact, the same bytes, a real report of this scan.
  const pdf = readFileSync(out['report-path']!);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const [artifact] = artifacts.artifacts.filter((a) => a.name === path.basename(out['report-path']!));
  expect(artifact?.finalized).toBe(true);
  expect(artifact!.bytes!.equals(pdf)).toBe(true);
  expect((await parsePdf(pdf)).text).toContain('127.0.0.1');

  expect(first.summary).toContain(`## IsSafeSite scan of ${url}`);
  expect(first.summary).toContain('**Grade F**');
  expect(first.summary).toContain(`${out['findings-count']} findings`);

  const [comment] = fake.github.comments;
  expect(fake.github.comments).toHaveLength(1);
  expect(comment!.issueNumber).toBe(7);
  expect(comment!.body).toContain(`### IsSafeSite scan of ${url}`);
  expect(comment!.body).toContain(`/artifacts/${artifact!.id}`);
  const check = fake.github.checkRuns.at(-1)!;
  expect(check).toMatchObject({ headSha, conclusion: 'success' });
  expect(check.annotations).toHaveLength(Number(out['findings-count']));

  // Run two, same pull request, now with a threshold the weak site cannot meet: the step fails with the one
  // threshold line, and the same comment is edited.
  const second = await runAction(environment({ url, 'fail-below': 'A', 'upload-report': 'false' }));
  expect(second.code).toBe(1);
  expect(second.errors).toEqual([
    `IsSafeSite scan of ${url} failed the threshold: grade F is below fail-below A. Fix the findings listed in the job summary, or relax the threshold.`,
  ]);
  expect(fake.github.comments).toHaveLength(1);
  expect(fake.github.requestsFor('issues/create-comment')).toHaveLength(1);
  expect(fake.github.requestsFor('issues/update-comment')).toHaveLength(1);
  expect(fake.github.comments[0]!.body).toContain('❌');
  expect(fake.github.checkRuns.at(-1)).toMatchObject({ conclusion: 'failure' });
  expect(second.outputs.grade).toBe('F');
});

test('a target that refuses connections: the scan FAILED, and the step says why in one line', async () => {
  const port = await closedPort();
  const result = await runAction(environment({ url: `http://127.0.0.1:${port}/`, comment: 'false', 'check-run': 'false' }));
  expect(result.code).toBe(1);
  expect(result.errors).toEqual([`Scan failed: Connection refused by 127.0.0.1:${port}`]);
  expect(result.outputs).toEqual({});
});

test('a scan that outlasts the timeout fails the step with the timeout line', async () => {
  // Accepts connections and never answers: the scan stays RUNNING.
  const silent: Server = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const port = (silent.address() as { port: number }).port;
    const started = Date.now();
    const result = await runAction(environment({ url: `http://127.0.0.1:${port}/`, timeout: '0.1', comment: 'false', 'check-run': 'false' }));
    expect(result.errors).toEqual(['Scan did not finish within 0.1 minutes: raise `timeout` or use depth QUICK']);
    expect(result.code).toBe(1);
    // The runner in the process is stopped at once, without waiting for the scan it gave up.
    expect(Date.now() - started).toBeLessThan(12_000);
  } finally {
    silent.close();
  }
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
