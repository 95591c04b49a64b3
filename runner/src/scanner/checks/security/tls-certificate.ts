// The TLS certificate of the HTTPS page: trusted by the usual roots, valid for the host, not expired,
// not about to expire, with a key large enough. An untrusted, expired or wrong-name certificate makes
// browsers show a full-page warning: the site is effectively down for its visitors (critical).
import type { Check, FindingDraft, TlsFacts } from '../../types.js';

const REFERENCES = ['https://developer.mozilla.org/en-US/docs/Web/Security/Practical_implementation_guides/TLS'];
/** Let's Encrypt renews 30 days before expiry; a certificate closer than that has missed its renewal. */
export const EXPIRY_WARNING_DAYS = 30;
/** NIST SP 800-57 and the CA/Browser Forum Baseline Requirements: RSA keys of at least 2048 bits. */
export const MIN_RSA_BITS = 2048;
/** EC keys are 256–521 bits (Ed25519 253): below this, a key size says nothing about RSA strength. */
const LARGEST_EC_BITS = 521;

function describeCert(tls: TlsFacts): string {
  return [
    tls.subject === undefined ? '' : `subject: ${tls.subject}`,
    tls.issuer === undefined ? '' : `issuer: ${tls.issuer}`,
    tls.subjectAltNames.length === 0 ? '' : `names: ${tls.subjectAltNames.join(', ')}`,
    tls.validTo === undefined ? '' : `valid until: ${tls.validTo}`,
    tls.keyBits === undefined ? '' : `key: ${tls.keyBits} bits`,
  ]
    .filter((l) => l !== '')
    .join('\n');
}

export const tlsCertificate: Check = {
  id: 'tls-certificate',
  category: 'security',
  depth: 'QUICK',
  title: 'TLS certificate (trust, name, expiry, key size)',
  run({ tls, page }) {
    if (tls === undefined) return { findings: [], notApplicable: 'The page is not served over HTTPS.' };
    if (tls.error !== undefined) return { findings: [], notApplicable: `No TLS handshake could be made: ${tls.error}` };
    const url = page.response.url;
    const details = describeCert(tls);
    const findings: FindingDraft[] = [];
    const outcomes: string[] = [];
    const add = (outcome: string, f: Omit<FindingDraft, 'location' | 'references'>): void => {
      outcomes.push(outcome);
      findings.push({ ...f, location: { url }, references: REFERENCES });
    };
    const expired = (tls.daysLeft !== undefined && tls.daysLeft < 0) || tls.trustError === 'CERT_HAS_EXPIRED';
    // A name mismatch can arrive as the trust error itself (ERR_TLS_CERT_ALTNAME_INVALID).
    const wrongName = !tls.hostnameMatches || /ALTNAME|HOSTNAME/i.test(tls.trustError ?? '');

    if (expired) {
      add('tls-certificate-expired', {
        severity: 'critical',
        title: `TLS certificate for ${tls.host} has expired`,
        description: `The certificate expired${tls.validTo === undefined ? '' : ` on ${tls.validTo}`}; browsers show a full-page security warning instead of the site.`,
        evidence: details,
        remediation: 'Renew the certificate now and automate renewal (ACME clients such as certbot renew 30 days ahead).',
      });
    }
    if (wrongName) {
      add('tls-certificate-name-mismatch', {
        severity: 'critical',
        title: `TLS certificate is not valid for ${tls.host}`,
        description: `The certificate does not name ${tls.host}; browsers refuse the connection with a security warning.`,
        evidence: details,
        remediation: `Issue a certificate whose subjectAltName includes DNS:${tls.host} (and any other names the site answers on).`,
      });
    }
    if (!tls.trusted && !expired && !wrongName) {
      add('tls-certificate-untrusted', {
        severity: 'critical',
        title: `TLS certificate for ${tls.host} is not trusted`,
        description: `Browsers cannot build a chain to a trusted root (${tls.trustError ?? 'unknown reason'}): visitors see a full-page security warning.`,
        evidence: [tls.trustError === undefined ? '' : `error: ${tls.trustError}`, details].filter((l) => l !== '').join('\n'),
        remediation: 'Use a certificate from a public CA (Let\'s Encrypt, your cloud provider) and serve the full chain (leaf and intermediates).',
      });
    }
    if (!expired && tls.daysLeft !== undefined && tls.daysLeft <= EXPIRY_WARNING_DAYS) {
      add('tls-certificate-expiring-soon', {
        severity: 'high',
        title: `TLS certificate for ${tls.host} expires in ${tls.daysLeft} day${tls.daysLeft === 1 ? '' : 's'}`,
        description: `Automated renewal normally happens ${EXPIRY_WARNING_DAYS} days ahead; this one looks missed. When it lapses, browsers block the site.`,
        evidence: details,
        remediation: 'Renew the certificate and check that automatic renewal (and the server reload after it) works.',
      });
    }
    if (tls.keyBits !== undefined && tls.keyBits > LARGEST_EC_BITS && tls.keyBits < MIN_RSA_BITS) {
      add('tls-certificate-weak-key', {
        severity: 'high',
        title: `TLS certificate uses a ${tls.keyBits}-bit RSA key`,
        description: `RSA keys under ${MIN_RSA_BITS} bits are within reach of well-funded attackers and are no longer issued by public CAs.`,
        evidence: details,
        remediation: 'Reissue the certificate with an RSA key of 2048 bits or more, or an ECDSA P-256 key.',
      });
    }
    return { outcome: outcomes[0] ?? 'tls-certificate-valid', findings };
  },
};
