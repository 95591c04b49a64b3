// Exponential backoff between attempts: base, 2·base, 4·base … capped at 10 minutes.
const CAP_MS = 10 * 60_000;

/** The wait before the next attempt after `attempts` attempts (1 for the first). */
export function backoffMs(attempts: number, baseMs: number): number {
  return Math.min(CAP_MS, baseMs * 2 ** Math.max(0, attempts - 1));
}
