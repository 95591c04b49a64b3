import { describe, expect, it } from 'vitest';
import { xFrameOptions } from '../../../../../runner/src/scanner/checks/security/x-frame-options.js';
import { artifacts } from '../../../../support/artifacts.js';

const run = (headers: Record<string, string>, html?: string) => xFrameOptions.run(artifacts({ headers, ...(html === undefined ? {} : { html }) }));

describe('x-frame-options', () => {
  it('reports a page without X-Frame-Options or frame-ancestors as medium', () => {
    const r = run({});
    expect(r.outcome).toBe('x-frame-options-not-implemented');
    expect(r.findings[0]!.severity).toBe('medium');
    expect(r.findings[0]!.remediation).toContain("frame-ancestors 'none'");
  });

  it.each(['DENY', 'sameorigin', ' SAMEORIGIN '])('passes %j', (value) => {
    expect(run({ 'x-frame-options': value })).toEqual({ outcome: 'x-frame-options-sameorigin-or-deny', findings: [] });
  });

  it('accepts CSP frame-ancestors in place of X-Frame-Options', () => {
    expect(run({ 'content-security-policy': "frame-ancestors 'self'" })).toEqual({ outcome: 'x-frame-options-implemented-via-csp', findings: [] });
  });

  it('notes frame-ancestors * as info: any site may frame the page', () => {
    const r = run({ 'content-security-policy': "default-src 'self'; frame-ancestors *" });
    expect(r.outcome).toBe('x-frame-options-implemented-via-csp');
    expect(r.findings[0]!.severity).toBe('info');
  });

  it('ignores frame-ancestors in a <meta> policy, as browsers do', () => {
    const html = `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; frame-ancestors 'none'"></head></html>`;
    expect(run({}, html).outcome).toBe('x-frame-options-not-implemented');
  });

  it('explains that ALLOW-FROM is ignored today (info)', () => {
    const r = run({ 'x-frame-options': 'ALLOW-FROM https://partner.test' });
    expect(r.outcome).toBe('x-frame-options-allow-from-origin');
    expect(r.findings[0]!.severity).toBe('info');
    expect(r.findings[0]!.evidence).toBe('X-Frame-Options: ALLOW-FROM https://partner.test');
  });

  it('reports an invalid value as medium with the header line as evidence', () => {
    const r = run({ 'x-frame-options': 'whimsy' });
    expect(r.outcome).toBe('x-frame-options-header-invalid');
    expect(r.findings[0]!.evidence).toBe('X-Frame-Options: whimsy');
  });
});
