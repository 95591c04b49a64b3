// Any 5xx the scan met: the server failed to answer a page, an asset, a script or a linked URL. A page
// that errors is an outage for its visitors (high); an asset that errors breaks part of a page (medium).
import type { Check, FindingDraft } from '../../types.js';
import { listSome } from '../elements.js';
import { assetKind } from './responses.js';
import { everyResponse } from './site-responses.js';

const REFERENCES = ['https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status#server_error_responses', 'https://developers.google.com/search/docs/crawling-indexing/http-network-errors'];

export const serverErrors: Check = {
  id: 'server-errors',
  category: 'traffic',
  depth: 'QUICK',
  title: 'Server errors (5xx)',
  run(artifacts) {
    const failing = new Map<string, string>();
    let pageFailed = false;
    for (const r of everyResponse(artifacts)) {
      if (r.status < 500) continue;
      failing.set(r.url, `${r.url} → ${r.status}`);
      if (assetKind(r) === undefined) pageFailed = true;
    }
    for (const link of artifacts.links ?? []) {
      if (link.status === undefined || link.status < 500 || failing.has(link.url)) continue;
      failing.set(link.url, `${link.method ?? 'GET'} ${link.url} → ${link.status}${link.sources[0] ? ` (linked from ${link.sources[0].page})` : ''}`);
      pageFailed = true;
    }
    if (failing.size === 0) return { outcome: 'server-errors-none', findings: [] };
    const items = [...failing.values()];
    const finding: FindingDraft = {
      severity: pageFailed ? 'high' : 'medium',
      title: `${failing.size} URL${failing.size === 1 ? '' : 's'} answered with a server error`,
      description: 'The server failed (5xx) on these requests. Visitors see an error page or a broken page, and search engines slow their crawling and drop pages that keep failing.',
      evidence: listSome(items, '; ', 10),
      location: { url: [...failing.keys()][0]! },
      remediation: 'Look up these requests in the server\'s error log and fix the cause; if the errors are intermittent, check resource limits and upstream timeouts.',
      references: REFERENCES,
    };
    return { outcome: 'server-errors-found', findings: [finding] };
  },
};
