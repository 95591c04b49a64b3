// Time as the client sees it. Every wait (backoff, rate-limit pacing, polling) goes through sleep(), so tests
// pass a virtual clock and a minute of pacing takes no time at all.
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
