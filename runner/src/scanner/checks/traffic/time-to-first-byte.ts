// Time to first byte: how long the server takes to start answering the page. Everything else the visitor
// waits for comes after it. Lighthouse flags a document response slower than 600 ms (server-response-time);
// web.dev rates a TTFB over 1.8 s as poor.
import type { Check } from '../../types.js';

export const TTFB_SLOW_MS = 600;
export const TTFB_POOR_MS = 1800;

const REFERENCES = [
  'https://web.dev/articles/ttfb',
  'https://developer.chrome.com/docs/lighthouse/performance/server-response-time',
];

export const timeToFirstByte: Check = {
  id: 'time-to-first-byte',
  category: 'traffic',
  depth: 'QUICK',
  title: 'Time to first byte',
  run({ page }) {
    const res = page.response;
    const ms = Math.round(res.timings.ttfbMs);
    if (ms <= TTFB_SLOW_MS) return { outcome: 'ttfb-fast', findings: [] };
    const poor = ms > TTFB_POOR_MS;
    return {
      outcome: poor ? 'ttfb-poor' : 'ttfb-slow',
      findings: [
        {
          severity: poor ? 'medium' : 'low',
          title: `The server takes ${ms} ms to start answering`,
          description: `Nothing can render before the first byte of the page arrives; ${poor ? `over ${TTFB_POOR_MS} ms is rated poor` : `over ${TTFB_SLOW_MS} ms delays every visit noticeably`}. The time was measured once, from the scanner, for the final response after any redirects; a slow backend, an uncached page render or a distant server are the usual causes.`,
          evidence: `Time to first byte ${ms} ms for GET ${res.url} (HTTP ${res.status})`,
          location: { url: res.url },
          remediation: 'Cache the rendered page (at a CDN or in the application), speed up the queries and work done per request, and serve from a region or CDN edge close to visitors.',
          references: REFERENCES,
        },
      ],
    };
  },
};
