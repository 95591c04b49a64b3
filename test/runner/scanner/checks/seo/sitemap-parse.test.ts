import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseSitemap, sitemapText } from '../../../../../runner/src/scanner/checks/seo/sitemap-parse.js';

describe('parseSitemap', () => {
  it('reads the locations of a urlset, entities decoded, with or without a namespace prefix', () => {
    const xml = '<?xml version="1.0"?><sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9"><sm:url><sm:loc> https://a.test/?x=1&amp;y=2 </sm:loc></sm:url><sm:url><sm:loc><![CDATA[https://a.test/b]]></sm:loc></sm:url></sm:urlset>';
    expect(parseSitemap(xml)).toEqual({ kind: 'urlset', locs: ['https://a.test/?x=1&y=2', 'https://a.test/b'] });
  });

  it('reads the children of a sitemap index, and nothing from a document that is not a sitemap', () => {
    expect(parseSitemap('<sitemapindex><sitemap><loc>https://a.test/s1.xml</loc></sitemap></sitemapindex>')).toEqual({ kind: 'sitemapindex', locs: ['https://a.test/s1.xml'] });
    expect(parseSitemap('<html><body><loc>x</loc></body></html>')).toEqual({ kind: undefined, locs: [] });
  });

  it('decompresses a gzip sitemap', () => {
    expect(sitemapText(gzipSync('<urlset/>'))).toBe('<urlset/>');
  });
});
