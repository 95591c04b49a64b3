// One stored version of a scan's report: its id, its title and the PDF with that version printed on it.
// Both the worker (version 1, when a scan completes) and POST /api/v1/report (the next ones) make them here.
import { newReportId } from '../ids.js';
import type { ScanResult } from '../scanner/types.js';
import { renderReport, reportTitle } from './render.js';

export interface ReportVersion {
  id: string;
  version: number;
  /** "Security Report — <domain>", the PDF's own title. */
  title: string;
  pdf: Buffer;
  /** Epoch milliseconds, printed on the cover. */
  createdAt: number;
}

export async function renderReportVersion(result: ScanResult, version: number, createdAt: number): Promise<ReportVersion> {
  const pdf = await renderReport(result, { createdAt: new Date(createdAt), version });
  return { id: newReportId(), version, title: reportTitle(result), pdf, createdAt };
}
