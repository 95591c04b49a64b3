// Reports through the whole runner: a real scan of a fixture site on 127.0.0.1 by the real engine, version 1
// of the report made as it completes, listed and downloaded over HTTP and read back as text; then version 2
// through POST /api/v1/report. And what happens to the report when rendering fails or the runner stops.
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReportSummaryBody, ScanDetailBody } from '../../../src/contract/api.js';
import { ReportList, ReportSummary, ScanCreated, ScanDetail } from '../../../src/contract/api.js';
import { issueApiKey } from '../../../runner/src/auth/api-keys.js';
import { loadConfig } from '../../../runner/src/config.js';
import { silentLogger } from '../../../runner/src/logger.js';
import type { ServeOptions } from '../../../runner/src/start.js';
import { startRunner } from '../../../runner/src/start.js';
import { startWeakSite } from '../../fixtures/sites.js';
import type { Fixture } from '../../support/fixture-server.js';
import { scanResult } from '../../support/minimal-scan-result.js';
import type { ParsedPdf } from '../../support/pdf.js';
import { parsePdf } from '../../support/pdf.js';
import { call, expectError, expectShape } from '../../support/server.js';
import { tempDir } from '../../support/store.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function start(dir: string, options: ServeOptions = {}, env: Record<string, string> = {}) {
  const config = loadConfig({ RUNNER_DB: path.join(dir, 'runner.db'), PORT: '0', RUNNER_POLL_MS: '50', RUNNER_ALLOW_PRIVATE_TARGETS: 'true', ...env });
  return startRunner(config, { logger: silentLogger, ...options });
}

async function scanUntil(base: string, key: string, url: string, done: (d: ScanDetailBody) => boolean, timeoutMs: number): Promise<ScanDetailBody> {
  const { statusUrl } = expectShape(await call(base, 'POST', '/api/v1/scan', { key, body: { url, depth: 'STANDARD' } }), 202, ScanCreated);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const detail = expectShape(await call(base, 'GET', statusUrl, { key }), 200, ScanDetail);
    if (done(detail)) return detail;
    if (Date.now() > deadline) throw new Error(`scan still ${detail.status} after ${timeoutMs} ms`);
    await sleep(50);
  }
}

async function download(base: string, key: string, report: ReportSummaryBody): Promise<{ res: Response; pdf: Buffer }> {
  const res = await fetch(base + report.downloadUrl, { headers: { Authorization: `Bearer ${key}` } });
  return { res, pdf: Buffer.from(await res.arrayBuffer()) };
}

/** pdf.js breaks lines between text runs: compare with whitespace folded. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The text with what legitimately differs between two versions (their number and creation date) blanked. */
const withoutVersion = (parsed: ParsedPdf) =>
  flat(parsed.text)
    .replace(/report version \d+/gi, 'report version N')
    .replace(/\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d UTC/g, 'DATE');

describe('the report of a real scan of the weak fixture site', () => {
  const dir = tempDir();
  let site: Fixture;
  let runner: Awaited<ReturnType<typeof startRunner>>;
  let key: string;
  let detail: ScanDetailBody;
  let v1: ReportSummaryBody;
  let v1Pdf: ParsedPdf;

  beforeAll(async () => {
    site = await startWeakSite();
    runner = await start(dir.dir);
    key = runner.firstKey ?? '';
    detail = await scanUntil(runner.url, key, site.url, (d) => d.status === 'COMPLETED' || d.status === 'FAILED', 30_000);
  }, 40_000);
  afterAll(async () => {
    await runner.stop();
    await site.close();
    dir.remove();
  });

  it('lists version 1 as soon as the scan is COMPLETED, with the seed fields, and links it from the scan', async () => {
    expect(detail).toMatchObject({ status: 'COMPLETED', grade: 'F' });
    expect(detail.findings.length).toBeGreaterThan(5);
    const list = expectShape(await call(runner.url, 'GET', `/api/v1/report?scanId=${detail.id}`, { key }), 200, ReportList);
    expect(list.pagination).toEqual({ page: 1, limit: 20, total: 1, pages: 1 });
    v1 = list.data[0]!;
    expect(v1).toEqual({
      id: detail.reportId,
      title: 'Security Report — 127.0.0.1',
      version: 1,
      pdfSize: expect.any(Number) as unknown as number,
      format: 'PDF',
      createdAt: detail.completedAt,
      scan: { targetUrl: site.url, targetDomain: '127.0.0.1', overallScore: detail.overallScore, grade: 'F' },
      downloadUrl: `/api/report/${detail.reportId}/pdf`,
    });
  });

  it('serves the PDF of version 1: pdfSize bytes, with the domain, the grade and every finding in it', async () => {
    const { res, pdf } = await download(runner.url, key, v1);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="issafesite-127.0.0.1-v1.pdf"');
    expect(res.headers.get('content-length')).toBe(String(v1.pdfSize));
    expect(pdf.length).toBe(v1.pdfSize);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    v1Pdf = await parsePdf(pdf);
    expect(v1Pdf.info.Title).toBe('Security Report — 127.0.0.1');
    const cover = v1Pdf.pages[0]!;
    expect(cover).toContain('127.0.0.1');
    expect(cover.split(/\s+/)).toContain('F');
    expect(cover).toContain(String(detail.overallScore));
    expect(cover).toContain('report version 1');
    const text = flat(v1Pdf.text);
    for (const finding of detail.findings) expect(text).toContain(flat(finding.title));
    // The appendix lists what the engine kept beside the findings: the pages scanned.
    expect(text).toContain(site.url);
  });

  it('makes version 2 with POST /api/v1/report: listed first, the same document with its own number', async () => {
    const answer = await call(runner.url, 'POST', '/api/v1/report', { key, body: { scanId: detail.id } });
    const v2 = expectShape(answer, 201, ReportSummary);
    expect(v2).toMatchObject({ version: 2, title: v1.title, scan: v1.scan, downloadUrl: `/api/report/${v2.id}/pdf` });
    expect(answer.headers.get('location')).toBe(v2.downloadUrl);

    const list = expectShape(await call(runner.url, 'GET', `/api/v1/report?scanId=${detail.id}`, { key }), 200, ReportList);
    expect(list.data.map((r) => [r.id, r.version])).toEqual([
      [v2.id, 2],
      [v1.id, 1],
    ]);
    expect(expectShape(await call(runner.url, 'GET', `/api/v1/scan/${detail.id}`, { key }), 200, ScanDetail).reportId).toBe(v2.id);

    const { res, pdf } = await download(runner.url, key, v2);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="issafesite-127.0.0.1-v2.pdf"');
    expect(pdf.length).toBe(v2.pdfSize);
    const v2Pdf = await parsePdf(pdf);
    expect(v2Pdf.pages[0]).toContain('report version 2');
    // Rendered from the stored result: findings, checks and pages exactly as version 1 had them.
    expect(v2Pdf.pages.length).toBe(v1Pdf.pages.length);
    expect(withoutVersion(v2Pdf)).toBe(withoutVersion(v1Pdf));
  });

  it("keeps both versions from another account: 404 for the PDF and the POST, an empty list", async () => {
    const { key: otherKey } = await issueApiKey(runner.store, { accountName: 'other', now: Date.now() });
    expect(expectError(await call(runner.url, 'GET', v1.downloadUrl, { key: otherKey }), 404)).toBe(`No report "${v1.id}" in this account.`);
    expect(expectError(await call(runner.url, 'POST', '/api/v1/report', { key: otherKey, body: { scanId: detail.id } }), 404)).toBe(`No scan "${detail.id}" in this account.`);
    expect(expectShape(await call(runner.url, 'GET', `/api/v1/report?scanId=${detail.id}`, { key: otherKey }), 200, ReportList).data).toEqual([]);
  });
});

