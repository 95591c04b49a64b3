// What the action needs from the IsSafeSite API, whichever serves it: the hosted service, a self-hosted runner
// (mode api) or the runner started in-process (mode bundled). main.ts talks only to this interface; both modes
// are the same HTTP client underneath.
import * as core from '@actions/core';
import { startBundledRunner } from './bundled-runner.js';
import { createApiClient, downloadReport, previousScan, runScan } from './client/index.js';
import type { ApiClient } from './client/index.js';
import type { Settings } from './inputs.js';
import type { Depth, ScanScores, ScanView } from './scan-view.js';
import { VERSION } from './version.js';

export interface ScanService {
  /**
   * Creates the scan (POST /api/v1/scan with an Idempotency-Key) and polls its statusUrl until it is COMPLETED.
   * Throws an Error whose message is one actionable line when the key is rejected, the quota is spent, the scan
   * FAILED, or `deadline` (epoch ms) passes.
   */
  runScan(request: { url: string; depth: Depth }, deadline: number): Promise<ScanView>;
  /** The grade and scores of the latest COMPLETED scan of the same URL before this one, if any. */
  previousScan(scan: ScanView): Promise<ScanScores | undefined>;
  /** The bytes of the scan's PDF report (its downloadUrl is resolved against the API's origin). */
  downloadReport(scan: ScanView): Promise<Uint8Array>;
  /** Releases what connect() started (the in-process runner in bundled mode). */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** A folder the service may write to (the bundled runner's database), from RUNNER_TEMP. */
  tempDir: string;
}

export type ConnectScanService = (settings: Settings, options: ConnectOptions) => Promise<ScanService>;

export const USER_AGENT = `issafesite-scan-action/${VERSION} (+https://github.com/issafesite/scan-action)`;

/** Connects to the API the settings name (mode api) or starts the runner in-process (mode bundled). */
export const connectScanService: ConnectScanService = async (settings, { tempDir }) => {
  if (settings.mode === 'bundled') {
    core.info('No api-key: starting the IsSafeSite runner inside the job (mode bundled)');
    const runner = await startBundledRunner(tempDir);
    const client = createApiClient({ apiUrl: runner.apiUrl, apiKey: runner.apiKey, userAgent: USER_AGENT, log: core.info });
    return clientScanService(client, settings, () => runner.stop());
  }
  if (settings.apiKey === undefined) throw new Error("Mode 'api' needs an api-key.");
  const client = createApiClient({ apiUrl: settings.apiUrl, apiKey: settings.apiKey, userAgent: USER_AGENT, log: core.info, proxyFromEnv: true });
  return clientScanService(client, settings);
};

export function clientScanService(client: ApiClient, settings: Pick<Settings, 'timeoutMinutes'>, stop: () => Promise<void> = async () => undefined): ScanService {
  return {
    runScan: (request, deadline) => runScan(client, request, { deadline, timeoutMinutes: settings.timeoutMinutes }),
    async previousScan(scan) {
      // The change since the last scan is a nicety: without it the comment shows the scores alone.
      try {
        return await previousScan(client, scan);
      } catch (error) {
        core.warning(`The previous scan of ${scan.url} could not be read, so no change is shown: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    },
    downloadReport: (scan) => downloadReport(client, scan),
    async close() {
      await client.close();
      await stop();
    },
  };
}
