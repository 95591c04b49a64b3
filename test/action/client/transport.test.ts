// Every request's fate: retried (network errors, 5xx), waited for (429 Retry-After), or turned into one line
// that says what to do, against a scripted API on 127.0.0.1 and a virtual clock.
import { afterEach, describe, expect, test } from 'vitest';
import { createApiClient } from '../../../src/client/api-client.js';
import type { ClientOptions } from '../../../src/client/api-client.js';
import { closedPort, startFakeApi } from './support/fake-api.js';
import type { FakeApi, Reply } from './support/fake-api.js';
import { fakeClock } from './support/fake-clock.js';
import type { FakeClock } from './support/fake-clock.js';
import { created, detail, SCAN_ID } from './support/bodies.js';

const KEY = 'iss_test0000000000000000000000000000000000000';
let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function clientFor(replies: Array<Reply | ((n: number) => Reply)>, options: Partial<ClientOptions> & { clock?: FakeClock } = {}) {
  const clock = options.clock ?? fakeClock();
  api = await startFakeApi((_req, i) => {
    const reply = replies[Math.min(i, replies.length - 1)]!;
    return typeof reply === 'function' ? reply(i) : reply;
  }, clock);
  const log: string[] = [];
  const client = createApiClient({ apiUrl: api.apiUrl, apiKey: KEY, userAgent: 'test', clock, random: () => 0.5, log: (l) => log.push(l), ...options });
  return { client, clock, log, api };
}

const POST = { url: 'https://preview.example.com/', depth: 'QUICK' } as const;

