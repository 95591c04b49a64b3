// issafesite-runner keys create|list|revoke, run from the bundle as a user would.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyApiKey } from '../../../runner/src/auth/api-keys.js';
import { openSqliteStore } from '../../../runner/src/store/sqlite/index.js';
import { runCli, runnerEnv } from '../../support/cli.js';
import { tempDir } from '../../support/store.js';

let dir: { dir: string; remove(): void };
let db: string;
beforeEach(() => {
  dir = tempDir();
  db = path.join(dir.dir, 'keys.db');
});
afterEach(() => dir.remove());

const keys = (...args: string[]) => runCli(['keys', ...args, '--db', db]);

async function verify(key: string, at = Date.now()) {
  const store = await openSqliteStore(db);
  try {
    return await verifyApiKey(store, key, at);
  } finally {
    await store.close();
  }
}

describe('issafesite-runner keys', () => {
  it('creates a key, prints it alone on stdout once, and stores only its hash', async () => {
    const created = await keys('create', '--account', 'acme', '--plan', 'PRO', '--expires', '90d');
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^iss_[A-Za-z0-9]{40}$/);
    expect(created.stderr).toMatch(new RegExp(`^Created key ${key.slice(0, 12)}… for account "acme" \\(PRO plan\\), expiring \\d{4}-.*Z\\. It is shown only this once:\\n$`));
    const check = await verify(key);
    expect(check).toMatchObject({ ok: true, account: { name: 'acme', plan: 'PRO' } });
    expect(check.ok && check.key.expiresAt).toBeGreaterThan(Date.now() + 89 * 86_400_000);
    expect(await verify(key, Date.now() + 91 * 86_400_000)).toMatchObject({ ok: false, reason: 'expired' });

    const listed = await keys('list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(key.slice(0, 12));
    expect(listed.stdout).not.toContain(key.slice(12));
    expect(listed.stdout.split('\n')[0]).toMatch(/^PREFIX\s+ACCOUNT\s+PLAN\s+CREATED\s+EXPIRES\s+STATUS$/);
    expect(listed.stdout).toMatch(/acme\s+PRO\s+\S+Z\s+\S+Z\s+active/);
  });

  it('revokes a key by its prefix, and refuses an ambiguous or unknown prefix', async () => {
    const first = (await keys('create', '--account', 'acme')).stdout.trim();
    const second = (await keys('create', '--account', 'acme')).stdout.trim();
    expect((await keys('revoke', 'iss_')).code).toBe(1);
    expect((await keys('revoke', 'iss_')).stderr).toMatch(/^2 keys start with "iss_" .*: give more characters\.\n$/);
    expect(await keys('revoke', 'nope1234')).toMatchObject({ code: 1, stderr: 'No key starts with "nope1234": see `issafesite-runner keys list`.\n' });
    const revoked = await keys('revoke', first.slice(0, 12));
    expect(revoked).toMatchObject({ code: 0, stderr: `Revoked key ${first.slice(0, 12)}… of account "acme": it is refused from now on.\n` });
    expect(await verify(first)).toMatchObject({ ok: false, reason: 'revoked' });
    expect(await verify(second)).toMatchObject({ ok: true });
    expect((await keys('list')).stdout).toMatch(new RegExp(`${first.slice(0, 12)}\\s+acme\\s+FREE.*revoked`));
  });

  it.each([
    [['create'], 'keys create needs --account NAME.'],
    [['create', '--account', 'a b'], '--account must be 1 to 64 letters, digits, dots, dashes or underscores (got "a b").'],
    [['create', '--account', 'acme', '--plan', 'GOLD'], '--plan must be FREE, PRO or ENTERPRISE (got "GOLD").'],
    [['create', '--account', 'acme', '--expires', 'soon'], '--expires must be a number of days or hours such as 90d or 12h, or a future date such as 2026-12-31 (got "soon").'],
    [['create', '--account', 'acme', '--expires', '2001-01-01'], '--expires must be a number of days or hours such as 90d or 12h, or a future date such as 2026-12-31 (got "2001-01-01").'],
    [['rotate'], 'Unknown keys action "rotate".'],
    [['list', '--colour'], "Unknown option '--colour'."],
  ])('stops %j with exit code 2 and a sentence', async (args, sentence) => {
    const result = await keys(...args);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(sentence);
    expect(result.stdout).toBe('');
  });

  it('names the variable of a bad configuration value', async () => {
    const result = await runCli(['keys', 'list'], runnerEnv({ RUNNER_DB: '', RUNNER_SQLITE_DRIVER: 'postgres' }));
    expect(result).toMatchObject({ code: 2, stderr: 'RUNNER_SQLITE_DRIVER must be auto, better-sqlite3 or node:sqlite (got "postgres").\n' });
  });
});
