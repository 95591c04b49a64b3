// X-Content-Type-Options: nosniff stops browsers from guessing a response's type (MIME sniffing),
// which turns an uploaded text file into script. Verdicts follow the MDN HTTP Observatory
// (-5 for missing or invalid: a low finding).
import { header, headerLine } from '../../headers.js';
import type { Check } from '../../types.js';

const REFERENCES = ['https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/X-Content-Type-Options'];
const REMEDIATION = 'Send `X-Content-Type-Options: nosniff` on every response.';

export const xContentTypeOptions: Check = {
  id: 'x-content-type-options',
  category: 'security',
  depth: 'QUICK',
  title: 'X-Content-Type-Options',
  run({ page }) {
    const res = page.response;
    const value = header(res, 'x-content-type-options');
    if (value === undefined) {
      return {
        outcome: 'x-content-type-options-not-implemented',
        findings: [
          {
            severity: 'low',
            title: 'X-Content-Type-Options header is missing',
            description: 'Without `nosniff`, browsers may interpret a response as a different content type than the one declared, which can turn user uploads into executable script.',
            evidence: 'No X-Content-Type-Options header on the page response.',
            location: { url: res.url, header: 'X-Content-Type-Options' },
            remediation: REMEDIATION,
            references: REFERENCES,
          },
        ],
      };
    }
    // A header sent twice arrives joined ("nosniff, nosniff"); the Observatory counts that as invalid.
    if (value.trim().toLowerCase() !== 'nosniff') {
      return {
        outcome: 'x-content-type-options-header-invalid',
        findings: [
          {
            severity: 'low',
            title: 'X-Content-Type-Options has an invalid value',
            description: 'The only valid value is `nosniff`, sent once; browsers ignore anything else, so sniffing stays enabled.',
            evidence: headerLine('X-Content-Type-Options', value),
            location: { url: res.url, header: 'X-Content-Type-Options' },
            remediation: REMEDIATION,
            references: REFERENCES,
          },
        ],
      };
    }
    return { outcome: 'x-content-type-options-nosniff', findings: [] };
  },
};
