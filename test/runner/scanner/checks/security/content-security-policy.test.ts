import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../../../runner/src/scanner/checks/security/content-security-policy.js';
import { artifacts, htmlPage } from '../../../../support/artifacts.js';

const run = (headers: Record<string, string | string[]>, html?: string) => contentSecurityPolicy.run(artifacts({ headers, ...(html === undefined ? {} : { html }) }));
const STRICT = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

describe('content-security-policy', () => {
  it('reports a missing policy as high, naming the header, with a policy to send', () => {
    const r = run({});
    expect(r.outcome).toBe('csp-not-implemented');
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.severity).toBe('high');
    expect(f.title).toContain('Content-Security-Policy');
    expect(f.location.header).toBe('Content-Security-Policy');
    expect(f.remediation).toContain("Content-Security-Policy: default-src 'self'");
    expect(f.references[0]).toMatch(/^https:\/\/developer\.mozilla\.org\//);
  });

  it('passes a strict policy with no finding at all', () => {
    expect(run({ 'content-security-policy': STRICT })).toEqual({ outcome: 'csp-implemented-with-no-unsafe', findings: [] });
  });

  it('does not count a report-only policy as enforcement', () => {
    const r = run({ 'content-security-policy-report-only': STRICT });
    expect(r.outcome).toBe('csp-not-implemented-but-reporting-enabled');
    expect(r.findings[0]!.severity).toBe('high');
    expect(r.findings[0]!.evidence).toBe(`Content-Security-Policy-Report-Only: ${STRICT}`);
  });

  it("flags 'unsafe-inline' in script-src as medium with the header line as evidence and says why", () => {
    const value = "default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'";
    const r = run({ 'content-security-policy': value });
    expect(r.outcome).toBe('csp-implemented-with-unsafe-inline');
    const f = r.findings.find((x) => x.severity === 'medium')!;
    expect(f.evidence).toBe(`Content-Security-Policy: ${value}`);
    expect(f.description).toContain("script-src allows 'unsafe-inline'");
  });

  it('explains a policy without script-src or default-src', () => {
    const r = run({ 'content-security-policy': "img-src 'self'" });
    expect(r.outcome).toBe('csp-implemented-with-unsafe-inline');
    expect(r.findings[0]!.description).toContain('no script-src or default-src');
    expect(r.findings[0]!.description).toContain('no object-src');
  });

  it("accepts 'unsafe-inline' next to a nonce, as browsers ignore it there", () => {
    const r = run({ 'content-security-policy': "script-src 'nonce-r4nd0m' 'unsafe-inline' 'strict-dynamic' https:; style-src 'self'; object-src 'none'; base-uri 'none'" });
    expect(r.outcome).toBe('csp-implemented-with-no-unsafe');
  });

  it("calls 'strict-dynamic' without a nonce or hash invalid", () => {
    const r = run({ 'content-security-policy': "script-src 'strict-dynamic'; object-src 'none'" });
    expect(r.outcome).toBe('csp-header-invalid');
    expect(r.findings[0]!.description).toContain("'strict-dynamic' without a nonce or hash");
  });

  it('calls a repeated directive invalid, naming it', () => {
    const r = run({ 'content-security-policy': "default-src 'self'; default-src 'none'" });
    expect(r.outcome).toBe('csp-header-invalid');
    expect(r.findings[0]!.description).toContain('default-src appears twice');
  });

  it('reports unsafe-eval, http: sources and unsafe styles with their own outcomes', () => {
    expect(run({ 'content-security-policy': "default-src 'none'; script-src 'self' 'unsafe-eval'" }).outcome).toBe('csp-implemented-with-unsafe-eval');
    expect(run({ 'content-security-policy': "default-src 'none'; script-src http://cdn.site.test" }).outcome).toBe('csp-implemented-with-insecure-scheme');
    const style = run({ 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" });
    expect(style.outcome).toBe('csp-implemented-with-unsafe-inline-in-style-src-only');
    expect(style.findings[0]!.severity).toBe('info');
  });

  it('does not call http: sources insecure on a page served over http', () => {
    const page = htmlPage('<html></html>', { url: 'http://site.test/', headers: { 'content-security-policy': "default-src 'none'; img-src http://cdn.site.test" } });
    expect(contentSecurityPolicy.run(artifacts({ page, pages: [page] })).outcome).toBe('csp-implemented-with-no-unsafe-default-src-none');
  });

  it('notes a missing base-uri (low), frame-ancestors and form-action (info) on an otherwise good policy', () => {
    const r = run({ 'content-security-policy': "default-src 'self'" });
    expect(r.outcome).toBe('csp-implemented-with-no-unsafe');
    expect(r.findings.map((f) => [f.severity, f.title])).toEqual([
      ['low', 'Content-Security-Policy does not restrict base-uri'],
      ['info', 'Content-Security-Policy does not set frame-ancestors'],
      ['info', 'Content-Security-Policy does not restrict form-action'],
    ]);
  });

  it('reads a <meta http-equiv> policy and shows it as evidence', () => {
    const meta = `<meta http-equiv="Content-Security-Policy" content="${STRICT.replace("frame-ancestors 'none'; ", '')}">`;
    const r = run({}, `<!doctype html><html><head>${meta}</head><body></body></html>`);
    expect(r.outcome).toBe('csp-implemented-with-no-unsafe');
    expect(r.findings.map((f) => f.title)).toEqual(['Content-Security-Policy does not set frame-ancestors']);
    expect(r.findings[0]!.evidence).toContain('<meta http-equiv="Content-Security-Policy"');
  });

  it('ignores a policy <meta> outside <head>, as the HTML standard does', () => {
    const r = run({}, `<!doctype html><html><head></head><body><meta http-equiv="Content-Security-Policy" content="${STRICT}"></body></html>`);
    expect(r.outcome).toBe('csp-not-implemented');
  });

  it('enforces every policy: a strict second header tightens a loose first one', () => {
    const r = run({ 'content-security-policy': ["default-src 'self'; script-src 'self' 'unsafe-inline'", "default-src 'self'; script-src 'self'"] });
    expect(r.outcome).toBe('csp-implemented-with-no-unsafe');
  });
});
