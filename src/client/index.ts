// The IsSafeSite API client: the action talks to the hosted service, a self-hosted runner or the runner it
// started in-process through this, and only this. It depends on the contract (and scan-view.ts, the contract's
// scan detail narrowed to COMPLETED), never on @actions/* (SPEC §2).
export { createApiClient } from './api-client.js';
export type { ApiClient, ClientOptions } from './api-client.js';
export type { Clock } from './clock.js';
export { systemClock } from './clock.js';
export { ApiError } from './errors.js';
export { runScan, DEFAULT_POLL } from './run-scan.js';
export type { PollSchedule, RunScanOptions } from './run-scan.js';
export { previousScan } from './previous-scan.js';
export { downloadReport, DEFAULT_REPORT_WAIT } from './download-report.js';
export type { ReportWait } from './download-report.js';
