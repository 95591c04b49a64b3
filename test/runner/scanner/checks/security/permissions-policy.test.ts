import { describe, expect, it } from 'vitest';
import { permissionsPolicy } from '../../../../../runner/src/scanner/checks/security/permissions-policy.js';
import { artifacts } from '../../../../support/artifacts.js';

const run = (headers: Record<string, string>) => permissionsPolicy.run(artifacts({ headers }));

describe('permissions-policy', () => {
  it('notes a missing header as info with a header line to send', () => {
    const r = run({});
    expect(r.outcome).toBe('permissions-policy-not-implemented');
    expect(r.findings[0]!.severity).toBe('info');
    expect(r.findings[0]!.remediation).toContain('Permissions-Policy: camera=(), microphone=()');
  });

  it('mentions the obsolete Feature-Policy when that is all there is', () => {
    const r = run({ 'feature-policy': "camera 'none'" });
    expect(r.findings[0]!.evidence).toBe("Feature-Policy: camera 'none'");
  });

  it.each(['camera=(), microphone=(), geolocation=(self "https://maps.example")', 'fullscreen=*', 'interest-cohort=()', 'payment=(self)'])('passes %j', (value) => {
    expect(run({ 'permissions-policy': value })).toEqual({ outcome: 'permissions-policy-implemented', findings: [] });
  });

  it.each(["camera 'none'", 'camera=(none)', 'geolocation=https://maps.example'])('reports %j as unparseable (low)', (value) => {
    const r = run({ 'permissions-policy': value });
    expect(r.outcome).toBe('permissions-policy-header-invalid');
    expect(r.findings[0]!.severity).toBe('low');
    expect(r.findings[0]!.evidence).toBe(`Permissions-Policy: ${value}`);
  });
});
