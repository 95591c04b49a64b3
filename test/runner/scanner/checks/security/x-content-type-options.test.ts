import { describe, expect, it } from 'vitest';
import { xContentTypeOptions } from '../../../../../runner/src/scanner/checks/security/x-content-type-options.js';
import { artifacts } from '../../../../support/artifacts.js';

describe('x-content-type-options', () => {
  it('reports a missing header as a low finding naming the header (Observatory -5)', () => {
    const r = xContentTypeOptions.run(artifacts());
    expect(r.outcome).toBe('x-content-type-options-not-implemented');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.severity).toBe('low');
    expect(r.findings[0]!.location.header).toBe('X-Content-Type-Options');
  });

  it.each(['nosniff', 'NoSniff', ' nosniff '])('passes %j', (value) => {
    const r = xContentTypeOptions.run(artifacts({ headers: { 'x-content-type-options': value } }));
    expect(r).toEqual({ outcome: 'x-content-type-options-nosniff', findings: [] });
  });

  it.each(['whimsy', 'nosniff, nosniff', ''])('rejects %j as invalid with the header line as evidence', (value) => {
    const r = xContentTypeOptions.run(artifacts({ headers: { 'x-content-type-options': value } }));
    expect(r.outcome).toBe('x-content-type-options-header-invalid');
    expect(r.findings[0]!.evidence).toBe(`X-Content-Type-Options: ${value}`);
  });
});
