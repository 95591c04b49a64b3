// The table is the queue (graphile-worker, liteque): a claim is one UPDATE … RETURNING inside an
// IMMEDIATE transaction that only one worker can win; a lease with a heartbeat marks the scan as taken;
// every later write is conditioned on still holding the lease, so a scan never completes twice.
import type { ScanResult } from '../../scanner/types.js';
import type { ClaimedScan, QueueStore } from '../store.js';
import type { SqlDriver } from './driver.js';
import { insertReportRow } from './reports.js';
import type { StoredResult } from './scans.js';

interface ClaimRow {
  id: string;
  account_id: string;
  url: string;
  depth: ClaimedScan['depth'];
  attempts: number;
}

const HELD = "id = ? AND lease_owner = ? AND status = 'RUNNING'";

export function queueStore(db: SqlDriver): QueueStore {
  return {
    async claimNextScan(owner, now, leaseMs) {
      const row = db.transaction(() =>
        db.get<ClaimRow>(
          `UPDATE scans
           SET status = 'RUNNING', attempts = attempts + 1, lease_owner = ?, lease_expires_at = ?, heartbeat_at = ?,
               started_at = COALESCE(started_at, ?)
           WHERE id = (SELECT id FROM scans WHERE status = 'PENDING' AND available_at <= ? ORDER BY created_at, rowid LIMIT 1)
           RETURNING id, account_id, url, depth, attempts`,
          [owner, now + leaseMs, now, now, now],
        ),
      );
      return row === undefined ? undefined : { id: row.id, accountId: row.account_id, url: row.url, depth: row.depth, attempts: row.attempts };
    },

    async renewLease(id, owner, now, leaseMs) {
      return db.run(`UPDATE scans SET lease_expires_at = ?, heartbeat_at = ? WHERE ${HELD}`, [now + leaseMs, now, id, owner]).changes === 1;
    },

    async completeScan(id, owner, now, result: ScanResult, report) {
      const stored: StoredResult = result;
      return db.transaction(() => {
        const completed =
          db.run(
            `UPDATE scans
             SET status = 'COMPLETED', completed_at = ?, lease_owner = NULL, lease_expires_at = NULL, error = NULL,
                 overall_score = ?, grade = ?, security_score = ?, seo_score = ?, traffic_score = ?,
                 findings_count = ?, pages_scanned = ?, result_json = ?
             WHERE ${HELD}`,
            [
              now,
              result.overallScore,
              result.grade,
              result.securityScore,
              result.seoScore,
              result.trafficScore,
              result.findings.length,
              result.pagesScanned,
              JSON.stringify(stored),
              id,
              owner,
            ],
          ).changes === 1;
        if (completed && report !== undefined && !insertReportRow(db, { ...report, scanId: id })) {
          // A scan completes once and reports are only made for completed scans: no other can exist yet.
          throw new Error(`scan ${id} already has a report, so its first one cannot be version ${report.version}`);
        }
        return completed;
      });
    },

    async failScan(id, owner, now, error, lastError) {
      return (
        db.run(`UPDATE scans SET status = 'FAILED', completed_at = ?, error = ?, last_error = ?, lease_owner = NULL, lease_expires_at = NULL WHERE ${HELD}`, [
          now,
          error,
          lastError,
          id,
          owner,
        ]).changes === 1
      );
    },

    async retryScan(id, owner, availableAt, lastError) {
      return (
        db.run(`UPDATE scans SET status = 'PENDING', available_at = ?, last_error = ?, lease_owner = NULL, lease_expires_at = NULL WHERE ${HELD}`, [
          availableAt,
          lastError,
          id,
          owner,
        ]).changes === 1
      );
    },

    async releaseScan(id, owner, now) {
      // A shutdown is not the scan's fault: the attempt is given back.
      return (
        db.run(
          `UPDATE scans SET status = 'PENDING', available_at = ?, attempts = MAX(attempts - 1, 0), lease_owner = NULL, lease_expires_at = NULL WHERE ${HELD}`,
          [now, id, owner],
        ).changes === 1
      );
    },

    async reapExpiredLeases(now, maxAttempts, backoffMs, failMessage) {
      return db.transaction(() => {
        const expired = db.all<{ id: string; attempts: number; lease_owner: string | null }>(
          "SELECT id, attempts, lease_owner FROM scans WHERE status = 'RUNNING' AND lease_expires_at < ? ORDER BY created_at",
          [now],
        );
        const outcome = { requeued: [] as string[], failed: [] as string[] };
        for (const scan of expired) {
          const reason = `The lease of worker ${scan.lease_owner ?? '?'} expired without a heartbeat (attempt ${scan.attempts}).`;
          if (scan.attempts >= maxAttempts) {
            db.run("UPDATE scans SET status = 'FAILED', completed_at = ?, error = ?, last_error = ?, lease_owner = NULL, lease_expires_at = NULL WHERE id = ?", [
              now,
              failMessage,
              reason,
              scan.id,
            ]);
            outcome.failed.push(scan.id);
          } else {
            db.run("UPDATE scans SET status = 'PENDING', available_at = ?, last_error = ?, lease_owner = NULL, lease_expires_at = NULL WHERE id = ?", [
              now + backoffMs(scan.attempts),
              reason,
              scan.id,
            ]);
            outcome.requeued.push(scan.id);
          }
        }
        return outcome;
      });
    },
  };
}
