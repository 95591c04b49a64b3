import { describe, expect, it } from 'vitest';
import { crossOriginOpenerPolicy } from '../../../../../runner/src/scanner/checks/security/cross-origin-opener-policy.js';
import { artifacts } from '../../../../support/artifacts.js';

const run = (value?: string | string[]) => crossOriginOpenerPolicy.run(artifacts({ headers: value === undefined ? {} : { 'cross-origin-opener-policy': value } }));

describe('cross-origin-opener-policy', () => {
  it('notes a missing header as info', () => {
    expect(run().findings[0]!.severity).toBe('info');
  });

  it('passes same-origin, with a report-to parameter too', () => {
    expect(run('same-origin; report-to="coop"')).toEqual({ outcome: 'coop-implemented-with-same-origin', findings: [] });
  });

  it('reports an upper-case value as invalid (low), since browsers ignore it', () => {
    const r = run('SAME-ORIGIN');
    expect(r.outcome).toBe('coop-header-invalid');
    expect(r.findings[0]!.severity).toBe('low');
  });

  it('notes unsafe-none as info', () => {
    expect(run('unsafe-none').findings[0]!.severity).toBe('info');
  });
});
