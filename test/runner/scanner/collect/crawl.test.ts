import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRobots } from '../../../../runner/src/scanner/checks/seo/robots-rules.js';
import { Deadline } from '../../../../runner/src/scanner/collect/budget.js';
import { crawl, type CrawlResult } from '../../../../runner/src/scanner/collect/crawl.js';
import { crawlRules } from '../../../../runner/src/scanner/collect/deeper.js';
import { toPage } from '../../../../runner/src/scanner/collect/page.js';
import { USER_AGENT } from '../../../../runner/src/scanner/collect/user-agent.js';
import type { FetchedResponse } from '../../../../runner/src/scanner/types.js';
import { response } from '../../../support/artifacts.js';
import { routeHandler, startServer, type Fixture, type Routes } from '../../../support/fixture-server.js';
import { withFetcher } from '../../../support/probes.js';

const open: Fixture[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

const html = (links: string[], head = '') => `<!doctype html><html><head><title>t</title>${head}</head><body>${links.map((l) => `<a href="${l}">x</a>`).join('')}</body></html>`;

interface Options {
  maxPages?: number;
  timeLimitMs?: number;
  concurrency?: number;
  robots?: string;
  sitemap?: string[];
  maxLinkChecks?: number;
}

async function crawlSite(routes: Routes | ((req: IncomingMessage, res: ServerResponse) => void), options: Options = {}): Promise<{ site: Fixture; result: CrawlResult; paths: string[] }> {
  const site = await startServer(routes);
  open.push(site);
  const result = await withFetcher(async (fetcher) => {
    const first = (await fetcher.fetch(site.url)) as FetchedResponse;
    const timeLimitMs = options.timeLimitMs ?? 10_000;
    return crawl({
      fetcher,
      start: toPage(first),
      sitemapUrls: (options.sitemap ?? []).map((p) => ({ url: `${site.origin}${p}`, sitemap: `${site.origin}/sitemap.xml` })),
      robots: options.robots === undefined ? undefined : parseRobots(`${site.origin}/robots.txt`, options.robots),
      userAgent: USER_AGENT,
      maxPages: options.maxPages ?? 50,
      deadline: Deadline.in(timeLimitMs),
      timeLimitMs,
      concurrency: options.concurrency ?? 4,
      ...(options.maxLinkChecks !== undefined ? { maxLinkChecks: options.maxLinkChecks } : {}),
    });
  });
  return { site, result, paths: result.pages.map((p) => new URL(p.response.url).pathname) };
}

function link(result: CrawlResult, site: Fixture, path: string) {
  return result.links.find((l) => l.url === `${site.origin}${path}`);
}

describe('crawl', () => {
  it('goes breadth first and fetches each page once, whatever form its links take', async () => {
    const { site, result, paths } = await crawlSite(
      {
        '/': html(['/a', '/b#team', '/b', '/a/', 'a?', 'http://127.0.0.1/elsewhere', '//other.invalid/x', 'mailto:x@y.test', 'javascript:void(0)']),
        '/a': html(['/c', '/']),
        '/b': html(['/d']),
        '/c': html([]),
        '/d': html(['/a']),
      },
      { concurrency: 1 },
    );
    expect(paths).toEqual(['/', '/a', '/b', '/c', '/d']);
    const gets = site.requests.filter((r) => r.method === 'GET').map((r) => r.url);
    expect(gets).toEqual(['/', '/a', '/b', '/c', '/d']);
    expect(result.summary).toMatchObject({ stoppedBy: 'complete', pagesScanned: 5, notVisited: 0 });
    expect(link(result, site, '/b')?.sources).toEqual([{ page: `${site.origin}/`, href: '/b#team' }]);
  });

  it('requests a path that starts with // on the same host', async () => {
    const { site, paths } = await crawlSite({ '/': html(['/.//admin']), '//admin': html([]) });
    expect(paths).toEqual(['/', '//admin']);
    expect(site.requests.map((r) => r.url)).toContain('//admin');
  });

  it('honours robots.txt for our User-Agent and records what it kept us from', async () => {
    const robots = 'User-agent: IsSafeSiteScanner\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n';
    const { site, result, paths } = await crawlSite({ '/': html(['/public', '/private/x']), '/public': html([]), '/private/x': html([]) }, { robots });
    expect(paths).toEqual(['/', '/public']);
    expect(site.requests.map((r) => r.url)).not.toContain('/private/x');
    expect(link(result, site, '/private/x')).toMatchObject({ unchecked: 'robots' });
    expect(result.summary.disallowedByRobots).toBe(1);
  });

  it('crawls nothing beyond the target when robots.txt disallows everything for every crawler', async () => {
    const { paths, site } = await crawlSite({ '/': html(['/a']), '/a': html([]) }, { robots: 'User-agent: *\nDisallow: /\n' });
    expect(paths).toEqual(['/']);
    expect(site.requests.map((r) => r.url)).toEqual(['/']);
  });

  it('keeps only HTML pages; files are checked with HEAD, never parsed', async () => {
    const { site, result, paths } = await crawlSite({
      '/': html(['/data', '/report.pdf']),
      '/data': { headers: { 'content-type': 'application/json' }, body: '{"a":1}' },
      '/report.pdf': { headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.7' },
    });
    expect(paths).toEqual(['/']);
    expect(result.summary.nonHtml).toBe(1);
    expect(link(result, site, '/data')).toMatchObject({ status: 200, method: 'GET' });
    expect(link(result, site, '/report.pdf')).toMatchObject({ status: 200, method: 'HEAD' });
    expect(site.requests.find((r) => r.url === '/report.pdf')?.method).toBe('HEAD');
  });

  it('records broken links with the pages that link to them, asking with GET when HEAD is not implemented', async () => {
    const { site, result } = await crawlSite({
      '/': html(['/gone', '/file.zip', '/a']),
      '/a': html(['/gone']),
      '/file.zip': (req, res) => {
        res.writeHead(req.method === 'HEAD' ? 405 : 500);
        res.end();
      },
    });
    expect(link(result, site, '/gone')).toMatchObject({ status: 404, method: 'GET', sources: [{ page: `${site.origin}/`, href: '/gone' }, { page: `${site.origin}/a`, href: '/gone' }] });
    expect(link(result, site, '/file.zip')).toMatchObject({ status: 500, method: 'GET' });
  });

  it('fetches a page reached through a redirect once', async () => {
    const { site, paths } = await crawlSite({ '/': html(['/old', '/new']), '/old': { status: 301, headers: { location: '/new' } }, '/new': html([]) }, { concurrency: 1 });
    expect(paths).toEqual(['/', '/new']);
    expect(site.requests.filter((r) => r.url === '/new')).toHaveLength(1);
  });

  it('starts from the sitemap too, after the links of the target page', async () => {
    const { site, result, paths } = await crawlSite({ '/': html(['/a']), '/a': html([]), '/orphan': html([]) }, { sitemap: ['/orphan', '/a'], concurrency: 1 });
    expect(paths).toEqual(['/', '/a', '/orphan']);
    expect(link(result, site, '/orphan')).toMatchObject({ inSitemap: true, sources: [] });
  });

  it('does not follow the links of a page marked nofollow', async () => {
    const { paths } = await crawlSite({ '/': html(['/a']), '/a': html(['/b'], '<meta name="robots" content="noindex, nofollow">'), '/b': html([]) });
    expect(paths).toEqual(['/', '/a']);
  });

  it('stops at the page budget, says so, and still checks the remaining links', async () => {
    const routes: Routes = {};
    for (let i = 0; i < 10; i++) routes[i === 0 ? '/' : `/p${i}`] = html(Array.from({ length: 9 }, (_, k) => `/p${k + 1}`));
    const { site, result, paths } = await crawlSite(routes, { maxPages: 3, maxLinkChecks: 4 });
    expect(paths).toHaveLength(3);
    expect(result.summary).toMatchObject({ stoppedBy: 'pages', pagesScanned: 3, maxPages: 3, notVisited: 3 });
    expect(site.requests.filter((r) => r.method === 'HEAD')).toHaveLength(4);
    expect(result.links.filter((l) => l.unchecked === 'budget')).toHaveLength(3);
  });

  it('stops at the time budget and says so', async () => {
    const routes: Routes = {};
    for (let i = 0; i < 30; i++) routes[i === 0 ? '/' : `/p${i}`] = html([`/p${i + 1}`]);
    const handler = routeHandler(routes);
    const { result } = await crawlSite(
      (req, res) => {
        setTimeout(() => handler(req, res), req.url === '/' ? 0 : 100);
      },
      { timeLimitMs: 450 },
    );
    expect(result.summary.stoppedBy).toBe('time');
    expect(result.summary.pagesScanned).toBeGreaterThan(1);
    expect(result.summary.pagesScanned).toBeLessThan(10);
    expect(result.summary.durationMs).toBeLessThan(1500);
  });

  it('keeps at most four requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const routes: Routes = { '/': html(Array.from({ length: 20 }, (_, i) => `/p${i}`)) };
    for (let i = 0; i < 20; i++) routes[`/p${i}`] = html([]);
    const handler = routeHandler(routes);
    const { paths } = await crawlSite(
      (req, res) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        res.on('finish', () => inFlight--);
        setTimeout(() => handler(req, res), 20);
      },
      { concurrency: 8 },
    );
    expect(paths).toHaveLength(21);
    expect(peak).toBeLessThanOrEqual(4);
    expect(peak).toBeGreaterThan(1);
  });
});

describe('crawlRules', () => {
  const robots = (status: number, body = '') => response({ url: 'https://site.test/robots.txt', status, body });

  it('allows everything when robots.txt is missing, and nothing when the server fails (RFC 9309)', () => {
    expect(crawlRules(robots(404))).toBeUndefined();
    expect(crawlRules(robots(503))?.isAllowed('https://site.test/a', USER_AGENT)).toBe(false);
    expect(crawlRules(robots(200, 'User-agent: *\nDisallow: /x\n'))?.isAllowed('https://site.test/a', USER_AGENT)).toBe(true);
  });
});
