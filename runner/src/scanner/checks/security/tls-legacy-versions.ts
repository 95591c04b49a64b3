// TLS 1.0 and 1.1 were deprecated by RFC 8996 (2021) and are refused by current browsers; a server that
// still accepts them allows downgrade to weak ciphers (BEAST, SHA-1 handshakes) for any old client.
import type { Check } from '../../types.js';

const REFERENCES = [
  'https://developer.mozilla.org/en-US/docs/Web/Security/Practical_implementation_guides/TLS',
  'https://www.rfc-editor.org/rfc/rfc8996',
];

export const tlsLegacyVersions: Check = {
  id: 'tls-legacy-versions',
  category: 'security',
  depth: 'QUICK',
  title: 'Legacy TLS versions (1.0, 1.1)',
  run({ tls, page }) {
    if (tls === undefined) return { findings: [], notApplicable: 'The page is not served over HTTPS.' };
    const { tls10, tls11 } = tls.legacy;
    const accepted = [tls10 === true ? 'TLS 1.0' : '', tls11 === true ? 'TLS 1.1' : ''].filter((v) => v !== '');
    if (accepted.length === 0) {
      if (tls10 === null && tls11 === null) return { findings: [], notApplicable: 'The legacy-version probes could not tell.' };
      return { outcome: 'tls-legacy-versions-refused', findings: [] };
    }
    return {
      outcome: 'tls-legacy-versions-accepted',
      findings: [
        {
          severity: 'medium',
          title: `Server accepts ${accepted.join(' and ')}`,
          description: `${accepted.join(' and ')} ${accepted.length === 1 ? 'is' : 'are'} deprecated (RFC 8996) and rely on weak constructions; no current browser needs ${accepted.length === 1 ? 'it' : 'them'}.`,
          evidence: `${tls.host}:${tls.port} completed a handshake limited to ${accepted.join(' and to ')}.`,
          location: { url: page.response.url },
          remediation: 'Allow TLS 1.2 and 1.3 only (nginx: `ssl_protocols TLSv1.2 TLSv1.3;`, Apache: `SSLProtocol -all +TLSv1.2 +TLSv1.3`).',
          references: REFERENCES,
        },
      ],
    };
  },
};
