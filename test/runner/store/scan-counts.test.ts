// The per-account, per-status scan counters of migration 2 (kept by triggers) always equal COUNT(*), through
// every move of the queue, for databases created before them too; listing totals come from them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCAN_STATUSES } from '../../../src/contract/api.js';
import { newScanId } from '../../../runner/src/ids.js';
import { createSqliteStore, openDriver } from '../../../runner/src/store/sqlite/index.js';
import type { SqliteStore } from '../../../runner/src/store/sqlite/index.js';
import { MIGRATIONS, migrate } from '../../../runner/src/store/sqlite/migrations.js';
import type { Account } from '../../../runner/src/store/store.js';
import { scanResult } from '../../support/minimal-scan-result.js';
import type { TempStore } from '../../support/store.js';
import { TEST_DRIVER, tempStore } from '../../support/store.js';

const T0 = Date.UTC(2026, 4, 10);
let temp: TempStore;
let store: SqliteStore;

beforeEach(async () => {
  temp = await tempStore();
  store = temp.store;
});
afterEach(() => temp.cleanup());

async function create(account: Account, domain: string, at: number): Promise<string> {
  const id = newScanId();
  const outcome = await store.createScan({ id, accountId: account.id, url: `https://${domain}/`, domain, depth: 'QUICK', createdAt: at }, { monthlyLimit: null, period: '2026-05' });
  expect(outcome.kind).toBe('created');
  return id;
}

/** Every total listScans can answer, compared with COUNT(*) over the table. */
async function expectTotalsExact(accounts: Account[], domains: string[]): Promise<void> {
  for (const account of accounts) {
    for (const status of [undefined, ...SCAN_STATUSES]) {
      for (const domain of [undefined, ...domains]) {
        const where = ['account_id = ?', ...(status ? ['status = ?'] : []), ...(domain ? ['domain = ?'] : [])].join(' AND ');
        const params = [account.id, ...(status ? [status] : []), ...(domain ? [domain] : [])];
        const counted = store.driver.get<{ n: number }>(`SELECT COUNT(*) AS n FROM scans WHERE ${where}`, params)?.n;
        const listed = await store.listScans(account.id, { status, domain }, { offset: 0, limit: 1 });
        expect(listed.total, `${account.name} ${status ?? '*'} ${domain ?? '*'}`).toBe(counted);
      }
    }
  }
  const byStatus = await store.countScansByStatus();
  for (const status of SCAN_STATUSES) expect(byStatus[status]).toBe(store.driver.get<{ n: number }>('SELECT COUNT(*) AS n FROM scans WHERE status = ?', [status])?.n);
}

describe('scan counters', () => {
  it('follow every queue move: claim, complete, fail, retry, release, reap, and account deletion', async () => {
    const acme = (await store.ensureAccount('acme', 'PRO', T0)).account;
    const other = (await store.ensureAccount('other', 'FREE', T0)).account;
    const domains = ['a.example', 'b.example'];
    for (let i = 0; i < 12; i++) await create(i % 3 === 0 ? other : acme, domains[i % 2]!, T0 + i);
    await expectTotalsExact([acme, other], domains);

    const claim = async () => (await store.claimNextScan('w1', T0 + 100, 1_000))!;
    const a = await claim();
    const b = await claim();
    const c = await claim();
    const d = await claim();
    const e = await claim();
    await expectTotalsExact([acme, other], domains);
    expect(await store.completeScan(a.id, 'w1', T0 + 200, scanResult(a.url))).toBe(true);
    expect(await store.failScan(b.id, 'w1', T0 + 200, 'DNS lookup failed for a.example', 'x')).toBe(true);
    expect(await store.retryScan(c.id, 'w1', T0 + 300, 'x')).toBe(true);
    expect(await store.releaseScan(d.id, 'w1', T0 + 200)).toBe(true);
    // e's lease runs out: the reaper puts it back.
    expect((await store.reapExpiredLeases(T0 + 5_000, 3, () => 0, 'interrupted')).requeued).toEqual([e.id]);
    // A write that changes nothing about the status leaves the counters alone.
    expect(await store.renewLease(a.id, 'w1', T0 + 300, 1_000)).toBe(false);
    await expectTotalsExact([acme, other], domains);

    store.driver.run('DELETE FROM accounts WHERE id = ?', [other.id]);
    await expectTotalsExact([acme], domains);
    expect(store.driver.get<{ n: number }>('SELECT COUNT(*) AS n FROM scan_counts WHERE account_id = ?', [other.id])?.n).toBe(0);
  });

  it('are filled from the scans already there when a database created before them is migrated', async () => {
    await temp.cleanup();
    temp = await tempStore();
    const file = temp.file;
    await temp.store.close();
    // A database at migration 1 with scans in it, as an older runner left it.
    const old = await openDriver(`${file}.v1`, TEST_DRIVER);
    migrate(old, T0, MIGRATIONS.slice(0, 1));
    old.run("INSERT INTO accounts (id, name, plan, created_at) VALUES ('acc_1', 'acme', 'PRO', 0)");
    for (const [i, status] of ['PENDING', 'COMPLETED', 'COMPLETED', 'FAILED', 'RUNNING'].entries()) {
      old.run("INSERT INTO scans (id, account_id, url, domain, depth, status, available_at, created_at) VALUES (?, 'acc_1', 'https://a.example/', 'a.example', 'QUICK', ?, 0, ?)", [`c${String(i).padStart(24, '0')}`, status, i]);
    }
    old.close();
    store = createSqliteStore(await openDriver(`${file}.v1`, TEST_DRIVER));
    temp.store = store;
    const acme = (await store.getAccountByName('acme'))!;
    await expectTotalsExact([acme], ['a.example']);
    expect((await store.listScans(acme.id, { status: 'COMPLETED' }, { offset: 0, limit: 20 })).total).toBe(2);
  });
});
