// The responses of the whole crawl, for the site-wide delivery checks: the assets of the other crawled pages
// (siteResources) and those pages themselves, apart from what the target-page checks already judge.
import { isFetchFailure } from '../../types.js';
import type { FetchedResponse, FetchOutcome, ScanArtifacts } from '../../types.js';

function answered(list: readonly (FetchOutcome | undefined)[]): FetchedResponse[] {
  return list.filter((r): r is FetchedResponse => r !== undefined && !isFetchFailure(r));
}

/** Responses beyond the target page and its own resources, each URL once. */
export function beyondTargetPage(artifacts: ScanArtifacts): FetchedResponse[] {
  const judged = new Set([artifacts.page.response.url, ...answered(artifacts.resources).map((r) => r.url)]);
  const out: FetchedResponse[] = [];
  for (const r of [...artifacts.pages.slice(1).map((p) => p.response), ...answered(artifacts.siteResources ?? [])]) {
    if (judged.has(r.url)) continue;
    judged.add(r.url);
    out.push(r);
  }
  return out;
}

/** Every response of the scan's site-facing fetches: pages, assets, scripts, sitemaps. */
export function everyResponse(artifacts: ScanArtifacts): FetchedResponse[] {
  const seen = new Set<string>();
  const out: FetchedResponse[] = [];
  const all = [
    artifacts.page.response,
    ...artifacts.pages.map((p) => p.response),
    ...answered(artifacts.resources),
    ...answered(artifacts.siteResources ?? []),
    ...answered((artifacts.scripts ?? []).map((s) => s.response)),
    ...answered(artifacts.sitemaps ?? []),
  ];
  for (const r of all) {
    if (seen.has(r.url)) continue;
    seen.add(r.url);
    out.push(r);
  }
  return out;
}
