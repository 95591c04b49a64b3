// The worker's default report maker: version 1 of the PDF report, rendered when a scan completes.
import { renderReportVersion } from '../report/versioned.js';
import type { MakeReport } from './types.js';

export const defaultMakeReport: MakeReport = async (scanId, result, createdAt) => ({ scanId, ...(await renderReportVersion(result, 1, createdAt)) });
