import { describe, expect, it } from 'vitest';
import { strictTransportSecurity } from '../../../../../runner/src/scanner/checks/security/strict-transport-security.js';
import { artifacts, htmlPage, tls } from '../../../../support/artifacts.js';

const run = (value?: string) => strictTransportSecurity.run(artifacts({ headers: value === undefined ? {} : { 'strict-transport-security': value } }));

describe('strict-transport-security', () => {
  it('reports a missing header as medium with the header line to send', () => {
    const r = run();
    expect(r.outcome).toBe('hsts-not-implemented');
    expect(r.findings[0]!.severity).toBe('medium');
    expect(r.findings[0]!.remediation).toContain('Strict-Transport-Security: max-age=63072000; includeSubDomains; preload');
  });

  it('passes the preload-ready policy with no finding', () => {
    expect(run('max-age=63072000; includeSubDomains; preload')).toEqual({ outcome: 'hsts-implemented-max-age-at-least-six-months', findings: [] });
  });

  it('accepts 180 days (15552000 s) as six months, like the Observatory, and suggests preloading', () => {
    const r = run('max-age=15552000');
    expect(r.outcome).toBe('hsts-implemented-max-age-at-least-six-months');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.severity).toBe('info');
    expect(r.findings[0]!.description).toContain('includeSubDomains');
  });

  it('reports max-age under six months as medium, in days', () => {
    const r = run('max-age=15551999; includeSubDomains');
    expect(r.outcome).toBe('hsts-implemented-max-age-less-than-six-months');
    expect(r.findings[0]!.description).toContain('179 days');
  });

  it.each([
    ['max-age=abc', 'not a number'],
    ['max-age=1000; max-age=2000', 'appears twice'],
    ['includeSubDomains', 'max-age is missing'],
    ['max-age=31536000, max-age=31536000', 'more than once'],
  ])('calls %j invalid (%s)', (value, reason) => {
    const r = run(value);
    expect(r.outcome).toBe('hsts-header-invalid');
    expect(r.findings[0]!.description).toContain(reason);
    expect(r.findings[0]!.evidence).toBe(`Strict-Transport-Security: ${value}`);
  });

  it('accepts a quoted max-age and any case of directive names (RFC 6797 §6.1)', () => {
    expect(run('MAX-AGE="31536000"; INCLUDESUBDOMAINS; Preload').findings).toEqual([]);
  });

  it('is not applicable on a page served over plain HTTP', () => {
    const page = htmlPage('<html></html>', { url: 'http://site.test/', headers: { 'strict-transport-security': 'max-age=31536000' } });
    const r = strictTransportSecurity.run(artifacts({ page, pages: [page] }));
    expect(r.outcome).toBe('hsts-not-implemented-no-https');
    expect(r.notApplicable).toBeDefined();
    expect(r.findings).toEqual([]);
  });

  it('leaves an untrusted certificate to the tls-certificate check', () => {
    const r = strictTransportSecurity.run(artifacts({ headers: { 'strict-transport-security': 'max-age=31536000' }, tls: tls({ trusted: false, trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT' }) }));
    expect(r.outcome).toBe('hsts-invalid-cert');
    expect(r.notApplicable).toContain('tls-certificate');
  });
});
