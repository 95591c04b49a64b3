import { describe, expect, it } from 'vitest';
import { advertisesHttp3, http3 } from '../../../../../runner/src/scanner/checks/traffic/http3.js';
import { artifacts } from '../../../../support/artifacts.js';

describe('http3', () => {
  it.each(['h3=":443"; ma=86400', 'h2=":443", h3-29=":443"', 'H3=":8443"'])('passes Alt-Svc: %s', (value) => {
    expect(http3.run(artifacts({ headers: { 'alt-svc': value } }))).toEqual({ outcome: 'http3-advertised', findings: [] });
  });

  it('reports a missing Alt-Svc as info', () => {
    const r = http3.run(artifacts());
    expect(r.outcome).toBe('http3-not-advertised');
    expect(r.findings[0]).toMatchObject({ severity: 'info', evidence: 'No Alt-Svc header on the page response.', location: { header: 'Alt-Svc' } });
  });

  it('reports an Alt-Svc without h3 as info with the header line', () => {
    expect(http3.run(artifacts({ headers: { 'alt-svc': 'clear' } })).findings[0]!.evidence).toBe('Alt-Svc: clear');
    expect(advertisesHttp3('h2="alt.example:443"; persist=1')).toBe(false);
    expect(advertisesHttp3('quic=":443"; h3x=1')).toBe(false);
  });
});
