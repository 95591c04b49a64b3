import { expect, test } from 'vitest';
import { annotationFor, checkRunName, publishCheckRun } from '../../../src/github/check-run.js';
import { judge } from '../../../src/threshold.js';
import { completedScan, finding, findings } from '../support/scans.js';
import { useFakeGitHub } from '../support/use-fake-github.js';

const fake = useFakeGitHub();
const { octokit } = fake;

const headSha = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const base = { owner: 'acme', repo: 'shop', headSha, workflowPath: '.github/workflows/preview.yml', detailsUrl: 'https://github.com/acme/shop/actions/runs/42' };

test('120 findings make exactly three requests of 50, 50 and 20 annotations, completed on the last', async () => {
  const scan = completedScan({ findings: findings(120), grade: 'D' });
  const verdict = judge(scan, { failBelow: 'C' });
  await publishCheckRun(octokit(), { ...base, scan, verdict });

  const writes = fake.github.requests.filter((r) => r.operationId.startsWith('checks/'));
  expect(writes.map((r) => r.operationId)).toEqual(['checks/create', 'checks/update', 'checks/update']);
  const counts = writes.map((r) => ((r.body as { output: { annotations?: unknown[] } }).output.annotations ?? []).length);
  expect(counts).toEqual([50, 50, 20]);
  expect(writes.map((r) => (r.body as { status?: string }).status)).toEqual(['in_progress', undefined, 'completed']);

  const [run] = fake.github.checkRuns;
  expect(run).toMatchObject({ headSha, status: 'completed', conclusion: 'failure' });
  expect(run!.annotations).toHaveLength(120);
  expect(run!.annotations.every((a) => a.path === '.github/workflows/preview.yml')).toBe(true);
  expect(run!.output.summary).toContain('grade D is below fail-below C');
});

test('50 findings or fewer take one request that completes the run', async () => {
  const scan = completedScan({ findings: findings(50) });
  await publishCheckRun(octokit(), { ...base, scan, verdict: judge(scan, {}) });
  expect(fake.github.requests.map((r) => r.operationId)).toEqual(['checks/create']);
  expect(fake.github.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
});

test('a scan without findings completes with no annotations', async () => {
  const scan = completedScan({ findings: [], grade: 'A+' });
  await publishCheckRun(octokit(), { ...base, scan, verdict: judge(scan, { failBelow: 'A' }) });
  expect(fake.github.checkRuns[0]).toMatchObject({ conclusion: 'success', annotations: [] });
  expect(fake.github.checkRuns[0]!.output.title).toBe('Grade A+ · 84/100 · 0 findings');
});

test('a read-only token is answered 403 Resource not accessible by integration', async () => {
  fake.github.readOnly = true;
  const scan = completedScan();
  await expect(publishCheckRun(octokit(), { ...base, scan, verdict: judge(scan, {}) })).rejects.toMatchObject({ status: 403 });
});

test('annotations map severities to levels and stay inside the documented limits', () => {
  expect(annotationFor(finding({ severity: 'critical' }), 'w.yml').annotation_level).toBe('failure');
  expect(annotationFor(finding({ severity: 'high' }), 'w.yml').annotation_level).toBe('failure');
  expect(annotationFor(finding({ severity: 'medium' }), 'w.yml').annotation_level).toBe('warning');
  expect(annotationFor(finding({ severity: 'low' }), 'w.yml').annotation_level).toBe('notice');
  expect(annotationFor(finding({ severity: 'info' }), 'w.yml').annotation_level).toBe('notice');
  const long = annotationFor(finding({ title: 't'.repeat(1000), evidence: 'e'.repeat(100_000) }), 'w.yml');
  expect(long.title.length).toBeLessThanOrEqual(255);
  expect(long.message.length).toBeLessThanOrEqual(4_000);
});

test('the check is named after the target without its scheme', () => {
  expect(checkRunName('https://preview.example.com/')).toBe('IsSafeSite: preview.example.com');
  expect(checkRunName('http://localhost:3000/shop')).toBe('IsSafeSite: localhost:3000/shop');
});
