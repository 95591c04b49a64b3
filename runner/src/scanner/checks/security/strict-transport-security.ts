// Strict-Transport-Security makes browsers use HTTPS for the site for max-age seconds, so nobody on the
// network can strip TLS from the first request. Verdicts follow the MDN HTTP Observatory (six months
// at least); hstspreload.org's bar (one year, includeSubDomains, preload) is suggested as info.
import { headerLine } from '../../headers.js';
import { analyzeHsts, ONE_YEAR } from '../../security/hsts.js';
import type { Check, FindingDraft } from '../../types.js';

const HEADER = 'Strict-Transport-Security';
const REFERENCES = [
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Strict-Transport-Security',
  'https://developer.mozilla.org/en-US/docs/Web/Security/Practical_implementation_guides/TLS#http_strict_transport_security_implementation',
];
const RECOMMENDED = 'Strict-Transport-Security: max-age=63072000; includeSubDomains; preload';
const REMEDIATION = `Send \`${RECOMMENDED}\` on HTTPS responses (start with a shorter max-age while checking every subdomain serves HTTPS).`;

export const strictTransportSecurity: Check = {
  id: 'strict-transport-security',
  category: 'security',
  depth: 'QUICK',
  title: 'Strict-Transport-Security',
  run(artifacts) {
    const a = analyzeHsts(artifacts);
    const url = artifacts.page.response.url;
    const evidence = a.value === undefined ? 'No Strict-Transport-Security header on the page response.' : headerLine(HEADER, a.value);
    const finding = (f: Pick<FindingDraft, 'severity' | 'title' | 'description'>): FindingDraft => ({ ...f, evidence, location: { url, header: HEADER }, remediation: REMEDIATION, references: REFERENCES });
    switch (a.outcome) {
      case 'hsts-not-implemented-no-https':
        return { outcome: a.outcome, findings: [], notApplicable: 'The page is served over plain HTTP; the http-redirection check judges that.' };
      case 'hsts-invalid-cert':
        return { outcome: a.outcome, findings: [], notApplicable: 'Browsers ignore HSTS on a certificate they do not trust; the tls-certificate check reports that.' };
      case 'hsts-not-implemented':
        return {
          outcome: a.outcome,
          findings: [finding({ severity: 'medium', title: 'Strict-Transport-Security header is missing', description: 'Browsers will still try plain HTTP first (typed addresses, old links), where an attacker on the network can intercept or strip TLS.' })],
        };
      case 'hsts-header-invalid':
        return {
          outcome: a.outcome,
          findings: [finding({ severity: 'medium', title: 'Strict-Transport-Security has an invalid value', description: `Browsers ignore the header: ${a.invalidReason ?? 'it cannot be parsed'}.` })],
        };
      case 'hsts-implemented-max-age-less-than-six-months':
        return {
          outcome: a.outcome,
          findings: [
            finding({
              severity: 'medium',
              title: 'Strict-Transport-Security max-age is under six months',
              description: `max-age=${a.policy!.maxAge} s protects returning visitors for ${Math.floor(a.policy!.maxAge / 86_400)} days only; six months (15768000 s) is the usual minimum.`,
            }),
          ],
        };
      case 'hsts-implemented-max-age-at-least-six-months': {
        const p = a.policy!;
        const missing = [p.maxAge < ONE_YEAR ? 'max-age of at least one year (31536000)' : '', p.includeSubDomains ? '' : 'includeSubDomains', p.preload ? '' : 'preload'].filter((m) => m !== '');
        if (missing.length === 0) return { outcome: a.outcome, findings: [] };
        return {
          outcome: a.outcome,
          findings: [
            finding({
              severity: 'info',
              title: 'Strict-Transport-Security could be preloaded',
              description: `The policy is sound; preloading (hstspreload.org) would also protect first visits, and needs ${missing.join(', ')}.`,
            }),
          ],
        };
      }
    }
  },
};
