// Scans as the API sees them: creation (quota and idempotency in the same transaction), reading, listing.
import type { ScanStatusValue } from '../../../../src/contract/api.js';
import { SCAN_STATUSES } from '../../../../src/contract/api.js';
import type { ScanResult } from '../../scanner/types.js';
import type { ScanRecord, ScanStore, ScanSummaryRecord } from '../store.js';
import type { SqlDriver } from './driver.js';

export interface ScanRow {
  id: string;
  account_id: string;
  url: string;
  domain: string;
  depth: ScanSummaryRecord['depth'];
  status: ScanStatusValue;
  attempts: number;
  created_at: number;
  started_at: number | null;
  completed_at: number | null;
  error: string | null;
  overall_score: number | null;
  grade: ScanSummaryRecord['grade'];
  security_score: number | null;
  seo_score: number | null;
  traffic_score: number | null;
  findings_count: number | null;
  pages_scanned: number | null;
}

interface ScanDetailRow extends ScanRow {
  report_id: string | null;
  result_json: string | null;
  last_error: string | null;
}

export const SUMMARY_COLUMNS = `s.id, s.account_id, s.url, s.domain, s.depth, s.status, s.attempts, s.created_at, s.started_at,
  s.completed_at, s.error, s.overall_score, s.grade, s.security_score, s.seo_score, s.traffic_score, s.findings_count, s.pages_scanned`;

export const toSummary = (row: ScanRow): ScanSummaryRecord => ({
  id: row.id,
  accountId: row.account_id,
  url: row.url,
  domain: row.domain,
  depth: row.depth,
  status: row.status,
  attempts: row.attempts,
  createdAt: row.created_at,
  startedAt: row.started_at,
  completedAt: row.completed_at,
  error: row.error,
  overallScore: row.overall_score,
  grade: row.grade,
  securityScore: row.security_score,
  seoScore: row.seo_score,
  trafficScore: row.traffic_score,
  findingsCount: row.findings_count,
  pagesScanned: row.pages_scanned,
});

/**
 * What completeScan keeps in result_json: the engine's whole ScanResult, so a report made later renders
 * the same document as the first. Older rows kept only findings, checks, pages and scoringVersion; the
 * columns fill in the rest for them.
 */
export type StoredResult = Partial<ScanResult> & Pick<ScanResult, 'findings'>;

const isoOrEmpty = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

/** The ScanResult of a COMPLETED scan, from its columns and result_json; undefined for any other scan. */
export function toScanResult(row: ScanRow & { result_json: string | null }): ScanResult | undefined {
  if (row.status !== 'COMPLETED' || row.result_json === null || row.grade === null) return undefined;
  const stored = JSON.parse(row.result_json) as StoredResult;
  return {
    url: stored.url ?? row.url,
    domain: stored.domain ?? row.domain,
    depth: row.depth,
    startedAt: stored.startedAt ?? isoOrEmpty(row.started_at),
    completedAt: stored.completedAt ?? isoOrEmpty(row.completed_at),
    // The columns are what the API shows: the report must agree with them.
    overallScore: row.overall_score ?? 0,
    grade: row.grade,
    securityScore: row.security_score ?? 0,
    seoScore: row.seo_score ?? 0,
    trafficScore: row.traffic_score ?? 0,
    findings: stored.findings,
    checks: stored.checks ?? [],
    pagesScanned: row.pages_scanned ?? stored.pagesScanned ?? 0,
    pages: stored.pages ?? [],
    scoringVersion: stored.scoringVersion ?? '',
  };
}

function toRecord(row: ScanDetailRow): ScanRecord {
  const result = row.result_json === null ? undefined : (JSON.parse(row.result_json) as StoredResult);
  return { ...toSummary(row), reportId: row.report_id, findings: result?.findings ?? [], lastError: row.last_error };
}

