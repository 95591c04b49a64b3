// The scan to compare with: the latest COMPLETED scan of the same URL before this one, for the change in grade
// and scores that the comment and the summary show.
import { MAX_PAGE_LIMIT } from '../contract/api.js';
import { scoresOf } from '../scan-view.js';
import type { ScanScores, ScanView } from '../scan-view.js';
import type { ApiClient } from './api-client.js';

// The list is filtered by domain, and a domain may have other URLs (other previews) scanned in between: look a
// few full pages back, but not through a whole history, since each page is a request of the plan's rate.
export const PREVIOUS_SCAN_PAGES = 3;

export async function previousScan(client: ApiClient, scan: ScanView): Promise<ScanScores | undefined> {
  const created = Date.parse(scan.createdAt);
  for (let page = 1; page <= PREVIOUS_SCAN_PAGES; page++) {
    // Newest first (SPEC §3), so the first match is the latest.
    const list = await client.listScans({ domain: scan.domain, status: 'COMPLETED', page, limit: MAX_PAGE_LIMIT });
    for (const item of list.data) {
      // Scans created after this one (another job's) are not "before"; neither is this one.
      if (item.id === scan.id || item.targetUrl !== scan.targetUrl || Date.parse(item.createdAt) > created) continue;
      const scores = scoresOf(item);
      if (scores !== undefined) return scores;
    }
    if (page >= list.pagination.pages) break;
  }
  return undefined;
}
