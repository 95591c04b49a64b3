// Creating a scan and following it to its end, on a virtual clock: COMPLETED, FAILED, or past the timeout.
import { afterEach, expect, test } from 'vitest';
import { createApiClient } from '../../../src/client/api-client.js';
import { runScan } from '../../../src/client/run-scan.js';
import { startFakeApi } from './support/fake-api.js';
import type { FakeApi, FakeRequest, Reply } from './support/fake-api.js';
import { fakeClock } from './support/fake-clock.js';
import { created, detail, running, SCAN_ID } from './support/bodies.js';

let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function scanWith(statuses: (poll: number) => Reply, timeoutMinutes = 10) {
  const clock = fakeClock();
  api = await startFakeApi((req: FakeRequest, i) => (req.method === 'POST' ? { status: 202, json: created() } : statuses(i)), clock);
  const log: string[] = [];
  const client = createApiClient({ apiUrl: api.apiUrl, apiKey: 'iss_k', userAgent: 'test', clock, log: (l) => log.push(l) });
  const outcome = runScan(client, { url: 'https://preview.example.com/', depth: 'QUICK' }, { deadline: clock.now() + timeoutMinutes * 60_000, timeoutMinutes });
  return { outcome, clock, log, api };
}

test('creates the scan and polls its statusUrl, less often as it runs, until COMPLETED', async () => {
  const { outcome, clock, log, api } = await scanWith((i) => ({ status: 200, json: i < 5 ? running() : detail({ grade: 'B', overallScore: 84, findingsCount: 0 }) }));
  const scan = await outcome;
  expect(scan).toMatchObject({ id: SCAN_ID, status: 'COMPLETED', grade: 'B', overallScore: 84, url: 'https://preview.example.com/' });
  expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v1/scan', ...Array(5).fill(`GET /api/v1/scan/${SCAN_ID}`)]);
  expect(api.requests[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  expect(clock.sleeps).toEqual([1000, 1500, 2250, 3375, 5062.5]);
  expect(log).toEqual([`Scan ${SCAN_ID} created; following /api/v1/scan/${SCAN_ID}`, `Scan ${SCAN_ID} is RUNNING`]);
});

test('polling never waits more than 10 s between looks', async () => {
  const { outcome, clock } = await scanWith((i) => ({ status: 200, json: i < 20 ? running() : detail() }));
  await outcome;
  expect(Math.max(...clock.sleeps)).toBe(10_000);
});

test('a FAILED scan fails with its error', async () => {
  const { outcome } = await scanWith(() => ({ status: 200, json: running({ status: 'FAILED', error: 'DNS lookup failed for preview.example.invalid' }) }));
  await expect(outcome).rejects.toThrow('Scan failed: DNS lookup failed for preview.example.invalid');
});

test('a scan still running at the deadline fails with the timeout line, without polling past it', async () => {
  const { outcome, clock } = await scanWith(() => ({ status: 200, json: running() }), 2);
  await expect(outcome).rejects.toThrow('Scan did not finish within 2 minutes: raise `timeout` or use depth QUICK');
  expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(120_000);
});

test('a timeout of one minute reads "1 minute"', async () => {
  const { outcome } = await scanWith(() => ({ status: 200, json: running({ status: 'PENDING' }) }), 1);
  await expect(outcome).rejects.toThrow('Scan did not finish within 1 minute: raise `timeout` or use depth QUICK');
});

test('a COMPLETED scan without its grade is refused as off-contract', async () => {
  const { outcome } = await scanWith(() => ({ status: 200, json: running({ status: 'COMPLETED' }) }));
  await expect(outcome).rejects.toThrow(/answered GET \/api\/v1\/scan\/c\w+ with a COMPLETED scan without its grade, scores or counts/);
});
