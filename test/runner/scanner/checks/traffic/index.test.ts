import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trafficChecks } from '../../../../../runner/src/scanner/checks/traffic/index.js';
import { artifacts, failure, htmlPage, nonHtmlPage, response } from '../../../../support/artifacts.js';

// Inputs at the edges of what collection can produce; every check must give a verdict on each without throwing.
const EDGE_CASES = {
  'the default page': artifacts(),
  'an empty HTML document': artifacts({ html: '' }),
  'a page that is not HTML': artifacts({ page: nonHtmlPage() }),
  'a plain-http error page': artifacts({ page: htmlPage('<h1>Oops</h1>', { url: 'http://site.test/', status: 500 }), tls: undefined }),
  'failed side fetches': artifacts({ robotsTxt: failure('https://site.test/robots.txt'), sitemapXml: failure('https://site.test/sitemap.xml'), resources: [failure('https://site.test/a.js')] }),
  'empty side responses': artifacts({ robotsTxt: response({ url: 'https://site.test/robots.txt' }), sitemapXml: response({ url: 'https://site.test/sitemap.xml' }), resources: [response({ url: 'https://site.test/a.js' })] }),
};

// The site-wide checks read what the crawl gathers, so they start at STANDARD.
const SITE_WIDE = new Set(['site-cache-headers', 'site-text-compression']);

describe('traffic checks', () => {
  it.each(trafficChecks.map((c) => [c.id, c] as const))('%s is a traffic check in a file named after its id', (id, check) => {
    expect(check.category).toBe('traffic');
    expect(check.depth).toBe(SITE_WIDE.has(id) ? 'STANDARD' : 'QUICK');
    expect(existsSync(new URL(`../../../../../runner/src/scanner/checks/traffic/${id}.ts`, import.meta.url))).toBe(true);
  });

  it('has unique ids', () => {
    expect(new Set(trafficChecks.map((c) => c.id)).size).toBe(trafficChecks.length);
  });

  it.each(Object.entries(EDGE_CASES))('gives every check a verdict on %s, with complete findings', (_, input) => {
    for (const check of trafficChecks) {
      const r = check.run(input);
      if (r.notApplicable !== undefined) expect(r.findings).toEqual([]);
      for (const f of r.findings) {
        expect(f.title && f.description && f.evidence && f.remediation && f.location.url, `${check.id}: ${f.title}`).toBeTruthy();
        expect(f.references.length).toBeGreaterThan(0);
      }
    }
  });
});
