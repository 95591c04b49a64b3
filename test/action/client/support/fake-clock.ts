// A virtual clock for the client: sleep() moves time forward at once, so minutes of backoff, Retry-After and
// pacing take no real time. Things scheduled at a virtual moment run when time passes it.
import type { Clock } from '../../../../src/client/clock.js';

export interface FakeClock extends Clock {
  /** Every sleep asked for, in ms, in order. */
  readonly sleeps: number[];
  /** Runs `task` once virtual time reaches `at` (epoch ms). */
  at(at: number, task: () => unknown): void;
}

/** 2026-11-20 10:00 UTC: in the middle of a month, so the monthly quota resets on 2026-12-01. */
export const START = Date.parse('2026-11-20T10:00:00.000Z');

export function fakeClock(start = START): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  const tasks: Array<{ at: number; task: () => unknown }> = [];
  return {
    sleeps,
    now: () => now,
    async sleep(ms) {
      sleeps.push(ms);
      now += Math.max(0, ms);
      for (const due of tasks.filter((t) => t.at <= now)) {
        tasks.splice(tasks.indexOf(due), 1);
        await due.task();
      }
    },
    at(at, task) {
      tasks.push({ at, task });
    },
  };
}
