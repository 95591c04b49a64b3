// The scan engine: collect (all network I/O) → run the checks (pure) → score. Used by the runner's
// worker, the action's bundled mode and `issafesite scan`.
import { allChecks } from './checks/index.js';
import { collect } from './collect/index.js';
import { runChecks } from './run-checks.js';
import { SCORING_VERSION, score } from './scoring.js';
import type { Check, ScanResult } from './types.js';
import type { CollectOptions } from './collect/index.js';

export interface EngineOptions extends CollectOptions {
  /** The checks to run; the whole catalog by default. */
  catalog?: readonly Check[];
}

/**
 * Scans one target. Throws ScanError (with a message fit for users, e.g. "DNS lookup failed for
 * example.invalid") when the target page cannot be fetched at all; every other problem is a finding or
 * a check outcome.
 */
export async function scan(url: string, options: EngineOptions = {}): Promise<ScanResult> {
  const depth = options.depth ?? 'STANDARD';
  const startedAt = new Date();
  const artifacts = await collect(url, { ...options, depth });
  options.onProgress?.('Judging what was collected');
  const { findings, checks } = runChecks(artifacts, options.catalog ?? allChecks);
  const pages = artifacts.pages.map((p) => p.response.url);
  return {
    url: artifacts.target,
    domain: new URL(artifacts.target).hostname,
    depth,
    startedAt: startedAt.toISOString(),
    completedAt: new Date().toISOString(),
    ...score(findings),
    findings,
    checks,
    pagesScanned: pages.length,
    pages,
    scoringVersion: SCORING_VERSION,
    ...(artifacts.crawl ? { crawl: artifacts.crawl } : {}),
  };
}
