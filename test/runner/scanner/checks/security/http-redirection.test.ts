import { describe, expect, it } from 'vitest';
import { httpRedirection } from '../../../../../runner/src/scanner/checks/security/http-redirection.js';
import { artifacts, htmlPage, redirectChain, response } from '../../../../support/artifacts.js';

describe('http-redirection', () => {
  it('passes http://site → https://site', () => {
    expect(httpRedirection.run(artifacts())).toEqual({ outcome: 'redirection-to-https', findings: [] });
  });

  it('reports an HTTPS site whose plain-HTTP address does not redirect as medium, with the chain as evidence', () => {
    const r = httpRedirection.run(artifacts({ http: response({ url: 'http://site.test/' }) }));
    expect(r.outcome).toBe('redirection-missing');
    expect(r.findings[0]!.severity).toBe('medium');
    expect(r.findings[0]!.evidence).toBe('http://site.test/ → 200');
    expect(r.findings[0]!.remediation).toContain('301 Location: https://site.test/');
  });

  it('reports a site served over plain HTTP only as high', () => {
    const page = htmlPage('<html></html>', { url: 'http://site.test/' });
    const r = httpRedirection.run(artifacts({ target: 'http://site.test/', page, pages: [page], http: page.response, tls: undefined }));
    expect(r.outcome).toBe('redirection-missing');
    expect(r.findings[0]!.severity).toBe('high');
    expect(r.findings[0]!.title).toBe('The site is served over plain HTTP only');
  });

  it('reports an off-host first redirect as low (HSTS for the host is never learnt)', () => {
    const r = httpRedirection.run(artifacts({ http: redirectChain(['http://site.test/', 'https://www.site.test/']) }));
    expect(r.outcome).toBe('redirection-off-host-from-http');
    expect(r.findings[0]!.severity).toBe('low');
    expect(r.findings[0]!.evidence).toBe('http://site.test/ → 301 Location: https://www.site.test/\nhttps://www.site.test/ → 200');
  });

  it('reports a chain that falls back to HTTP after reaching HTTPS', () => {
    const r = httpRedirection.run(artifacts({ http: redirectChain(['http://site.test/', 'https://site.test/', 'http://www.site.test/', 'https://www.site.test/']) }));
    expect(r.outcome).toBe('redirection-downgrade-in-chain');
    expect(r.findings[0]!.description).toContain('http://www.site.test/');
  });

  it('reports a certificate error met while following the redirects', () => {
    const r = httpRedirection.run(artifacts({ http: { requestedUrl: 'http://site.test/', error: 'TLS', message: 'CERT_HAS_EXPIRED' } }));
    expect(r.outcome).toBe('redirection-invalid-cert');
    expect(r.findings[0]!.severity).toBe('medium');
  });

  it('passes a site that does not answer plain HTTP at all', () => {
    expect(httpRedirection.run(artifacts({ http: { requestedUrl: 'http://site.test/', error: 'REFUSED', message: 'refused' } }))).toEqual({ outcome: 'redirection-not-needed-no-http', findings: [] });
  });

  it('is not applicable when plain HTTP was not probed', () => {
    expect(httpRedirection.run(artifacts({ http: undefined })).notApplicable).toBeDefined();
  });
});
