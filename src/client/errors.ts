// Every way a scan through the API can fail, each as ONE line that says what to do next (SPEC §7). The
// action prints the message as it is; nothing here ever holds the API key.

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    /** The HTTP status when the API answered; undefined for network errors. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** A wait (backoff, Retry-After, polling) would end after the caller's deadline. */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

export function keyRejected(status: number): ApiError {
  return new ApiError(`API key rejected (${status}): check the ISSAFESITE_API_KEY secret`, status);
}

export function quotaSpent(resetsAt: Date | undefined): ApiError {
  const when = resetsAt === undefined ? 'at the start of the next calendar month (UTC)' : `at ${minuteUtc(resetsAt)}`;
  return new ApiError(`Scan quota spent (429): this API key's plan has no scans left; it resets ${when}. Wait until then, or use a key with a larger plan.`, 429);
}

export function rateLimited(waitMs: number): ApiError {
  return new ApiError(
    `API rate limit reached (429): the API asks to wait ${Math.ceil(waitMs / 1000)} s, past the timeout; raise \`timeout\`, or use a key that other jobs do not share.`,
    429,
  );
}

export function scanFailed(error: string | undefined): ApiError {
  return new ApiError(`Scan failed: ${error ?? 'the API gave no reason'}`);
}

export function timedOut(minutes: number): ApiError {
  return new ApiError(`Scan did not finish within ${minutes} minute${minutes === 1 ? '' : 's'}: raise \`timeout\` or use depth QUICK`);
}

export function unreachable(host: string, reason: string, attempts: number): ApiError {
  return new ApiError(`Cannot reach the IsSafeSite API at ${host} (${reason}, ${attempts} ${attempts === 1 ? 'try' : 'tries'}): check api-url and that the API is up.`);
}

export function serverError(host: string, status: number, attempts: number, said: string | undefined): ApiError {
  const detail = said === undefined ? '' : `: ${said.replace(/[.\s]+$/, '')}`;
  return new ApiError(`The IsSafeSite API at ${host} failed (${status}, ${attempts} ${attempts === 1 ? 'try' : 'tries'})${detail}. Re-run the job later.`, status);
}

export function requestRefused(host: string, status: number, what: string, said: string | undefined): ApiError {
  const detail = said ?? 'no reason given; check that api-url ends in /api/v1';
  return new ApiError(`The IsSafeSite API at ${host} refused ${what} (${status}): ${detail}`, status);
}

export function unexpectedAnswer(host: string, what: string, problem: string): ApiError {
  return new ApiError(`The API at ${host} answered ${what} with ${problem}: check that api-url is an IsSafeSite API (ending in /api/v1).`);
}

/** "2026-12-01 00:00 UTC": minutes are enough for a monthly reset, and they survive the API's rounding. */
function minuteUtc(at: Date): string {
  return `${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 16)} UTC`;
}
