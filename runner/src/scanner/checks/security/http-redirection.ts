// HTTP → HTTPS redirection: the plain-HTTP address must send visitors to HTTPS on the same host first
// (so that host's HSTS header can be learned) and never lead back to plain HTTP. Outcome names follow
// the MDN HTTP Observatory (src/analyzer/tests/redirection.js); its redirection-all-redirects-preloaded
// needs the browsers' HSTS preload list, which we do not ship.
import type { Check, FindingDraft, Severity } from '../../types.js';
import { isFetchFailure } from '../../types.js';

const REFERENCES = ['https://developer.mozilla.org/en-US/docs/Web/Security/Practical_implementation_guides/TLS#http_redirection'];

function hostname(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

interface Verdict {
  outcome: string;
  severity: Severity;
  title: string;
  description: string;
}

/** Judges the URLs visited from the plain-HTTP address, the first being that address. */
export function judgeRoute(route: string[]): Verdict | { outcome: 'redirection-to-https' } {
  const https = (u: string | undefined): boolean => u !== undefined && u.startsWith('https:');
  if (route.length === 1) {
    return { outcome: 'redirection-missing', severity: 'medium', title: 'HTTP does not redirect to HTTPS', description: 'The plain-HTTP address serves the site itself, so visitors who type the address or follow an old link stay on an unencrypted connection.' };
  }
  if (!https(route.at(-1))) {
    return { outcome: 'redirection-not-to-https', severity: 'medium', title: 'HTTP redirects, but never reaches HTTPS', description: 'Every address in the redirect chain is plain HTTP, so the visit stays unencrypted.' };
  }
  if (!https(route[1])) {
    return {
      outcome: 'redirection-not-to-https-on-initial-redirection',
      severity: 'medium',
      title: 'HTTP first redirects to another HTTP address',
      description: 'The first redirect stays on plain HTTP, which adds an unencrypted hop an attacker can hijack, and keeps the browser from seeing this host\'s HSTS header.',
    };
  }
  if (hostname(route[0]!) !== hostname(route[1]!)) {
    return {
      outcome: 'redirection-off-host-from-http',
      severity: 'low',
      title: 'HTTP redirects to HTTPS on another host',
      description: 'The browser never loads this host over HTTPS, so it never learns this host\'s HSTS policy and keeps trying plain HTTP first.',
    };
  }
  const downgrade = route.slice(2).findIndex((u) => !https(u));
  if (downgrade !== -1) {
    return {
      outcome: 'redirection-downgrade-in-chain',
      severity: 'medium',
      title: 'HTTPS redirect chain falls back to plain HTTP',
      description: `After reaching HTTPS the chain goes through ${route[downgrade + 2]!}, an unencrypted hop an attacker can hijack.`,
    };
  }
  return { outcome: 'redirection-to-https' };
}

export const httpRedirection: Check = {
  id: 'http-redirection',
  category: 'security',
  depth: 'QUICK',
  title: 'HTTP to HTTPS redirection',
  run({ http, page, target }) {
    const pageIsHttp = page.response.url.startsWith('http:');
    const location = { url: http?.requestedUrl ?? target };
    if (http === undefined && !pageIsHttp) return { findings: [], notApplicable: 'The plain-HTTP address was not probed.' };
    if (isFetchFailure(http)) {
      if (http.error === 'TLS') {
        return {
          outcome: 'redirection-invalid-cert',
          findings: [
            {
              severity: 'medium',
              title: 'HTTP redirects to an HTTPS address with an invalid certificate',
              description: `Following the redirects from plain HTTP failed on a certificate error: ${http.message}.`,
              evidence: `${http.requestedUrl}: ${http.message}`,
              location,
              remediation: 'Install a certificate valid for every host in the redirect chain (Let\'s Encrypt or your cloud provider).',
              references: REFERENCES,
            },
          ],
        };
      }
      return { outcome: 'redirection-not-needed-no-http', findings: [] };
    }
    const res = http ?? page.response;
    const route = [...res.redirects.map((r) => r.url), res.url];
    const verdict = judgeRoute(route);
    if (!('severity' in verdict)) return { outcome: verdict.outcome, findings: [] };
    const finding: FindingDraft = {
      // A site that ends on plain HTTP has no encrypted version at all.
      severity: pageIsHttp ? 'high' : verdict.severity,
      title: pageIsHttp ? 'The site is served over plain HTTP only' : verdict.title,
      description: pageIsHttp ? `The page ends up on ${page.response.url}: nothing it sends or receives is encrypted. ${verdict.description}` : verdict.description,
      evidence: res.redirects.map((r) => `${r.url} → ${r.status} Location: ${r.location}`).concat(`${res.url} → ${res.status}`).join('\n'),
      location,
      remediation: `Serve the site over HTTPS and answer every plain-HTTP request with \`301 Location: https://${hostname(route[0]!) || 'the-same-host'}/…\` (same host, same path), then send Strict-Transport-Security.`,
      references: REFERENCES,
    };
    return { outcome: verdict.outcome, findings: [finding] };
  },
};
