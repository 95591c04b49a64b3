import { describe, expect, it } from 'vitest';
import { referrerPolicy } from '../../../../../runner/src/scanner/checks/security/referrer-policy.js';
import { artifacts } from '../../../../support/artifacts.js';

const run = (value?: string) => referrerPolicy.run(artifacts({ headers: value === undefined ? {} : { 'referrer-policy': value } }));

describe('referrer-policy', () => {
  it('notes a missing header as info (browsers default to strict-origin-when-cross-origin)', () => {
    const r = run();
    expect(r.outcome).toBe('referrer-policy-not-implemented');
    expect(r.findings[0]!.severity).toBe('info');
  });

  it('passes strict-origin-when-cross-origin', () => {
    expect(run('strict-origin-when-cross-origin')).toEqual({ outcome: 'referrer-policy-private', findings: [] });
  });

  it('reports unsafe-url as low, naming the policy', () => {
    const r = run('unsafe-url');
    expect(r.outcome).toBe('referrer-policy-unsafe');
    expect(r.findings[0]!.severity).toBe('low');
    expect(r.findings[0]!.title).toContain('"unsafe-url"');
    expect(r.findings[0]!.remediation).toBe('Send `Referrer-Policy: strict-origin-when-cross-origin` (or `no-referrer`).');
  });

  it('treats no-referrer-when-downgrade as unsafe (it sends full URLs cross-site)', () => {
    expect(run('no-referrer-when-downgrade').outcome).toBe('referrer-policy-unsafe');
  });

  it('reports a value no browser understands as invalid', () => {
    expect(run('never').outcome).toBe('referrer-policy-header-invalid');
  });
});
