import { describe, expect, it } from 'vitest';
import { crossOriginEmbedderPolicy } from '../../../../../runner/src/scanner/checks/security/cross-origin-embedder-policy.js';
import { artifacts } from '../../../../support/artifacts.js';

const run = (value?: string | string[]) => crossOriginEmbedderPolicy.run(artifacts({ headers: value === undefined ? {} : { 'cross-origin-embedder-policy': value } }));

describe('cross-origin-embedder-policy', () => {
  it('passes a missing header: COEP is opt-in', () => {
    expect(run()).toEqual({ outcome: 'coep-not-implemented', findings: [] });
  });

  it('passes credentialless', () => {
    expect(run('credentialless')).toEqual({ outcome: 'coep-implemented-with-credentialless', findings: [] });
  });

  it('reports a header sent twice as invalid (low) with both lines as evidence', () => {
    const r = run(['require-corp', 'unsafe-none']);
    expect(r.outcome).toBe('coep-header-invalid');
    expect(r.findings[0]!.severity).toBe('low');
    expect(r.findings[0]!.evidence).toBe('Cross-Origin-Embedder-Policy: require-corp\nCross-Origin-Embedder-Policy: unsafe-none');
  });
});
