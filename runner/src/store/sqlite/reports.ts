// Reports: versioned PDFs of a scan, kept in the database beside it.
import type { ReportRecord, ReportStore } from '../store.js';
import type { SqlDriver } from './driver.js';

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

export function reportStore(db: SqlDriver): ReportStore {
  return {
    async insertReport(report) {
      return db.transaction(() => {
        const scan = db.get<{ account_id: string }>('SELECT account_id FROM scans WHERE id = ?', [report.scanId]);
        if (scan === undefined) throw new Error(`No scan ${report.scanId} to attach a report to.`);
        const version = (db.get<{ v: number | null }>('SELECT MAX(version) AS v FROM reports WHERE scan_id = ?', [report.scanId])?.v ?? 0) + 1;
        db.run('INSERT INTO reports (id, scan_id, account_id, version, title, pdf, pdf_size, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
          report.id,
          report.scanId,
          scan.account_id,
          version,
          report.title,
          report.pdf,
          report.pdf.byteLength,
          report.createdAt,
        ]);
        const row = db.get<ReportRow>(`${SELECT} WHERE r.id = ?`, [report.id]);
        if (row === undefined) throw new Error(`report ${report.id} vanished inside its own transaction`);
        return toReport(row);
      });
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
