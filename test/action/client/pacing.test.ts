// A FREE key allows 10 requests a minute (SPEC §3). Against the real API (createApp, a SQLite store, a FREE
// key) whose per-minute window runs on the same virtual clock as the client, a whole run — create, poll a scan
// that takes five minutes, previous scan, report — never sends more than 10 requests in any 60 s, even when
// the client is told to poll ten times a second, and waits out the API's word when others share the key.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { newReportId } from '../../../runner/src/ids.js';
import type { RateDecision, RequestRateLimiter } from '../../../runner/src/server/rate-limit.js';
import type { Account } from '../../../runner/src/store/store.js';
import { createApiClient } from '../../../src/client/api-client.js';
import { downloadReport } from '../../../src/client/download-report.js';
import { previousScan } from '../../../src/client/previous-scan.js';
import { runScan } from '../../../src/client/run-scan.js';
import { scanResult } from '../../support/minimal-scan-result.js';
import { startServer } from '../../support/server.js';
import type { TestServer } from '../../support/server.js';
import { fakeClock, START } from './support/fake-clock.js';
import type { FakeClock } from './support/fake-clock.js';
import { PDF } from './support/bodies.js';

const MINUTE = 60_000;
const TARGET = 'https://preview.example.com/';

/** rate-limiter-flexible's fixed window (it opens at an account's first request and lasts a minute), on the virtual clock. */
function virtualLimiter(clock: FakeClock, limit: number) {
  const windows = new Map<string, { start: number; used: number }>();
  const log = { allowed: [] as number[], refused: [] as number[] };
  const limiter: RequestRateLimiter = {
    async consume(account: Account): Promise<RateDecision> {
      const now = clock.now();
      let w = windows.get(account.id);
      if (w === undefined || now >= w.start + MINUTE) windows.set(account.id, (w = { start: now, used: 0 }));
      w.used++;
      const allowed = w.used <= limit;
      (allowed ? log.allowed : log.refused).push(now);
      return { allowed, limit, remaining: Math.max(0, limit - w.used), resetSeconds: Math.max(1, Math.ceil((w.start + MINUTE - now) / 1000)) };
    },
  };
  return { limiter, log };
}

/** The most requests sent in any 60 s. */
function busiestMinute(times: number[]): number {
  return Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + MINUTE).length));
}

let clock: FakeClock;
let limits: ReturnType<typeof virtualLimiter>;
let server: TestServer;
beforeEach(async () => {
  clock = fakeClock();
  limits = virtualLimiter(clock, 10);
  server = await startServer({ now: clock.now, rateLimiter: limits.limiter });
});
afterEach(() => server.close());

/** The worker's part, done by the test at a virtual moment: the scan completes and its report is stored. */
function completeAt(at: number) {
  clock.at(at, async () => {
    const { store } = server.temp;
    const claimed = await store.claimNextScan('test-worker', clock.now(), 10 * MINUTE);
    if (claimed === undefined) throw new Error('no scan to complete');
    await store.completeScan(claimed.id, 'test-worker', clock.now(), scanResult(TARGET));
    const report = { id: newReportId(), scanId: claimed.id, version: 1, title: 'Security Report — preview.example.com', pdf: PDF, createdAt: clock.now() };
    await store.insertReport(report);
  });
}

async function wholeRun(key: string) {
  const log: string[] = [];
  const client = createApiClient({ apiUrl: `${server.base}/api/v1`, apiKey: key, userAgent: 'test', clock, log: (l) => log.push(l) });
  // Ten looks a second: only the pacing stands between this and 600 requests a minute.
  const scan = await runScan(client, { url: TARGET, depth: 'QUICK' }, { deadline: clock.now() + 30 * MINUTE, timeoutMinutes: 30, poll: { firstMs: 100, factor: 1, maxMs: 100 } });
  const previous = await previousScan(client, scan);
  const pdf = await downloadReport(client, scan);
  await client.close();
  return { scan, previous, pdf, log };
}

test('a whole run with a FREE key never sends more than 10 requests in any minute, and is never refused', async () => {
  const { key } = await server.key('acme', 'FREE');
  completeAt(START + 5 * MINUTE);
  const { scan, previous, pdf } = await wholeRun(key);

  expect(scan).toMatchObject({ status: 'COMPLETED', grade: 'C', url: TARGET });
  expect(previous).toBeUndefined();
  expect(Buffer.from(pdf).equals(PDF)).toBe(true);
  expect(limits.log.refused).toEqual([]);
  expect(busiestMinute(limits.log.allowed)).toBe(10);
  // It did keep looking: about ten looks a minute over five minutes.
  expect(limits.log.allowed.length).toBeGreaterThan(45);
});

test('a key shared with another client: RateLimit-Remaining 0 holds the client until the reset, with no 429', async () => {
  const { key } = await server.key('acme', 'FREE');
  // Another job spent 9 of this minute's 10 requests a moment ago.
  for (let i = 0; i < 9; i++) await fetch(`${server.base}/api/v1/scan`, { headers: { authorization: `Bearer ${key}` } });
  completeAt(START + 2 * MINUTE);
  await wholeRun(key);

  expect(limits.log.refused).toEqual([]);
  expect(busiestMinute(limits.log.allowed)).toBe(10);
  // The POST was the minute's tenth; the first look at the scan waited for the next minute.
  expect(limits.log.allowed[10]).toBeGreaterThanOrEqual(START + MINUTE);
});

test('requests spent by another client between two of ours: our one 429 is waited out with Retry-After', async () => {
  const { key } = await server.key('acme', 'FREE');
  // Our first minute is spent at once; the next opens at START + 61 s with one request of ours, and right after
  // it the other client spends the other nine and is refused a tenth.
  clock.at(START + 61_050, async () => {
    for (let i = 0; i < 10; i++) await fetch(`${server.base}/api/v1/scan`, { headers: { authorization: `Bearer ${key}` } });
  });
  completeAt(START + 3 * MINUTE);
  const { scan, log } = await wholeRun(key);

  expect(scan.status).toBe('COMPLETED');
  expect(limits.log.refused).toHaveLength(2);
  expect(log.filter((l) => l.startsWith('Rate limited (429)'))).toEqual([expect.stringMatching(/: waiting 60 s as the API asks\.$/)]);
});
