// The scan's PDF report: listed by GET /api/v1/report?scanId=…, fetched from its downloadUrl. The API makes the
// report once the scan is COMPLETED, so right after completion the list may still be empty for a moment.
import { MAX_PAGE_LIMIT } from '../contract/api.js';
import type { ReportSummaryBody } from '../contract/api.js';
import type { ScanView } from '../scan-view.js';
import type { ApiClient } from './api-client.js';
import { ApiError } from './errors.js';

export interface ReportWait {
  /** How long a report may take to appear after the scan completed. */
  waitMs: number;
  intervalMs: number;
}

// The runner renders a report in well under a second (bench/report-render.mjs); a busy hosted service may
// queue it. Half a minute covers both without holding a job long when no report will come.
export const DEFAULT_REPORT_WAIT: ReportWait = { waitMs: 30_000, intervalMs: 2_000 };

const PDF_MAGIC = '%PDF-';

export async function downloadReport(client: ApiClient, scan: Pick<ScanView, 'id'>, wait: ReportWait = DEFAULT_REPORT_WAIT): Promise<Uint8Array> {
  const { clock, location } = client;
  const giveUpAt = clock.now() + wait.waitMs;
  for (let tries = 1; ; tries++) {
    const list = await client.listReports({ scanId: scan.id, limit: MAX_PAGE_LIMIT });
    const latest = list.data.reduce<ReportSummaryBody | undefined>((best, r) => (best === undefined || r.version > best.version ? r : best), undefined);
    if (latest !== undefined) {
      const { body, contentType } = await client.downloadPdf(latest.downloadUrl);
      if (Buffer.from(body.subarray(0, PDF_MAGIC.length)).toString('latin1') !== PDF_MAGIC) {
        throw new ApiError(`The report ${latest.id} from ${location.host} is not a PDF (${contentType ?? 'no content type'}, ${body.length} bytes): re-run the job, or set upload-report: false.`);
      }
      return body;
    }
    if (clock.now() + wait.intervalMs > giveUpAt) {
      throw new ApiError(
        `No PDF report for scan ${scan.id} after ${Math.round(wait.waitMs / 1000)} s: the API at ${location.host} lists none yet. Re-run the job for the PDF, or set upload-report: false.`,
      );
    }
    if (tries === 1) client.log(`Waiting for the PDF report of scan ${scan.id}`);
    await clock.sleep(wait.intervalMs);
  }
}
