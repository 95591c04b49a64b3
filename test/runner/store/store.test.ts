// The store's behaviour on a real SQLite file. The same file runs under Node 24 with node:sqlite
// (see node-sqlite.test.ts), so both drivers are held to it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOTSTRAP_ACCOUNT, hashKey, issueApiKey, seedBootstrapKey, verifyApiKey } from '../../../runner/src/auth/api-keys.js';
import { newReportId, newScanId } from '../../../runner/src/ids.js';
import type { SqliteStore } from '../../../runner/src/store/sqlite/index.js';
import { createSqliteStore, openDriver } from '../../../runner/src/store/sqlite/index.js';
import { LATEST_VERSION, MIGRATIONS } from '../../../runner/src/store/sqlite/migrations.js';
import type { Account, NewScan } from '../../../runner/src/store/store.js';
import { scanResult } from '../../support/minimal-scan-result.js';
import type { TempStore } from '../../support/store.js';
import { TEST_DRIVER, tempStore } from '../../support/store.js';

const T0 = Date.UTC(2026, 3, 23, 12, 0, 0);
const PERIOD = '2026-04';
const LEASE = 30_000;

let temp: TempStore;
let store: SqliteStore;
let acme: Account;
let other: Account;

beforeEach(async () => {
  temp = await tempStore();
  store = temp.store;
  acme = (await store.ensureAccount('acme', 'PRO', T0)).account;
  other = (await store.ensureAccount('other', 'FREE', T0)).account;
});
afterEach(async () => temp.cleanup());

function newScan(account: Account, at = T0, url = 'https://example.com'): NewScan {
  return { id: newScanId(), accountId: account.id, url, domain: new URL(url).hostname, depth: 'STANDARD', createdAt: at };
}

async function create(account: Account, at = T0, url = 'https://example.com') {
  const outcome = await store.createScan(newScan(account, at, url), { monthlyLimit: null, period: PERIOD });
  if (outcome.kind !== 'created') throw new Error(`expected a scan, got ${outcome.kind}`);
  return outcome.scan;
}

