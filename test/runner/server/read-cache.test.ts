// Reads are reused only while nothing changed: a new scan, a status change by the worker, a revoked key,
// or a write by another process shows in the very next request.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ScanCreated, ScanList } from '../../../src/contract/api.js';
import { ReadCache } from '../../../runner/src/server/read-cache.js';
import type { TestServer } from '../../support/server.js';
import { call, expectShape, startServer } from '../../support/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('listing through the cache', () => {
  it('shows every change at once, whoever made it', async () => {
    server = await startServer();
    const { key } = await server.key('acme', 'ENTERPRISE');
    const list = async (query = '') => expectShape(await call(server!.base, 'GET', `/api/v1/scan${query}`, { key }), 200, ScanList);

    expect((await list()).pagination.total).toBe(0);
    const created = expectShape(await call(server.base, 'POST', '/api/v1/scan', { key, body: { url: 'https://a.example' } }), 202, ScanCreated);
    expect((await list()).data.map((s) => s.id)).toEqual([created.id]);
    expect((await list()).data.map((s) => s.id)).toEqual([created.id]);

    // The worker claims it (this process's connection).
    await server.temp.store.claimNextScan('w', Date.now(), 60_000);
    expect((await list()).data[0]?.status).toBe('RUNNING');
    expect((await list('?status=RUNNING')).pagination.total).toBe(1);

    // Another process finishes it behind the runner's back.
    const other = new Database(server.temp.file);
    other.prepare("UPDATE scans SET status = 'FAILED', error = 'DNS lookup failed for a.example', completed_at = ? WHERE id = ?").run(Date.now(), created.id);
    other.close();
    expect((await list()).data[0]?.status).toBe('FAILED');
    expect((await list('?status=RUNNING')).pagination.total).toBe(0);
  });

  it('keeps each account to its own scans', async () => {
    server = await startServer();
    const a = await server.key('a', 'ENTERPRISE');
    const b = await server.key('b', 'ENTERPRISE');
    await call(server.base, 'POST', '/api/v1/scan', { key: a.key, body: { url: 'https://a.example' } });
    expect(expectShape(await call(server.base, 'GET', '/api/v1/scan', { key: a.key }), 200, ScanList).pagination.total).toBe(1);
    expect(expectShape(await call(server.base, 'GET', '/api/v1/scan', { key: b.key }), 200, ScanList).pagination.total).toBe(0);
  });
});

describe('API keys through the cache', () => {
  it('refuses a key revoked by another process from the next request on', async () => {
    server = await startServer();
    const { key } = await server.key('acme', 'ENTERPRISE');
    expect((await call(server.base, 'GET', '/api/v1/scan', { key })).status).toBe(200);
    expect((await call(server.base, 'GET', '/api/v1/scan', { key })).status).toBe(200);
    const other = new Database(server.temp.file);
    other.prepare('UPDATE api_keys SET revoked_at = ?').run(Date.now());
    other.close();
    expect((await call(server.base, 'GET', '/api/v1/scan', { key })).status).toBe(403);
  });

  it('refuses a key revoked through the store at once', async () => {
    server = await startServer();
    const { key } = await server.key('acme', 'ENTERPRISE');
    expect((await call(server.base, 'GET', '/api/v1/scan', { key })).status).toBe(200);
    const [record] = await server.temp.store.listApiKeys();
    await server.temp.store.revokeApiKey(record!.id, Date.now());
    expect((await call(server.base, 'GET', '/api/v1/scan', { key })).status).toBe(403);
  });
});

describe('ReadCache', () => {
  it('reuses an answer while the mark holds, reloads when it moves, and keeps at most its limit', async () => {
    const cache = new ReadCache<number>(2);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.read('k', 'm1', load)).toBe(1);
    expect(await cache.read('k', 'm1', load)).toBe(1);
    expect(await cache.read('k', 'm2', load)).toBe(2);
    // A store without a mark is always read.
    expect(await cache.read('k', undefined, load)).toBe(3);
    await cache.read('x', 'm2', load);
    await cache.read('y', 'm2', load);
    expect(cache.size).toBe(2);
    // 'k' was the least recently used: it went first.
    expect(await cache.read('k', 'm2', load)).toBe(6);
  });
});
