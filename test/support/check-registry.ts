// The tests every category's registry passes: ids match file names, depths are as declared, ids are unique,
// and every check gives a verdict with complete findings on inputs at the edges of what collection produces.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Category, Check } from '../../runner/src/scanner/types.js';
import { artifacts, failure, htmlPage, nonHtmlPage, response } from './artifacts.js';

const EDGE_CASES = {
  'the default page': artifacts(),
  'an empty HTML document': artifacts({ html: '' }),
  'a page that is not HTML': artifacts({ page: nonHtmlPage() }),
  'a plain-http error page': artifacts({ page: htmlPage('<h1>Oops</h1>', { url: 'http://site.test/', status: 500 }), tls: undefined }),
  'failed side fetches': artifacts({ robotsTxt: failure('https://site.test/robots.txt'), sitemapXml: failure('https://site.test/sitemap.xml'), resources: [failure('https://site.test/a.js')] }),
  'empty side responses': artifacts({ robotsTxt: response({ url: 'https://site.test/robots.txt' }), sitemapXml: response({ url: 'https://site.test/sitemap.xml' }), resources: [response({ url: 'https://site.test/a.js' })] }),
};

/** `siteWide`: the checks that read what the crawl gathers, so start at STANDARD; the rest are QUICK. */
export function describeCategoryRegistry(category: Category, checks: readonly Check[], siteWide: ReadonlySet<string>): void {
  describe(`${category} checks`, () => {
    it.each(checks.map((c) => [c.id, c] as const))(`%s is a ${category} check in a file named after its id`, (id, check) => {
      expect(check.category).toBe(category);
      expect(check.depth).toBe(siteWide.has(id) ? 'STANDARD' : 'QUICK');
      expect(existsSync(new URL(`../../runner/src/scanner/checks/${category}/${id}.ts`, import.meta.url))).toBe(true);
    });

    it('has unique ids', () => {
      expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
    });

    it.each(Object.entries(EDGE_CASES))('gives every check a verdict on %s, with complete findings', (_, input) => {
      for (const check of checks) {
        const r = check.run(input);
        if (r.notApplicable !== undefined) expect(r.findings).toEqual([]);
        for (const f of r.findings) {
          expect(f.title && f.description && f.evidence && f.remediation && f.location.url, `${check.id}: ${f.title}`).toBeTruthy();
          expect(f.references.length).toBeGreaterThan(0);
        }
      }
    });
  });
}