describe('retries', () => {
  test('a POST answered 503 twice is retried with backoff and the same Idempotency-Key, and makes one scan', async () => {
    const { client, clock, api } = await clientFor([{ status: 503, json: { error: 'Restarting.' } }, { status: 503, json: { error: 'Restarting.' } }, { status: 202, json: created() }]);
    const scan = await client.createScan(POST, { idempotencyKey: 'run-4242-1' });
    expect(scan.id).toBe(SCAN_ID);
    expect(api.requests.map((r) => r.headers['idempotency-key'])).toEqual(['run-4242-1', 'run-4242-1', 'run-4242-1']);
    expect(api.requests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(JSON.parse(api.requests[0]!.body)).toEqual(POST);
    // Equal jitter with random 0.5: three quarters of 1 s, then of 2 s.
    expect(clock.sleeps).toEqual([750, 1500]);
  });

  test('jitter spreads each wait between half and all of its exponential ceiling', async () => {
    for (const [random, waits] of [
      [0, [500, 1000, 2000, 4000, 8000]],
      [0.999999, [1000, 2000, 4000, 8000, 16000]],
    ] as const) {
      const { client, clock } = await clientFor([{ status: 502, body: 'Bad gateway' }], { random: () => random });
      await expect(client.listScans({})).rejects.toThrow();
      expect(clock.sleeps).toEqual(waits);
      await api?.close();
    }
  });

  test('a connection dropped without an answer is retried', async () => {
    const { client, log } = await clientFor(['hang-up', { status: 200, json: detail() }]);
    expect((await client.getScan(`/api/v1/scan/${SCAN_ID}`)).grade).toBe('C');
    expect(log[0]).toMatch(/^GET \/api\/v1\/scan\/c\w+: UND_ERR_SOCKET; retrying in 0\.8 s \(try 2 of 6\)\.$/);
  });

  test('an API that stays unreachable fails with its host after six tries', async () => {
    const port = await closedPort();
    const clock = fakeClock();
    const client = createApiClient({ apiUrl: `http://127.0.0.1:${port}/api/v1`, apiKey: KEY, userAgent: 'test', clock, random: () => 0.5 });
    await expect(client.createScan(POST)).rejects.toThrow(
      `Cannot reach the IsSafeSite API at 127.0.0.1:${port} (ECONNREFUSED, 6 tries): check api-url and that the API is up.`,
    );
    expect(clock.sleeps).toHaveLength(5);
  });

  test('a host that does not resolve is not retried', async () => {
    const clock = fakeClock();
    const client = createApiClient({ apiUrl: 'http://api.issafesite.invalid/api/v1', apiKey: KEY, userAgent: 'test', clock });
    await expect(client.listScans({})).rejects.toThrow(/^Cannot reach the IsSafeSite API at api\.issafesite\.invalid \((ENOTFOUND|EAI_AGAIN)/);
    expect(clock.sleeps.length).toBeLessThanOrEqual(5);
  });

  test('a 500 that lasts fails with the API sentence and what to do', async () => {
    const { client, api } = await clientFor([{ status: 500, json: { error: 'Internal server error: the runner could not answer this request.' } }]);
    await expect(client.listScans({})).rejects.toThrow(
      `The IsSafeSite API at ${new URL(api.origin).host} failed (500, 6 tries): Internal server error: the runner could not answer this request. Re-run the job later.`,
    );
  });

  test('a retry that would end after the deadline is not waited for', async () => {
    const clock = fakeClock();
    const { client, api } = await clientFor([{ status: 503, body: '' }], { clock });
    await expect(client.getScan(`/api/v1/scan/${SCAN_ID}`, { deadline: clock.now() + 2_000 })).rejects.toThrow(/failed \(503, 2 tries\)/);
    expect(api.requests).toHaveLength(2);
  });
});

describe('429', () => {
  test('Retry-After is waited for, then the request is sent again', async () => {
    const { client, clock, log } = await clientFor([
      { status: 429, headers: { 'retry-after': '7', 'ratelimit-limit': '10', 'ratelimit-remaining': '0', 'ratelimit-reset': '7' }, json: { error: 'Rate limit exceeded.' } },
      { status: 200, json: detail() },
    ]);
    await client.getScan(`/api/v1/scan/${SCAN_ID}`);
    expect(clock.sleeps).toEqual([7000]);
    expect(log).toEqual([`Rate limited (429) on GET /api/v1/scan/${SCAN_ID}: waiting 7 s as the API asks.`]);
  });

  test('a Retry-After past the deadline fails at once with what to do', async () => {
    const clock = fakeClock();
    const { client } = await clientFor([{ status: 429, headers: { 'retry-after': '45' }, json: { error: 'Rate limit exceeded.' } }], { clock });
    await expect(client.getScan(`/api/v1/scan/${SCAN_ID}`, { deadline: clock.now() + 10_000 })).rejects.toThrow(
      'API rate limit reached (429): the API asks to wait 45 s, past the timeout; raise `timeout`, or use a key that other jobs do not share.',
    );
    expect(clock.sleeps).toEqual([]);
  });

  test('the monthly quota (a Retry-After of days) fails the POST with when it resets', async () => {
    const clock = fakeClock();
    const untilDecember = (Date.parse('2026-12-01T00:00:00Z') - clock.now()) / 1000;
    const { client, log } = await clientFor(
      [
        {
          status: 429,
          headers: { 'retry-after': String(untilDecember), 'ratelimit-limit': '10', 'ratelimit-remaining': '8', 'ratelimit-reset': '60' },
          json: { error: 'Monthly scan quota reached: the FREE plan allows 3 scans per calendar month (UTC).' },
        },
      ],
      { clock },
    );
    await expect(client.createScan(POST)).rejects.toThrow(
      "Scan quota spent (429): this API key's plan has no scans left; it resets at 2026-12-01 00:00 UTC. Wait until then, or use a key with a larger plan.",
    );
    expect(log).toEqual(['The API said: Monthly scan quota reached: the FREE plan allows 3 scans per calendar month (UTC).']);
    expect(clock.sleeps).toEqual([]);
  });

  test('a 429 that keeps coming gives up after five waits', async () => {
    const { client, api } = await clientFor([{ status: 429, headers: { 'retry-after': '1' }, body: '' }]);
    await expect(client.listScans({})).rejects.toThrow('API rate limit reached (429) 5 times in a row: other clients share this API key; give this job a key of its own.');
    expect(api.requests).toHaveLength(6);
  });
});

describe('refusals', () => {
  test.each([401, 403])('%i says the key was rejected, in one line without the key', async (status) => {
    const { client, log } = await clientFor([{ status, json: { error: 'Invalid API key: check the key you send in the Authorization header.' } }]);
    const failure = await client.createScan(POST).then(() => undefined, (e: unknown) => e as Error);
    expect(failure?.message).toBe(`API key rejected (${status}): check the ISSAFESITE_API_KEY secret`);
    expect(log.join('\n')).not.toContain(KEY);
  });

  test('a 400 gives the API sentence', async () => {
    const { client, api } = await clientFor([{ status: 400, json: { error: 'url must start with http:// or https:// (got "ftp:").' } }]);
    await expect(client.createScan({ url: 'ftp://x', depth: 'QUICK' })).rejects.toThrow(
      `The IsSafeSite API at ${new URL(api.origin).host} refused POST /api/v1/scan (400): url must start with http:// or https:// (got "ftp:").`,
    );
  });

  test('a web page instead of the API (api-url wrong) says so', async () => {
    const { client, api } = await clientFor([{ status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>Shop</title>' }]);
    await expect(client.listScans({})).rejects.toThrow(
      `The API at ${new URL(api.origin).host} answered GET /api/v1/scan with something that is not JSON (HTTP 200, text/html): check that api-url is an IsSafeSite API (ending in /api/v1).`,
    );
  });

  test('an answer the contract does not allow is refused, naming the field', async () => {
    const { client } = await clientFor([{ status: 202, json: { ...created(), status: 'QUEUED' } }]);
    await expect(client.createScan(POST)).rejects.toThrow(/answered POST \/api\/v1\/scan with a body the API contract does not allow \(.* at status\)/);
  });

  test('a statusUrl on another origin is not followed: the key stays with the API', async () => {
    const { client, api } = await clientFor([{ status: 200, json: detail() }]);
    await expect(client.getScan('https://collector.example.invalid/api/v1/scan/x')).rejects.toThrow(
      `The API at ${new URL(api.origin).host} pointed at https://collector.example.invalid, another origin; the API key is only sent to ${api.origin}. Check api-url.`,
    );
    expect(api.requests).toEqual([]);
  });
});
