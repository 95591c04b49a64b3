// POST /api/v1/report, GET /api/v1/report and GET /api/report/{id}/pdf over real HTTP, on a real SQLite
// file. Scans are completed through the store (the worker's part is in reports-end-to-end.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportList, ReportSummary, ScanCreated, ScanDetail } from '../../../src/contract/api.js';
import { newReportId } from '../../../runner/src/ids.js';
import { usagePeriod } from '../../../runner/src/plans.js';
import type { ScanResult } from '../../../runner/src/scanner/types.js';
import { scanResult } from '../../support/minimal-scan-result.js';
import { parsePdf } from '../../support/pdf.js';
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

async function queuedScan(url: string, as = key): Promise<string> {
  return expectShape(await call(server.base, 'POST', '/api/v1/scan', { key: as, body: { url } }), 202, ScanCreated).id;
}

/** Claims and completes the oldest PENDING scan, as a worker would, without making a report. */
async function complete(scanId: string, result: ScanResult): Promise<void> {
  const { store } = server.temp;
  const claimed = await store.claimNextScan('w', Date.now() + 1000, 30_000);
  expect(claimed?.id).toBe(scanId);
  expect(await store.completeScan(scanId, 'w', Date.now(), result)).toBe(true);
}

/** A COMPLETED scan with `versions` stored reports (tiny stand-in PDFs). */
async function completedScan(url: string, versions: number): Promise<{ scanId: string; reportIds: string[] }> {
  const scanId = await queuedScan(url);
  await complete(scanId, scanResult(url));
  const reportIds: string[] = [];
  for (let v = 1; v <= versions; v++) {
    const report = await server.temp.store.insertReport({ id: newReportId(), scanId, version: v, title: `Security Report — ${new URL(url).hostname}`, pdf: PDF, createdAt: Date.now() + v });
    if (report === undefined) throw new Error(`version ${v} was not stored`);
    reportIds.push(report.id);
  }
  return { scanId, reportIds };
}

async function download(path: string, as = key): Promise<Response> {
  return fetch(server.base + path, { headers: { Authorization: `Bearer ${as}` } });
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
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) as unknown as string,
      scan: { targetUrl: 'https://example.com', targetDomain: 'example.com', overallScore: 72, grade: 'C' },
      downloadUrl: `/api/report/${a.reportIds[1]}/pdf`,
    });
    const filtered = expectShape(await call(server.base, 'GET', `/api/v1/report?scanId=${a.scanId}&limit=1&page=2`, { key }), 200, ReportList);
    expect(filtered).toMatchObject({ data: [{ id: a.reportIds[0], version: 1 }], pagination: { page: 2, limit: 1, total: 2, pages: 2 } });
    expect(expectShape(await call(server.base, 'GET', `/api/v1/report?scanId=${a.scanId}&page=3&limit=1`, { key }), 200, ReportList)).toEqual({
      data: [],
      pagination: { page: 3, limit: 1, total: 2, pages: 2 },
    });
    expect(expectShape(await call(server.base, 'GET', `/api/v1/scan/${a.scanId}`, { key }), 200, ScanDetail).reportId).toBe(a.reportIds[1]);
  });

  it("never lists another account's reports", async () => {
    const a = await completedScan('https://example.com', 1);
    const { key: otherKey } = await server.key('other');
    expect(expectShape(await call(server.base, 'GET', `/api/v1/report?scanId=${a.scanId}`, { key: otherKey }), 200, ReportList).pagination.total).toBe(0);
    expect(expectShape(await call(server.base, 'GET', '/api/v1/report', { key: otherKey }), 200, ReportList).pagination.total).toBe(0);
  });

  it('answers 401 without a key and 403 with an unknown one', async () => {
    expect(expectError(await call(server.base, 'GET', '/api/v1/report'), 401)).toContain('Missing API key');
    expect(expectError(await call(server.base, 'GET', '/api/v1/report', { key: 'iss_NotAKeyAtAll0123456789' }), 403)).toContain('Invalid API key');
  });
});

