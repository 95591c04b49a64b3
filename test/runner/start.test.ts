// The runner started in-process, as the action's bundled mode does: port 0, an injected scan function,
// a scan from POST to COMPLETED, then a clean stop.
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ScanCreated, ScanDetail } from '../../src/contract/api.js';
import { loadConfig } from '../../runner/src/config.js';
import { silentLogger } from '../../runner/src/logger.js';
import { startRunner } from '../../runner/src/start.js';
import { scanResult } from '../support/minimal-scan-result.js';
import { call, expectShape } from '../support/server.js';
import { tempDir } from '../support/store.js';

let dir: { dir: string; remove(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

it('runs a scan from POST to COMPLETED in-process, then stops cleanly', async () => {
  const config = loadConfig({ RUNNER_DB: path.join(dir.dir, 'r.db'), PORT: '0', RUNNER_POLL_MS: '1000', RUNNER_ALLOW_PRIVATE_TARGETS: 'true' });
  const completed: string[] = [];
  const seen: unknown[] = [];
  const runner = await startRunner(config, {
    logger: silentLogger,
    runScan: async (url, options) => {
      seen.push({ url, depth: options.depth, allowPrivateTargets: options.allowPrivateTargets });
      return scanResult(url);
    },
    onScanCompleted: (id) => void completed.push(id),
  });
  try {
    expect(runner.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const key = runner.firstKey ?? '';
    expect(key).toMatch(/^iss_/);
    const scan = expectShape(await call(runner.url, 'POST', '/api/v1/scan', { key, body: { url: 'http://localhost:3000', depth: 'QUICK' } }), 202, ScanCreated);
    // The POST wakes the worker: no waiting for the 1 s poll.
    const started = Date.now();
    let detail = expectShape(await call(runner.url, 'GET', scan.statusUrl, { key }), 200, ScanDetail);
    while (detail.status !== 'COMPLETED' && Date.now() - started < 900) detail = expectShape(await call(runner.url, 'GET', scan.statusUrl, { key }), 200, ScanDetail);
    expect(detail).toMatchObject({ status: 'COMPLETED', grade: 'C', overallScore: 72, findingsCount: 2 });
    expect(seen).toEqual([{ url: 'http://localhost:3000', depth: 'QUICK', allowPrivateTargets: true }]);
    expect(completed).toEqual([scan.id]);
  } finally {
    await runner.stop();
  }
  await expect(fetch(`${runner.url}/healthz`)).rejects.toThrow();
});
