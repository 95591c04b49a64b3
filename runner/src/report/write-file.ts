import { writeFile } from 'node:fs/promises';
import type { ScanResult } from '../scanner/types.js';
import { renderReport } from './render.js';
import type { ReportOptions } from './render-options.js';

/** Renders the report and writes it to `path` (for `issafesite scan … --pdf report.pdf`); returns its size in bytes. */
export async function writeReportFile(result: ScanResult, path: string, options: ReportOptions = { createdAt: new Date() }): Promise<number> {
  const pdf = await renderReport(result, options);
  await writeFile(path, pdf);
  return pdf.length;
}
