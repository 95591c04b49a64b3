// Cross-Origin-Embedder-Policy makes the page load only cross-origin resources that opt in, the second
// half of cross-origin isolation (needed for SharedArrayBuffer and precise timers). Opt-in: a missing
// header is the browsers' default and costs nothing. Verdicts follow the MDN HTTP Observatory.
import { headerLine, headerValues } from '../../headers.js';
import { structuredToken } from '../../security/structured-field.js';
import type { Check } from '../../types.js';

const HEADER = 'Cross-Origin-Embedder-Policy';
const REFERENCES = ['https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Cross-Origin-Embedder-Policy'];
const POLICIES: Record<string, string> = {
  'require-corp': 'coep-implemented-with-require-corp',
  credentialless: 'coep-implemented-with-credentialless',
  'unsafe-none': 'coep-implemented-with-unsafe-none',
};

export const crossOriginEmbedderPolicy: Check = {
  id: 'cross-origin-embedder-policy',
  category: 'security',
  depth: 'QUICK',
  title: 'Cross-Origin-Embedder-Policy',
  run({ page }) {
    const values = headerValues(page.response, 'cross-origin-embedder-policy');
    if (values.length === 0 || (values.length === 1 && values[0]!.trim() === '')) return { outcome: 'coep-not-implemented', findings: [] };
    const token = values.length === 1 ? structuredToken(values[0]!.slice(0, 1024)) : null;
    const outcome = token === null ? undefined : POLICIES[token];
    if (outcome !== undefined) return { outcome, findings: [] };
    return {
      outcome: 'coep-header-invalid',
      findings: [
        {
          severity: 'low',
          title: 'Cross-Origin-Embedder-Policy has an invalid value',
          description: 'Browsers ignore a value that is not exactly one of require-corp, credentialless or unsafe-none (lower-case, unquoted, sent once), so the page is not cross-origin isolated.',
          evidence: values.map((v) => headerLine(HEADER, v)).join('\n'),
          location: { url: page.response.url, header: HEADER },
          remediation: 'Send `Cross-Origin-Embedder-Policy: require-corp` (or `credentialless`), or drop the header.',
          references: REFERENCES,
        },
      ],
    };
  },
};
