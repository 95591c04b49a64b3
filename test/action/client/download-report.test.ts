// The PDF: listed by scan, downloaded from its downloadUrl on the API's origin (outside /api/v1).
import { afterEach, expect, test } from 'vitest';
import { createApiClient } from '../../../src/client/api-client.js';
import { downloadReport } from '../../../src/client/download-report.js';
import { startFakeApi } from './support/fake-api.js';
import type { FakeApi, FakeRequest, Reply } from './support/fake-api.js';
import { fakeClock } from './support/fake-clock.js';
import { page, PDF, report, REPORT_ID, SCAN_ID } from './support/bodies.js';

let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const WAIT = { waitMs: 30_000, intervalMs: 2_000 };

async function download(handler: (req: FakeRequest, i: number) => Reply, apiPath = '/api/v1') {
  const clock = fakeClock();
  api = await startFakeApi(handler, clock);
  const log: string[] = [];
  const client = createApiClient({ apiUrl: `${api.origin}${apiPath}`, apiKey: 'iss_k', userAgent: 'test', clock, log: (l) => log.push(l) });
  const outcome = downloadReport(client, { id: SCAN_ID }, WAIT);
  return { outcome, clock, log, api };
}

const pdfAt = (path: string) => (req: FakeRequest): Reply =>
  req.path === path ? { status: 200, headers: { 'content-type': 'application/pdf' }, body: PDF } : { status: 200, json: page([report({ version: 1, id: 'rpt_old0000000000000000000000', downloadUrl: '/api/report/rpt_old0000000000000000000000/pdf' }), report({ version: 2 })]) };

test('lists the reports of the scan and downloads the latest version from the API origin', async () => {
  const { outcome, api } = await download(pdfAt(`/api/report/${REPORT_ID}/pdf`));
  expect(Buffer.from(await outcome).equals(PDF)).toBe(true);
  expect(api.requests.map((r) => `${r.path}?${r.query}`)).toEqual([`/api/v1/report?scanId=${SCAN_ID}&limit=50`, `/api/report/${REPORT_ID}/pdf?`]);
  expect(api.requests[1]!.headers.accept).toBe('application/pdf');
  expect(api.requests[1]!.headers.authorization).toBe('Bearer iss_k');
});

test('behind a proxy prefix the downloadUrl is resolved under the same prefix', async () => {
  const { outcome, api } = await download(pdfAt(`/issafesite/api/report/${REPORT_ID}/pdf`), '/issafesite/api/v1');
  expect(Buffer.from(await outcome).equals(PDF)).toBe(true);
  expect(api.requests.map((r) => r.path)).toEqual(['/issafesite/api/v1/report', `/issafesite/api/report/${REPORT_ID}/pdf`]);
});

test('waits while the report is not listed yet', async () => {
  const { outcome, clock, log } = await download((req, i) => (i < 3 ? { status: 200, json: page([]) } : pdfAt(`/api/report/${REPORT_ID}/pdf`)(req)));
  expect(Buffer.from(await outcome).equals(PDF)).toBe(true);
  expect(clock.sleeps).toEqual([2000, 2000, 2000]);
  expect(log).toEqual([`Waiting for the PDF report of scan ${SCAN_ID}`]);
});

test('a report that never comes fails with one line saying what to do', async () => {
  const { outcome, clock, api } = await download(() => ({ status: 200, json: page([]) }));
  await expect(outcome).rejects.toThrow(
    `No PDF report for scan ${SCAN_ID} after 30 s: the API at ${new URL(api.origin).host} lists none yet. Re-run the job for the PDF, or set upload-report: false.`,
  );
  expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30_000);
});

test('bytes that are not a PDF are refused', async () => {
  const { outcome } = await download((req) => (req.path.endsWith('/pdf') ? { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>login</html>' } : { status: 200, json: page([report()]) }));
  await expect(outcome).rejects.toThrow(/^The report rpt_\w+ from 127\.0\.0\.1:\d+ is not a PDF \(text\/html, 18 bytes\)/);
});