export function scanStore(db: SqlDriver): ScanStore {
  const summaryById = (id: string) => db.get<ScanRow>(`SELECT ${SUMMARY_COLUMNS} FROM scans s WHERE s.id = ?`, [id]);

  return {
    async createScan(scan, options) {
      return db.transaction(() => {
        const idem = options.idempotency;
        if (idem !== undefined) {
          const previous = db.get<{ fingerprint: string; scan_id: string; created_at: number }>(
            'SELECT fingerprint, scan_id, created_at FROM idempotency_keys WHERE account_id = ? AND key = ?',
            [scan.accountId, idem.key],
          );
          if (previous !== undefined && previous.created_at >= idem.notBefore) {
            if (previous.fingerprint !== idem.fingerprint) return { kind: 'idempotency-conflict' as const };
            const first = summaryById(previous.scan_id);
            if (first !== undefined) return { kind: 'replayed' as const, scan: toSummary(first) };
          }
        }

        // The counter only moves while under the limit, in the same statement that reads it.
        const limit = options.monthlyLimit ?? Number.MAX_SAFE_INTEGER;
        if (limit < 1) return { kind: 'quota-exceeded' as const, used: 0 };
        const counted = db.get<{ scans: number }>(
          `INSERT INTO usage_counters (account_id, period, scans) VALUES (?, ?, 1)
           ON CONFLICT (account_id, period) DO UPDATE SET scans = scans + 1 WHERE scans < ?
           RETURNING scans`,
          [scan.accountId, options.period, limit],
        );
        if (counted === undefined || counted.scans > limit) {
          const used = db.get<{ scans: number }>('SELECT scans FROM usage_counters WHERE account_id = ? AND period = ?', [scan.accountId, options.period]);
          return { kind: 'quota-exceeded' as const, used: used?.scans ?? 0 };
        }

        db.run(
          `INSERT INTO scans (id, account_id, url, domain, depth, status, attempts, available_at, created_at)
           VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)`,
          [scan.id, scan.accountId, scan.url, scan.domain, scan.depth, scan.createdAt, scan.createdAt],
        );
        if (idem !== undefined) {
          db.run('DELETE FROM idempotency_keys WHERE created_at < ?', [idem.notBefore]);
          db.run(
            `INSERT INTO idempotency_keys (account_id, key, fingerprint, scan_id, created_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (account_id, key) DO UPDATE SET fingerprint = excluded.fingerprint, scan_id = excluded.scan_id, created_at = excluded.created_at`,
            [scan.accountId, idem.key, idem.fingerprint, scan.id, scan.createdAt],
          );
        }
        const created = summaryById(scan.id);
        if (created === undefined) throw new Error(`scan ${scan.id} vanished inside its own transaction`);
        return { kind: 'created' as const, scan: toSummary(created) };
      });
    },

    async getScan(accountId, id) {
      const row = db.get<ScanDetailRow>(
        `SELECT ${SUMMARY_COLUMNS}, s.result_json, s.last_error,
           (SELECT r.id FROM reports r WHERE r.scan_id = s.id ORDER BY r.version DESC LIMIT 1) AS report_id
         FROM scans s WHERE s.id = ? AND s.account_id = ?`,
        [id, accountId],
      );
      return row === undefined ? undefined : toRecord(row);
    },

    async listScans(accountId, filter, page) {
      const where = ['s.account_id = ?'];
      const params: (string | number)[] = [accountId];
      if (filter.status !== undefined) {
        where.push('s.status = ?');
        params.push(filter.status);
      }
      if (filter.domain !== undefined) {
        where.push('s.domain = ?');
        params.push(filter.domain);
      }
      const clause = where.join(' AND ');
      // Without a domain the counters of migration 2 hold the total; a domain's scans are few enough to count.
      const total =
        filter.domain === undefined
          ? (db.get<{ n: number | null }>(`SELECT SUM(n) AS n FROM scan_counts WHERE account_id = ?${filter.status === undefined ? '' : ' AND status = ?'}`, params)?.n ?? 0)
          : (db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM scans s WHERE ${clause}`, params)?.n ?? 0);
      const rows = db.all<ScanRow>(`SELECT ${SUMMARY_COLUMNS} FROM scans s WHERE ${clause} ORDER BY s.created_at DESC, s.rowid DESC LIMIT ? OFFSET ?`, [
        ...params,
        page.limit,
        page.offset,
      ]);
      return { rows: rows.map(toSummary), total };
    },

    async countScansByStatus() {
      const counts = Object.fromEntries(SCAN_STATUSES.map((s) => [s, 0])) as Record<ScanStatusValue, number>;
      for (const row of db.all<{ status: ScanStatusValue; n: number }>('SELECT status, SUM(n) AS n FROM scan_counts GROUP BY status')) counts[row.status] = row.n;
      return counts;
    },
  };
}
