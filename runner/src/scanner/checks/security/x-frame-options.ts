// X-Frame-Options (or CSP frame-ancestors) keeps other sites from framing the page and tricking users
// into clicking on it (clickjacking). Verdicts follow the MDN HTTP Observatory; the header in a <meta>
// tag is ignored by browsers, and so by us.
import { header, headerLine } from '../../headers.js';
import { analyzeCsp, BROAD_SOURCES } from '../../security/csp.js';
import type { Check, FindingDraft } from '../../types.js';

const HEADER = 'X-Frame-Options';
const REFERENCES = [
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/X-Frame-Options',
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Content-Security-Policy/frame-ancestors',
];
const REMEDIATION = "Send `Content-Security-Policy: frame-ancestors 'none'` (or `'self'`), and `X-Frame-Options: DENY` (or `SAMEORIGIN`) for older browsers.";

export const xFrameOptions: Check = {
  id: 'x-frame-options',
  category: 'security',
  depth: 'QUICK',
  title: 'X-Frame-Options / frame-ancestors',
  run({ page }) {
    const res = page.response;
    const url = res.url;
    const value = header(res, 'x-frame-options');
    const csp = analyzeCsp(page);
    // frame-ancestors supersedes X-Frame-Options in every current browser (CSP3 §6.4.2).
    if (csp.flags !== undefined && csp.frameAncestors !== null) {
      const findings: FindingDraft[] = [];
      const broad = csp.frameAncestors.filter((s) => BROAD_SOURCES.has(s));
      if (broad.length > 0) {
        findings.push({
          severity: 'info',
          title: 'Content-Security-Policy frame-ancestors lets any site frame the page',
          description: `frame-ancestors allows ${broad.join(' ')}, so any site can embed this page; that is only right for widgets meant to be embedded.`,
          evidence: csp.headerValues.map((v) => headerLine('Content-Security-Policy', v)).join('\n'),
          location: { url, header: 'Content-Security-Policy' },
          remediation: "Limit frame-ancestors to the sites that embed the page, or `frame-ancestors 'none'`.",
          references: REFERENCES,
        });
      }
      return { outcome: 'x-frame-options-implemented-via-csp', findings };
    }
    if (value === undefined) {
      return {
        outcome: 'x-frame-options-not-implemented',
        findings: [
          {
            severity: 'medium',
            title: 'X-Frame-Options header is missing (and no CSP frame-ancestors)',
            description: 'Any site can load this page in a frame and overlay it to trick users into clicking (clickjacking).',
            evidence: 'No X-Frame-Options header and no frame-ancestors directive in a Content-Security-Policy header on the page response.',
            location: { url, header: HEADER },
            remediation: REMEDIATION,
            references: REFERENCES,
          },
        ],
      };
    }
    const xfo = value.trim().toLowerCase();
    if (xfo === 'deny' || xfo === 'sameorigin') return { outcome: 'x-frame-options-sameorigin-or-deny', findings: [] };
    if (xfo.startsWith('allow-from')) {
      return {
        outcome: 'x-frame-options-allow-from-origin',
        findings: [
          {
            severity: 'info',
            title: 'X-Frame-Options uses the obsolete ALLOW-FROM',
            description: 'Current browsers ignore ALLOW-FROM, so the page can be framed by any site unless CSP frame-ancestors is also sent.',
            evidence: headerLine(HEADER, value),
            location: { url, header: HEADER },
            remediation: 'Send `Content-Security-Policy: frame-ancestors https://the-allowed-site.example` instead.',
            references: REFERENCES,
          },
        ],
      };
    }
    return {
      outcome: 'x-frame-options-header-invalid',
      findings: [
        {
          severity: 'medium',
          title: 'X-Frame-Options has an invalid value',
          description: 'Only DENY and SAMEORIGIN are understood (once: a header sent twice is invalid), so browsers ignore this one and the page can be framed.',
          evidence: headerLine(HEADER, value),
          location: { url, header: HEADER },
          remediation: REMEDIATION,
          references: REFERENCES,
        },
      ],
    };
  },
};
