// Numbered migrations, applied in order at start inside one transaction each; schema_version records
// which ones ran. Never edit a released migration: add the next number.
import type { SqlDriver } from './driver.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, keys, scans queue, reports, idempotency keys, usage counters',
    sql: `
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        plan TEXT NOT NULL CHECK (plan IN ('FREE', 'PRO', 'ENTERPRISE')),
        created_at INTEGER NOT NULL
      );

      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        prefix TEXT NOT NULL,
        key_hash BLOB NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER,
        revoked_at INTEGER
      );
      CREATE INDEX api_keys_prefix ON api_keys (prefix);

      -- The table is the queue: status, attempts, available_at (backoff) and the lease columns.
      CREATE TABLE scans (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        domain TEXT NOT NULL,
        depth TEXT NOT NULL CHECK (depth IN ('QUICK', 'STANDARD', 'DEEP')),
        status TEXT NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED')),
        attempts INTEGER NOT NULL DEFAULT 0,
        available_at INTEGER NOT NULL,
        lease_owner TEXT,
        lease_expires_at INTEGER,
        heartbeat_at INTEGER,
        last_error TEXT,
        error TEXT,
        created_at INTEGER NOT NULL,
        started_at INTEGER,
        completed_at INTEGER,
        overall_score INTEGER,
        grade TEXT,
        security_score INTEGER,
        seo_score INTEGER,
        traffic_score INTEGER,
        findings_count INTEGER,
        pages_scanned INTEGER,
        result_json TEXT
      );
      CREATE INDEX scans_account_created ON scans (account_id, created_at);
      CREATE INDEX scans_due ON scans (status, available_at, created_at);
      CREATE INDEX scans_lease ON scans (status, lease_expires_at);

      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        scan_id TEXT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        title TEXT NOT NULL,
        pdf BLOB NOT NULL,
        pdf_size INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (scan_id, version)
      );
      CREATE INDEX reports_account_created ON reports (account_id, created_at);

      CREATE TABLE idempotency_keys (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        scan_id TEXT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, key)
      );
      CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

      -- Scans created per account and calendar month (UTC), "YYYY-MM".
      CREATE TABLE usage_counters (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        period TEXT NOT NULL,
        scans INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (account_id, period)
      );
    `,
  },
  {
    version: 2,
    name: 'scan counts per account and status kept by triggers; indexes for listing by status and by domain',
    // GET /api/v1/scan answers its total on every request: COUNT(*) over an account's 100 000 scans took
    // 3 ms, nine tenths of the request (docs/performance.md). A counter row per account and status, kept by
    // the same transaction as the scan, answers in microseconds.
    sql: `
      CREATE TABLE scan_counts (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (account_id, status)
      ) WITHOUT ROWID;
      INSERT INTO scan_counts (account_id, status, n) SELECT account_id, status, COUNT(*) FROM scans GROUP BY account_id, status;

      CREATE TRIGGER scans_counted_on_insert AFTER INSERT ON scans BEGIN
        INSERT INTO scan_counts (account_id, status, n) VALUES (NEW.account_id, NEW.status, 1)
          ON CONFLICT (account_id, status) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER scans_counted_on_delete AFTER DELETE ON scans BEGIN
        UPDATE scan_counts SET n = n - 1 WHERE account_id = OLD.account_id AND status = OLD.status;
      END;
      CREATE TRIGGER scans_counted_on_update AFTER UPDATE OF status, account_id ON scans
        WHEN OLD.status IS NOT NEW.status OR OLD.account_id IS NOT NEW.account_id BEGIN
        UPDATE scan_counts SET n = n - 1 WHERE account_id = OLD.account_id AND status = OLD.status;
        INSERT INTO scan_counts (account_id, status, n) VALUES (NEW.account_id, NEW.status, 1)
          ON CONFLICT (account_id, status) DO UPDATE SET n = n + 1;
      END;

      -- Listing by status or by domain, newest first, without walking the account's other scans.
      CREATE INDEX scans_account_status_created ON scans (account_id, status, created_at);
      CREATE INDEX scans_account_domain_created ON scans (account_id, domain, created_at);
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

/** Applies the migrations not yet applied; returns their versions. */
export function migrate(db: SqlDriver, now: number, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const applied = new Set(db.all<{ version: number }>('SELECT version FROM schema_version').map((r) => r.version));
  const newest = Math.max(0, ...applied);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (newest > latest) {
    throw new Error(`The database is at schema version ${newest}, newer than this runner knows (${latest}): upgrade the runner.`);
  }
  const done: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    // Checked again inside the write lock: another process may have applied it meanwhile.
    const ran = db.transaction(() => {
      if (db.get('SELECT 1 AS x FROM schema_version WHERE version = ?', [migration.version]) !== undefined) return false;
      db.exec(migration.sql);
      db.run('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, now]);
      return true;
    });
    if (ran) done.push(migration.version);
  }
  return done;
}
