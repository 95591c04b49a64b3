// Referrer-Policy decides how much of the page URL (paths, tokens in query strings) is sent to other
// sites. Verdicts follow the MDN HTTP Observatory: the header and `<meta name="referrer">` are read in
// order and the last value a browser understands wins (Referrer Policy §8.1, §11.1).
import { headerLine, headerValues } from '../../headers.js';
import { metaNamed } from '../../security/html.js';
import type { Check } from '../../types.js';

const HEADER = 'Referrer-Policy';
const REFERENCES = ['https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Referrer-Policy'];
const REMEDIATION = 'Send `Referrer-Policy: strict-origin-when-cross-origin` (or `no-referrer`).';
const PRIVATE = new Set(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin']);
const UNSAFE = new Set(['origin', 'origin-when-cross-origin', 'unsafe-url', 'no-referrer-when-downgrade']);

export const referrerPolicy: Check = {
  id: 'referrer-policy',
  category: 'security',
  depth: 'QUICK',
  title: 'Referrer-Policy',
  run({ page }) {
    const url = page.response.url;
    const fromHeader = headerValues(page.response, 'referrer-policy');
    const fromMeta = metaNamed(page, 'referrer');
    if (fromHeader.length === 0 && fromMeta.length === 0) {
      return {
        outcome: 'referrer-policy-not-implemented',
        findings: [
          {
            severity: 'info',
            title: 'Referrer-Policy header is missing',
            description: 'Browsers fall back to their default (strict-origin-when-cross-origin in current ones); saying it explicitly also covers older browsers.',
            evidence: 'No Referrer-Policy header or <meta name="referrer"> on the page.',
            location: { url, header: HEADER },
            remediation: REMEDIATION,
            references: REFERENCES,
          },
        ],
      };
    }
    const evidence = [...fromHeader.map((v) => headerLine(HEADER, v)), ...fromMeta.map((v) => `<meta name="referrer" content="${v}">`)].join('\n');
    const tokens = [...fromHeader, ...fromMeta].flatMap((v) => v.split(',')).map((t) => t.trim().toLowerCase());
    const policy = tokens.filter((t) => PRIVATE.has(t) || UNSAFE.has(t)).at(-1);
    if (policy !== undefined && PRIVATE.has(policy)) return { outcome: 'referrer-policy-private', findings: [] };
    const unsafe = policy !== undefined;
    return {
      outcome: unsafe ? 'referrer-policy-unsafe' : 'referrer-policy-header-invalid',
      findings: [
        {
          severity: 'low',
          title: unsafe ? `Referrer-Policy "${policy}" leaks URLs to other sites` : 'Referrer-Policy has no valid value',
          description: unsafe
            ? `With "${policy}", other sites (or plain-HTTP ones) receive more of this site's URLs than their origin, including any tokens in paths or query strings.`
            : 'Browsers ignore values they do not recognise and fall back to their default.',
          evidence,
          location: { url, header: HEADER },
          remediation: REMEDIATION,
          references: REFERENCES,
        },
      ],
    };
  },
};
