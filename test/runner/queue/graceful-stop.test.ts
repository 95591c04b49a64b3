// SIGTERM while scans run (node dist/cli.js serve, the scan engine, a local site): scans that can finish
// within the grace period finish, the others go back to the queue without losing an attempt, the process
// exits 0 within the grace period, and a restarted runner completes what was requeued.
import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ScanCreated, ScanList } from '../../../src/contract/api.js';
import type { ServeProcess } from '../../support/cli.js';
import { CLI, runnerEnv, startServe } from '../../support/cli.js';
import { call, expectShape } from '../../support/server.js';
import { tempDir } from '../../support/store.js';

const KEY = 'graceful-test-key-0123456789abcdefghijklm';
const GRACE_MS = 2_500;
let site: Server;
let siteUrl: string;
/** Pages under /slow/ answer after this long; the test shortens it before the restart. */
let slowMs = 60_000;

beforeAll(async () => {
  site = createServer((req, res) => {
    const delay = req.url?.startsWith('/slow/') ? slowMs : 600;
    const timer = setTimeout(() => res.setHeader('content-type', 'text/html').end('<!doctype html><html lang="en"><title>Fixture</title><h1>Fixture</h1></html>'), delay);
    res.on('close', () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(() => {
  site.closeAllConnections();
  site.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('finishes what it can within the grace period, requeues the rest, exits 0 in time, and loses nothing', async () => {
  const dir = tempDir();
  const db = path.join(dir.dir, 'runner.db');
  const env = runnerEnv({
    RUNNER_BOOTSTRAP_KEY: KEY,
    RUNNER_LOG_LEVEL: 'info',
    RUNNER_CONCURRENCY: '10',
    RUNNER_SHUTDOWN_GRACE_MS: String(GRACE_MS),
    RUNNER_ALLOW_PRIVATE_TARGETS: 'true',
    RUNNER_RATE_LIMITS: 'false',
    RUNNER_POLL_MS: '50',
  });
  let runner: ServeProcess | undefined;
  try {
    runner = await startServe(CLI, ['--port', '0', '--db', db], env);
    const quick: string[] = [];
    const slow: string[] = [];
    for (let i = 0; i < 5; i++) {
      quick.push(expectShape(await call(runner.url, 'POST', '/api/v1/scan', { key: KEY, body: { url: `${siteUrl}/quick/${i}`, depth: 'QUICK' } }), 202, ScanCreated).id);
      slow.push(expectShape(await call(runner.url, 'POST', '/api/v1/scan', { key: KEY, body: { url: `${siteUrl}/slow/${i}`, depth: 'QUICK' } }), 202, ScanCreated).id);
    }
    for (let i = 0; i < 100; i++) {
      const running = expectShape(await call(runner.url, 'GET', '/api/v1/scan?status=RUNNING', { key: KEY }), 200, ScanList);
      if (running.pagination.total === 10) break;
      await sleep(20);
    }

    const signalled = Date.now();
    runner.child.kill('SIGTERM');
    expect(await runner.exited).toBe(0);
    const took = Date.now() - signalled;
    // The grace period, plus at most a second for aborted scans to unwind (worker.ts).
    expect(took).toBeLessThan(GRACE_MS + 1_500);
    expect(took).toBeGreaterThanOrEqual(GRACE_MS - 100);
    const stopped = runner.stdout().split('\n').find((l) => l.includes('"msg":"Worker stopped"'));
    expect(JSON.parse(stopped ?? '{}')).toMatchObject({ finished: 5, requeued: 5 });

    const table = new Database(db, { readonly: true });
    const rows = new Map((table.prepare('SELECT id, status, attempts, lease_owner FROM scans').all() as { id: string; status: string; attempts: number; lease_owner: string | null }[]).map((r) => [r.id, r]));
    table.close();
    for (const id of quick) expect(rows.get(id)).toMatchObject({ status: 'COMPLETED', attempts: 1, lease_owner: null });
    // Back in the queue, the interrupted attempt given back.
    for (const id of slow) expect(rows.get(id)).toMatchObject({ status: 'PENDING', attempts: 0, lease_owner: null });

    // The next runner finishes them.
    slowMs = 300;
    runner = await startServe(CLI, ['--port', '0', '--db', db], env);
    let list = expectShape(await call(runner.url, 'GET', '/api/v1/scan', { key: KEY }), 200, ScanList);
    for (let i = 0; i < 200 && list.data.some((s) => s.status !== 'COMPLETED'); i++) {
      await sleep(50);
      list = expectShape(await call(runner.url, 'GET', '/api/v1/scan', { key: KEY }), 200, ScanList);
    }
    expect(list.data.map((s) => s.status)).toEqual(Array(10).fill('COMPLETED'));
    runner.child.kill('SIGTERM');
    expect(await runner.exited).toBe(0);
  } finally {
    if (runner !== undefined && runner.child.exitCode === null) runner.child.kill('SIGKILL');
    dir.remove();
  }
}, 40_000);
