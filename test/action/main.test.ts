// main.ts's story in-process: inputs and the runner's environment → scan (a stub service) → report artifact
// (fake results service) → SARIF → comment and check run (fake GitHub) → summary → outputs → verdict.
import { summary } from '@actions/core';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { run } from '../../src/main.js';
import { readOutputs, readSummary, runEnvironment } from './support/action-env.js';
import type { RunEnvironment } from './support/action-env.js';
import { pullRequestPayload, writeEvent } from './support/events.js';
import { startFakeArtifactService } from './support/fake-artifacts.js';
import type { FakeArtifactService } from './support/fake-artifacts.js';
import { stubScanService } from './support/scan-service-stub.js';
import { completedScan, findings } from './support/scans.js';
import { useFakeGitHub } from './support/use-fake-github.js';

const fake = useFakeGitHub();
const github = () => fake.github;
let artifacts: FakeArtifactService;
let stdout: string[];
const headSha = 'a'.repeat(40);
const mergeSha = 'f'.repeat(40);
// One summary file for the whole file, emptied per test: @actions/core keeps the first path it reads.
const summaryFile = path.join(mkdtempSync(path.join(tmpdir(), 'issafesite-summary-')), 'step_summary');
const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

beforeAll(async () => {
  artifacts = await startFakeArtifactService();
});
afterAll(() => artifacts.close());
beforeEach(() => {
  stdout = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (stdout.push(String(chunk)), true));
});
afterEach(() => {
  expect(artifacts.violations).toEqual([]);
  summary.emptyBuffer();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

function environment(inputs: Record<string, string>, options: { fork?: boolean; matrix?: string } = {}): RunEnvironment {
  const event = writeEvent(pullRequestPayload({ owner: 'acme', repo: 'shop', number: 7, headSha, mergeSha, fromFork: options.fork }));
  const env = runEnvironment({ inputs: { url: 'https://preview.example.com/', ...inputs }, apiUrl: github().url, artifacts, event: { name: 'pull_request', path: event }, sha: mergeSha, matrix: options.matrix, summaryFile });
  for (const [k, v] of Object.entries(env.env)) vi.stubEnv(k, v);
  return env;
}

const errors = () => stdout.filter((l) => l.startsWith('::error::'));
const warnings = () => stdout.filter((l) => l.startsWith('::warning::'));

test('a pull-request run sets every output and posts comment, check run, summary, PDF artifact and SARIF', async () => {
  const scan = completedScan({ findings: findings(120) });
  const stub = stubScanService({ scan, pdf, previous: { grade: 'C', overallScore: 75, securityScore: 70, seoScore: 80, trafficScore: 85 } });
  const sarifFile = path.join(mkdtempSync(path.join(tmpdir(), 'issafesite-sarif-')), 'results', 'issafesite.sarif');
  const env = environment({ 'fail-below': 'C', 'sarif-file': sarifFile, depth: 'QUICK' }, { matrix: '{"site":"shop"}' });

  await run({ connect: stub.connect });

  expect(errors()).toEqual([]);
  expect(process.exitCode).toBeUndefined();
  expect(stub.calls).toEqual({ connected: 1, scans: [{ url: 'https://preview.example.com/', depth: 'QUICK' }], reports: 1, closed: 1 });

  const outputs = readOutputs(env);
  expect(outputs).toMatchObject({ 'scan-id': scan.id, grade: 'B', 'overall-score': '84', 'security-score': '80', 'seo-score': '90', 'traffic-score': '85', 'findings-count': '120' });
  expect(readFileSync(outputs['report-path']!).equals(pdf)).toBe(true);
  expect(path.basename(outputs['report-path']!)).toMatch(/^issafesite-report-preview\.example\.com-scan-[0-9a-f]{8}-1\.pdf$/);
  expect(outputs['sarif-path']).toBe(sarifFile);
  expect(JSON.parse(readFileSync(outputs['sarif-path']!, 'utf8')).runs[0].results).toHaveLength(120);

  const [artifact] = artifacts.artifacts.filter((a) => a.name === path.basename(outputs['report-path']!));
  expect(artifact!.bytes!.equals(pdf)).toBe(true);
  const artifactUrl = `https://github.com/acme/shop/actions/runs/4242/artifacts/${artifact!.id}`;

  const comment = github().comments.find((c) => c.issueNumber === 7)!;
  expect(comment.body).toContain('**Grade B** (was C)');
  expect(comment.body).toContain(`[PDF report](${artifactUrl})`);
  expect(github().checkRuns.at(-1)).toMatchObject({ headSha, conclusion: 'success' });
  expect(github().requests.filter((r) => r.operationId.startsWith('checks/'))).toHaveLength(3);

  const text = readSummary(env);
  expect(text).toContain('✅ Passed: grade B meets fail-below C.');
  expect(text).toContain('[Pull-request comment](');
  expect(text).toContain('[Check run](');
});

test('a second run on the same pull request updates the one comment', async () => {
  environment({ 'upload-report': 'false' });
  await run({ connect: stubScanService({ scan: completedScan({ grade: 'C', overallScore: 74 }) }).connect });
  environment({ 'upload-report': 'false' });
  await run({ connect: stubScanService({ scan: completedScan({ grade: 'A', overallScore: 93 }), previous: completedScan({ grade: 'C', overallScore: 74 }) }).connect });

  expect(errors()).toEqual([]);
  expect(github().comments).toHaveLength(1);
  expect(github().requestsFor('issues/create-comment')).toHaveLength(1);
  expect(github().requestsFor('issues/update-comment')).toHaveLength(1);
  expect(github().comments[0]!.body).toContain('**Grade A** (was C)');
});

test('a grade below fail-below fails the step with one line, after every output is written', async () => {
  const env = environment({ 'fail-below': 'B', 'upload-report': 'false' });
  const stub = stubScanService({ scan: completedScan({ grade: 'D', overallScore: 64 }) });
  await run({ connect: stub.connect });

  expect(errors()).toEqual([
    '::error::IsSafeSite scan of https://preview.example.com/ failed the threshold: grade D is below fail-below B. Fix the findings listed in the job summary, or relax the threshold.\n',
  ]);
  expect(process.exitCode).toBe(1);
  expect(readOutputs(env)).toMatchObject({ grade: 'D', 'report-path': '', 'sarif-path': '' });
  expect(stub.calls.reports).toBe(0);
  expect(github().checkRuns.at(-1)).toMatchObject({ conclusion: 'failure' });
  expect(readSummary(env)).toContain('❌ IsSafeSite scan of https://preview.example.com/ failed the threshold');
});

test('a fork pull request skips comment and check run with warnings and passes on the threshold alone', async () => {
  github().readOnly = true;
  const env = environment({ 'fail-below': 'C', 'upload-report': 'false' }, { fork: true });
  await run({ connect: stubScanService({ scan: completedScan() }).connect });

  expect(errors()).toEqual([]);
  expect(process.exitCode).toBeUndefined();
  expect(warnings()).toEqual([
    expect.stringMatching(/^::warning::Skipped the pull-request comment: the token cannot write it \(403 Resource not accessible by integration\)/),
    expect.stringMatching(/^::warning::Skipped the check run: the token cannot write it/),
  ]);
  const text = readSummary(env);
  expect(text).toContain('Pull-request comment skipped: the token is read-only (403).');
  expect(text).toContain('**Grade B**');
});

test('a scan that cannot be made fails the step with the service line and releases the service', async () => {
  const env = environment({});
  const stub = stubScanService({ scan: completedScan(), failure: new Error('API key rejected (403): check the ISSAFESITE_API_KEY secret') });
  await run({ connect: stub.connect });
  expect(errors()).toEqual(['::error::API key rejected (403): check the ISSAFESITE_API_KEY secret\n']);
  expect(stub.calls.closed).toBe(1);
  expect(readOutputs(env)).toEqual({});
  expect(readSummary(env)).toBe('## IsSafeSite scan of https://preview.example.com/\n\n❌ API key rejected (403): check the ISSAFESITE_API_KEY secret\n');
  expect(github().requests).toEqual([]);
});

test('an invalid input fails before anything is connected', async () => {
  environment({ 'fail-below': 'Z' });
  const stub = stubScanService({ scan: completedScan() });
  await run({ connect: stub.connect });
  expect(errors()).toEqual(["::error::Invalid fail-below 'Z': expected one of A+, A, B, C, D, F\n"]);
  expect(stub.calls.connected).toBe(0);
});

test('a report that cannot be uploaded warns and the results still go out', async () => {
  const env = environment({ 'artifact-name': 'taken' });
  artifacts.artifacts.push({ id: 1, name: 'taken.pdf', blobPath: '/x', finalized: true });
  await run({ connect: stubScanService({ scan: completedScan() }).connect });
  expect(errors()).toEqual([]);
  expect(warnings().some((w) => w.startsWith('::warning::The PDF report was not uploaded'))).toBe(true);
  expect(existsSync(readOutputs(env)['report-path']!)).toBe(true);
  expect(readSummary(env)).toContain('**Grade B**');
});

test('a report that cannot be downloaded warns and the results still go out, without a report', async () => {
  const env = environment({});
  const uploaded = artifacts.artifacts.length;
  const line = 'No PDF report for scan cabcdefghijklmnopqrstuvwx after 30 s: the API at issafesite.com lists none yet. Re-run the job for the PDF, or set upload-report: false.';
  await run({ connect: stubScanService({ scan: completedScan(), reportFailure: new Error(line) }).connect });
  expect(errors()).toEqual([]);
  expect(warnings()).toEqual([`::warning::${line}\n`]);
  expect(readOutputs(env)).toMatchObject({ grade: 'B', 'report-path': '' });
  expect(artifacts.artifacts).toHaveLength(uploaded);
  expect(readSummary(env)).toContain('**Grade B**');
});