describe(`store on ${TEST_DRIVER}`, () => {
  describe('opening', () => {
    it('applies the migrations once, in WAL mode with foreign keys on', async () => {
      expect(store.description).toBe(`sqlite (${TEST_DRIVER})`);
      expect(store.driver.get<{ journal_mode: string }>('PRAGMA journal_mode')?.journal_mode).toBe('wal');
      expect(store.driver.get<{ foreign_keys: number }>('PRAGMA foreign_keys')?.foreign_keys).toBe(1);
      await store.close();
      const again = createSqliteStore(await openDriver(temp.file, TEST_DRIVER));
      expect(again.driver.all<{ version: number }>('SELECT version FROM schema_version ORDER BY version').map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      store = again;
      temp.store = again;
    });

    it('refuses a database from a newer runner with a sentence', async () => {
      store.driver.run('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)', [LATEST_VERSION + 1, 'future', T0]);
      await store.close();
      const driver = await openDriver(temp.file, TEST_DRIVER);
      expect(() => createSqliteStore(driver)).toThrow(/newer than this runner knows/);
      driver.close();
    });

    it('rolls a transaction back when its function throws, and refuses an async one', () => {
      const db = store.driver;
      expect(() =>
        db.transaction(() => {
          db.run("UPDATE accounts SET plan = 'ENTERPRISE' WHERE id = ?", [acme.id]);
          throw new Error('boom');
        }),
      ).toThrow('boom');
      expect(db.get<{ plan: string }>('SELECT plan FROM accounts WHERE id = ?', [acme.id])?.plan).toBe('PRO');
      expect(() => db.transaction(() => Promise.resolve(1))).toThrow(/synchronous/);
      // A failing nested transaction rolls back to its savepoint only.
      db.transaction(() => {
        db.run("UPDATE accounts SET plan = 'ENTERPRISE' WHERE id = ?", [acme.id]);
        expect(() =>
          db.transaction(() => {
            db.run("UPDATE accounts SET plan = 'FREE' WHERE id = ?", [other.id]);
            throw new Error('inner');
          }),
        ).toThrow('inner');
      });
      expect(db.get<{ plan: string }>('SELECT plan FROM accounts WHERE id = ?', [acme.id])?.plan).toBe('ENTERPRISE');
      expect(db.get<{ plan: string }>('SELECT plan FROM accounts WHERE id = ?', [other.id])?.plan).toBe('FREE');
    });

    it('enforces foreign keys', () => {
      expect(() => store.driver.run('INSERT INTO usage_counters (account_id, period, scans) VALUES (?, ?, 1)', ['acct_missing', PERIOD])).toThrow(/FOREIGN KEY/);
    });
  });

  describe('accounts and keys', () => {
    it('creates an account once and changes its plan only when asked', async () => {
      expect(await store.ensureAccount('acme', undefined, T0)).toMatchObject({ created: false, planChanged: false, account: { plan: 'PRO' } });
      expect(await store.ensureAccount('acme', 'ENTERPRISE', T0)).toMatchObject({ created: false, planChanged: true, account: { plan: 'ENTERPRISE' } });
      expect(await store.ensureAccount('new', undefined, T0)).toMatchObject({ created: true, account: { name: 'new', plan: 'FREE' } });
    });

    it('stores only the hash and prefix of a key, and verifies it', async () => {
      const issued = await issueApiKey(store, { accountName: 'acme', now: T0 });
      const raw = store.driver.all<Record<string, unknown>>('SELECT * FROM api_keys');
      expect(JSON.stringify(raw)).not.toContain(issued.key.slice(12));
      expect(Buffer.from(raw[0]?.key_hash as Uint8Array).equals(hashKey(issued.key))).toBe(true);
      expect(await verifyApiKey(store, issued.key, T0)).toMatchObject({ ok: true, account: { id: acme.id } });
      expect(await verifyApiKey(store, `${issued.key}x`, T0)).toEqual({ ok: false, reason: 'unknown' });
      expect(await verifyApiKey(store, 'iss_short', T0)).toEqual({ ok: false, reason: 'unknown' });
    });

    it('tells revoked and expired keys apart from unknown ones', async () => {
      const expiring = await issueApiKey(store, { accountName: 'acme', now: T0, expiresAt: T0 + 1000 });
      const revoked = await issueApiKey(store, { accountName: 'acme', now: T0 });
      const [listed] = await store.listApiKeys(revoked.prefix);
      expect(listed?.prefix).toBe(revoked.prefix);
      expect(await store.revokeApiKey(listed?.id ?? '', T0 + 5)).toBe(true);
      expect(await store.revokeApiKey(listed?.id ?? '', T0 + 6)).toBe(false);
      expect(await verifyApiKey(store, revoked.key, T0 + 10)).toMatchObject({ ok: false, reason: 'revoked' });
      expect(await verifyApiKey(store, expiring.key, T0 + 999)).toMatchObject({ ok: true });
      expect(await verifyApiKey(store, expiring.key, T0 + 1000)).toMatchObject({ ok: false, reason: 'expired' });
      expect(await store.countUsableApiKeys(T0 + 999)).toBe(1);
      expect(await store.countUsableApiKeys(T0 + 1000)).toBe(0);
      expect((await store.listApiKeys()).map((k) => k.prefix)).toEqual([revoked.prefix, expiring.prefix]);
      // LIKE wildcards in a prefix are matched literally.
      expect(await store.listApiKeys('%')).toEqual([]);
    });
  });

  describe('scans', () => {
    it('admits scans up to the monthly limit and counts them per period', async () => {
      const options = { monthlyLimit: 3, period: PERIOD };
      const kinds = [];
      for (let i = 0; i < 5; i++) kinds.push((await store.createScan(newScan(other), options)).kind);
      expect(kinds).toEqual(['created', 'created', 'created', 'quota-exceeded', 'quota-exceeded']);
      expect(await store.createScan(newScan(other), options)).toEqual({ kind: 'quota-exceeded', used: 3 });
      expect(await store.getUsage(other.id, PERIOD)).toBe(3);
      expect((await store.createScan(newScan(other), { monthlyLimit: 3, period: '2026-05' })).kind).toBe('created');
      expect((await store.listScans(other.id, {}, { offset: 0, limit: 50 })).total).toBe(4);
    });

    it('replays an idempotent creation, refuses the key for another request, and forgets it after its window', async () => {
      const idem = { key: 'retry-1', fingerprint: 'a', notBefore: T0 - 1000 };
      const first = await store.createScan(newScan(acme), { monthlyLimit: 100, period: PERIOD, idempotency: idem });
      const again = await store.createScan(newScan(acme), { monthlyLimit: 100, period: PERIOD, idempotency: idem });
      expect(first.kind).toBe('created');
      expect(again.kind).toBe('replayed');
      if (first.kind !== 'created' || again.kind !== 'replayed') return;
      expect(again.scan.id).toBe(first.scan.id);
      expect(await store.getUsage(acme.id, PERIOD)).toBe(1);
      expect(await store.createScan(newScan(acme), { monthlyLimit: 100, period: PERIOD, idempotency: { ...idem, fingerprint: 'b' } })).toEqual({ kind: 'idempotency-conflict' });
      // Another account may use the same key.
      expect((await store.createScan(newScan(other), { monthlyLimit: 3, period: PERIOD, idempotency: idem })).kind).toBe('created');
      // After the window the key names a new scan.
      const later = await store.createScan(newScan(acme, T0 + 10), { monthlyLimit: 100, period: PERIOD, idempotency: { ...idem, notBefore: T0 + 1 } });
      expect(later.kind).toBe('created');
    });

    it('keeps each account to its own scans, newest first, with filters', async () => {
      const a = await create(acme, T0, 'https://a.example');
      const b = await create(acme, T0 + 1, 'https://b.example');
      const c = await create(acme, T0 + 1, 'https://a.example');
      const theirs = await create(other, T0 + 2);
      expect(await store.getScan(acme.id, theirs.id)).toBeUndefined();
      expect((await store.getScan(other.id, theirs.id))?.id).toBe(theirs.id);
      const all = await store.listScans(acme.id, {}, { offset: 0, limit: 10 });
      expect(all.total).toBe(3);
      expect(all.rows.map((s) => s.id)).toEqual([c.id, b.id, a.id]);
      expect((await store.listScans(acme.id, {}, { offset: 1, limit: 1 })).rows.map((s) => s.id)).toEqual([b.id]);
      expect((await store.listScans(acme.id, { domain: 'a.example' }, { offset: 0, limit: 10 })).rows.map((s) => s.id)).toEqual([c.id, a.id]);
      expect((await store.listScans(acme.id, { status: 'COMPLETED' }, { offset: 0, limit: 10 })).total).toBe(0);
      expect(await store.countScansByStatus()).toEqual({ PENDING: 4, RUNNING: 0, COMPLETED: 0, FAILED: 0 });
    });
  });

  describe('queue', () => {
    it('claims the oldest due scan once, then nothing', async () => {
      const older = await create(acme, T0);
      const newer = await create(acme, T0 + 1);
      const first = await store.claimNextScan('w1', T0 + 10, LEASE);
      const second = await store.claimNextScan('w2', T0 + 10, LEASE);
      expect(first).toMatchObject({ id: older.id, attempts: 1, accountId: acme.id, url: 'https://example.com', depth: 'STANDARD' });
      expect(second?.id).toBe(newer.id);
      expect(await store.claimNextScan('w3', T0 + 10, LEASE)).toBeUndefined();
      const running = await store.getScan(acme.id, older.id);
      expect(running).toMatchObject({ status: 'RUNNING', startedAt: T0 + 10 });
    });

    it('completes a scan only for the lease holder, with its scores and findings', async () => {
      const scan = await create(acme);
      await store.claimNextScan('w1', T0, LEASE);
      expect(await store.completeScan(scan.id, 'intruder', T0 + 5, scanResult())).toBe(false);
      expect(await store.renewLease(scan.id, 'w1', T0 + 5, LEASE)).toBe(true);
      expect(await store.completeScan(scan.id, 'w1', T0 + 90_000, scanResult())).toBe(true);
      expect(await store.completeScan(scan.id, 'w1', T0 + 90_001, scanResult())).toBe(false);
      expect(await store.renewLease(scan.id, 'w1', T0 + 5, LEASE)).toBe(false);
      const done = await store.getScan(acme.id, scan.id);
      expect(done).toMatchObject({
        status: 'COMPLETED',
        completedAt: T0 + 90_000,
        overallScore: 72,
        grade: 'C',
        securityScore: 65,
        seoScore: 80,
        trafficScore: 75,
        findingsCount: 2,
        pagesScanned: 1,
        reportId: null,
      });
      expect(done?.findings[0]?.checkId).toBe('x-content-type-options');
      expect(await store.countScansByStatus()).toMatchObject({ COMPLETED: 1 });
    });

    it('fails, retries with a due time, and releases without counting the attempt', async () => {
      const failed = await create(acme, T0);
      const retried = await create(acme, T0 + 1);
      const released = await create(acme, T0 + 2);
      for (let i = 0; i < 3; i++) await store.claimNextScan('w', T0 + 2, LEASE);
      expect(await store.failScan(failed.id, 'w', T0 + 1, 'DNS lookup failed for example.invalid', 'DNS: detail')).toBe(true);
      expect(await store.retryScan(retried.id, 'w', T0 + 5_000, 'boom')).toBe(true);
      expect(await store.releaseScan(released.id, 'w', T0 + 2)).toBe(true);
      expect(await store.getScan(acme.id, failed.id)).toMatchObject({ status: 'FAILED', error: 'DNS lookup failed for example.invalid', lastError: 'DNS: detail' });
      expect(await store.getScan(acme.id, retried.id)).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'boom' });
      expect(await store.getScan(acme.id, released.id)).toMatchObject({ status: 'PENDING', attempts: 0 });
      // The released scan is due now; the retried one only after its backoff.
      expect((await store.claimNextScan('w', T0 + 10, LEASE))?.id).toBe(released.id);
      expect(await store.claimNextScan('w', T0 + 10, LEASE)).toBeUndefined();
      expect((await store.claimNextScan('w', T0 + 5_000, LEASE))?.id).toBe(retried.id);
    });

    it('requeues a scan whose lease expired and fails it after the last attempt', async () => {
      const scan = await create(acme);
      const backoff = (n: number) => n * 100;
      let at = T0;
      for (let attempt = 1; attempt <= 3; attempt++) {
        const claimed = await store.claimNextScan(`w${attempt}`, at, LEASE);
        expect(claimed).toMatchObject({ id: scan.id, attempts: attempt });
        expect(await store.reapExpiredLeases(at + LEASE - 1, 3, backoff, 'gave up')).toEqual({ requeued: [], failed: [] });
        at += LEASE + 1;
        const reaped = await store.reapExpiredLeases(at, 3, backoff, 'gave up');
        expect(reaped).toEqual(attempt < 3 ? { requeued: [scan.id], failed: [] } : { requeued: [], failed: [scan.id] });
        at += backoff(attempt);
      }
      expect(await store.getScan(acme.id, scan.id)).toMatchObject({ status: 'FAILED', error: 'gave up', attempts: 3 });
      expect((await store.getScan(acme.id, scan.id))?.lastError).toMatch(/lease of worker w3 expired/);
      // The dead worker's late result is dropped.
      expect(await store.completeScan(scan.id, 'w3', at, scanResult())).toBe(false);
    });
  });

  describe('reports', () => {
    const pdf = Buffer.from('%PDF-1.7 test');
    const report = (scanId: string, version: number, createdAt: number) => ({ id: newReportId(), scanId, version, title: 'Security Report — example.com', pdf, createdAt });

    it('versions reports per scan, lists them per account and serves the PDF to its owner only', async () => {
      const scan = await create(acme);
      await store.claimNextScan('w', T0, LEASE);
      await store.completeScan(scan.id, 'w', T0 + 1, scanResult());
      const v1 = await store.insertReport(report(scan.id, 1, T0 + 2));
      const v2 = await store.insertReport(report(scan.id, 2, T0 + 3));
      if (v1 === undefined || v2 === undefined) throw new Error('both versions should be stored');
      expect([v1.version, v2.version]).toEqual([1, 2]);
      expect(v1).toMatchObject({ accountId: acme.id, pdfSize: pdf.length, scan: { url: 'https://example.com', domain: 'example.com', overallScore: 72, grade: 'C' } });
      expect((await store.getScan(acme.id, scan.id))?.reportId).toBe(v2.id);
      const listed = await store.listReports(acme.id, {}, { offset: 0, limit: 10 });
      expect(listed.total).toBe(2);
      expect(listed.rows.map((r) => r.id)).toEqual([v2.id, v1.id]);
      expect((await store.listReports(acme.id, { scanId: 'cnothing' }, { offset: 0, limit: 10 })).total).toBe(0);
      expect((await store.listReports(other.id, {}, { offset: 0, limit: 10 })).total).toBe(0);
      expect((await store.getReportPdf(acme.id, v1.id))?.pdf.equals(pdf)).toBe(true);
      expect(await store.getReportPdf(other.id, v1.id)).toBeUndefined();
    });

    it('refuses a version that another report already took, or that skips one', async () => {
      const scan = await create(acme);
      await store.claimNextScan('w', T0, LEASE);
      await store.completeScan(scan.id, 'w', T0 + 1, scanResult());
      expect(await store.insertReport(report(scan.id, 2, T0 + 2))).toBeUndefined();
      expect((await store.insertReport(report(scan.id, 1, T0 + 2)))?.version).toBe(1);
      expect(await store.insertReport(report(scan.id, 1, T0 + 3))).toBeUndefined();
      expect((await store.listReports(acme.id, { scanId: scan.id }, { offset: 0, limit: 10 })).total).toBe(1);
    });

    it('stores the completion and version 1 of the report in one transaction, or neither when the lease is lost', async () => {
      const scan = await create(acme);
      await store.claimNextScan('w', T0, LEASE);
      expect(await store.completeScan(scan.id, 'intruder', T0 + 1, scanResult(), report(scan.id, 1, T0 + 1))).toBe(false);
      expect((await store.listReports(acme.id, {}, { offset: 0, limit: 10 })).total).toBe(0);
      const first = report(scan.id, 1, T0 + 1);
      expect(await store.completeScan(scan.id, 'w', T0 + 1, scanResult(), first)).toBe(true);
      expect(await store.getScan(acme.id, scan.id)).toMatchObject({ status: 'COMPLETED', reportId: first.id });
      const [listed] = (await store.listReports(acme.id, {}, { offset: 0, limit: 10 })).rows;
      expect(listed).toMatchObject({ id: first.id, version: 1, createdAt: T0 + 1, pdfSize: pdf.length });
    });

    it('gives back the whole result of a completed scan for its next report, and none before it completes', async () => {
      const scan = await create(acme);
      expect(await store.getScanResult(acme.id, scan.id)).toMatchObject({ scan: { status: 'PENDING' }, result: undefined, latestReportVersion: 0 });
      expect(await store.getScanResult(other.id, scan.id)).toBeUndefined();
      await store.claimNextScan('w', T0, LEASE);
      const result = scanResult('https://example.com', {
        checks: [{ id: 'x-content-type-options', category: 'security', title: 'X-Content-Type-Options', status: 'fail', findingsCount: 1 }],
        pages: ['https://example.com/', 'https://example.com/about'],
        pagesScanned: 2,
      });
      await store.completeScan(scan.id, 'w', T0 + 1, result, report(scan.id, 1, T0 + 1));
      const found = await store.getScanResult(acme.id, scan.id);
      expect(found?.result).toEqual(result);
      expect(found?.latestReportVersion).toBe(1);
    });

    it('rebuilds the result of a row that kept only findings, checks, pages and scoring version from its columns', async () => {
      const scan = await create(acme);
      await store.claimNextScan('w', T0, LEASE);
      const result = scanResult();
      await store.completeScan(scan.id, 'w', T0 + 90_000, result);
      const { findings, checks, pages, scoringVersion } = result;
      store.driver.run('UPDATE scans SET result_json = ? WHERE id = ?', [JSON.stringify({ findings, checks, pages, scoringVersion }), scan.id]);
      expect((await store.getScanResult(acme.id, scan.id))?.result).toEqual({
        ...result,
        startedAt: new Date(T0).toISOString(),
        completedAt: new Date(T0 + 90_000).toISOString(),
      });
    });
  });
});

