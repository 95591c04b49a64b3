import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../runner/src/config.js';
import { withScanBudget } from '../../../runner/src/queue/scan-budget.js';
import type { RunScanOptions } from '../../../runner/src/queue/types.js';
import { scanResult } from '../../support/minimal-scan-result.js';

describe('the operator budget on every scan', () => {
  const config = loadConfig(
    { RUNNER_STANDARD_MAX_PAGES: '7', RUNNER_STANDARD_CRAWL_TIMEOUT_MS: '9000', RUNNER_DEEP_MAX_PAGES: '40', RUNNER_DEEP_CRAWL_TIMEOUT_MS: '20000', RUNNER_MAX_BODY_BYTES: '100000' },
    {},
  );
  const seen: RunScanOptions[] = [];
  const runScan = withScanBudget(async (_url, options) => {
    seen.push(options);
    return scanResult();
  }, config);
  const base = { allowPrivateTargets: false, signal: new AbortController().signal };

  it.each([
    ['QUICK', {}],
    ['STANDARD', { maxPages: 7, crawlTimeoutMs: 9000 }],
    ['DEEP', { maxPages: 40, crawlTimeoutMs: 20_000 }],
  ] as const)('gives a %s scan the crawl budget of its depth and the request limits', async (depth, crawl) => {
    seen.length = 0;
    await runScan('https://example.com/', { ...base, depth });
    expect(seen[0]).toEqual({ ...base, depth, requestTimeoutMs: 30_000, maxBodyBytes: 100_000, ...crawl });
  });

  it('stops the runner with a sentence naming a bad budget', () => {
    expect(() => loadConfig({ RUNNER_DEEP_MAX_PAGES: '0' }, {})).toThrow(/RUNNER_DEEP_MAX_PAGES/);
  });
});
