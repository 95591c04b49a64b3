// Site-wide delivery reads the crawl: the other pages and their assets (the target page's own are judged
// by cache-headers and text-compression).
import { afterEach, describe, expect, it } from 'vitest';
import { siteCacheHeaders } from '../../../../../runner/src/scanner/checks/traffic/site-cache-headers.js';
import { checkSite, closeSites, html, soft404 } from '../../../../support/collect-site.js';

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

describe('site-cache-headers', () => {
  it('finds assets of other pages without a caching policy, and fingerprinted ones cached briefly', async () => {
    const { findings, site } = await checkSite(siteCacheHeaders, routes({}));
    expect(findings.map((f) => [f.title, f.evidence])).toEqual([
      ['1 more static asset has no caching policy', `${site.origin}/blog/blog.css — no Cache-Control or Expires`],
      ['1 more fingerprinted asset expires within a day', `${site.origin}/blog/app.0a1b2c3d4e.js — Cache-Control: max-age=600`],
    ]);
  });

  it('passes well-cached assets; a soft-404 site has none to judge', async () => {
    const good = await checkSite(siteCacheHeaders, {
      ...routes({ 'cache-control': 'max-age=86400' }),
      '/blog/app.0a1b2c3d4e.js': { headers: { 'content-type': 'text/javascript', 'cache-control': 'max-age=31536000, immutable' }, body: 'x()' },
    });
    expect(good.outcome).toBe('site-cache-headers-ok');
    expect((await checkSite(siteCacheHeaders, soft404())).notApplicable).toBeDefined();
  });
});
