// Version disclosure: headers and generator tags that name the exact server or framework version
// let an attacker pick the matching published exploits without probing. Names alone are harmless.
import { headerLine, headerValues } from '../../headers.js';
import { metaNamed } from '../../security/html.js';
import type { Check, FindingDraft } from '../../types.js';

const REFERENCES = [
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Server',
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/X-Powered-By',
];

const HEADERS: [name: string, remediation: string][] = [
  ['Server', 'Send a bare product name or nothing (nginx: `server_tokens off;`, Apache: `ServerTokens Prod`), e.g. `Server: nginx`.'],
  ['X-Powered-By', 'Remove the header (PHP: `expose_php = Off`; Express: `app.disable("x-powered-by")`).'],
  ['X-AspNet-Version', 'Remove it with `<httpRuntime enableVersionHeader="false" />` in web.config.'],
  ['X-AspNetMvc-Version', 'Remove it with `MvcHandler.DisableMvcResponseHeader = true;` at application start.'],
  ['X-Generator', 'Remove the header in the CMS or at the proxy.'],
];

/** A dotted version (2.4.41, 7.4, 4.0.30319) or a product/version pair (nginx/1.18), not a path-like token (ECS (dcb/7F84)). */
const VERSION = /(?:\/\s*v?\d+(?:\.\d+)*(?![A-Za-z0-9])|\bv?\d+\.\d+(?:\.\d+)*)/i;

export const versionDisclosure: Check = {
  id: 'version-disclosure',
  category: 'security',
  depth: 'QUICK',
  title: 'Server and framework version disclosure',
  run({ page }) {
    const res = page.response;
    const url = res.url;
    const findings: FindingDraft[] = [];
    for (const [name, remediation] of HEADERS) {
      for (const value of headerValues(res, name)) {
        const m = VERSION.exec(value);
        if (m === null) continue;
        findings.push({
          severity: 'low',
          title: `${name} header reveals a version number`,
          description: `"${value.trim()}" tells anyone which release runs here, so they can look up its known vulnerabilities without probing.`,
          evidence: headerLine(name, value),
          location: { url, header: name },
          remediation,
          references: REFERENCES,
        });
      }
    }
    for (const content of metaNamed(page, 'generator')) {
      if (VERSION.exec(content) === null) continue;
      findings.push({
        severity: 'low',
        title: 'Generator meta tag reveals a version number',
        description: `"${content.trim()}" names the exact CMS or site generator release.`,
        evidence: `<meta name="generator" content="${content}">`,
        location: { url, selector: 'meta[name="generator"]' },
        remediation: 'Remove the generator meta tag (WordPress: `remove_action("wp_head", "wp_generator");`), or keep the name without the version.',
        references: REFERENCES,
      });
    }
    return { outcome: findings.length === 0 ? 'version-not-disclosed' : 'version-disclosed', findings };
  },
};
