// GET /api/v1/report and GET /api/report/{id}/pdf over real HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportList, ScanCreated, ScanDetail } from '../../../src/contract/api.js';
import { newReportId } from '../../../runner/src/ids.js';
import { scanResult } from '../../support/minimal-scan-result.js';
import type { TestServer } from '../../support/server.js';
import { call, expectError, expectShape, startServer } from '../../support/server.js';

let server: TestServer;
let key: string;
beforeEach(async () => {
  server = await startServer();
  ({ key } = await server.key('acme', 'ENTERPRISE'));
});
afterEach(async () => server.close());

const PDF = Buffer.from('%PDF-1.7\n% a report\n%%EOF\n');

/** A COMPLETED scan with `versions` reports. */
async function completedScan(url: string, versions: number): Promise<{ scanId: string; reportIds: string[] }> {
  const scan = expectShape(await call(server.base, 'POST', '/api/v1/scan', { key, body: { url } }), 202, ScanCreated);
  const { store } = server.temp;
  await store.claimNextScan('w', Date.now() + 1000, 30_000);
  await store.completeScan(scan.id, 'w', Date.now(), scanResult(url));
  const reportIds: string[] = [];
  for (let v = 1; v <= versions; v++) {
    const report = await store.insertReport({ id: newReportId(), scanId: scan.id, version: v, title: `Security Report — ${scan.domain}`, pdf: PDF, createdAt: Date.now() + v });
    if (report === undefined) throw new Error(`version ${v} was not stored`);
    reportIds.push(report.id);
  }
  return { scanId: scan.id, reportIds };
}

describe('GET /api/v1/report', () => {
  it('answers an empty list with the seed pagination before any report exists', async () => {
    expect(expectShape(await call(server.base, 'GET', '/api/v1/report', { key }), 200, ReportList)).toEqual({ data: [], pagination: { page: 1, limit: 20, total: 0, pages: 0 } });
    expect(expectShape(await call(server.base, 'GET', '/api/v1/report?scanId=clx1abc&limit=51', { key }), 200, ReportList).pagination.limit).toBe(50);
    expect(expectError(await call(server.base, 'GET', '/api/v1/report?page=0', { key }), 400)).toBe('page must be a whole number of 1 or more.');
    expect(expectError(await call(server.base, 'GET', '/api/v1/report?limit=x', { key }), 400)).toBe('limit must be a whole number of 1 or more.');
  });

  it('lists reports newest first with the seed fields, filtered by scanId, and links them from the scan', async () => {
    const a = await completedScan('https://example.com', 2);
    const b = await completedScan('https://other.example', 1);
    const all = expectShape(await call(server.base, 'GET', '/api/v1/report', { key }), 200, ReportList);
    expect(all.data.map((r) => r.id)).toEqual([b.reportIds[0], a.reportIds[1], a.reportIds[0]]);
    expect(all.data[1]).toEqual({
      id: a.reportIds[1],
      title: 'Security Report — example.com',
      version: 2,
      pdfSize: PDF.length,
      format: 'PDF',
      createdAt: expect.stringMatching(/Z$/) as unknown as string,
      scan: { targetUrl: 'https://example.com', targetDomain: 'example.com', overallScore: 72, grade: 'C' },
      downloadUrl: `/api/report/${a.reportIds[1]}/pdf`,
    });
    const filtered = expectShape(await call(server.base, 'GET', `/api/v1/report?scanId=${a.scanId}&limit=1&page=2`, { key }), 200, ReportList);
    expect(filtered).toMatchObject({ data: [{ id: a.reportIds[0], version: 1 }], pagination: { page: 2, limit: 1, total: 2, pages: 2 } });
    expect(expectShape(await call(server.base, 'GET', `/api/v1/scan/${a.scanId}`, { key }), 200, ScanDetail).reportId).toBe(a.reportIds[1]);
  });

  it("never lists another account's reports", async () => {
    const a = await completedScan('https://example.com', 1);
    const { key: otherKey } = await server.key('other');
    expect(expectShape(await call(server.base, 'GET', `/api/v1/report?scanId=${a.scanId}`, { key: otherKey }), 200, ReportList).pagination.total).toBe(0);
  });
});

describe('GET /api/report/{id}/pdf', () => {
  it('downloads the PDF as an attachment', async () => {
    const { reportIds } = await completedScan('https://example.com', 1);
    const res = await fetch(`${server.base}/api/report/${reportIds[0]}/pdf`, { headers: { Authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=issafesite-example.com-v1.pdf');
    expect(res.headers.get('ratelimit-limit')).toBe('300');
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it("answers 404 for an unknown report and for another account's, and 401 without a key", async () => {
    const { reportIds } = await completedScan('https://example.com', 1);
    const { key: otherKey } = await server.key('other');
    expect(expectError(await call(server.base, 'GET', `/api/report/${reportIds[0]}/pdf`, { key: otherKey }), 404)).toBe(`No report "${reportIds[0]}" in this account.`);
    expect(expectError(await call(server.base, 'GET', '/api/report/rpt_xyz/pdf', { key }), 404)).toBe('No report "rpt_xyz" in this account.');
    expect(expectError(await call(server.base, 'GET', `/api/report/${reportIds[0]}/pdf`), 401)).toContain('Missing API key');
  });
});
