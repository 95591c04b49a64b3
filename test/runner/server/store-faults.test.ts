// The database locked by another process, or its disk full: writes answer 503 with a sentence and a
// Retry-After, reads keep answering, and everything works again once the fault clears.
import Database from 'better-sqlite3';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScanCreated, ScanDetail, ScanList } from '../../../src/contract/api.js';
import { issueApiKey } from '../../../runner/src/auth/api-keys.js';
import { createApp } from '../../../runner/src/server/app.js';
import type { SqliteStore } from '../../../runner/src/store/sqlite/index.js';
import { openSqliteStore } from '../../../runner/src/store/sqlite/index.js';
import { call, expectError, expectShape } from '../../support/server.js';
import { TEST_DRIVER, tempDir } from '../../support/store.js';

let dir: { dir: string; remove(): void };
let file: string;
let store: SqliteStore;
let server: Server;
let base: string;
let key: string;
const warnings: object[] = [];

// A short wait for the lock keeps each refused write quick; the runner's default is 1 s.
const BUSY_TIMEOUT_MS = 150;

beforeEach(async () => {
  dir = tempDir();
  file = path.join(dir.dir, 'issafesite.db');
  store = await openSqliteStore(file, TEST_DRIVER, { busyTimeoutMs: BUSY_TIMEOUT_MS });
  key = (await issueApiKey(store, { accountName: 'acme', plan: 'ENTERPRISE', now: Date.now() })).key;
  const logger = { info() {}, debug() {}, error() {}, warn: (fields: object) => void warnings.push(fields) };
  const app = createApp({ store, logger, workerRunning: () => true });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  warnings.length = 0;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await store.close();
  dir.remove();
});

const post = (url = 'https://example.com') => call(base, 'POST', '/api/v1/scan', { key, body: { url, depth: 'QUICK' } });

describe('a database another process holds locked', () => {
  it('refuses writes with 503, keeps serving reads, and accepts writes once the lock is released', async () => {
    const first = expectShape(await post(), 202, ScanCreated);
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    try {
      const started = Date.now();
      const refused = await post('https://example.org');
      expect(expectError(refused, 503)).toBe('The runner cannot save this right now because its database is locked by another process; retry in a few seconds.');
      expect(refused.headers.get('retry-after')).toBe('5');
      // It waited for the lock about as long as it was told to, no longer.
      expect(Date.now() - started).toBeLessThan(BUSY_TIMEOUT_MS + 1000);
      expect(warnings).toContainEqual(expect.objectContaining({ fault: 'busy', method: 'POST', path: '/api/v1/scan' }));

      // Reads answer while the lock is held.
      expect(expectShape(await call(base, 'GET', '/api/v1/scan', { key }), 200, ScanList).pagination.total).toBe(1);
      expect(expectShape(await call(base, 'GET', first.statusUrl, { key }), 200, ScanDetail).id).toBe(first.id);
      expect((await call(base, 'GET', '/readyz')).status).toBe(200);
      expect((await call(base, 'GET', '/metrics')).status).toBe(200);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expectShape(await post('https://example.org'), 202, ScanCreated);
    expect(expectShape(await call(base, 'GET', '/api/v1/scan', { key }), 200, ScanList).pagination.total).toBe(2);
  });
});

describe('a full disk', () => {
  it('refuses writes with 503, keeps serving reads, and accepts writes once space is back', async () => {
    // SQLite's page limit stands in for the disk: no page may be added beyond the ones in use.
    const pages = store.driver.get<{ page_count: number }>('PRAGMA page_count')?.page_count ?? 0;
    store.driver.exec(`PRAGMA max_page_count = ${pages}`);
    let refused;
    let accepted = 0;
    // The pages in use have some room left: writes succeed until it runs out.
    for (let i = 0; i < 500; i++) {
      const answer = await post(`https://site-${i}.example/${'p'.repeat(1500)}`);
      if (answer.status !== 202) {
        refused = answer;
        break;
      }
      accepted += 1;
    }
    expect(refused).toBeDefined();
    expect(expectError(refused!, 503)).toBe('The runner cannot save this right now because the disk holding its database is full; retry once its operator has freed space.');
    expect(warnings).toContainEqual(expect.objectContaining({ fault: 'full' }));
    expect(expectShape(await call(base, 'GET', '/api/v1/scan?limit=50', { key }), 200, ScanList).pagination.total).toBe(accepted);

    store.driver.exec('PRAGMA max_page_count = 1073741823');
    expectShape(await post('https://after.example'), 202, ScanCreated);
    expect(expectShape(await call(base, 'GET', '/api/v1/scan', { key }), 200, ScanList).pagination.total).toBe(accepted + 1);
  });
});
