// Thousands of generated requests against the API (fast-check): random JSON, wrong types, huge strings,
// odd URLs (IDN, IPv6, userinfo, ports, javascript:, file:), random headers and query strings, random
// methods and paths. Never a 5xx, never a crash; every error is the contract's {"error": "<sentence>"}
// and every success matches its schema.
import fc from 'fast-check';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { ErrorBody, Health, Ready, ReportList, ScanCreated, ScanDetail, ScanList } from '../../../src/contract/api.js';
import { issueApiKey } from '../../../runner/src/auth/api-keys.js';
import { createApp } from '../../../runner/src/server/app.js';
import { answerClientErrors } from '../../../runner/src/server/client-errors.js';
import { liftedRateLimiter } from '../../../runner/src/server/rate-limit.js';
import type { TempStore } from '../../support/store.js';
import { tempStore } from '../../support/store.js';

let temp: TempStore;
let server: http.Server;
let port: number;
let enterpriseKey: string;
let freeKey: string;
let scanId: string;
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

beforeAll(async () => {
  temp = await tempStore();
  const now = Date.now();
  enterpriseKey = (await issueApiKey(temp.store, { accountName: 'big', plan: 'ENTERPRISE', now })).key;
  // FREE: 3 scans a month, so quota answers (429) are part of the mix.
  freeKey = (await issueApiKey(temp.store, { accountName: 'small', plan: 'FREE', now })).key;
  // The per-minute limits would turn most of the run into 429s; they have tests of their own.
  const app = createApp({ store: temp.store, workerRunning: () => true, rateLimiter: liftedRateLimiter() });
  server = http.createServer(app);
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const created = await send({ method: 'POST', path: '/api/v1/scan', headers: { authorization: `Bearer ${enterpriseKey}`, 'content-type': 'application/json' }, body: '{"url":"https://example.com"}' });
  scanId = (JSON.parse(created.text) as { id: string }).id;
});

afterAll(async () => {
  agent.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await temp.cleanup();
});

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

interface Received {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

function send(request: Sent): Promise<Received> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, agent, method: request.method, path: request.path, headers: request.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

// ---------------------------------------------------------------------------------------------
// What is generated

/** Printable ASCII: what an HTTP client lets through in a header value or (percent-encoded) a path. */
const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 });
const anyText = fc.string({ unit: 'grapheme', maxLength: 60 });

const ODD_URLS = [
  'https://bücher.example/straße?q=ü',
  'https://xn--bcher-kva.example/',
  'https://例え.テスト/パス',
  'http://[::1]:8080/',
  'http://[::ffff:127.0.0.1]/',
  'http://[fe80::1%25eth0]/',
  'http://[2001:db8::1]:443/x',
  'http://[::1',
  'https://user:pass@example.com/',
  'https://user@example.com',
  'https://@example.com',
  'https://example.com:0/',
  'https://example.com:65535/',
  'https://example.com:65536/',
  'https://example.com:99999999999/',
  'http://example.com:-1/',
  'javascript:alert(1)',
  'JavaScript://example.com/%0aalert(1)',
  'file:///etc/passwd',
  'file://localhost/c:/windows/win.ini',
  'data:text/html,<script>alert(1)</script>',
  'ftp://example.com/',
  'ws://example.com/',
  'mailto:someone@example.com',
  'http://',
  'https://',
  'https:///path',
  '//example.com',
  'example.com',
  '/relative/path',
  '',
  ' ',
  'https://exa mple.com',
  'https://example.com/\u0000',
  'https://example.com/\u202e',
  'HTTPS://EXAMPLE.COM',
  'https://example.com#fragment',
  'https://ex%61mple.com',
  'http://0x7f.1/',
  'http://2130706433/',
  'http://127.1/',
  'http://localhost/',
  'http://169.254.169.254/latest/meta-data/',
  'https://example.com.',
  'https://a..b/',
  'https://-a.example/',
  `https://${'a'.repeat(64)}.example/`,
  `https://${'a.'.repeat(130)}example/`,
  `https://example.com/${'x'.repeat(2048)}`,
  `https://example.com/${'x'.repeat(2000)}`,
  'https://example.com/%',
  'https://example.com/%zz',
  'https://example.com\\@evil.example/',
  'https://evil.example\\.example.com/',
  'http://example.com\t/',
  'https://example.com/?q=1&q=2#x',
  'https://\uff45xample.com/',
];

const oddUrl = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_URLS) },
  { weight: 2, arbitrary: fc.webUrl({ validSchemes: ['http', 'https', 'ftp', 'file', 'javascript'], withFragments: true, withQueryParameters: true, authoritySettings: { withIPv4: true, withIPv6: true, withIPv4Extended: true, withUserInfo: true, withPort: true } }) },
  { weight: 1, arbitrary: anyText },
  { weight: 1, arbitrary: fc.string({ minLength: 2040, maxLength: 2100 }).map((s) => `https://example.com/${s}`) },
);

const depth = fc.oneof(fc.constantFrom('QUICK', 'STANDARD', 'DEEP', 'quick', 'Deep', '', 'FULL'), fc.jsonValue({ maxDepth: 1 }));

