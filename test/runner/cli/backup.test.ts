// issafesite-runner backup while the runner serves and writes: each copy passes SQLite's integrity check,
// holds every scan created before it began, and is one consistent moment (each account's usage counter,
// written in the same transaction as its scans, equals the scans the copy holds).
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScanList } from '../../../src/contract/api.js';
import type { ServeProcess } from '../../support/cli.js';
import { CLI, runCli, runnerEnv, startServe } from '../../support/cli.js';
import { requireNode24 } from '../../support/node24.js';
import { call, expectShape } from '../../support/server.js';
import { tempDir } from '../../support/store.js';

const KEY = 'backup-test-key-0123456789abcdefghijklmn';
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

function inspect(file: string) {
  const copy = new Database(file, { readonly: true });
  try {
    return {
      integrity: (copy.prepare('PRAGMA integrity_check').pluck().all() as string[]).join(),
      scans: copy.prepare('SELECT COUNT(*) FROM scans').pluck().get() as number,
      counted: (copy.prepare('SELECT COALESCE(SUM(scans), 0) FROM usage_counters').pluck().get() as number) ?? 0,
      keys: copy.prepare('SELECT COUNT(*) FROM api_keys').pluck().get() as number,
    };
  } finally {
    copy.close();
  }
}

describe('issafesite-runner backup', () => {
  it('copies the database consistently while the runner keeps creating and running scans', async () => {
    running = await startServe(CLI, ['--port', '0', '--db', db], runnerEnv({ RUNNER_BOOTSTRAP_KEY: KEY, RUNNER_RATE_LIMITS: 'false', RUNNER_CONCURRENCY: '8', RUNNER_POLL_MS: '20' }));
    const base = running.url;
    let created = 0;
    let writing = true;
    // Four clients creating scans as fast as the runner takes them; the worker fails each one (.invalid)
    // and writes that too.
    const writers = Array.from({ length: 4 }, async (_, w) => {
      while (writing) {
        const answer = await call(base, 'POST', '/api/v1/scan', { key: KEY, body: { url: `https://w${w}-${created}.backup-test.invalid/`, depth: 'QUICK' } });
        expect(answer.status).toBe(202);
        created += 1;
      }
    });
    try {
      await new Promise((r) => setTimeout(r, 300));
      const copies: { file: string; before: number }[] = [];
      for (let i = 0; i < 3; i++) {
        const file = path.join(dir.dir, `copy-${i}.db`);
        const before = created;
        const result = await runCli(['backup', file, '--db', db]);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(new RegExp(`^Backed up ${db.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} to .*copy-${i}\\.db: \\d+ scans, 1 API keys, \\d+\\.\\d MB; integrity check ok\\.\\n$`));
        copies.push({ file, before });
      }
      for (const { file, before } of copies) {
        const facts = inspect(file);
        expect(facts.integrity).toBe('ok');
        expect(facts.scans).toBeGreaterThanOrEqual(before);
        expect(facts.counted).toBe(facts.scans);
        expect(facts.keys).toBe(1);
      }
      expect(created).toBeGreaterThan(copies[0]!.before);
    } finally {
      writing = false;
      await Promise.all(writers);
    }
    // The runner never noticed: it still answers and stops cleanly.
    expect(expectShape(await call(base, 'GET', '/api/v1/scan', { key: KEY }), 200, ScanList).pagination.total).toBe(created);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    // No half-written copy left behind.
    expect(readdirSync(dir.dir).filter((f) => f.includes('.partial'))).toEqual([]);
  });

  it('copies with node:sqlite on Node 24 too (the action has no native module)', async () => {
    running = await startServe(CLI, ['--port', '0', '--db', db], runnerEnv({ RUNNER_BOOTSTRAP_KEY: KEY }));
    await call(running.url, 'POST', '/api/v1/scan', { key: KEY, body: { url: 'https://a.backup-test.invalid/' } });
    const file = path.join(dir.dir, 'node24-copy.db');
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(requireNode24(), [CLI, 'backup', file, '--db', db], { env: runnerEnv({ RUNNER_SQLITE_DRIVER: 'node:sqlite' }) }, (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : (error.code as number), stdout, stderr }),
      );
    });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/: 1 scans, 1 API keys, .* integrity check ok\.\n$/);
    expect(inspect(file)).toMatchObject({ integrity: 'ok', scans: 1, counted: 1, keys: 1 });
  });

  it('never overwrites a file, and says so when there is no database', async () => {
    const existing = path.join(dir.dir, 'existing.db');
    writeFileSync(existing, 'precious');
    expect(await runCli(['backup', existing, '--db', db])).toMatchObject({ code: 1, stderr: `No database at ${db}: pass the runner's --db or set RUNNER_DB.\n` });
    expect(existsSync(db)).toBe(false);
    running = await startServe(CLI, ['--port', '0', '--db', db], runnerEnv({ RUNNER_BOOTSTRAP_KEY: KEY }));
    expect(await runCli(['backup', existing, '--db', db])).toMatchObject({ code: 1, stderr: `${existing} already exists: choose a new name (backups never overwrite a file).\n` });
    expect(await runCli(['backup', '--db', db])).toMatchObject({ code: 2 });
    expect((await runCli(['backup', path.join(dir.dir, 'no', 'such', 'folder.db'), '--db', db])).stderr).toMatch(/^The folder of .* does not exist: create it first\.\n$/);
  });
});
