// Reflected input: a query parameter's value comes back in the HTML without escaping, the root of reflected
// cross-site scripting. Probed at DEEP with a harmless unique marker that contains quotes and a made-up tag
// (`isf…"'<isf…>`); when the tag comes back as a tag rather than as &lt;isf…&gt;, the page writes input
// into HTML unescaped. No script is ever sent.
import { bodyText } from '../../collect/page.js';
import { mediaType } from '../../headers.js';
import type { Check, FindingDraft } from '../../types.js';
import { answeredProbes, requestLine } from './active-probes.js';

const REFERENCES = [
  'https://owasp.org/www-community/attacks/xss/',
  'https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html',
  'https://cwe.mitre.org/data/definitions/79.html',
];
const CONTEXT = 40;

export const reflectedInput: Check = {
  id: 'reflected-input',
  category: 'security',
  depth: 'DEEP',
  title: 'Reflected input (unescaped in HTML)',
  run(artifacts) {
    const probes = answeredProbes(artifacts, 'reflected-input');
    if ('notApplicable' in probes) return { findings: [], notApplicable: probes.notApplicable };
    const findings: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const p of probes) {
      if (mediaType(p.response) !== 'text/html' && mediaType(p.response) !== 'application/xhtml+xml') continue;
      const tag = /<isf[0-9a-f]+>/.exec(p.marker ?? '')?.[0];
      if (tag === undefined) continue;
      const html = bodyText(p.response);
      const at = html.indexOf(tag);
      const key = `${new URL(p.url).pathname} ${p.param}`;
      if (at === -1 || seen.has(key)) continue;
      seen.add(key);
      const snippet = html.slice(Math.max(0, at - CONTEXT), at + tag.length + CONTEXT).replace(/\s+/g, ' ');
      findings.push({
        severity: 'high',
        title: `The "${p.param}" parameter is written into the page unescaped`,
        description: `The value of "${p.param}" appears in the HTML of ${new URL(p.url).pathname} with its < and > intact, so a link carrying a script in this parameter would run it in the visitor's browser (reflected cross-site scripting).`,
        evidence: `${requestLine(p)} → ${p.response.status}; the body contains ${JSON.stringify(snippet)}`,
        location: { url: p.url },
        remediation: 'Escape every value taken from the request for the context it is written into (HTML-encode < > " \' & in text and attributes), ideally by using the template engine\'s auto-escaping; add a Content-Security-Policy as a second line of defence.',
        references: REFERENCES,
      });
    }
    return { outcome: findings.length > 0 ? 'reflected-input-found' : 'reflected-input-escaped', findings };
  },
};