describe('version 1 when things go wrong', () => {
  let dir: { dir: string; remove(): void };
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('keeps a scan COMPLETED with no report when rendering fails, and POST /api/v1/report makes version 1 later', async () => {
    const errors: string[] = [];
    const runner = await start(dir.dir, {
      runScan: async (url) => scanResult(url),
      makeReport: async () => {
        throw new Error('the renderer broke');
      },
      logger: { ...silentLogger, error: (_fields, message) => errors.push(message ?? '') },
    });
    try {
      const key = runner.firstKey ?? '';
      const detail = await scanUntil(runner.url, key, 'https://example.com', (d) => d.status === 'COMPLETED', 5_000);
      expect(detail).toMatchObject({ grade: 'C', reportId: null });
      expect(errors).toEqual(['Rendering the report of a completed scan failed; the scan is stored without one']);
      expect(expectShape(await call(runner.url, 'GET', '/api/v1/report', { key }), 200, ReportList).data).toEqual([]);

      const made = expectShape(await call(runner.url, 'POST', '/api/v1/report', { key, body: { scanId: detail.id } }), 201, ReportSummary);
      expect(made.version).toBe(1);
      expect(expectShape(await call(runner.url, 'GET', detail.statusUrl, { key }), 200, ScanDetail).reportId).toBe(made.id);
    } finally {
      await runner.stop();
    }
  });

  it('never leaves a scan COMPLETED without its report when the runner stops while rendering: the scan runs again', async () => {
    let rendering!: () => void;
    const renderingStarted = new Promise<void>((resolve) => (rendering = resolve));
    const first = await start(
      dir.dir,
      {
        runScan: async (url) => scanResult(url),
        // A render that does not end before the runner stops, as if the process died in it.
        makeReport: () => {
          rendering();
          return new Promise(() => undefined);
        },
      },
      { RUNNER_SHUTDOWN_GRACE_MS: '100' },
    );
    const key = first.firstKey ?? '';
    const { id, statusUrl } = expectShape(await call(first.url, 'POST', '/api/v1/scan', { key, body: { url: 'https://example.com' } }), 202, ScanCreated);
    await renderingStarted;
    expect(expectShape(await call(first.url, 'GET', statusUrl, { key }), 200, ScanDetail)).toMatchObject({ status: 'RUNNING', reportId: null });
    await first.stop();

    // The same database, a runner with the real renderer: the scan is claimed again and completes with version 1.
    const second = await start(dir.dir, { runScan: async (url) => scanResult(url) });
    try {
      const deadline = Date.now() + 10_000;
      let detail = expectShape(await call(second.url, 'GET', statusUrl, { key }), 200, ScanDetail);
      while (detail.status !== 'COMPLETED' && Date.now() < deadline) {
        await sleep(50);
        detail = expectShape(await call(second.url, 'GET', statusUrl, { key }), 200, ScanDetail);
      }
      expect(detail).toMatchObject({ id, status: 'COMPLETED', reportId: expect.stringMatching(/^rpt_/) as unknown as string });
      const list = expectShape(await call(second.url, 'GET', `/api/v1/report?scanId=${id}`, { key }), 200, ReportList);
      expect(list.data.map((r) => r.version)).toEqual([1]);
    } finally {
      await second.stop();
    }
  });
});
