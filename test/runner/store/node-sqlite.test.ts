// The same store tests, run by a child vitest under Node 24 with the node:sqlite driver: the driver the
// runner uses inside the action, where no native module can be shipped.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { cleanEnv, requireNode24 } from '../../support/node24.js';

it('passes the store tests under Node 24 with node:sqlite', async () => {
  const node = requireNode24();
  const { stdout } = await promisify(execFile)(node, ['node_modules/vitest/vitest.mjs', 'run', 'test/runner/store/store.test.ts', '--reporter=json'], {
    env: cleanEnv({ ISSAFESITE_TEST_SQLITE_DRIVER: 'node:sqlite' }),
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string }) => {
    throw new Error(`The Node 24 run failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
  });
  const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
    numPassedTests: number;
    numFailedTests: number;
    testResults: { assertionResults: { ancestorTitles: string[] }[] }[];
  };
  expect(report.numFailedTests).toBe(0);
  expect(report.numPassedTests).toBeGreaterThanOrEqual(15);
  expect(report.testResults[0]?.assertionResults[0]?.ancestorTitles[0]).toBe('store on node:sqlite');
}, 60_000);
