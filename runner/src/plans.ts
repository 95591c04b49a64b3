// Plans and their limits, as the hosted service publishes them: scans per calendar month (UTC) and API
// requests per minute.
export const PLANS = ['FREE', 'PRO', 'ENTERPRISE'] as const;
export type Plan = (typeof PLANS)[number];

export interface PlanLimits {
  /** Scans an account may create per calendar month in UTC; null means unlimited. */
  scansPerMonth: number | null;
  requestsPerMinute: number;
}

export const PLAN_LIMITS: Record<Plan, PlanLimits> = {
  FREE: { scansPerMonth: 3, requestsPerMinute: 10 },
  PRO: { scansPerMonth: 100, requestsPerMinute: 60 },
  ENTERPRISE: { scansPerMonth: null, requestsPerMinute: 300 },
};

/** The usage period a moment belongs to: its calendar month in UTC, as "YYYY-MM". */
export function usagePeriod(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** When the monthly quota of `at`'s period resets: the first instant of the next UTC month. */
export function nextPeriodStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
}
