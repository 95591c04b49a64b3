import { describe, expect, it } from 'vitest';
import { sitemapXml, xmlRootName } from '../../../../../runner/src/scanner/checks/seo/sitemap-xml.js';
import { artifacts, failure, response } from '../../../../support/artifacts.js';

const SITEMAP = 'https://site.test/sitemap.xml';
const URLSET = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://site.test/</loc></url></urlset>';
const served = (body: string, status = 200, contentType = 'application/xml', robots?: string) =>
  sitemapXml.run(
    artifacts({
      sitemapXml: response({ url: SITEMAP, status, body, headers: { 'content-type': contentType } }),
      ...(robots === undefined ? {} : { robotsTxt: response({ url: 'https://site.test/robots.txt', body: robots }) }),
    }),
  );

describe('sitemap-xml', () => {
  it('passes an XML urlset or sitemap index', () => {
    expect(served(URLSET)).toEqual({ outcome: 'sitemap-xml-present', findings: [] });
    expect(served('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></sitemapindex>', 200, 'text/xml').outcome).toBe('sitemap-xml-present');
  });

  it('reports a 404 as a missing sitemap (low)', () => {
    expect(served('nope', 404, 'text/plain')).toMatchObject({ outcome: 'sitemap-xml-missing', findings: [{ severity: 'low', location: { url: SITEMAP } }] });
  });

  it('reports a fetch that got no answer as missing', () => {
    expect(sitemapXml.run(artifacts({ sitemapXml: failure(SITEMAP, 'REFUSED', 'connection refused') })).findings[0]!.evidence).toContain('REFUSED');
  });

  it('passes a missing /sitemap.xml when robots.txt names another sitemap', () => {
    expect(served('nope', 404, 'text/plain', 'User-agent: *\nAllow: /\nSitemap: https://site.test/sitemap_index.xml\n')).toEqual({ outcome: 'sitemap-xml-declared-in-robots', findings: [] });
  });

  it('reports an HTML page served as sitemap.xml as low', () => {
    const r = served('<!doctype html><html><body>App</body></html>', 200, 'text/html');
    expect(r).toMatchObject({ outcome: 'sitemap-xml-html', findings: [{ severity: 'low' }] });
  });

  it('reports other content as not an XML sitemap', () => {
    expect(served('{"urls":[]}', 200, 'application/json').outcome).toBe('sitemap-xml-not-xml');
    expect(served('<?xml version="1.0"?><rss></rss>').outcome).toBe('sitemap-xml-not-xml');
    expect(served('').outcome).toBe('sitemap-xml-not-xml');
  });

  it('is not applicable when sitemap.xml was not fetched', () => {
    expect(sitemapXml.run(artifacts()).notApplicable).toBeDefined();
  });

  it('finds the root element past declarations, comments and namespace prefixes', () => {
    expect(xmlRootName('\uFEFF<?xml version="1.0"?>\n<!-- generated --><?xml-stylesheet href="s.xsl"?>\n<sm:urlset xmlns:sm="x">')).toBe('urlset');
    expect(xmlRootName('plain text')).toBeUndefined();
  });
});
