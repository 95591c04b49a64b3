// Per-minute request limits per plan (FREE 10, PRO 60, ENTERPRISE 300), counted per account in memory
// with rate-limiter-flexible. One runner process holds one SQLite file, so memory is the right place; a
// PostgreSQL deployment with several replicas would pass a limiter backed by the shared database.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Plan } from '../plans.js';
import { PLAN_LIMITS, PLANS } from '../plans.js';
import type { Account } from '../store/store.js';

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

export interface RequestRateLimiter {
  consume(account: Account): Promise<RateDecision>;
}

export function memoryRateLimiter(limits: Record<Plan, number> = Object.fromEntries(PLANS.map((p) => [p, PLAN_LIMITS[p].requestsPerMinute])) as Record<Plan, number>): RequestRateLimiter {
  const limiters = Object.fromEntries(PLANS.map((plan) => [plan, new RateLimiterMemory({ points: limits[plan], duration: 60, keyPrefix: plan })])) as Record<Plan, RateLimiterMemory>;
  return {
    async consume(account) {
      const limit = limits[account.plan];
      const decide = (res: RateLimiterRes, allowed: boolean): RateDecision => ({
        allowed,
        limit,
        remaining: Math.max(0, res.remainingPoints),
        resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
      });
      try {
        return decide(await limiters[account.plan].consume(account.id, 1), true);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return decide(rejection, false);
        throw rejection;
      }
    },
  };
}

/** RUNNER_RATE_LIMITS=false, for benchmarks: the same limiter and headers, with limits no client reaches. */
export const liftedRateLimiter = (): RequestRateLimiter => memoryRateLimiter({ FREE: 1e9, PRO: 1e9, ENTERPRISE: 1e9 });
