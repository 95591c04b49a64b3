// The PDF report (SPEC §6): a cover, a one-page summary, the findings and an appendix.
export { renderReport, reportTitle } from './render.js';
export type { ReportOptions } from './render-options.js';
export { writeReportFile } from './write-file.js';