describe('GET /api/report/{id}/pdf', () => {
  it('downloads the PDF as an attachment named after the domain and version, as long as pdfSize says', async () => {
    const { reportIds } = await completedScan('https://example.com', 1);
    const res = await download(`/api/report/${reportIds[0]}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="issafesite-example.com-v1.pdf"');
    expect(res.headers.get('content-length')).toBe(String(PDF.length));
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('ratelimit-limit')).toBe('300');
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    const head = await fetch(`${server.base}/api/report/${reportIds[0]}/pdf`, { method: 'HEAD', headers: { Authorization: `Bearer ${key}` } });
    expect([head.status, head.headers.get('content-length')]).toEqual([200, String(PDF.length)]);
  });

  it('names an internationalised domain in ASCII (punycode) and, in filename*, as people read it', async () => {
    const { reportIds } = await completedScan('https://bücher.example', 1);
    const res = await download(`/api/report/${reportIds[0]}/pdf`);
    expect(res.headers.get('content-disposition')).toBe(
      "attachment; filename=\"issafesite-xn--bcher-kva.example-v1.pdf\"; filename*=UTF-8''issafesite-b%C3%BCcher.example-v1.pdf",
    );
  });

  it('keeps the file name of an IPv6 target to safe characters', async () => {
    const { reportIds } = await completedScan('http://[::1]:8080/', 1);
    const res = await download(`/api/report/${reportIds[0]}/pdf`);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="issafesite-__1-v1.pdf"');
  });

  it("answers 404 for an unknown report and for another account's, 401 without a key and 403 with a revoked one", async () => {
    const { reportIds } = await completedScan('https://example.com', 1);
    const { key: otherKey } = await server.key('other');
    expect(expectError(await call(server.base, 'GET', `/api/report/${reportIds[0]}/pdf`, { key: otherKey }), 404)).toBe(`No report "${reportIds[0]}" in this account.`);
    expect(expectError(await call(server.base, 'GET', '/api/report/rpt_xyz/pdf', { key }), 404)).toBe('No report "rpt_xyz" in this account.');
    expect(expectError(await call(server.base, 'GET', `/api/report/${reportIds[0]}/pdf`), 401)).toContain('Missing API key');
    const revoked = await server.key('acme');
    const [record] = await server.temp.store.listApiKeys(revoked.key.slice(0, 12));
    await server.temp.store.revokeApiKey(record?.id ?? '', Date.now());
    expect(expectError(await call(server.base, 'GET', `/api/report/${reportIds[0]}/pdf`, { key: revoked.key }), 403)).toContain('revoked');
  });
});

describe('POST /api/v1/report', () => {
  it('renders the next version of a completed scan and answers 201 with the list item, Location at its PDF', async () => {
    const scanId = await queuedScan('https://example.com');
    await complete(scanId, scanResult('https://example.com'));
    const first = await call(server.base, 'POST', '/api/v1/report', { key, body: { scanId } });
    const v1 = expectShape(first, 201, ReportSummary);
    expect(v1).toMatchObject({ version: 1, title: 'Security Report — example.com', format: 'PDF', scan: { targetDomain: 'example.com', grade: 'C', overallScore: 72 } });
    expect(first.headers.get('location')).toBe(v1.downloadUrl);
    const v2 = expectShape(await call(server.base, 'POST', '/api/v1/report', { key, body: { scanId: ` ${scanId} ` } }), 201, ReportSummary);
    expect(v2.version).toBe(2);

    const listed = expectShape(await call(server.base, 'GET', `/api/v1/report?scanId=${scanId}`, { key }), 200, ReportList);
    expect(listed.data).toEqual([v2, v1]);
    expect(expectShape(await call(server.base, 'GET', `/api/v1/scan/${scanId}`, { key }), 200, ScanDetail).reportId).toBe(v2.id);

    const pdf = Buffer.from(await (await download(v2.downloadUrl)).arrayBuffer());
    expect(pdf.length).toBe(v2.pdfSize);
    const parsed = await parsePdf(pdf);
    expect(parsed.info.Title).toBe('Security Report — example.com');
    expect(parsed.pages[0]).toContain('report version 2');
  });

  it('does not count against the monthly scan quota, only as a request against the per-minute limit', async () => {
    const { key: free, account } = await server.key('small', 'FREE');
    const scanId = await queuedScan('https://example.com', free);
    await complete(scanId, scanResult('https://example.com'));
    const period = usagePeriod(new Date());
    const before = await server.temp.store.getUsage(account.id, period);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await call(server.base, 'POST', '/api/v1/report', { key: free, body: { scanId } }));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    // 10 requests a minute on FREE: the scan POST took one, the three report POSTs three more.
    expect(answers.map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['8', '7', '6']);
    expect(await server.temp.store.getUsage(account.id, period)).toBe(before);
  });

  it('answers 409 while the scan is PENDING or RUNNING, and for a FAILED scan', async () => {
    const pending = await queuedScan('https://example.com');
    expect(expectError(await call(server.base, 'POST', '/api/v1/report', { key, body: { scanId: pending } }), 409)).toBe(
      `Scan ${pending} is PENDING: its report can be made once the scan is COMPLETED (poll /api/v1/scan/${pending}).`,
    );
    await server.temp.store.claimNextScan('w', Date.now() + 1000, 30_000);
    expect(expectError(await call(server.base, 'POST', '/api/v1/report', { key, body: { scanId: pending } }), 409)).toContain('is RUNNING');
    await server.temp.store.failScan(pending, 'w', Date.now(), 'DNS lookup failed for example.invalid', 'DNS');
    expect(expectError(await call(server.base, 'POST', '/api/v1/report', { key, body: { scanId: pending } }), 409)).toBe(
      `Scan ${pending} FAILED, so it has no results to report: start a new scan.`,
    );
    expect((await server.temp.store.listReports((await server.temp.store.getAccountByName('acme'))?.id ?? '', {}, { offset: 0, limit: 10 })).total).toBe(0);
  });

  it("answers 404 for an unknown scan and for another account's, exactly alike", async () => {
    const scanId = await queuedScan('https://example.com');
    await complete(scanId, scanResult('https://example.com'));
    const { key: otherKey } = await server.key('other');
    expect(expectError(await call(server.base, 'POST', '/api/v1/report', { key: otherKey, body: { scanId } }), 404)).toBe(`No scan "${scanId}" in this account.`);
    expect(expectError(await call(server.base, 'POST', '/api/v1/report', { key, body: { scanId: 'cunknown0000000000000000000' } }), 404)).toBe(
      'No scan "cunknown0000000000000000000" in this account.',
    );
    expect(expectError(await call(server.base, 'POST', '/api/v1/report', { key, body: { scanId: 'clx1abc' } }), 404)).toBe('No scan "clx1abc" in this account.');
  });

  it('answers 400 for a missing, empty or non-string scanId and a body that is not a JSON object; 415 for another type', async () => {
    const post = (options: Parameters<typeof call>[3]) => call(server.base, 'POST', '/api/v1/report', { key, ...options });
    expect(expectError(await post({}), 400)).toBe('scanId is required: the id of a COMPLETED scan, as POST /api/v1/scan returned it.');
    expect(expectError(await post({ body: {} }), 400)).toBe('scanId is required: the id of a COMPLETED scan, as POST /api/v1/scan returned it.');
    expect(expectError(await post({ body: { scanId: '  ' } }), 400)).toBe('scanId is empty: give the id of a COMPLETED scan.');
    expect(expectError(await post({ body: { scanId: 42 } }), 400)).toBe('scanId is required: the id of a COMPLETED scan, as POST /api/v1/scan returned it.');
    expect(expectError(await post({ body: ['c'] }), 400)).toBe('The request body must be a JSON object such as {"scanId": "clx1abc2def3ghi4jkl5mno6p"}.');
    expect(expectError(await post({ raw: '{"scanId":', headers: { 'Content-Type': 'application/json' } }), 400)).toBe('The request body is not valid JSON.');
    expect(await post({ raw: 'scanId=c1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).toMatchObject({ status: 415 });
  });

  it('answers 401 without a key and 403 with an unknown one, before reading the body', async () => {
    expect(expectError(await call(server.base, 'POST', '/api/v1/report', { body: { scanId: 'c' } }), 401)).toContain('Missing API key');
    expect(expectError(await call(server.base, 'POST', '/api/v1/report', { key: 'iss_NotAKeyAtAll0123456789', body: { scanId: 'c' } }), 403)).toContain('Invalid API key');
  });

  it('gives concurrent requests for one scan distinct consecutive versions, each printed in its own PDF', async () => {
    const scanId = await queuedScan('https://example.com');
    await complete(scanId, scanResult('https://example.com'));
    const answers = await Promise.all([1, 2, 3].map(() => call(server.base, 'POST', '/api/v1/report', { key, body: { scanId } })));
    const made = answers.map((a) => expectShape(a, 201, ReportSummary));
    expect(made.map((r) => r.version).sort()).toEqual([1, 2, 3]);
    for (const report of made) {
      const parsed = await parsePdf(Buffer.from(await (await download(report.downloadUrl)).arrayBuffer()));
      expect(parsed.pages[0]).toContain(`report version ${report.version}`);
    }
  });
});
