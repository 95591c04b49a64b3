// Each redirect costs the visitor a full round trip (and often a new connection) before the page starts to
// load. One hop (http → https, or to the canonical host) is normal; a chain means links or the server
// configuration point at URLs that redirect again.
import type { Check } from '../../types.js';

const REFERENCES = [
  'https://developer.chrome.com/docs/lighthouse/performance/redirects',
  'https://developers.google.com/search/docs/crawling-indexing/301-redirects',
];

export const redirectChain: Check = {
  id: 'redirect-chain',
  category: 'traffic',
  depth: 'QUICK',
  title: 'Redirect chain',
  run({ page }) {
    const res = page.response;
    const hops = res.redirects;
    if (hops.length <= 1) return { outcome: hops.length === 0 ? 'redirect-chain-none' : 'redirect-chain-single', findings: [] };
    const chain = `${hops.map((h) => `${h.url} → ${h.status}`).join(' → ')} → ${res.url}`;
    const n = hops.length;
    return {
      outcome: 'redirect-chain-long',
      findings: [
        {
          severity: n >= 3 ? 'medium' : 'low',
          title: `Reaching the page takes ${n} redirects`,
          description: `The requested URL passes through ${n} redirects before the page answers; each adds a round trip (often with a new connection and TLS handshake) to every visit that starts there, and search engines give up on long chains.`,
          evidence: chain,
          location: { url: hops[0]!.url, header: 'Location' },
          remediation: `Make ${hops[0]!.url} redirect in one step (301) straight to ${res.url}, and update links to use the final URL.`,
          references: REFERENCES,
        },
      ],
    };
  },
};
