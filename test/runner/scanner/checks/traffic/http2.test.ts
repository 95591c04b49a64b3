import { describe, expect, it } from 'vitest';
import { http2 } from '../../../../../runner/src/scanner/checks/traffic/http2.js';
import { artifacts, htmlPage, tls } from '../../../../support/artifacts.js';

const page = (url = 'https://site.test/', httpVersion = '1.1') => htmlPage('<p>x</p>', { url, httpVersion });

describe('http2', () => {
  it('passes when ALPN negotiated h2, or the response came over HTTP/2 or 3', () => {
    expect(http2.run(artifacts({ page: page(), tls: tls({ alpn: 'h2' }) }))).toEqual({ outcome: 'http2-supported', findings: [] });
    expect(http2.run(artifacts({ page: page('https://site.test/', '2.0'), tls: tls({ alpn: null }) })).outcome).toBe('http2-supported');
    expect(http2.run(artifacts({ page: page('https://site.test/', '3') })).outcome).toBe('http2-supported');
  });

  it('reports an https server without h2 in ALPN as low, with the ALPN result as evidence', () => {
    const r = http2.run(artifacts({ page: page(), tls: tls({ alpn: 'http/1.1' }) }));
    expect(r.outcome).toBe('http2-not-supported');
    expect(r.findings[0]).toMatchObject({ severity: 'low', evidence: 'ALPN: http/1.1; response over HTTP/1.1' });
    expect(http2.run(artifacts({ page: page(), tls: tls({ alpn: null }) })).findings[0]!.evidence).toBe('ALPN: none negotiated; response over HTTP/1.1');
  });

  it('reports a plain-http page as low, explaining that browsers use HTTP/2 only over TLS', () => {
    const r = http2.run(artifacts({ page: page('http://site.test/') }));
    expect(r.outcome).toBe('http2-plain-http');
    expect(r.findings[0]!.severity).toBe('low');
    expect(r.findings[0]!.description).toContain('only over TLS');
  });

  it('is not applicable when the TLS handshake could not be observed', () => {
    expect(http2.run(artifacts({ page: page(), tls: tls({ alpn: null, error: 'ECONNRESET' }) })).notApplicable).toBeDefined();
    expect(http2.run(artifacts({ page: page(), tls: undefined })).notApplicable).toBeDefined();
  });
});