const wrongType = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));

/** A body as text (or bytes): JSON of the right shape with odd values, of the wrong shape, huge, or not JSON. */
const body = fc.oneof(
  { weight: 4, arbitrary: fc.record({ url: oddUrl, depth }, { requiredKeys: ['url'] }).map((o) => JSON.stringify(o)) },
  { weight: 2, arbitrary: fc.record({ url: fc.webUrl({ withQueryParameters: true }), depth: fc.constantFrom('QUICK', 'STANDARD', 'DEEP') }, { requiredKeys: ['url'] }).map((o) => JSON.stringify(o)) },
  { weight: 2, arbitrary: fc.record({ url: wrongType, depth: wrongType }, { requiredKeys: [] }).map((o) => JSON.stringify(o)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) },
  { weight: 1, arbitrary: fc.integer({ min: 60_000, max: 80_000 }).map((n) => JSON.stringify({ url: `https://example.com/${'a'.repeat(n)}` })) },
  { weight: 1, arbitrary: fc.constantFrom('', '{', '{"url":', '[]', 'null', '"https://example.com"', '{"url":"https://example.com","url":"javascript:x"}', '\ufeff{"url":"https://example.com"}', '{"__proto__":{"url":"x"}}') },
);

const METHODS = ['GET', 'GET', 'GET', 'POST', 'POST', 'POST', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND', 'PURGE'];

const path = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('/api/v1/scan', '/api/v1/scan', '/api/v1/report', '/healthz', '/readyz', '/metrics', '/api/v1/openapi.json', '/', '/api/v1', '/api/v1/scan/') },
  { weight: 2, arbitrary: fc.oneof(printable, anyText).map((s) => `/api/v1/scan/${encodeURIComponent(s)}`) },
  { weight: 1, arbitrary: fc.stringMatching(/^c[a-z0-9]{24}$/).map((id) => `/api/v1/scan/${id}`) },
  { weight: 1, arbitrary: fc.constant('SCAN_ID') },
  { weight: 1, arbitrary: fc.oneof(printable, fc.stringMatching(/^rpt_[a-z0-9]{24}$/)).map((s) => `/api/report/${encodeURIComponent(s)}/pdf`) },
  { weight: 1, arbitrary: fc.array(fc.oneof(printable, anyText).map(encodeURIComponent), { maxLength: 4 }).map((segments) => `/${segments.join('/')}`) },
  { weight: 1, arbitrary: fc.constantFrom('/api/v1/scan/%', '/api/v1/scan/%zz', '/api/v1/scan/%E0%A4%A', '/api/v1/scan/%00', '/..%2f..%2fetc%2fpasswd', '//api/v1/scan', '/api/v1/scan/..', '/API/V1/SCAN', '/api/v1/scan;x', '/healthz/', `/${'a'.repeat(4000)}`) },
);

