// Cross-Origin-Resource-Policy tells browsers which sites may embed this response, which keeps it out
// of other sites' processes (Spectre-style leaks). Verdicts follow the MDN HTTP Observatory.
import { headerLine, headerValues } from '../../headers.js';
import type { Check } from '../../types.js';

const HEADER = 'Cross-Origin-Resource-Policy';
const REFERENCES = ['https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Cross-Origin-Resource-Policy'];
const POLICIES: Record<string, string> = {
  'same-site': 'corp-implemented-with-same-site',
  'same-origin': 'corp-implemented-with-same-origin',
  'cross-origin': 'corp-implemented-with-cross-origin',
};

export const crossOriginResourcePolicy: Check = {
  id: 'cross-origin-resource-policy',
  category: 'security',
  depth: 'QUICK',
  title: 'Cross-Origin-Resource-Policy',
  run({ page }) {
    const values = headerValues(page.response, 'cross-origin-resource-policy');
    // Sent twice, the values join into "same-origin, cross-origin", which browsers do not accept.
    const value = values.join(', ');
    if (value.trim() === '') return { outcome: 'corp-not-implemented', findings: [] };
    const outcome = POLICIES[value.slice(0, 256).trim().toLowerCase()];
    if (outcome !== undefined) return { outcome, findings: [] };
    return {
      outcome: 'corp-header-invalid',
      findings: [
        {
          severity: 'low',
          title: 'Cross-Origin-Resource-Policy has an invalid value',
          description: 'Only same-origin, same-site and cross-origin, sent once, are understood; browsers ignore anything else.',
          evidence: headerLine(HEADER, value),
          location: { url: page.response.url, header: HEADER },
          remediation: 'Send `Cross-Origin-Resource-Policy: same-origin` (or `same-site`).',
          references: REFERENCES,
        },
      ],
    };
  },
};
