// Keys (401 vs 403 as the seed documents), per-minute rate limits and monthly quotas over real HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { ScanCreated, ScanList } from '../../../src/contract/api.js';
import type { TestServer } from '../../support/server.js';
import { call, expectError, expectShape, startServer } from '../../support/server.js';

let server: TestServer | undefined;
afterEach(async () => server?.close());

/** A clock the test moves: 2026-04-23T12:00:00Z to start with. */
function clock(start = Date.UTC(2026, 3, 23, 12, 0, 0)) {
  const c = { at: start, now: () => c.at };
  return c;
}

describe('authentication', () => {
  it.each([
    ['no Authorization header', undefined, 'Missing API key: send it as "Authorization: Bearer YOUR_API_KEY".'],
    ['an empty header', '', 'Missing API key: send it as "Authorization: Bearer YOUR_API_KEY".'],
    ['Basic credentials', 'Basic dXNlcjpwYXNz', 'Malformed Authorization header: expected "Authorization: Bearer YOUR_API_KEY".'],
    ['Bearer without a token', 'Bearer', 'Malformed Authorization header: expected "Authorization: Bearer YOUR_API_KEY".'],
    ['two tokens', 'Bearer a b', 'Malformed Authorization header: expected "Authorization: Bearer YOUR_API_KEY".'],
  ])('answers 401 to %s', async (_label, header, sentence) => {
    server = await startServer();
    const answer = await call(server.base, 'GET', '/api/v1/scan', { headers: header === undefined ? {} : { Authorization: header } });
    expect(expectError(answer, 401)).toBe(sentence);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="issafesite"');
    expect(answer.headers.get('ratelimit-limit')).toBeNull();
  });

  it('answers 403 to an unknown key, whatever its shape', async () => {
    server = await startServer();
    for (const key of ['your_api_key', 'iss_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      expect(expectError(await call(server.base, 'GET', '/api/v1/scan', { key }), 403)).toBe('Invalid API key: check the key you send in the Authorization header.');
    }
  });

  it('answers 403 to a revoked key and to an expired one, and 200 before expiry', async () => {
    const c = clock();
    server = await startServer({ now: c.now });
    const { key: revoked } = await server.key('acme', 'PRO');
    const { key: expiring } = await server.key('acme', 'PRO', c.at + 60_000);
    const [listed] = await server.temp.store.listApiKeys(revoked.slice(0, 12));
    await server.temp.store.revokeApiKey(listed?.id ?? '', c.at);
    expect(expectError(await call(server.base, 'GET', '/api/v1/scan', { key: revoked }), 403)).toContain('revoked');
    expect((await call(server.base, 'GET', '/api/v1/scan', { key: expiring })).status).toBe(200);
    c.at += 60_000;
    expect(expectError(await call(server.base, 'GET', '/api/v1/scan', { key: expiring }), 403)).toBe(
      'This API key expired on 2026-04-23T12:01:00Z: create a new one with `issafesite-runner keys create`.',
    );
  });

  it('accepts the scheme in any case', async () => {
    server = await startServer();
    const { key } = await server.key('acme');
    expect((await call(server.base, 'GET', '/api/v1/scan', { headers: { Authorization: `bearer ${key}` } })).status).toBe(200);
  });
});

describe('rate limits', () => {
  it('sends the RateLimit headers on every authenticated answer, errors included', async () => {
    server = await startServer();
    const { key } = await server.key('acme', 'PRO');
    const answers = [
      await call(server.base, 'GET', '/api/v1/scan', { key }),
      await call(server.base, 'GET', '/api/v1/scan/cmissing00000000000000000', { key }),
      await call(server.base, 'POST', '/api/v1/scan', { key, body: { url: 'nope' } }),
      await call(server.base, 'GET', '/api/v1/report', { key }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 404, 400, 200]);
    answers.forEach((a, i) => {
      expect(a.headers.get('ratelimit-limit')).toBe('60');
      expect(a.headers.get('ratelimit-remaining')).toBe(String(59 - i));
      expect(Number(a.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
      expect(Number(a.headers.get('ratelimit-reset'))).toBeLessThanOrEqual(60);
    });
  });

  it('answers 429 with Retry-After to the 11th request in a minute on FREE, for that account only', async () => {
    server = await startServer();
    const { key } = await server.key('free', 'FREE');
    const { key: otherKey } = await server.key('other', 'FREE');
    for (let i = 0; i < 10; i++) expect((await call(server.base, 'GET', '/api/v1/scan', { key })).status).toBe(200);
    const limited = await call(server.base, 'GET', '/api/v1/scan', { key });
    expect(expectError(limited, 429)).toMatch(/^Rate limit exceeded: the FREE plan allows 10 API requests per minute; retry in \d+ seconds\.$/);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers.get('ratelimit-limit')).toBe('10');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('ratelimit-reset')).toBe(String(retryAfter));
    expect((await call(server.base, 'GET', '/api/v1/scan', { key: otherKey })).status).toBe(200);
  });
});

describe('monthly quotas', () => {
  it('allows 3 scans a calendar month on FREE, says when the quota resets, and allows more the next month', async () => {
    const c = clock(Date.UTC(2026, 3, 30, 23, 59, 0));
    server = await startServer({ now: c.now });
    const { key } = await server.key('free', 'FREE');
    const post = () => call(server?.base ?? '', 'POST', '/api/v1/scan', { key, body: { url: 'https://example.com' } });
    for (let i = 0; i < 3; i++) expectShape(await post(), 202, ScanCreated);
    const over = await post();
    expect(expectError(over, 429)).toBe(
      'Monthly scan quota reached: the FREE plan allows 3 scans per calendar month (UTC) and 3 were created in 2026-04; the quota resets on 2026-05-01T00:00:00Z.',
    );
    expect(over.headers.get('retry-after')).toBe('60');
    expect(over.headers.get('ratelimit-limit')).toBe('10');
    c.at = Date.UTC(2026, 4, 1, 0, 0, 0);
    expectShape(await post(), 202, ScanCreated);
  });

  it('creates exactly 3 scans when 20 POSTs race on a plan with 3 left', async () => {
    const c = clock();
    server = await startServer({ now: c.now });
    const { key, account } = await server.key('pro', 'PRO');
    server.temp.store.driver.run('INSERT INTO usage_counters (account_id, period, scans) VALUES (?, ?, 97)', [account.id, '2026-04']);
    const base = server.base;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => call(base, 'POST', '/api/v1/scan', { key, body: { url: `https://site${i}.example` } })));
    const accepted = answers.filter((a) => a.status === 202);
    const refused = answers.filter((a) => a.status === 429);
    expect(accepted).toHaveLength(3);
    expect(refused).toHaveLength(17);
    for (const a of accepted) expectShape(a, 202, ScanCreated);
    for (const a of refused) expect(expectError(a, 429)).toContain('the quota resets on 2026-05-01T00:00:00Z');
    expect(expectShape(await call(base, 'GET', '/api/v1/scan', { key }), 200, ScanList).pagination.total).toBe(3);
    expect(await server.temp.store.getUsage(account.id, '2026-04')).toBe(100);
  });

  it('does not limit ENTERPRISE scans', async () => {
    server = await startServer();
    const { key, account } = await server.key('big', 'ENTERPRISE');
    server.temp.store.driver.run('INSERT INTO usage_counters (account_id, period, scans) VALUES (?, ?, 1000000)', [account.id, new Date().toISOString().slice(0, 7)]);
    expectShape(await call(server.base, 'POST', '/api/v1/scan', { key, body: { url: 'https://example.com' } }), 202, ScanCreated);
    expect((await call(server.base, 'GET', '/api/v1/scan', { key })).headers.get('ratelimit-limit')).toBe('300');
  });
});
