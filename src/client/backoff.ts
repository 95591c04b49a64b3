// How long to wait before retrying a request that met a network error or a 5xx: exponential, with jitter so
// that the jobs of a matrix that failed together do not retry together.

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The wait before the first retry, before jitter. */
  baseMs: number;
  /** No single wait is longer. */
  maxMs: number;
}

// Six tries, with 15 to 31 s of waits between them, ride out a deploy or a proxy restart of the API without holding a job
// for long when the API is really down.
export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseMs: 1_000, maxMs: 16_000 };

/**
 * The wait before retry `n` (0 for the first): min(max, base·2^n), of which the upper half is random ("equal
 * jitter": never shorter than half, so a retry cannot come at once, and spread over the other half).
 */
export function backoffMs(n: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** n);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
