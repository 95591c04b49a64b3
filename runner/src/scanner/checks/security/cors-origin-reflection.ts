// CORS that trusts any origin: the server copies the Origin it receives into Access-Control-Allow-Origin
// (or accepts the origin "null", which sandboxed iframes and local files send). With
// Access-Control-Allow-Credentials: true any website can then read this site's responses with the visitor's
// cookies — their account data. Probed at DEEP with a made-up origin under .invalid and with "null".
import { header, headerLine } from '../../headers.js';
import type { Check, FindingDraft } from '../../types.js';
import { answeredProbes, requestLine, type AnsweredProbe } from './active-probes.js';

const REFERENCES = [
  'https://portswigger.net/web-security/cors',
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS',
  'https://cwe.mitre.org/data/definitions/942.html',
];

function allowed(probe: AnsweredProbe): { credentials: boolean; evidence: string } | undefined {
  const acao = header(probe.response, 'access-control-allow-origin');
  if (acao === undefined || acao.trim().toLowerCase() !== (probe.marker ?? '').toLowerCase()) return undefined;
  const acac = header(probe.response, 'access-control-allow-credentials');
  const credentials = (acac ?? '').trim().toLowerCase() === 'true';
  return {
    credentials,
    evidence: `${requestLine(probe)} → ${headerLine('Access-Control-Allow-Origin', acao)}${acac !== undefined ? `, ${headerLine('Access-Control-Allow-Credentials', acac)}` : ''}`,
  };
}

export const corsOriginReflection: Check = {
  id: 'cors-origin-reflection',
  category: 'security',
  depth: 'DEEP',
  title: 'CORS trusting any origin',
  run(artifacts) {
    const probes = answeredProbes(artifacts, 'cors-origin', 'cors-null');
    if ('notApplicable' in probes) return { findings: [], notApplicable: probes.notApplicable };
    const findings: FindingDraft[] = [];
    for (const kind of ['cors-origin', 'cors-null'] as const) {
      const hits = probes.filter((p) => p.kind === kind).map((p) => ({ p, a: allowed(p) })).filter((h) => h.a !== undefined);
      const worst = hits.find((h) => h.a!.credentials) ?? hits[0];
      if (worst === undefined) continue;
      const nullOrigin = kind === 'cors-null';
      findings.push({
        severity: worst.a!.credentials ? 'high' : 'low',
        title: nullOrigin ? 'CORS allows the origin "null"' : 'CORS reflects any Origin',
        description: `${nullOrigin ? 'The server allows the origin "null", which any site can send from a sandboxed iframe.' : 'The server copies any Origin header into Access-Control-Allow-Origin, so every website is allowed.'}${worst.a!.credentials ? ' With credentials allowed, any website a signed-in visitor opens can read their data from this site.' : ' Without credentials only public data is exposed, but the policy trusts everyone.'}`,
        evidence: worst.a!.evidence,
        location: { url: worst.p.url, header: 'Access-Control-Allow-Origin' },
        remediation: 'Compare the Origin against a fixed list of trusted origins and send Access-Control-Allow-Origin only for those (never echo it, never allow "null"); send Access-Control-Allow-Credentials only where cross-origin credentialed reads are really needed.',
        references: REFERENCES,
      });
    }
    return { outcome: findings.length > 0 ? 'cors-origin-reflected' : 'cors-origin-not-reflected', findings };
  },
};
