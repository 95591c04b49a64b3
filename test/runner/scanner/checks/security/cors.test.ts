import { describe, expect, it } from 'vitest';
import { cors, CORS_PROBE_ORIGIN } from '../../../../../runner/src/scanner/checks/security/cors.js';
import { artifacts } from '../../../../support/artifacts.js';

const run = (headers: Record<string, string>) => cors.run(artifacts({ headers }));

describe('cors', () => {
  it('passes a page without CORS headers', () => {
    expect(run({})).toEqual({ outcome: 'cross-origin-resource-sharing-not-implemented', findings: [] });
  });

  it('passes public access without credentials', () => {
    expect(run({ 'access-control-allow-origin': '*' }).findings).toEqual([]);
  });

  it('flags "*" with credentials as low, naming both headers in the evidence', () => {
    const r = run({ 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' });
    expect(r.outcome).toBe('cross-origin-resource-sharing-implemented-with-public-access');
    expect(r.findings[0]!.severity).toBe('low');
    expect(r.findings[0]!.evidence).toBe('Access-Control-Allow-Origin: *\nAccess-Control-Allow-Credentials: true');
  });

  it('flags a reflected origin with credentials as high', () => {
    const r = run({ 'access-control-allow-origin': CORS_PROBE_ORIGIN, 'access-control-allow-credentials': 'true' });
    expect(r.outcome).toBe('cross-origin-resource-sharing-implemented-with-universal-access');
    expect(r.findings[0]!.severity).toBe('high');
    expect(r.findings[0]!.title).toContain('reflects any Origin');
  });

  it('flags the null origin with credentials as high', () => {
    const r = run({ 'access-control-allow-origin': 'null', 'access-control-allow-credentials': 'TRUE' });
    expect(r.outcome).toBe('cross-origin-resource-sharing-implemented-with-universal-access');
    expect(r.findings[0]!.title).toContain('"null"');
  });

  it('passes a named origin with credentials (an allowlist)', () => {
    expect(run({ 'access-control-allow-origin': 'https://app.site.test', 'access-control-allow-credentials': 'true' })).toEqual({
      outcome: 'cross-origin-resource-sharing-implemented-with-restricted-access',
      findings: [],
    });
  });

  it('uses an origin that cannot resolve', () => {
    expect(new URL(CORS_PROBE_ORIGIN).hostname.endsWith('.invalid')).toBe(true);
  });
});
