// Permissions-Policy says which powerful browser features (camera, geolocation, payment …) the page
// and the frames it embeds may use. Not part of the Observatory's grade; missing is informational.
// The header is a structured-field Dictionary (RFC 8941 §3.2): feature=allowlist, comma-separated.
import { header, headerLine } from '../../headers.js';
import type { Check } from '../../types.js';

const HEADER = 'Permissions-Policy';
const REFERENCES = ['https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Permissions-Policy'];
const EXAMPLE = 'Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()';
// One member: a feature name, then "=" and an allowlist: *, self, a quoted origin, or an inner list of those.
const ITEM = String.raw`(?:\*|self|src|"[^"]*")`;
const MEMBER = new RegExp(String.raw`^[a-z*][a-z0-9_\-.*]*(?:=(?:${ITEM}|\((?:\s*${ITEM})*\s*\)))?(?:;[a-z*][a-z0-9_\-.*]*(?:=[^;,]*)?)*$`);

/** Splits on commas outside quotes and parentheses. */
function members(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    if (ch === ',' && depth === 0 && !quoted) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  out.push(current.trim());
  return out;
}

export const permissionsPolicy: Check = {
  id: 'permissions-policy',
  category: 'security',
  depth: 'QUICK',
  title: 'Permissions-Policy',
  run({ page }) {
    const url = page.response.url;
    const value = header(page.response, 'permissions-policy');
    if (value === undefined) {
      const legacy = header(page.response, 'feature-policy');
      return {
        outcome: 'permissions-policy-not-implemented',
        findings: [
          {
            severity: 'info',
            title: 'Permissions-Policy header is missing',
            description:
              legacy === undefined
                ? 'Nothing limits which browser features (camera, microphone, geolocation, payment …) this page and the frames it embeds may ask for.'
                : 'Only the obsolete Feature-Policy header is sent; current browsers read Permissions-Policy.',
            evidence: legacy === undefined ? 'No Permissions-Policy header on the page response.' : headerLine('Feature-Policy', legacy),
            location: { url, header: HEADER },
            remediation: `Send the features the site does not use as disabled, for example \`${EXAMPLE}\`.`,
            references: REFERENCES,
          },
        ],
      };
    }
    const bad = members(value).filter((m) => !MEMBER.test(m));
    if (bad.length > 0) {
      return {
        outcome: 'permissions-policy-header-invalid',
        findings: [
          {
            severity: 'low',
            title: 'Permissions-Policy cannot be parsed',
            description: `Browsers drop a Permissions-Policy that is not a valid structured-field dictionary, so none of it applies (first bad member: \`${bad[0]!}\`). The older Feature-Policy syntax ("camera 'none'") is a common cause.`,
            evidence: headerLine(HEADER, value),
            location: { url, header: HEADER },
            remediation: `Use the structured syntax, for example \`${EXAMPLE}\`.`,
            references: REFERENCES,
          },
        ],
      };
    }
    return { outcome: 'permissions-policy-implemented', findings: [] };
  },
};
