// How the site answers for a path that cannot exist, learnt before probing (nuclei and most scanners do
// the same): a proper 404, a redirect to the homepage, or — the "soft 404" — 200 with the same page for
// everything. The exposed-file check discards any probe answer that looks like these.
import type { FetchOutcome } from '../../types.js';
import type { Deadline } from '../budget.js';
import { pathUrl } from '../crawl-url.js';
import type { Fetcher } from '../fetcher.js';
import { marker } from './marker.js';

/** Enough of a not-found page to compare it with a probe's answer. */
export const BASELINE_MAX_BYTES = 64 * 1024;

/**
 * Three random paths, because servers often treat them differently: a plain one, a dotfile (often denied
 * with 403) and one with a file extension (often not routed to a single-page app's fallback).
 */
export function baselinePaths(random = marker()): string[] {
  return [`/issafesite-${random}`, `/.issafesite-${random}`, `/issafesite-${random}.bak`];
}

export function fetchNotFoundBaseline(fetcher: Fetcher, origin: string, deadline: Deadline): Promise<FetchOutcome[]> {
  return Promise.all(baselinePaths().map((p) => fetcher.fetch(pathUrl(origin, p), { maxBytes: BASELINE_MAX_BYTES, deadline: deadline.at })));
}
