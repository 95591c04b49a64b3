// A runner killed with SIGKILL in the middle of scans, then restarted on the same database: every scan
// ends COMPLETED or FAILED, none completes twice, none is lost.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS } from '../../../.ci/bundle-options.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportList, ScanCreated, ScanList } from '../../../src/contract/api.js';
import type { ServeProcess } from '../../support/cli.js';
import { CLI, runnerEnv, startServe } from '../../support/cli.js';
import { call, expectShape } from '../../support/server.js';
import { tempDir } from '../../support/store.js';

const BUNDLES = path.resolve('.cache/test-bundles');
const HARNESS = path.join(BUNDLES, `slow-serve-${process.pid}.mjs`);
const KEY = 'crash-test-key-0123456789abcdefghijklmnop';


beforeAll(async () => {
  mkdirSync(BUNDLES, { recursive: true });
  // Bundled like dist/cli.js, with the same options (.ci/bundle-options.mjs).
  await build({ ...BUNDLE_OPTIONS, entryPoints: ['test/runner/queue/fixtures/slow-serve.ts'], outfile: HARNESS });
});
afterAll(() => rmSync(HARNESS, { force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

interface Crash {
  script: string;
  env: Record<string, string>;
  urls: string[];
  /** How many scans must be running when the first process is killed. */
  runningAtKill: number;
  timeoutMs: number;
}

/** Starts, queues, kills mid-scan, restarts; returns the scans as the API lists them and both outputs. */
async function crashAndRecover(c: Crash) {
  const dir = tempDir();
  const env = runnerEnv({
    RUNNER_BOOTSTRAP_KEY: KEY,
    RUNNER_LOG_LEVEL: 'info',
    RUNNER_CONCURRENCY: '2',
    // Short leases so the restarted runner takes the dead one's scans over within a second.
    RUNNER_LEASE_MS: '1000',
    RUNNER_HEARTBEAT_MS: '200',
    RUNNER_RETRY_BASE_MS: '100',
    RUNNER_POLL_MS: '50',
    RUNNER_ALLOW_PRIVATE_TARGETS: 'true',
    // The test polls the API faster than a plan's per-minute limit allows.
    RUNNER_RATE_LIMITS: 'false',
    SCAN_LOG: path.join(dir.dir, 'scans.log'),
    ...c.env,
  });
  const args = ['--port', '0', '--db', path.join(dir.dir, 'runner.db')];
  let second: ServeProcess | undefined;
  try {
    const first = await startServe(c.script, args, env);
    const ids: string[] = [];
    for (const url of c.urls) ids.push(expectShape(await call(first.url, 'POST', '/api/v1/scan', { key: KEY, body: { url, depth: 'QUICK' } }), 202, ScanCreated).id);
    await until(
      `${c.runningAtKill} running scans`,
      async () => {
        const list = expectShape(await call(first.url, 'GET', '/api/v1/scan?status=RUNNING', { key: KEY }), 200, ScanList);
        return list.pagination.total >= c.runningAtKill ? true : undefined;
      },
      c.timeoutMs,
    );
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    second = await startServe(c.script, args, env);
    const base = second.url;
    const final = await until(
      'every scan to end',
      async () => {
        const list = expectShape(await call(base, 'GET', '/api/v1/scan?limit=50', { key: KEY }), 200, ScanList);
        if (list.pagination.total > 50) throw new Error('the check reads one page of 50 scans');
        return list.data.every((s) => s.status === 'COMPLETED' || s.status === 'FAILED') ? list : undefined;
      },
      c.timeoutMs,
    );
    const reports = expectShape(await call(base, 'GET', '/api/v1/report?limit=50', { key: KEY }), 200, ReportList);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    // How many times each scan was claimed, from the queue table itself.
    const table = new Database(path.join(dir.dir, 'runner.db'), { readonly: true });
    const rows = table.prepare('SELECT id, status, attempts, lease_owner FROM scans').all() as { id: string; status: string; attempts: number; lease_owner: string | null }[];
    table.close();
    const completions = `${first.stdout()}\n${second.stdout()}`
      .split('\n')
      .filter((line) => line.includes('"msg":"Scan completed"') || line.includes('"msg":"Scan failed"'))
      .map((line) => (JSON.parse(line) as { scanId: string }).scanId);
    const log = existsSync(env.SCAN_LOG ?? '') ? readFileSync(env.SCAN_LOG ?? '', 'utf8') : '';
    return { ids, final, completions, log, rows, reports };
  } finally {
    if (second !== undefined && second.child.exitCode === null) second.child.kill('SIGKILL');
    dir.remove();
  }
}

function expectNoneLostNoneTwice(result: Awaited<ReturnType<typeof crashAndRecover>>) {
  const { ids, final, completions } = result;
  expect(final.pagination.total).toBe(ids.length);
  expect(final.data.map((s) => s.id).sort()).toEqual([...ids].sort());
  for (const scan of final.data) expect(['COMPLETED', 'FAILED']).toContain(scan.status);
  // Each scan ended exactly once, in one process or the other.
  expect([...completions].sort()).toEqual([...ids].sort());
  // Each COMPLETED scan has its report: version 1, made once, even when the kill came between scanning and storing.
  const completed = final.data.filter((s) => s.status === 'COMPLETED').map((s) => s.id);
  expect(result.reports.pagination.total).toBe(completed.length);
  expect(result.reports.data.every((r) => r.version === 1)).toBe(true);
  expect(new Set(result.reports.data.map((r) => `${r.scan.targetUrl}`)).size).toBe(completed.length);
}

describe('a runner killed with SIGKILL mid-scan', () => {
  it('finishes every scan after a restart, none twice, none lost (slow scan function)', async () => {
    const urls = Array.from({ length: 6 }, (_, i) => `https://site${i}.example`);
    const result = await crashAndRecover({ script: HARNESS, env: { SLOW_SCAN_MS: '700' }, urls, runningAtKill: 2, timeoutMs: 20_000 });
    expectNoneLostNoneTwice(result);
    expect(result.final.data.every((s) => s.status === 'COMPLETED')).toBe(true);
    // The two scans cut short by the kill started twice; each of the others once; every one ended once.
    const starts = result.log.split('\n').filter((l) => l.startsWith('start ')).length;
    const ends = result.log.split('\n').filter((l) => l.startsWith('end ')).length;
    expect(starts).toBe(8);
    expect(ends).toBe(6);
  }, 40_000);

  describe('with the scan engine (node dist/cli.js serve)', () => {
    let site: Server;
    let siteUrl: string;
    beforeAll(async () => {
      // A local site slow enough that scans are in flight when the runner is killed.
      site = createServer((req, res) => {
        setTimeout(() => {
          if (req.url === '/') res.setHeader('content-type', 'text/html').end('<!doctype html><html lang="en"><title>Fixture</title><h1>Fixture</h1></html>');
          else res.writeHead(404).end();
        }, 400);
      });
      await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
      siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    });
    afterAll(() => site.close());

    it('finishes every scan after a restart, none twice, none lost', async () => {
      const urls = Array.from({ length: 4 }, (_, i) => `${siteUrl}/?n=${i}`);
      const result = await crashAndRecover({ script: CLI, env: {}, urls, runningAtKill: 2, timeoutMs: 30_000 });
      expectNoneLostNoneTwice(result);
      expect(result.final.data.filter((s) => s.status === 'COMPLETED').length).toBeGreaterThan(0);
    }, 60_000);

    it('killed during 50 running scans: after a restart 50 of 50 end, each once, each claimed exactly twice', async () => {
      const urls = Array.from({ length: 50 }, (_, i) => `${siteUrl}/?scan=${i}`);
      // A longer lease than the other cases: the restarted runner renders 50 PDF reports at once, and a
      // heartbeat held up by that on a loaded machine must not look like a dead runner.
      const env = { RUNNER_CONCURRENCY: '50', RUNNER_LEASE_MS: '3000', RUNNER_HEARTBEAT_MS: '300' };
      const result = await crashAndRecover({ script: CLI, env, urls, runningAtKill: 50, timeoutMs: 60_000 });
      expectNoneLostNoneTwice(result);
      expect(result.final.data.filter((s) => s.status === 'COMPLETED')).toHaveLength(50);
      // Claimed once by the killed runner, once by the next: none ran a third time, none is still leased.
      expect(result.rows).toHaveLength(50);
      for (const row of result.rows) expect(row).toMatchObject({ attempts: 2, lease_owner: null });
    }, 120_000);
  });
});
