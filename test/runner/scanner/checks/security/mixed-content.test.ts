import { describe, expect, it } from 'vitest';
import { mixedContent } from '../../../../../runner/src/scanner/checks/security/mixed-content.js';
import { artifacts, htmlPage } from '../../../../support/artifacts.js';

const run = (body: string, headers: Record<string, string> = {}, url = 'https://site.test/') => {
  const page = htmlPage(`<html><head></head><body>${body}</body></html>`, { url, headers });
  return mixedContent.run(artifacts({ page, pages: [page] }));
};

describe('mixed-content', () => {
  it('reports an http: script on an https page as high, listing the URL', () => {
    const r = run('<script src="http://cdn.test/a.js"></script>');
    expect(r.outcome).toBe('mixed-content-active');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity: 'high', evidence: 'script: http://cdn.test/a.js', location: { url: 'https://site.test/', selector: 'script[src="http://cdn.test/a.js"]' } });
  });

  it('counts stylesheets and iframes as active, images and srcset as passive (low)', () => {
    const r = run('<link rel="stylesheet" href="http://cdn.test/a.css"><iframe src="http://x.test/"></iframe><img src="http://img.test/a.png"><img srcset="https://img.test/ok.png 1x, http://img.test/b.png 2x">');
    expect(r.findings.map((f) => [f.severity, f.evidence])).toEqual([
      ['high', 'stylesheet: http://cdn.test/a.css\nframe: http://x.test/'],
      ['low', 'image: http://img.test/a.png\nimage: http://img.test/b.png'],
    ]);
  });

  it('ignores https, relative and scheme-less URLs, and non-stylesheet links', () => {
    expect(run('<script src="/a.js"></script><script src="//cdn.test/a.js"></script><img src="https://i.test/a.png"><link rel="alternate" href="http://site.test/feed">')).toEqual({
      outcome: 'mixed-content-none',
      findings: [],
    });
  });

  it('resolves relative URLs against an http <base href>', () => {
    expect(run('<base href="http://static.test/"><script src="a.js"></script>').findings[0]!.evidence).toBe('script: http://static.test/a.js');
  });

  it('lowers to info when CSP upgrade-insecure-requests makes browsers upgrade them', () => {
    const r = run('<script src="http://cdn.test/a.js"></script>', { 'content-security-policy': 'upgrade-insecure-requests' });
    expect(r.findings[0]!.severity).toBe('info');
  });

  it('is not applicable to a site served over plain HTTP', () => {
    expect(run('<script src="http://cdn.test/a.js"></script>', {}, 'http://site.test/').notApplicable).toBeDefined();
  });
});
