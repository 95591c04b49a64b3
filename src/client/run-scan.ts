// Creating a scan and following its statusUrl until it ends, within the action's timeout.
import { randomUUID } from 'node:crypto';
import type { DepthValue } from '../contract/api.js';
import { completedView } from '../scan-view.js';
import type { ScanView } from '../scan-view.js';
import type { ApiClient } from './api-client.js';
import { DeadlineError, scanFailed, timedOut, unexpectedAnswer } from './errors.js';

export interface PollSchedule {
  /** The wait before the first look at the statusUrl. */
  firstMs: number;
  /** Each wait is this much longer than the one before… */
  factor: number;
  /** …up to this. */
  maxMs: number;
}

// A QUICK scan ends in seconds and a DEEP one in minutes: look soon, then less and less often, so a long scan
// spends a few requests a minute of the plan's rate (FREE: 10 a minute) and a short one is seen at once.
export const DEFAULT_POLL: PollSchedule = { firstMs: 1_000, factor: 1.5, maxMs: 10_000 };

export interface RunScanOptions {
  /** Epoch ms (on the client's clock) by which the scan must be COMPLETED. */
  deadline: number;
  /** The action's `timeout` input, for the message when the deadline passes. */
  timeoutMinutes: number;
  poll?: PollSchedule;
}

/**
 * POST /api/v1/scan, then GET its statusUrl until COMPLETED. Throws one actionable line (errors.ts) when the
 * scan FAILED, the deadline passed, or the API refused.
 */
export async function runScan(client: ApiClient, request: { url: string; depth: DepthValue }, options: RunScanOptions): Promise<ScanView> {
  const { clock, log } = client;
  const { deadline } = options;
  const poll = options.poll ?? DEFAULT_POLL;
  try {
    // One key for the POST and all its retries: the API returns the first scan instead of charging a second.
    const created = await client.createScan(request, { idempotencyKey: randomUUID(), deadline });
    log(`Scan ${created.id} created; following ${created.statusUrl}`);
    let status: string = created.status;
    let interval = poll.firstMs;
    for (;;) {
      const left = deadline - clock.now();
      if (left <= 0) throw timedOut(options.timeoutMinutes);
      await clock.sleep(Math.min(interval, left));
      const detail = await client.getScan(created.statusUrl, { deadline });
      if (detail.status === 'COMPLETED') {
        const view = completedView(detail);
        if (view === undefined) throw unexpectedAnswer(client.location.host, `GET ${created.statusUrl}`, 'a COMPLETED scan without its grade, scores or counts');
        return view;
      }
      if (detail.status === 'FAILED') throw scanFailed(detail.error);
      if (detail.status !== status) log(`Scan ${created.id} is ${detail.status}`);
      status = detail.status;
      interval = Math.min(poll.maxMs, interval * poll.factor);
    }
  } catch (error) {
    if (error instanceof DeadlineError) throw timedOut(options.timeoutMinutes);
    throw error;
  }
}
