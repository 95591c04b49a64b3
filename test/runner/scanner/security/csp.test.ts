import { describe, expect, it } from 'vitest';
import { analyzeCsp, parsePolicy } from '../../../../runner/src/scanner/security/csp.js';
import { htmlPage } from '../../../support/artifacts.js';

const analyze = (headers: Record<string, string | string[]>, html = '<html></html>') => analyzeCsp(htmlPage(html, { headers }));

describe('CSP parsing', () => {
  it('lower-cases directives and sources and turns a lone none into an empty list', () => {
    const p = parsePolicy("Default-Src 'NONE'; Script-Src 'Self' HTTPS://CDN.test", 'header');
    expect([...p.directives]).toEqual([
      ['default-src', []],
      ['script-src', ["'self'", 'https://cdn.test']],
    ]);
  });

  it("ignores 'none' next to other sources (CSP3)", () => {
    expect(parsePolicy("img-src 'none' https://i.test", 'header').directives.get('img-src')).toEqual(['https://i.test']);
  });

  it('drops frame-ancestors, report-uri and sandbox from <meta> policies', () => {
    const p = parsePolicy("default-src 'self'; frame-ancestors 'none'; sandbox; report-uri /r", 'meta');
    expect([...p.directives.keys()]).toEqual(['default-src']);
  });

  it('marks a repeated report-uri as a warning, not an error', () => {
    const p = parsePolicy("default-src 'self'; report-uri /a; report-uri /b", 'header');
    expect(p.invalid).toBeUndefined();
    expect(p.repeatedReporting).toBe(true);
  });
});

describe('CSP analysis', () => {
  it('splits comma-separated policies and counts a source only when every policy allows it', () => {
    const a = analyze({ 'content-security-policy': "script-src 'self' https://a.test, script-src 'self' https://b.test" });
    expect(a.policies).toHaveLength(2);
    expect(a.effective!('script-src')).toEqual(["'self'"]);
  });

  it('falls back to default-src for fetch directives only', () => {
    const a = analyze({ 'content-security-policy': "default-src 'self'" });
    expect(a.effective!('img-src')).toEqual(["'self'"]);
    expect(a.effective!('base-uri')).toBeNull();
    expect(a.effective!('form-action')).toBeNull();
  });

  it('keeps frame-ancestors from headers only', () => {
    const html = `<html><head><meta http-equiv="Content-Security-Policy" content="frame-ancestors 'none'; default-src 'self'"></head></html>`;
    expect(analyze({}, html).frameAncestors).toBeNull();
    expect(analyze({ 'content-security-policy': "frame-ancestors 'self'" }).frameAncestors).toEqual(["'self'"]);
  });

  it('sees upgrade-insecure-requests', () => {
    expect(analyze({ 'content-security-policy': "default-src 'self'; upgrade-insecure-requests" }).flags?.upgradeInsecureRequests).toBe(true);
  });

  it("under 'strict-dynamic' ignores host sources, 'self' and 'unsafe-inline'", () => {
    const a = analyze({ 'content-security-policy': "script-src 'nonce-x' 'strict-dynamic' 'self' https: data: 'unsafe-inline'; object-src 'none'" });
    expect(a.flags?.unsafeInline).toBe(false);
    expect(a.flags?.strictDynamic).toBe(true);
  });
});

describe("CSP 'strict-dynamic' across policies", () => {
  it("is invalid only when the combined script sources keep 'strict-dynamic' without a nonce or hash", () => {
    expect(analyze({ 'content-security-policy': "default-src 'strict-dynamic'" }).outcome).toBe('csp-header-invalid');
    expect(analyze({ 'content-security-policy': "default-src 'strict-dynamic', default-src https://a.test" }).outcome).toBe('csp-implemented-with-no-unsafe-default-src-none');
  });
});
