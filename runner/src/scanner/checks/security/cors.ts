// Cross-origin resource sharing on the page response. Access-Control-Allow-Origin with
// Access-Control-Allow-Credentials: true lets that origin read the page as the signed-in user; when
// the origin is reflected from the request (or is `null`, which any sandboxed frame can claim) every
// site can. Outcome names follow the MDN HTTP Observatory (src/analyzer/tests/cors.js).
import { header, headerLine } from '../../headers.js';
import { CORS_PROBE_ORIGIN } from '../../probe-origin.js';
import type { Check } from '../../types.js';

export { CORS_PROBE_ORIGIN };

const REFERENCES = [
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS',
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Origin',
];

export const cors: Check = {
  id: 'cors',
  category: 'security',
  depth: 'QUICK',
  title: 'Cross-origin resource sharing (CORS)',
  run({ page }) {
    const res = page.response;
    const url = res.url;
    const acao = header(res, 'access-control-allow-origin');
    if (acao === undefined) return { outcome: 'cross-origin-resource-sharing-not-implemented', findings: [] };
    const origin = acao.slice(0, 256).trim();
    const acac = header(res, 'access-control-allow-credentials');
    const credentials = acac !== undefined && acac.trim().toLowerCase() === 'true';
    const evidence = [headerLine('Access-Control-Allow-Origin', acao), ...(acac === undefined ? [] : [headerLine('Access-Control-Allow-Credentials', acac)])].join('\n');
    const location = { url, header: 'Access-Control-Allow-Origin' };

    if (origin === '*') {
      if (!credentials) return { outcome: 'cross-origin-resource-sharing-implemented-with-public-access', findings: [] };
      // Browsers refuse credentials with "*" (Fetch §3.2.5), so nothing leaks; but it shows an intent
      // to allow credentialed reads, which is often "fixed" next by reflecting the Origin.
      return {
        outcome: 'cross-origin-resource-sharing-implemented-with-public-access',
        findings: [
          {
            severity: 'low',
            title: 'Access-Control-Allow-Origin "*" with Access-Control-Allow-Credentials: true',
            description: 'Browsers reject this combination, so credentialed cross-origin reads fail; the usual next step, reflecting the Origin header, would expose every signed-in user to any site.',
            evidence,
            location,
            remediation: 'For public data send `Access-Control-Allow-Origin: *` without Access-Control-Allow-Credentials; for credentialed access name the trusted origins from an allowlist.',
            references: REFERENCES,
          },
        ],
      };
    }
    const reflected = origin.toLowerCase() === CORS_PROBE_ORIGIN;
    const anyOrigin = reflected || origin.toLowerCase() === 'null';
    if (credentials && anyOrigin) {
      return {
        outcome: 'cross-origin-resource-sharing-implemented-with-universal-access',
        findings: [
          {
            severity: 'high',
            title: reflected ? 'Access-Control-Allow-Origin reflects any Origin, with credentials' : 'Access-Control-Allow-Origin "null" with credentials',
            description: reflected
              ? "The response allowed the scanner's made-up origin to read it with the user's cookies: any website can read this page as the signed-in visitor."
              : 'Any site can get the "null" origin through a sandboxed iframe, and so read this page with the visitor\'s cookies.',
            evidence,
            location,
            remediation: 'Compare the Origin request header against an allowlist and only then answer `Access-Control-Allow-Origin: https://trusted.example` with credentials; never echo it or allow "null".',
            references: REFERENCES,
          },
        ],
      };
    }
    return { outcome: 'cross-origin-resource-sharing-implemented-with-restricted-access', findings: [] };
  },
};
