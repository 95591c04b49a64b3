// issafesite-runner serve from the bundle: the quick start's printed curl, the bootstrap key, bad
// configuration, a busy port, SIGTERM.
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ready, ScanCreated, ScanDetail } from '../../../src/contract/api.js';
import type { ServeProcess } from '../../support/cli.js';
import { CLI, runCli, runnerEnv, startServe } from '../../support/cli.js';
import { call, expectShape } from '../../support/server.js';
import { requireNode24 } from '../../support/node24.js';
import { tempDir } from '../../support/store.js';

let dir: { dir: string; remove(): void };
let db: string;
let running: ServeProcess | undefined;

beforeEach(() => {
  dir = tempDir();
  db = path.join(dir.dir, 'data', 'issafesite.db');
});
afterEach(async () => {
  if (running !== undefined && running.child.exitCode === null) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
  running = undefined;
  dir.remove();
});

const serve = (env: Record<string, string> = {}) => startServe(CLI, ['--port', '0', '--db', db], runnerEnv({ RUNNER_ALLOW_PRIVATE_TARGETS: 'true', ...env }));

async function stop(p: ServeProcess): Promise<number | string> {
  p.child.kill('SIGTERM');
  return p.exited;
}

describe('issafesite-runner serve', () => {
  it('prints a ready-to-paste curl with a fresh key on first start, and that curl queues a scan', async () => {
    // A local site to scan: tests never reach beyond 127.0.0.1.
    const site = createServer((_req, res) => res.end('<!doctype html><title>ok</title>'));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    try {
      running = await serve();
      const out = running.stdout();
      const key = /Bearer (iss_[A-Za-z0-9]{40})/.exec(out)?.[1] ?? '';
      expect(out).toContain(`shown only this once:\n\n  ${key}\n`);
      const curl = out.slice(out.indexOf('curl -X POST'), out.indexOf("}'") + 2);
      expect(curl).toBe(
        `curl -X POST ${running.url}/api/v1/scan \\\n-H "Authorization: Bearer ${key}" \\\n-H "Content-Type: application/json" \\\n-d '{"url": "https://example.com", "depth": "STANDARD"}'`,
      );
      // Pasted into a shell, with the target swapped for the local site.
      const target = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
      const { stdout } = await promisify(execFile)('sh', ['-c', `${curl.replace('https://example.com', target)} --silent --show-error`]);
      const created = ScanCreated.parse(JSON.parse(stdout));
      expect(created).toMatchObject({ url: target, status: 'PENDING' });
      // Then the statusUrl, until the scan ends: COMPLETED with scores, a grade and findings.
      let detail = expectShape(await call(running.url, 'GET', created.statusUrl, { key }), 200, ScanDetail);
      for (let i = 0; i < 200 && (detail.status === 'PENDING' || detail.status === 'RUNNING'); i++) {
        await new Promise((r) => setTimeout(r, 50));
        detail = expectShape(await call(running.url, 'GET', created.statusUrl, { key }), 200, ScanDetail);
      }
      expect(detail).toMatchObject({ status: 'COMPLETED', grade: expect.any(String) as unknown as string });
      expect(detail.findings.length).toBeGreaterThan(0);
      // Version 1 of the report came with the completion, rendered by the bundle (its fonts are inlined).
      const pdf = await fetch(`${running.url}/api/report/${detail.reportId ?? 'none'}/pdf`, { headers: { Authorization: `Bearer ${key}` } });
      expect([pdf.status, Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')]).toEqual([200, '%PDF-']);
      expectShape(await call(running.url, 'GET', '/readyz'), 200, Ready);
      expect(await stop(running)).toBe(0);
      expect(running.stderr()).toContain('SIGTERM: finishing running scans for up to 8000 ms, then stopping.');

      // A second start finds the key and prints none.
      running = await serve();
      expect(running.stdout()).not.toContain('iss_');
      expect(running.stdout()).toContain('Create an API key with: issafesite-runner keys create --account NAME --plan PRO');
      expect(await stop(running)).toBe(0);
    } finally {
      site.close();
    }
  });

  it('seeds RUNNER_BOOTSTRAP_KEY as an ENTERPRISE key and prints no other', async () => {
    const key = 'b'.repeat(16) + '0123456789abcdef';
    running = await serve({ RUNNER_BOOTSTRAP_KEY: key });
    expect(running.stdout()).not.toContain('iss_');
    const answer = await call(running.url, 'GET', '/api/v1/scan', { key });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('ratelimit-limit')).toBe('300');
    expect(await stop(running)).toBe(0);
  });

  it('stops with exit code 2 and a sentence naming a bad value', async () => {
    expect(await runCli(['serve', '--db', db], runnerEnv({ PORT: 'eighty' }))).toMatchObject({ code: 2, stderr: 'PORT must be a whole number from 0 to 65535 (got "eighty").\n' });
    expect(await runCli(['serve', '--db', db, '--concurrency', '0'])).toMatchObject({ code: 2, stderr: '--concurrency must be a whole number from 1 to 64 (got "0").\n' });
    expect((await runCli(['serve', '--db', db], runnerEnv({ RUNNER_BOOTSTRAP_KEY: 'short' }))).stderr).toMatch(/^RUNNER_BOOTSTRAP_KEY must be 32 to 256 /);
  });

  it('runs from the bundle on Node 24 with node:sqlite when better-sqlite3 cannot load there', async () => {
    // The native module here is built for this Node's ABI; the action's Node 24 must fall back.
    running = await startServe(CLI, ['--port', '0', '--db', db], runnerEnv({ RUNNER_BOOTSTRAP_KEY: 'n'.repeat(32) }), 15_000, requireNode24());
    expect(running.stdout()).toContain('sqlite (node:sqlite)');
    // A host that cannot resolve: once the engine runs here, the scan fails without leaving the machine.
    expectShape(await call(running.url, 'POST', '/api/v1/scan', { key: 'n'.repeat(32), body: { url: 'https://runner-test.invalid' } }), 202, ScanCreated);
    expect(await stop(running)).toBe(0);
  });

  it('says so when the port is taken', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((busy.address() as AddressInfo).port);
      const result = await runCli(['serve', '--db', db, '--port', port]);
      expect(result).toMatchObject({ code: 1, stderr: `Port ${port} on 127.0.0.1 is already in use: stop the other process or pass --port.\n` });
    } finally {
      busy.close();
    }
  });
});
