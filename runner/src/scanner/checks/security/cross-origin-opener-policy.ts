// Cross-Origin-Opener-Policy separates the page from the windows that open it or that it opens,
// which blocks cross-window attacks (tabnabbing, XS-Leaks) and is the first half of cross-origin
// isolation. Verdicts follow the MDN HTTP Observatory: the header must be one structured-field token.
import { headerLine, headerValues } from '../../headers.js';
import { structuredToken } from '../../security/structured-field.js';
import type { Check } from '../../types.js';

const HEADER = 'Cross-Origin-Opener-Policy';
const REFERENCES = ['https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Cross-Origin-Opener-Policy'];
const REMEDIATION = 'Send `Cross-Origin-Opener-Policy: same-origin` (or `same-origin-allow-popups` when the site opens OAuth or payment pop-ups).';
const POLICIES: Record<string, string> = {
  'same-origin': 'coop-implemented-with-same-origin',
  'same-origin-allow-popups': 'coop-implemented-with-same-origin-allow-popups',
  'noopener-allow-popups': 'coop-implemented-with-noopener-allow-popups',
  'unsafe-none': 'coop-implemented-with-unsafe-none',
};

export const crossOriginOpenerPolicy: Check = {
  id: 'cross-origin-opener-policy',
  category: 'security',
  depth: 'QUICK',
  title: 'Cross-Origin-Opener-Policy',
  run({ page }) {
    const url = page.response.url;
    const values = headerValues(page.response, 'cross-origin-opener-policy');
    if (values.length === 0 || (values.length === 1 && values[0]!.trim() === '')) {
      return {
        outcome: 'coop-not-implemented',
        findings: [
          {
            severity: 'info',
            title: 'Cross-Origin-Opener-Policy header is missing',
            description: 'Windows this page opens, or that open it, keep a handle on it (window.opener), which cross-site attacks such as XS-Leaks rely on.',
            evidence: 'No Cross-Origin-Opener-Policy header on the page response.',
            location: { url, header: HEADER },
            remediation: REMEDIATION,
            references: REFERENCES,
          },
        ],
      };
    }
    // Sent twice, the values arrive as a list, which is not a single token: browsers ignore the header.
    const token = values.length === 1 ? structuredToken(values[0]!.slice(0, 1024)) : null;
    const outcome = token === null ? undefined : POLICIES[token];
    if (outcome === undefined) {
      return {
        outcome: 'coop-header-invalid',
        findings: [
          {
            severity: 'low',
            title: 'Cross-Origin-Opener-Policy has an invalid value',
            description: 'Browsers ignore a value that is not exactly one of same-origin, same-origin-allow-popups, noopener-allow-popups or unsafe-none (lower-case, unquoted, sent once).',
            evidence: values.map((v) => headerLine(HEADER, v)).join('\n'),
            location: { url, header: HEADER },
            remediation: REMEDIATION,
            references: REFERENCES,
          },
        ],
      };
    }
    if (token === 'unsafe-none') {
      return {
        outcome,
        findings: [
          {
            severity: 'info',
            title: 'Cross-Origin-Opener-Policy is unsafe-none',
            description: 'unsafe-none is the default: the page shares its browsing context group with any window that opens it.',
            evidence: headerLine(HEADER, values[0]!),
            location: { url, header: HEADER },
            remediation: REMEDIATION,
            references: REFERENCES,
          },
        ],
      };
    }
    return { outcome, findings: [] };
  },
};
