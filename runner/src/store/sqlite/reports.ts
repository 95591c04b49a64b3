// Reports: versioned PDFs of a scan, kept in the database beside it.
import type { NewReport, ReportRecord, ReportStore } from '../store.js';
import type { SqlDriver } from './driver.js';
import type { ScanRow } from './scans.js';
import { SUMMARY_COLUMNS, toScanResult, toSummary } from './scans.js';

interface ReportRow {
  id: string;
  scan_id: string;
  account_id: string;
  version: number;
  title: string;
  pdf_size: number;
  created_at: number;
  url: string;
  domain: string;
  overall_score: number | null;
  grade: ReportRecord['scan']['grade'];
}

const SELECT = `
  SELECT r.id, r.scan_id, r.account_id, r.version, r.title, r.pdf_size, r.created_at,
         s.url, s.domain, s.overall_score, s.grade
  FROM reports r JOIN scans s ON s.id = r.scan_id`;

const toReport = (row: ReportRow): ReportRecord => ({
  id: row.id,
  scanId: row.scan_id,
  accountId: row.account_id,
  version: row.version,
  title: row.title,
  pdfSize: row.pdf_size,
  createdAt: row.created_at,
  scan: { url: row.url, domain: row.domain, overallScore: row.overall_score, grade: row.grade },
});

const latestVersion = (db: SqlDriver, scanId: string): number =>
  db.get<{ v: number | null }>('SELECT MAX(version) AS v FROM reports WHERE scan_id = ?', [scanId])?.v ?? 0;

/**
 * Stores `report` if its version follows the scan's newest one; false otherwise. Call inside a
 * transaction: the check and the insert must not be split by another writer.
 */
export function insertReportRow(db: SqlDriver, report: NewReport): boolean {
  const scan = db.get<{ account_id: string }>('SELECT account_id FROM scans WHERE id = ?', [report.scanId]);
  if (scan === undefined) throw new Error(`No scan ${report.scanId} to attach a report to.`);
  if (latestVersion(db, report.scanId) !== report.version - 1) return false;
  db.run('INSERT INTO reports (id, scan_id, account_id, version, title, pdf, pdf_size, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    report.id,
    report.scanId,
    scan.account_id,
    report.version,
    report.title,
    report.pdf,
    report.pdf.byteLength,
    report.createdAt,
  ]);
  return true;
}

export function reportStore(db: SqlDriver): ReportStore {
  return {
    async insertReport(report) {
      return db.transaction(() => {
        if (!insertReportRow(db, report)) return undefined;
        const row = db.get<ReportRow>(`${SELECT} WHERE r.id = ?`, [report.id]);
        if (row === undefined) throw new Error(`report ${report.id} vanished inside its own transaction`);
        return toReport(row);
      });
    },

    async getScanResult(accountId, id) {
      const row = db.get<ScanRow & { result_json: string | null; latest_version: number | null }>(
        `SELECT ${SUMMARY_COLUMNS}, s.result_json, (SELECT MAX(r.version) FROM reports r WHERE r.scan_id = s.id) AS latest_version
         FROM scans s WHERE s.id = ? AND s.account_id = ?`,
        [id, accountId],
      );
      if (row === undefined) return undefined;
      return { scan: toSummary(row), result: toScanResult(row), latestReportVersion: row.latest_version ?? 0 };
    },

    async listReports(accountId, filter, page) {
      const where = ['r.account_id = ?'];
      const params: (string | number)[] = [accountId];
      if (filter.scanId !== undefined) {
        where.push('r.scan_id = ?');
        params.push(filter.scanId);
      }
      const clause = where.join(' AND ');
      const total = db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM reports r WHERE ${clause}`, params)?.n ?? 0;
      // Newest first, like the scan list; versions of one scan are made in order, so v2 comes before v1.
      const rows = db.all<ReportRow>(`${SELECT} WHERE ${clause} ORDER BY r.created_at DESC, r.rowid DESC LIMIT ? OFFSET ?`, [...params, page.limit, page.offset]);
      return { rows: rows.map(toReport), total };
    },

    async getReportPdf(accountId, id) {
      const row = db.get<ReportRow & { pdf: Uint8Array }>(`${SELECT.replace('SELECT r.id', 'SELECT r.pdf, r.id')} WHERE r.id = ? AND r.account_id = ?`, [id, accountId]);
      if (row === undefined) return undefined;
      return { report: toReport(row), pdf: Buffer.from(row.pdf) };
    },
  };
}
