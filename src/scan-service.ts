// What the action needs from the IsSafeSite API, whichever serves it: the hosted service, a self-hosted runner
// (mode api) or the runner started in-process (mode bundled). main.ts talks only to this interface.
import type { Settings } from './inputs.js';
import type { Depth, ScanScores, ScanView } from './scan-view.js';

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

/** Connects to the API the settings name (mode api) or starts the runner in-process (mode bundled). */
export const connectScanService: ConnectScanService = async (settings) => {
  throw new Error(`Mode '${settings.mode}' cannot scan in this build: it was bundled without the IsSafeSite API client; use a release of the action.`);
};
