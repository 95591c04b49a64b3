// POST /api/v1/scan, GET /api/v1/scan, GET /api/v1/scan/{id} over real HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScanCreated, ScanDetail, ScanList } from '../../../src/contract/api.js';
import { scanResult } from '../../support/minimal-scan-result.js';
import type { TestServer } from '../../support/server.js';
import { call, expectError, expectShape, startServer } from '../../support/server.js';

let server: TestServer;
let key: string;
const created: string[] = [];

beforeEach(async () => {
  created.length = 0;
  server = await startServer({ onScanCreated: (id) => created.push(id) });
  ({ key } = await server.key('acme', 'ENTERPRISE'));
});
afterEach(async () => server.close());

const post = (body: unknown, headers: Record<string, string> = {}) => call(server.base, 'POST', '/api/v1/scan', { key, body, headers });
const get = (path: string, k = key) => call(server.base, 'GET', path, { key: k });

async function createScans(urls: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const url of urls) ids.push(expectShape(await post({ url }), 202, ScanCreated).id);
  return ids;
}

describe('POST /api/v1/scan', () => {
  it('queues the seed example and answers 202 with the seed fields', async () => {
    const before = Date.now();
    const scan = expectShape(await post({ url: 'https://example.com', depth: 'STANDARD' }), 202, ScanCreated);
    expect(scan).toMatchObject({ url: 'https://example.com', domain: 'example.com', depth: 'STANDARD', status: 'PENDING', statusUrl: `/api/v1/scan/${scan.id}` });
    expect(scan.id).toMatch(/^c[a-z0-9]{24}$/);
    expect(scan.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(scan.createdAt)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(created).toEqual([scan.id]);
  });

  it('defaults depth to STANDARD, keeps the URL as given and takes the host as domain', async () => {
    const scan = expectShape(await post({ url: 'http://LOCALHOST:3000/preview?x=1' }), 202, ScanCreated);
    expect(scan).toMatchObject({ url: 'http://LOCALHOST:3000/preview?x=1', domain: 'localhost', depth: 'STANDARD' });
    expect(expectShape(await post({ url: 'http://[::1]:8080/', depth: 'QUICK' }), 202, ScanCreated)).toMatchObject({ domain: '::1', depth: 'QUICK' });
  });

  it.each([
    ['no url', {}, 'url is required'],
    ['a URL without scheme', { url: 'example.com' }, 'url must be an absolute http(s) URL'],
    ['an ftp URL', { url: 'ftp://example.com' }, 'url must start with http:// or https://'],
    ['a URL with credentials', { url: 'https://admin:secret@example.com' }, 'url must not contain a user name or password'],
    ['a URL over 2048 characters', { url: `https://example.com/${'x'.repeat(2100)}` }, 'at most 2048 are accepted'],
    ['an unknown depth', { url: 'https://example.com', depth: 'FULL' }, 'depth must be QUICK, STANDARD or DEEP'],
    ['an array', ['https://example.com'], 'The request body must be a JSON object'],
  ])('refuses %s with 400 and a sentence', async (_label, body, sentence) => {
    expect(expectError(await post(body), 400)).toContain(sentence);
    expect(created).toEqual([]);
  });

  it('answers 400 to malformed JSON, 415 to a body that is not JSON, 413 to a body over 64 KB', async () => {
    const malformed = await call(server.base, 'POST', '/api/v1/scan', { key, raw: '{"url": ', headers: { 'Content-Type': 'application/json' } });
    expect(expectError(malformed, 400)).toBe('The request body is not valid JSON.');
    const form = await call(server.base, 'POST', '/api/v1/scan', { key, raw: 'url=https://example.com', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(expectError(form, 415)).toBe('The request body must be JSON, sent with "Content-Type: application/json" (got "application/x-www-form-urlencoded").');
    const untyped = await call(server.base, 'POST', '/api/v1/scan', { key, raw: Buffer.from('{"url":"https://example.com"}') });
    expect(expectError(untyped, 415)).toContain('got no Content-Type');
    const big = await post({ url: 'https://example.com', padding: 'x'.repeat(64 * 1024) });
    expect(expectError(big, 413)).toBe('The request body is larger than 64 KB.');
    const empty = await call(server.base, 'POST', '/api/v1/scan', { key });
    expect(expectError(empty, 400)).toContain('url is required');
    // A vendor JSON type is JSON too.
    expect((await call(server.base, 'POST', '/api/v1/scan', { key, raw: '{"url":"https://example.com"}', headers: { 'Content-Type': 'application/vnd.api+json' } })).status).toBe(202);
  });

  it('returns the first scan to a retried POST with the same Idempotency-Key, without creating or charging another', async () => {
    const first = expectShape(await post({ url: 'https://example.com' }, { 'Idempotency-Key': 'deploy-42' }), 202, ScanCreated);
    const retry = await post({ url: 'https://example.com' }, { 'Idempotency-Key': 'deploy-42' });
    expect(expectShape(retry, 202, ScanCreated)).toEqual(first);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(created).toEqual([first.id]);
    const other = expectShape(await post({ url: 'https://example.com' }, { 'Idempotency-Key': 'deploy-43' }), 202, ScanCreated);
    expect(other.id).not.toBe(first.id);
    expect(expectError(await post({ url: 'https://other.example' }, { 'Idempotency-Key': 'deploy-42' }), 400)).toContain('already used for a different request');
    expect(expectError(await post({ url: 'https://example.com' }, { 'Idempotency-Key': 'has space' }), 400)).toContain('Idempotency-Key must be');
    expect(expectShape(await get('/api/v1/scan'), 200, ScanList).pagination.total).toBe(2);
  });
});

describe('GET /api/v1/scan', () => {
  it('lists newest first with the seed pagination fields', async () => {
    const ids = await createScans(['https://a.example', 'https://b.example', 'https://c.example']);
    const list = expectShape(await get('/api/v1/scan'), 200, ScanList);
    expect(list.data.map((s) => s.id)).toEqual([...ids].reverse());
    expect(list.pagination).toEqual({ page: 1, limit: 20, total: 3, pages: 1 });
    expect(list.data[0]).toMatchObject({ targetUrl: 'https://c.example', targetDomain: 'c.example', depth: 'STANDARD', status: 'PENDING', overallScore: null, grade: null, findingsCount: null, completedAt: null });
  });

  it('pages through, clamps limit=51 to 50 and answers an empty page past the end', async () => {
    const ids = await createScans(['https://1.example', 'https://2.example', 'https://3.example', 'https://4.example', 'https://5.example']);
    const page2 = expectShape(await get('/api/v1/scan?page=2&limit=2'), 200, ScanList);
    expect(page2.data.map((s) => s.id)).toEqual([ids[2], ids[1]]);
    expect(page2.pagination).toEqual({ page: 2, limit: 2, total: 5, pages: 3 });
    expect(expectShape(await get('/api/v1/scan?limit=51'), 200, ScanList).pagination).toEqual({ page: 1, limit: 50, total: 5, pages: 1 });
    expect(expectShape(await get('/api/v1/scan?page=9&limit=2'), 200, ScanList)).toEqual({ data: [], pagination: { page: 9, limit: 2, total: 5, pages: 3 } });
  });

  it.each([
    ['page=0', 'page must be a whole number of 1 or more.'],
    ['page=abc', 'page must be a whole number of 1 or more.'],
    ['page=1.5', 'page must be a whole number of 1 or more.'],
    ['page=1&page=2', 'page must be a whole number of 1 or more.'],
    ['limit=0', 'limit must be a whole number of 1 or more.'],
    ['limit=ten', 'limit must be a whole number of 1 or more.'],
    ['status=DONE', 'status must be PENDING, RUNNING, COMPLETED or FAILED.'],
  ])('refuses ?%s with 400', async (query, sentence) => {
    expect(expectError(await get(`/api/v1/scan?${query}`), 400)).toBe(sentence);
  });

  it('filters by status and domain', async () => {
    const [a = '', b = ''] = await createScans(['https://a.example', 'https://B.example/x', 'https://a.example/2']);
    const { store } = server.temp;
    const claimed = await store.claimNextScan('w', Date.now() + 1000, 30_000);
    expect(claimed?.id).toBe(a);
    await store.completeScan(a, 'w', Date.now(), scanResult('https://a.example'));
    expect(expectShape(await get('/api/v1/scan?status=COMPLETED'), 200, ScanList).data.map((s) => s.id)).toEqual([a]);
    expect(expectShape(await get('/api/v1/scan?status=PENDING'), 200, ScanList).pagination.total).toBe(2);
    expect(expectShape(await get('/api/v1/scan?domain=b.example'), 200, ScanList).data.map((s) => s.id)).toEqual([b]);
    expect(expectShape(await get('/api/v1/scan?domain=A.EXAMPLE&status=PENDING'), 200, ScanList).pagination.total).toBe(1);
  });
});

describe('GET /api/v1/scan/{id}', () => {
  it('shows a pending scan at its statusUrl', async () => {
    const scan = expectShape(await post({ url: 'https://example.com', depth: 'QUICK' }), 202, ScanCreated);
    const detail = expectShape(await get(scan.statusUrl), 200, ScanDetail);
    expect(detail).toMatchObject({
      id: scan.id,
      url: 'https://example.com',
      domain: 'example.com',
      targetUrl: 'https://example.com',
      targetDomain: 'example.com',
      statusUrl: scan.statusUrl,
      status: 'PENDING',
      startedAt: null,
      pagesScanned: null,
      reportId: null,
      findings: [],
    });
    expect(detail).not.toHaveProperty('error');
  });

  it('shows a completed scan with scores, grade and findings', async () => {
    const scan = expectShape(await post({ url: 'https://example.com' }), 202, ScanCreated);
    const { store } = server.temp;
    await store.claimNextScan('w', Date.now() + 1000, 30_000);
    await store.completeScan(scan.id, 'w', Date.now(), scanResult());
    const detail = expectShape(await get(scan.statusUrl), 200, ScanDetail);
    expect(detail).toMatchObject({ status: 'COMPLETED', overallScore: 72, grade: 'C', securityScore: 65, seoScore: 80, trafficScore: 75, findingsCount: 2, pagesScanned: 1 });
    expect(detail.startedAt).not.toBeNull();
    expect(detail.completedAt).not.toBeNull();
    expect(detail.findings[0]).toEqual(scanResult().findings[0]);
  });

  it('shows why a scan FAILED in error', async () => {
    const scan = expectShape(await post({ url: 'https://example.invalid' }), 202, ScanCreated);
    const { store } = server.temp;
    await store.claimNextScan('w', Date.now() + 1000, 30_000);
    await store.failScan(scan.id, 'w', Date.now(), 'DNS lookup failed for example.invalid', 'DNS: ENOTFOUND');
    expect(expectShape(await get(scan.statusUrl), 200, ScanDetail)).toMatchObject({ status: 'FAILED', error: 'DNS lookup failed for example.invalid' });
  });

  it("answers 404 for another account's scan, exactly as for one that does not exist", async () => {
    const scan = expectShape(await post({ url: 'https://example.com' }), 202, ScanCreated);
    const { key: otherKey } = await server.key('other', 'PRO');
    const theirs = expectError(await get(scan.statusUrl, otherKey), 404);
    expect(theirs).toBe(`No scan "${scan.id}" in this account.`);
    expect(expectError(await get('/api/v1/scan/cnotarealscan000000000000', otherKey), 404)).toBe('No scan "cnotarealscan000000000000" in this account.');
    expect(expectError(await get('/api/v1/scan/..%2F..%2Fetc', otherKey), 404)).toContain('No scan');
    expect(expectShape(await get('/api/v1/scan', otherKey), 200, ScanList).pagination.total).toBe(0);
  });
});
