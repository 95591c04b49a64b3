import { describe, expect, it } from 'vitest';
import { subresourceIntegrity } from '../../../../../runner/src/scanner/checks/security/subresource-integrity.js';
import { artifacts, htmlPage } from '../../../../support/artifacts.js';

const page = (body: string, url = 'https://site.test/') => htmlPage(`<html><head>${body}</head><body></body></html>`, { url });
const run = (body: string, url?: string) => {
  const p = page(body, url);
  return subresourceIntegrity.run(artifacts({ page: p, pages: [p] }));
};

describe('subresource-integrity', () => {
  it('reports a cross-site https script without integrity as low, with the tag and a fix', () => {
    const r = run('<script src="https://cdn.example.net/lib.js"></script>');
    expect(r.outcome).toBe('sri-not-implemented-but-external-scripts-loaded-securely');
    const f = r.findings[0]!;
    expect(f.severity).toBe('low');
    expect(f.title).toBe('Script from cdn.example.net has no integrity attribute');
    expect(f.evidence).toBe('<script src="https://cdn.example.net/lib.js">');
    expect(f.location.selector).toBe('script[src="https://cdn.example.net/lib.js"]');
    expect(f.remediation).toContain('integrity="sha384-…" crossorigin="anonymous"');
  });

  it('reports a cross-site http script without integrity as high', () => {
    const r = run('<script src="http://cdn.example.net/lib.js"></script>');
    expect(r.outcome).toBe('sri-not-implemented-and-external-scripts-not-loaded-securely');
    expect(r.findings[0]!.severity).toBe('high');
  });

  it('keeps the Observatory outcome for a scheme-less URL but rates it medium on an HTTPS page', () => {
    const r = run('<script src="//cdn.example.net/lib.js"></script>');
    expect(r.outcome).toBe('sri-not-implemented-and-external-scripts-not-loaded-securely');
    expect(r.findings[0]!.severity).toBe('medium');
    expect(r.findings[0]!.remediation).toContain('src="https://cdn.example.net/lib.js"');
  });

  it('treats subdomains of the same site as first-party (co.uk-style suffixes too)', () => {
    expect(run('<script src="https://static.site.test/a.js"></script>').findings).toEqual([]);
    expect(run('<script src="https://cdn.shop.co.uk/a.js"></script>', 'https://www.shop.co.uk/').findings).toEqual([]);
    expect(run('<script src="https://cdn.other.co.uk/a.js"></script>', 'https://www.shop.co.uk/').findings).toHaveLength(1);
  });

  it('passes cross-site scripts with integrity over https', () => {
    expect(run('<script src="https://cdn.example.net/lib.js" integrity="sha384-abc" crossorigin="anonymous"></script>')).toEqual({
      outcome: 'sri-implemented-and-external-scripts-loaded-securely',
      findings: [],
    });
  });

  it('looks at every crawled page and reports each script once', () => {
    const a = page('<script src="https://cdn.example.net/lib.js"></script>');
    const b = page('<script src="https://cdn.example.net/lib.js"></script><script src="http://ads.example.org/x.js"></script>', 'https://site.test/b');
    const r = subresourceIntegrity.run(artifacts({ page: a, pages: [a, b] }));
    expect(r.findings.map((f) => f.location.url)).toEqual(['https://site.test/', 'https://site.test/b']);
    expect(r.outcome).toBe('sri-not-implemented-and-external-scripts-not-loaded-securely');
  });
});
