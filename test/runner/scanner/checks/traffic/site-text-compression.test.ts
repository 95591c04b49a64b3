// Site-wide delivery reads the crawl: the other pages and their assets (the target page's own are judged
// by cache-headers and text-compression).
import { afterEach, describe, expect, it } from 'vitest';
import { siteTextCompression } from '../../../../../runner/src/scanner/checks/traffic/site-text-compression.js';
import { checkSite, closeSites, html } from '../../../../support/collect-site.js';

afterEach(closeSites);

const BIG_CSS = `body{${'color:red;'.repeat(300)}}`;
function routes(assetHeaders: Record<string, string>) {
  return {
    '/': html('<a href="/blog">Blog</a>', '<link rel="stylesheet" href="/main.css">'),
    '/main.css': { headers: { 'content-type': 'text/css', 'cache-control': 'max-age=3600' }, body: 'a{}' },
    '/blog': html('', '<link rel="stylesheet" href="/blog/blog.css"><script src="/blog/app.0a1b2c3d4e.js"></script>'),
    '/blog/blog.css': { headers: { 'content-type': 'text/css', ...assetHeaders }, body: BIG_CSS },
    '/blog/app.0a1b2c3d4e.js': { headers: { 'content-type': 'text/javascript', 'cache-control': 'max-age=600' }, body: 'x()' },
  };
}

describe('site-text-compression', () => {
  it('finds text of other pages sent uncompressed', async () => {
    const { findings, site } = await checkSite(siteTextCompression, routes({ 'cache-control': 'max-age=60' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.evidence).toBe(`${site.origin}/blog/blog.css (3.0 kB, text/css)`);
  });

  it('passes compressed text', async () => {
    const { gzipSync } = await import('node:zlib');
    const { outcome } = await checkSite(siteTextCompression, { ...routes({}), '/blog/blog.css': { headers: { 'content-type': 'text/css', 'content-encoding': 'gzip' }, body: gzipSync(BIG_CSS) } });
    expect(outcome).toBe('site-text-compression-ok');
  });
});
