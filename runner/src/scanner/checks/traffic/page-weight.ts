// Page weight: the bytes a first visit downloads. Every byte costs load time on slow networks and money on
// metered ones. The thresholds follow Lighthouse's total-byte-weight audit, whose scoring starts to drop
// around 1.6 MB and calls 4 MB and more heavy. Only the page and its same-origin resources are counted
// (third-party scripts and fonts come on top), so the real weight is at least this.
import type { Check, FetchedResponse } from '../../types.js';
import { listSome } from '../elements.js';
import { deliveredResponses, formatBytes } from './responses.js';

export const WEIGHT_LOW_BYTES = 1_600_000;
export const WEIGHT_MEDIUM_BYTES = 4_000_000;
const HEAVIEST = 5;

const REFERENCES = [
  'https://developer.chrome.com/docs/lighthouse/performance/total-byte-weight',
  'https://web.dev/learn/performance/image-performance',
];

export const pageWeight: Check = {
  id: 'page-weight',
  category: 'traffic',
  depth: 'QUICK',
  title: 'Page weight',
  run(artifacts) {
    const origin = new URL(artifacts.page.response.url).origin;
    const counted: FetchedResponse[] = deliveredResponses(artifacts).filter((r) => URL.parse(r.url)?.origin === origin);
    const total = counted.reduce((sum, r) => sum + r.transferBytes, 0);
    if (total <= WEIGHT_LOW_BYTES) return { outcome: 'page-weight-ok', findings: [] };
    const heavy = total > WEIGHT_MEDIUM_BYTES;
    const truncated = counted.some((r) => r.truncated);
    const heaviest = [...counted].sort((a, b) => b.transferBytes - a.transferBytes).slice(0, HEAVIEST);
    return {
      outcome: heavy ? 'page-weight-heavy' : 'page-weight-large',
      findings: [
        {
          severity: heavy ? 'medium' : 'low',
          title: `The page downloads ${truncated ? 'at least ' : ''}${formatBytes(total)}`,
          description: `Visitors download ${formatBytes(total)} from this site alone for a first view (${counted.length} responses; third-party resources come on top). Over ${formatBytes(heavy ? WEIGHT_MEDIUM_BYTES : WEIGHT_LOW_BYTES)} pages load slowly on mobile networks and cost visitors data.`,
          evidence: `Total ${formatBytes(total)} in ${counted.length} responses; heaviest: ${listSome(heaviest.map((r) => `${r.url} (${formatBytes(r.transferBytes)})`), '; ', HEAVIEST)}`,
          location: { url: artifacts.page.response.url },
          remediation: 'Start with the heaviest files listed: serve images resized to their display size in WebP or AVIF, split and minify JavaScript and load what is not needed at once later, and subset web fonts.',
          references: REFERENCES,
        },
      ],
    };
  },
};
