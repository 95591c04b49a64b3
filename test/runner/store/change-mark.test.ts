// The store's change mark: equal while nothing is written, different after any write by this connection
// or a commit by another one.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { TempStore } from '../../support/store.js';
import { tempStore } from '../../support/store.js';

let temp: TempStore;
beforeEach(async () => {
  temp = await tempStore();
});
afterEach(() => temp.cleanup());

it('stays the same across reads and changes with every write of ours at once, and with another connection’s commit from the next turn', async () => {
  const { store } = temp;
  const mark = () => store.changeMark?.() ?? '';
  const { account } = await store.ensureAccount('acme', 'PRO', 1);
  let before = mark();
  await store.listScans(account.id, {}, { offset: 0, limit: 20 });
  await store.countScansByStatus();
  await store.getAccountByName('acme');
  await store.ping();
  expect(mark()).toBe(before);

  const writes: [string, () => Promise<unknown>][] = [
    ['a scan created (a transaction)', () => store.createScan({ id: 'c000000000000000000000001', accountId: account.id, url: 'https://a.example/', domain: 'a.example', depth: 'QUICK', createdAt: 2 }, { monthlyLimit: null, period: '1970-01' })],
    ['a claim (UPDATE … RETURNING)', () => store.claimNextScan('w', 3, 1000)],
    ['a lease renewed (a plain UPDATE)', () => store.renewLease('c000000000000000000000001', 'w', 4, 1000)],
    ['an UPDATE that matched nothing', () => store.renewLease('c000000000000000000000001', 'someone-else', 5, 1000)],
  ];
  for (const [what, write] of writes) {
    await write();
    expect(mark(), what).not.toBe(before);
    before = mark();
  }

  const other = new Database(temp.file);
  other.prepare("UPDATE accounts SET plan = 'ENTERPRISE' WHERE name = 'acme'").run();
  other.close();
  // Read once per turn of the event loop: the other connection's commit shows from the next turn on.
  await new Promise((resolve) => setImmediate(resolve));
  expect(mark(), 'a commit by another connection').not.toBe(before);
});