describe(`bootstrap key on ${TEST_DRIVER}`, () => {
  it('seeds RUNNER_BOOTSTRAP_KEY once as ENTERPRISE, and retires the previous value when it changes', async () => {
    const t = await tempStore();
    try {
      const first = 'first-bootstrap-key-0123456789abcdef';
      const second = 'second-bootstrap-key-0123456789abcdef';
      expect(await seedBootstrapKey(t.store, first, T0)).toBe('created');
      expect(await seedBootstrapKey(t.store, first, T0 + 1)).toBe('present');
      expect(await verifyApiKey(t.store, first, T0)).toMatchObject({ ok: true, account: { name: BOOTSTRAP_ACCOUNT, plan: 'ENTERPRISE' } });
      expect(await seedBootstrapKey(t.store, second, T0 + 2)).toBe('created');
      expect(await verifyApiKey(t.store, first, T0 + 3)).toMatchObject({ ok: false, reason: 'revoked' });
      expect(await verifyApiKey(t.store, second, T0 + 3)).toMatchObject({ ok: true });
      // A revoked bootstrap key is not brought back by a restart with the same value.
      expect(await seedBootstrapKey(t.store, first, T0 + 4)).toBe('present');
      expect(await verifyApiKey(t.store, first, T0 + 5)).toMatchObject({ ok: false, reason: 'revoked' });
    } finally {
      await t.cleanup();
    }
  });
});
