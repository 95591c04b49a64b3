import { describe, expect, it } from 'vitest';
import { crossOriginResourcePolicy } from '../../../../../runner/src/scanner/checks/security/cross-origin-resource-policy.js';
import { artifacts } from '../../../../support/artifacts.js';

const run = (value?: string) => crossOriginResourcePolicy.run(artifacts({ headers: value === undefined ? {} : { 'cross-origin-resource-policy': value } }));

describe('cross-origin-resource-policy', () => {
  it('passes a missing header (browsers default to cross-origin)', () => {
    expect(run()).toEqual({ outcome: 'corp-not-implemented', findings: [] });
  });

  it('passes Same-Origin in any case', () => {
    expect(run('Same-Origin').outcome).toBe('corp-implemented-with-same-origin');
  });

  it('reports an unknown value as invalid (low) with the header line', () => {
    const r = run('same-domain');
    expect(r.outcome).toBe('corp-header-invalid');
    expect(r.findings[0]).toMatchObject({ severity: 'low', evidence: 'Cross-Origin-Resource-Policy: same-domain', location: { header: 'Cross-Origin-Resource-Policy' } });
  });
});
