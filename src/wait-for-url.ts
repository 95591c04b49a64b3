// wait-for-url: a preview deployment is often still starting when the workflow reaches the scan. Poll the target
// until it answers with anything but a server error, or give up with a line that says what to do.

export interface WaitOptions {
  /** Pause between attempts. */
  intervalMs?: number;
  /** Called before each pause, for the log. */
  onRetry?: (reason: string) => void;
}

export async function waitForUrl(url: string, timeoutMs: number, options: WaitOptions = {}): Promise<void> {
  const intervalMs = options.intervalMs ?? 2_000;
  const deadline = Date.now() + timeoutMs;
  let reason = 'no attempt made';
  for (;;) {
    const left = deadline - Date.now();
    try {
      // A redirect is an answer too; 5xx is what proxies say while the app behind them starts.
      const res = await fetch(url, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(Math.max(1, Math.min(10_000, left))) });
      await res.body?.cancel();
      if (res.status < 500) return;
      reason = `HTTP ${res.status}`;
    } catch (error) {
      reason = describe(error);
    }
    if (Date.now() + intervalMs >= deadline) break;
    options.onRetry?.(reason);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const seconds = Math.round(timeoutMs / 1000);
  throw new Error(`${url} did not answer within ${seconds} s (last: ${reason}): check that the deployment is up and reachable from the runner, or raise wait-for-url.`);
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return cause.code;
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer in time';
  return error instanceof Error ? error.message : String(error);
}
