// collect() at STANDARD and DEEP: the crawl and the probes on top of QUICK, their budgets, and what they
// leave in the artifacts.
import { afterEach, describe, expect, it } from 'vitest';
import { collect, DEPTH_BUDGETS } from '../../../../runner/src/scanner/collect/index.js';
import { isFetchFailure } from '../../../../runner/src/scanner/types.js';
import { routeHandler, startServer, type Fixture, type Routes } from '../../../support/fixture-server.js';

const open: Fixture[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

async function serve(routes: Routes | Parameters<typeof startServer>[0]): Promise<Fixture> {
  const site = await startServer(routes);
  open.push(site);
  return site;
}

const page = (links: string[], head = '') => `<!doctype html><html><head><title>t</title>${head}</head><body>${links.map((l) => `<a href="${l}">x</a>`).join('')}</body></html>`;

describe('collect at STANDARD and DEEP', () => {
  it('adds nothing of the crawl at QUICK', async () => {
    const site = await serve({ '/': page(['/a']), '/a': page([]) });
    const a = await collect(site.url, { allowPrivateTargets: true });
    expect(a.pages).toHaveLength(1);
    expect(a.crawl).toBeUndefined();
    expect(a.exposures).toBeUndefined();
    expect(site.requests.map((r) => r.url)).not.toContain('/a');
  });

  it('crawls and probes at STANDARD, with the depth\'s default budget, and sends no active probe', async () => {
    const site = await serve({
      '/': page(['/a', '/missing'], '<script src="/js/app.js"></script><script src="https://cdn.example.invalid/jquery-1.8.3.min.js"></script>'),
      '/a': page([], '<link rel="stylesheet" href="/css/a.css"><script src="/js/app.js"></script>'),
      '/js/app.js': { headers: { 'content-type': 'text/javascript' }, body: 'x()' },
      '/css/a.css': { headers: { 'content-type': 'text/css' }, body: 'a{}' },
    });
    const a = await collect(site.url, { depth: 'STANDARD', allowPrivateTargets: true });
    expect(a.depth).toBe('STANDARD');
    expect(a.crawl).toMatchObject({ stoppedBy: 'complete', pagesScanned: 2, maxPages: DEPTH_BUDGETS.STANDARD.maxPages, timeLimitMs: 60_000 });
    expect(a.pages.map((p) => p.response.url)).toEqual([site.url, `${site.origin}/a`]);
    expect(a.links?.find((l) => l.url === `${site.origin}/missing`)).toMatchObject({ status: 404 });
    expect(a.siteResources?.map((r) => r.requestedUrl)).toEqual([`${site.origin}/css/a.css`]);
    expect(a.scripts?.map((s) => [s.url, s.pages.length])).toEqual([
      [`${site.origin}/js/app.js`, 2],
      ['https://cdn.example.invalid/jquery-1.8.3.min.js', 1],
    ]);
    expect(isFetchFailure(a.scripts?.[1]?.response)).toBe(true);
    expect(site.requests.filter((r) => r.url === '/js/app.js')).toHaveLength(1);
    expect(a.notFoundBaseline).toHaveLength(3);
    expect(a.exposures?.length).toBeGreaterThan(20);
    expect(a.directoryListings?.map((r) => (isFetchFailure(r) ? r.requestedUrl : r.url)).sort()).toEqual([`${site.origin}/css/`, `${site.origin}/js/`]);
    expect(a.securityTxt?.map((r) => (isFetchFailure(r) ? r.requestedUrl : r.url))).toEqual([`${site.origin}/.well-known/security.txt`, `${site.origin}/security.txt`]);
    expect(a.activeProbes).toBeUndefined();
    expect(new Set(site.requests.map((r) => r.method))).toEqual(new Set(['GET']));
  });

  it('runs the active probes at DEEP with GET, OPTIONS and TRACE only, never following a redirect to the probe host', async () => {
    const site = await serve((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const next = url.searchParams.get('next');
      if (next) {
        res.writeHead(302, { location: next });
        return void res.end();
      }
      routeHandler({ '/': page(['/search?q=a']), '/search': page([]) })(req, res);
    });
    const a = await collect(site.url, { depth: 'DEEP', allowPrivateTargets: true, maxPages: 5 });
    expect(a.crawl?.maxPages).toBe(5);
    expect(a.activeProbes?.length).toBeGreaterThan(10);
    expect(new Set(a.activeProbes?.map((p) => p.method))).toEqual(new Set(['GET', 'OPTIONS', 'TRACE']));
    expect(new Set(site.requests.map((r) => r.method))).toEqual(new Set(['GET', 'OPTIONS', 'TRACE']));
    const redirect = a.activeProbes?.find((p) => p.kind === 'open-redirect' && p.param === 'next' && p.url.startsWith(site.url));
    expect(redirect?.response).toMatchObject({ status: 302 });
    expect(a.activeProbes?.some((p) => p.kind === 'reflected-input' && p.url.includes('/search?q=isf'))).toBe(true);
  });

  it('reads the sitemaps robots.txt names and the children of a sitemap index, and crawls their URLs', async () => {
    const urlset = (paths: string[], origin: string) => `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths.map((p) => `<url><loc>${origin}${p}</loc></url>`).join('')}</urlset>`;
    let origin = '';
    const site = await serve((req, res) => {
      const xml = (body: string) => {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(body);
      };
      if (req.url === '/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        return void res.end(`User-agent: *\nAllow: /\nSitemap: ${origin}/news-sitemap.xml\n`);
      }
      if (req.url === '/sitemap.xml') return xml(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${origin}/pages.xml</loc></sitemap></sitemapindex>`);
      if (req.url === '/pages.xml') return xml(urlset(['/from-index'], origin));
      if (req.url === '/news-sitemap.xml') return xml(urlset(['/from-robots'], origin));
      routeHandler({ '/': page([]), '/from-index': page([]), '/from-robots': page([]) })(req, res);
    });
    origin = site.origin;
    const a = await collect(site.url, { depth: 'STANDARD', allowPrivateTargets: true });
    expect(a.sitemaps?.map((s) => (isFetchFailure(s) ? s.requestedUrl : s.url))).toEqual([`${origin}/sitemap.xml`, `${origin}/news-sitemap.xml`, `${origin}/pages.xml`]);
    expect(a.pages.map((p) => new URL(p.response.url).pathname).sort()).toEqual(['/', '/from-index', '/from-robots']);
  });

  it('stops the probes near the scan deadline instead of failing the scan', async () => {
    const routes = routeHandler({ '/': page([]) });
    const site = await serve((req, res) => {
      setTimeout(() => routes(req, res), req.url === '/' || req.url === '/robots.txt' || req.url === '/sitemap.xml' ? 0 : 400);
    });
    const started = Date.now();
    const a = await collect(site.url, { depth: 'STANDARD', allowPrivateTargets: true, scanTimeoutMs: 6_000 });
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(a.exposures?.some((p) => isFetchFailure(p.response) && p.response.error === 'TIMEOUT')).toBe(true);
  });

  it('refreshes the vulnerable-library table from a retire.js repository URL when asked, and keeps the bundled one when that fails', async () => {
    const data = await serve({
      '/repo.json': { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jquery: { vulnerabilities: [{ below: '9.0.0', severity: 'high', identifiers: { CVE: ['CVE-2099-0001'], summary: 'Everything is broken' } }] } }) },
      '/broken.json': { headers: { 'content-type': 'application/json' }, body: '{' },
    });
    const site = await serve({ '/': page([]) });
    const a = await collect(site.url, { depth: 'STANDARD', allowPrivateTargets: true, libraryDataUrl: `${data.origin}/repo.json` });
    expect(a.libraryTable?.libraries.find((l) => l.id === 'jquery')?.vulnerabilities.map((v) => v.cve)).toEqual([['CVE-2099-0001']]);
    const progress: string[] = [];
    const b = await collect(site.url, { depth: 'STANDARD', allowPrivateTargets: true, libraryDataUrl: `${data.origin}/broken.json`, onProgress: (m) => progress.push(m) });
    expect(b.libraryTable).toBeUndefined();
    expect(progress.some((m) => m.includes('unusable') && m.includes('bundled table'))).toBe(true);
  });
});
