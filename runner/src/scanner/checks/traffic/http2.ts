// HTTP/2 sends all of a page's requests over one connection at once; over HTTP/1.1 browsers open at most six
// connections per host and queue the rest. Browsers speak HTTP/2 only over TLS, agreed through ALPN during
// the handshake, so a page on plain http is always delivered over HTTP/1.1.
import type { Check } from '../../types.js';

const REFERENCES = [
  'https://web.dev/articles/performance-http2',
  'https://developer.mozilla.org/en-US/docs/Glossary/ALPN',
];

/** Whether a response's HTTP version is 2 or newer ('2', '2.0', '3'). */
function isModernVersion(version: string): boolean {
  return /^(h?2|h?3)(\.0)?$/i.test(version.trim());
}

export const http2: Check = {
  id: 'http2',
  category: 'traffic',
  depth: 'QUICK',
  title: 'HTTP/2',
  run({ page, tls }) {
    const res = page.response;
    if (isModernVersion(res.httpVersion) || tls?.alpn === 'h2') return { outcome: 'http2-supported', findings: [] };
    const base = { severity: 'low' as const, location: { url: res.url }, references: REFERENCES };
    if (new URL(res.url).protocol === 'http:') {
      return {
        outcome: 'http2-plain-http',
        findings: [
          {
            ...base,
            title: 'The page is served over plain HTTP, so visitors get HTTP/1.1',
            description: 'Browsers use HTTP/2 only over TLS, so this page and its resources always load over HTTP/1.1, limited to six parallel connections per host.',
            evidence: `GET ${res.url} answered over HTTP/${res.httpVersion} without TLS`,
            remediation: 'Serve the site over HTTPS with HTTP/2 enabled (nginx `listen 443 ssl; http2 on;`, or any CDN), and redirect http to https.',
          },
        ],
      };
    }
    if (tls === undefined || (tls.error !== undefined && tls.alpn === null)) {
      return { findings: [], notApplicable: 'The TLS handshake could not be observed, so the negotiated protocol is unknown.' };
    }
    return {
      outcome: 'http2-not-supported',
      findings: [
        {
          ...base,
          title: 'The server does not offer HTTP/2',
          description: 'During the TLS handshake the server offered no HTTP/2 (ALPN "h2"), so browsers fall back to HTTP/1.1, where requests queue behind six connections per host.',
          evidence: `ALPN: ${tls.alpn ?? 'none negotiated'}; response over HTTP/${res.httpVersion}`,
          remediation: 'Enable HTTP/2 in the web server or load balancer (nginx `http2 on;`, Apache `Protocols h2 http/1.1`), or put a CDN in front of the site.',
        },
      ],
    };
  },
};
