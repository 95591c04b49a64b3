import { describe, expect, it } from 'vitest';
import { tlsCertificate } from '../../../../../runner/src/scanner/checks/security/tls-certificate.js';
import type { TlsFacts } from '../../../../../runner/src/scanner/types.js';
import { artifacts, htmlPage, tls } from '../../../../support/artifacts.js';

const run = (facts: Partial<TlsFacts>) => tlsCertificate.run(artifacts({ tls: tls(facts) }));

describe('tls-certificate', () => {
  it('passes a trusted certificate for the host with time left and a 2048-bit key', () => {
    expect(run({})).toEqual({ outcome: 'tls-certificate-valid', findings: [] });
  });

  it('reports an untrusted certificate as critical, with the trust error as evidence', () => {
    const r = run({ trusted: false, trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(r.outcome).toBe('tls-certificate-untrusted');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.severity).toBe('critical');
    expect(r.findings[0]!.evidence).toContain('error: DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  it('reports an expired certificate once, as critical', () => {
    const r = run({ trusted: false, trustError: 'CERT_HAS_EXPIRED', daysLeft: -3 });
    expect(r.outcome).toBe('tls-certificate-expired');
    expect(r.findings.map((f) => f.severity)).toEqual(['critical']);
  });

  it('reports a name mismatch as critical, naming the host', () => {
    const r = run({ hostnameMatches: false });
    expect(r.outcome).toBe('tls-certificate-name-mismatch');
    expect(r.findings[0]!.title).toBe('TLS certificate is not valid for site.test');
    expect(r.findings[0]!.severity).toBe('critical');
  });

  it.each([
    [30, 'high'],
    [1, 'high'],
  ])('reports %i days left as %s', (daysLeft, severity) => {
    const r = run({ daysLeft });
    expect(r.outcome).toBe('tls-certificate-expiring-soon');
    expect(r.findings[0]!.severity).toBe(severity);
  });

  it('passes 31 days left', () => {
    expect(run({ daysLeft: 31 }).findings).toEqual([]);
  });

  it('reports a 1024-bit RSA key but not a 256-bit EC key', () => {
    expect(run({ keyBits: 1024 }).outcome).toBe('tls-certificate-weak-key');
    expect(run({ keyBits: 256 }).findings).toEqual([]);
  });

  it('is not applicable to a page served over plain HTTP', () => {
    const page = htmlPage('<html></html>', { url: 'http://site.test/' });
    expect(tlsCertificate.run(artifacts({ page, pages: [page] })).notApplicable).toBeDefined();
  });
});
