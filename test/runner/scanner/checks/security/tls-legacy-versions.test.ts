import { describe, expect, it } from 'vitest';
import { tlsLegacyVersions } from '../../../../../runner/src/scanner/checks/security/tls-legacy-versions.js';
import { artifacts, tls } from '../../../../support/artifacts.js';

const run = (tls10: boolean | null, tls11: boolean | null) => tlsLegacyVersions.run(artifacts({ tls: tls({ legacy: { tls10, tls11 } }) }));

describe('tls-legacy-versions', () => {
  it('passes a server that refuses TLS 1.0 and 1.1', () => {
    expect(run(false, false)).toEqual({ outcome: 'tls-legacy-versions-refused', findings: [] });
  });

  it('reports TLS 1.0 and 1.1 accepted as one medium finding naming both', () => {
    const r = run(true, true);
    expect(r.outcome).toBe('tls-legacy-versions-accepted');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.severity).toBe('medium');
    expect(r.findings[0]!.title).toBe('Server accepts TLS 1.0 and TLS 1.1');
    expect(r.findings[0]!.remediation).toContain('ssl_protocols TLSv1.2 TLSv1.3;');
  });

  it('reports TLS 1.1 alone', () => {
    expect(run(false, true).findings[0]!.title).toBe('Server accepts TLS 1.1');
  });

  it('is not applicable when the probes could not tell', () => {
    expect(run(null, null).notApplicable).toBeDefined();
  });
});
