// Request ids and the request log: an id per request (the caller's when usable), echoed and logged; the
// API key never in the log, wherever a client puts it.
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, secretScrubber } from '../../../runner/src/logger.js';
import type { TestServer } from '../../support/server.js';
import { call, startServer } from '../../support/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const BOOTSTRAP = 'Operator-Chosen_Secret.0123456789abcdef';

/** A server whose log (level trace: everything) is kept as parsed lines. */
async function loggedServer() {
  const lines: string[] = [];
  const logger = createLogger('trace', { destination: { write: (line: string) => void lines.push(line) }, secrets: [BOOTSTRAP] });
  server = await startServer({ logger });
  return { server, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('request ids', () => {
  it('gives each request a new id, echoes it and logs it with the route and status', async () => {
    const { server: s, records } = await loggedServer();
    const a = await call(s.base, 'GET', '/healthz');
    const b = await call(s.base, 'GET', '/api/v1/scan/cnope');
    const idA = a.headers.get('x-request-id') ?? '';
    const idB = b.headers.get('x-request-id') ?? '';
    expect(idA).toMatch(/^[0-9a-f-]{36}$/);
    expect(idB).not.toBe(idA);
    expect(records()).toContainEqual(expect.objectContaining({ msg: 'request', reqId: idA, method: 'GET', path: '/healthz', route: '/healthz', status: 200 }));
    expect(records()).toContainEqual(expect.objectContaining({ msg: 'request', reqId: idB, route: '/api/v1/scan/:id', status: 401 }));
  });

  it("keeps the caller's X-Request-Id and replaces one that is not printable ASCII or too long", async () => {
    const { server: s } = await loggedServer();
    const traced = await call(s.base, 'GET', '/healthz', { headers: { 'X-Request-Id': 'Root=1-67891233-abcdef012345678912345678' } });
    expect(traced.headers.get('x-request-id')).toBe('Root=1-67891233-abcdef012345678912345678');
    const long = await call(s.base, 'GET', '/healthz', { headers: { 'X-Request-Id': 'x'.repeat(129) } });
    expect(long.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const spaced = await call(s.base, 'GET', '/healthz', { headers: { 'X-Request-Id': 'two words' } });
    expect(spaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs a failed request with its id, so a user quoting the id finds the cause', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { destination: { write: (line: string) => void lines.push(line) } });
    server = await startServer({ logger });
    const { key } = await server.key('acme', 'ENTERPRISE');
    server.temp.store.listScans = async () => {
      throw new Error('disk on fire');
    };
    const answer = await call(server.base, 'GET', '/api/v1/scan', { key, headers: { 'X-Request-Id': 'req-42' } });
    expect(answer.status).toBe(500);
    expect(answer.text).not.toContain('disk on fire');
    const failure = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((r) => r.msg === 'Request failed');
    expect(failure).toMatchObject({ reqId: 'req-42', level: 50 });
    expect(String(failure?.err)).toContain('disk on fire');
  });
});

describe('API keys in the log', () => {
  it('never writes a key, wherever a client puts it', async () => {
    const { server: s, lines } = await loggedServer();
    const { key } = await s.key('acme', 'ENTERPRISE');
    const secret = key.slice(12);
    const places: [string, string, Parameters<typeof call>[3]][] = [
      ['GET', '/api/v1/scan', { key }],
      ['POST', '/api/v1/scan', { key, body: { url: `https://example.com/?token=${key}` } }],
      ['GET', `/api/v1/scan/${key}`, { key }],
      ['GET', `/api/v1/scan?domain=${key}`, { key }],
      ['GET', '/api/v1/scan', { headers: { Authorization: `Bearer ${key}x` } }],
      ['GET', '/api/v1/scan', { headers: { Authorization: `Token ${key}` } }],
      ['GET', `/nowhere/${key}`, { key, headers: { 'X-Request-Id': key } }],
      ['GET', '/api/v1/scan', { key: BOOTSTRAP }],
      ['GET', `/api/v1/scan/${BOOTSTRAP}`, { headers: { 'X-Request-Id': `Bearer ${BOOTSTRAP}` } }],
      ['POST', '/api/v1/scan', { key, raw: `{"url": "${key}"`, headers: { 'Content-Type': 'application/json' } }],
    ];
    for (const [method, path, options] of places) await call(s.base, method, path, options);
    const log = lines.join('');
    expect(lines.length).toBeGreaterThanOrEqual(places.length);
    expect(log).not.toContain(secret);
    expect(log).not.toContain(BOOTSTRAP);
    // The prefix `keys list` shows is kept, so an operator can still tell which key was used.
    expect(log).toContain(`${key.slice(0, 12)}…`);
  });

  it('censors key fields by name and scrubs keys and bearer tokens from any line', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { destination: { write: (line: string) => void lines.push(line) } });
    const key = `iss_${'A'.repeat(40)}`;
    logger.info({ authorization: 'Bearer abc', headers: { authorization: 'Bearer def' }, key, config: { bootstrapKey: 'ghi' }, req: { headers: { authorization: 'jkl' } } }, 'fields');
    const record = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(record).toMatchObject({ authorization: '[redacted]', headers: { authorization: '[redacted]' }, key: '[redacted]', config: { bootstrapKey: '[redacted]' }, req: { headers: { authorization: '[redacted]' } } });
    const scrub = secretScrubber(['s3cr3t-value']);
    expect(scrub(`path /x/${key} and "Bearer tok.en-1~/+==" and s3cr3t-value`)).toBe('path /x/iss_AAAAAAAA… and "Bearer [redacted]" and [redacted]');
  });
});