const queryValue = fc.oneof(
  fc.constantFrom('1', '2', '50', '51', '0', '-1', '1.5', '1e3', '0x10', ' 1', 'abc', '', '9'.repeat(30), 'NaN', 'Infinity', 'PENDING', 'COMPLETED', 'pending', 'example.com', 'EXAMPLE.COM'),
  printable,
  anyText,
  fc.string({ minLength: 300, maxLength: 1200 }),
);
const query = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom('page', 'limit', 'status', 'domain', 'scanId', 'page[]', 'limit[x]', '__proto__', 'constructor'), printable), queryValue), { maxLength: 5 })
  .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`));

const authorization = fc.oneof(
  { weight: 8, arbitrary: fc.constant('ENTERPRISE') },
  { weight: 1, arbitrary: fc.constant('FREE') },
  { weight: 1, arbitrary: fc.constantFrom('NONE', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'bearer iss_short') },
  { weight: 1, arbitrary: printable.map((s) => `Bearer ${s}`) },
  { weight: 1, arbitrary: printable },
);

const HEADER_NAMES_LEFT_ALONE = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'expect', 'upgrade', 'te', 'trailer', 'keep-alive', 'authorization', 'content-type']);
const extraHeaders = fc.dictionary(
  fc.oneof(fc.constantFrom('idempotency-key', 'x-request-id', 'accept', 'accept-encoding', 'content-encoding', 'origin', 'cookie', 'x-forwarded-for', 'if-none-match', 'range'), fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/)).filter((n) => !HEADER_NAMES_LEFT_ALONE.has(n)),
  fc.oneof(printable, fc.constantFrom('gzip', 'br', 'identity', 'deflate', '*/*', 'bytes=0-1', 'x'.repeat(300), '')).map((v) => v.trim()),
  { maxKeys: 4 },
);

const contentType = fc.oneof(
  fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-16', 'application/problem+json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'NONE'),
  printable,
);

const anyRequest = fc.record({
  method: fc.constantFrom(...METHODS),
  path,
  query,
  authorization,
  contentType,
  extra: extraHeaders,
  body: fc.option(body, { nil: undefined, freq: 3 }),
});

/** Most of the surface is the one endpoint that takes a body: aim a third of the requests at it. */
const createScanRequest = fc.record({
  method: fc.constant('POST'),
  path: fc.constant('/api/v1/scan'),
  query: fc.oneof(fc.constant(''), query),
  authorization,
  contentType: fc.oneof({ weight: 5, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: contentType }),
  extra: extraHeaders,
  body: fc.option(body, { nil: undefined, freq: 10 }),
});

const request = fc.oneof({ weight: 2, arbitrary: anyRequest }, { weight: 1, arbitrary: createScanRequest });

type Generated = typeof anyRequest extends fc.Arbitrary<infer T> ? T : never;

function toSent(g: Generated): Sent {
  const headers: Record<string, string> = { ...g.extra };
  if (g.authorization === 'ENTERPRISE') headers.authorization = `Bearer ${enterpriseKey}`;
  else if (g.authorization === 'FREE') headers.authorization = `Bearer ${freeKey}`;
  else if (g.authorization !== 'NONE') headers.authorization = g.authorization;
  if (g.contentType !== 'NONE') headers['content-type'] = g.contentType;
  const path = g.path === 'SCAN_ID' ? `/api/v1/scan/${scanId}` : g.path;
  // GET and HEAD bodies are legal HTTP but not sent by real clients; the other methods get theirs.
  const withBody = g.body !== undefined && g.method !== 'GET' && g.method !== 'HEAD';
  // Framed by Content-Length whatever the method (Node's client would send DELETE's body unframed).
  if (withBody) headers['content-length'] = String(Buffer.byteLength(g.body!));
  return { method: g.method, path: path + g.query, headers, ...(withBody ? { body: g.body } : {}) };
}

// ---------------------------------------------------------------------------------------------
// What must hold

const SUCCESS: Record<string, ZodType<unknown>> = {
  'POST /api/v1/scan': ScanCreated,
  'GET /api/v1/scan': ScanList,
  'GET /api/v1/scan/:id': ScanDetail,
  'GET /api/v1/report': ReportList,
  'GET /healthz': Health,
  'GET /readyz': Ready,
};

function routeOf(sent: Sent): string {
  const pathOnly = sent.path.split('?')[0] ?? '';
  return `${sent.method} ${/^\/api\/v1\/scan\/[^/]+$/.test(pathOnly) ? '/api/v1/scan/:id' : pathOnly}`;
}

function check(sent: Sent, got: Received): void {
  const context = `${sent.method} ${sent.path.slice(0, 200)} → ${got.status} ${got.text.slice(0, 300)}`;
  expect(got.status, context).toBeGreaterThanOrEqual(200);
  expect(got.status, context).toBeLessThan(500);
  if (sent.method === 'HEAD' || got.status === 204) {
    expect(got.text, context).toBe('');
    return;
  }
  const type = got.headers['content-type'] ?? '';
  if (got.status >= 400) {
    expect(type, context).toMatch(/^application\/json/);
    const parsed = ErrorBody.strict().safeParse(JSON.parse(got.text));
    expect(parsed.success, context).toBe(true);
    // One human sentence; nothing from the inside (stack frames, file paths).
    expect(parsed.data?.error, context).toMatch(/^\S.*\.$/s);
    expect(got.text, context).not.toMatch(/\bat .*\(.*:\d+:\d+\)|node_modules|\/runner\/src\//);
    return;
  }
  if (sent.path.startsWith('/metrics')) {
    expect(type, context).toMatch(/^text\/plain/);
    return;
  }
  expect(type, context).toMatch(/^application\/json/);
  const schema = SUCCESS[routeOf(sent)];
  const json: unknown = JSON.parse(got.text);
  if (schema !== undefined) expect(schema.safeParse(json).success, context).toBe(true);
}

describe('the API under generated requests', () => {
  it('answers every one without a 5xx, with the contract error body or a valid success', async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(request, async (g) => {
        const s = toSent(g);
        const got = await send(s);
        sent += 1;
        check(s, got);
      }),
      // About 2 ms a request on this machine: a few seconds in all.
      { numRuns: 2000 },
    );
    expect(sent).toBe(2000);
    // Still serving, still reading the database.
    expect((await send({ method: 'GET', path: '/readyz', headers: {} })).status).toBe(200);
  }, 60_000);

  it.each([
    ['a request line that is not HTTP', 400, 'GARBAGE\r\n\r\n'],
    ['a header line without a colon', 400, 'GET /healthz HTTP/1.1\r\nHost: x\r\nnot a header\r\n\r\n'],
    ['a control character in a header', 400, 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Test: a\u0001b\r\n\r\n'],
    ['headers over 16 KB', 431, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
    ['a broken chunked body', 400, 'POST /api/v1/scan HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n'],
    ['both Content-Length and chunked', 400, 'POST /api/v1/scan HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
  ])('answers %s with %i and the error body', async (_name, status, raw) => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.end(raw));
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    const bodyText = answer.slice(answer.indexOf('\r\n\r\n') + 4);
    expect(ErrorBody.strict().parse(JSON.parse(bodyText)).error).toMatch(/^\S.*\.$/);
  });
});
