// Mode api against a real self-hosted runner: `node dist/cli.js serve` as its own process on a SQLite file,
// and dist/index.js under Node 24 as GitHub runs it. The change since the previous scan of the same URL, the
// masked key, and the lines for a rejected key and a spent quota.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CLI, runCli, runnerEnv, startServe } from '../support/cli.js';
import type { ServeProcess } from '../support/cli.js';
import { startServer } from '../support/fixture-server.js';
import type { Fixture } from '../support/fixture-server.js';
import { tempDir } from '../support/store.js';
import { runEnvironment } from './support/action-env.js';
import { runAction } from './support/action-process.js';
import { pullRequestPayload, writeEvent } from './support/events.js';
import { startFakeArtifactService } from './support/fake-artifacts.js';
import type { FakeArtifactService } from './support/fake-artifacts.js';
import { useFakeGitHub } from './support/use-fake-github.js';

const fake = useFakeGitHub();
const bootstrapKey = `ci-${randomBytes(24).toString('hex')}`;
let dir: { dir: string; remove(): void };
let runner: ServeProcess;
let site: Fixture;
let hardened = false;
let event: string;
let artifacts: FakeArtifactService;

beforeAll(async () => {
  dir = tempDir();
  artifacts = await startFakeArtifactService();
  // A site that the second scan finds better protected than the first.
  site = await startServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      ...(hardened ? { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer', 'content-security-policy': "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'" } : {}),
    });
    res.end('<!doctype html><html lang="en"><head><title>Preview shop</title></head><body><h1>Shop</h1></body></html>');
  });
  runner = await startServe(CLI, ['--port', '0', '--db', path.join(dir.dir, 'runner.db')], runnerEnv({ RUNNER_ALLOW_PRIVATE_TARGETS: 'true', RUNNER_BOOTSTRAP_KEY: bootstrapKey }));
  event = writeEvent(pullRequestPayload({ owner: 'acme', repo: 'shop', number: 12, headSha: 'b'.repeat(40), mergeSha: 'e'.repeat(40) }));
});
afterAll(async () => {
  runner.child.kill('SIGTERM');
  await runner.exited;
  await Promise.all([site.close(), artifacts.close()]);
  dir.remove();
});

function environment(inputs: Record<string, string>) {
  return runEnvironment({
    inputs: { url: `${site.origin}/`, 'api-url': `${runner.url}/api/v1`, depth: 'QUICK', 'upload-report': 'false', ...inputs },
    apiUrl: fake.github.url,
    artifacts,
    event: { name: 'pull_request', path: event },
  });
}

test('scans through a self-hosted runner; the second run shows the change since the first and uploads the PDF from the runner; the key never shows', async () => {
  const first = await runAction(environment({ 'api-key': bootstrapKey }));
  expect(first.errors).toEqual([]);
  expect(first.code).toBe(0);

  hardened = true;
  const second = await runAction(environment({ 'api-key': bootstrapKey, 'upload-report': 'true' }));
  expect(second.errors).toEqual([]);
  // The report's downloadUrl (/api/report/{id}/pdf) lies outside /api/v1: fetched from the runner's origin.
  const pdf = readFileSync(second.outputs['report-path']!);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(artifacts.artifacts.find((a) => a.name === path.basename(second.outputs['report-path']!))?.bytes?.equals(pdf)).toBe(true);
  expect(artifacts.violations).toEqual([]);
  expect(second.outputs['scan-id']).not.toBe(first.outputs['scan-id']);
  const gained = Number(second.outputs['security-score']) - Number(first.outputs['security-score']);
  expect(gained).toBeGreaterThan(0);

  // One comment, edited by the second run, with the change in scores from the first scan.
  expect(fake.github.comments).toHaveLength(1);
  const body = fake.github.comments[0]!.body;
  expect(body).toContain('| | Score | Change |');
  expect(body).toContain(`| Security | ${second.outputs['security-score']} | +${gained} |`);
  expect(second.summary).toContain(`+${gained}`);

  // The key is masked before anything is logged, and nothing else prints it.
  for (const run of [first, second]) {
    expect(run.stdout).toContain(`::add-mask::${bootstrapKey}`);
    expect(run.stdout.replace(`::add-mask::${bootstrapKey}`, '')).not.toContain(bootstrapKey);
    expect(run.stderr).not.toContain(bootstrapKey);
  }
});

test('a key the runner does not know fails the step with the one line about the secret', async () => {
  const result = await runAction(environment({ 'api-key': `iss_${'x'.repeat(40)}` }));
  expect(result.code).toBe(1);
  expect(result.errors).toEqual(['API key rejected (403): check the ISSAFESITE_API_KEY secret']);
  expect(result.summary).toContain('❌ API key rejected (403)');
  expect(fake.github.requests).toEqual([]);
});

test('a FREE key after its three scans of the month fails with when the quota resets', async () => {
  const created = await runCli(['keys', 'create', '--account', 'free-co', '--plan', 'FREE', '--db', path.join(dir.dir, 'runner.db')], runnerEnv());
  const key = /iss_[A-Za-z0-9]{40}/.exec(created.stdout)?.[0];
  expect(key, created.stdout + created.stderr).toBeDefined();
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`${runner.url}/api/v1/scan`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${site.origin}/`, depth: 'QUICK' }),
    });
    expect(res.status).toBe(202);
  }

  const result = await runAction(environment({ 'api-key': key! }));
  const now = new Date();
  const reset = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  expect(result.code).toBe(1);
  expect(result.errors).toEqual([`Scan quota spent (429): this API key's plan has no scans left; it resets at ${reset} 00:00 UTC. Wait until then, or use a key with a larger plan.`]);
  expect(result.stdout).toContain('The API said: Monthly scan quota reached');
});
