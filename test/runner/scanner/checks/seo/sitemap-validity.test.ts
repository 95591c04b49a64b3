import { afterEach, describe, expect, it } from 'vitest';
import { sitemapValidity } from '../../../../../runner/src/scanner/checks/seo/sitemap-validity.js';
import { artifacts, response } from '../../../../support/artifacts.js';
import { checkSite, closeSites, html, soft404 } from '../../../../support/collect-site.js';

afterEach(closeSites);

const urlset = (locs: string[]) => `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.map((l) => `<url><loc>${l}</loc></url>`).join('')}</urlset>`;
const xml = (body: string) => ({ headers: { 'content-type': 'application/xml' }, body });

describe('sitemap-validity', () => {
  it('passes a sitemap of working, indexable pages of its own host', async () => {
    const { findings, outcome } = await checkSite(sitemapValidity, (req, res) => {
      const origin = `http://${req.headers.host}`;
      const routes: Record<string, string> = { '/': html(''), '/a': html(''), '/sitemap.xml': urlset([`${origin}/`, `${origin}/a`]) };
      res.writeHead(routes[req.url ?? ''] ? 200 : 404, { 'content-type': req.url === '/sitemap.xml' ? 'application/xml' : 'text/html' });
      res.end(routes[req.url ?? ''] ?? 'nope');
    });
    expect(findings).toEqual([]);
    expect(outcome).toBe('sitemap-validity-ok');
  });

  it('finds a sitemap that lists broken, redirecting, noindex and foreign URLs', async () => {
    const { findings, site } = await checkSite(sitemapValidity, (req, res) => {
      const origin = `http://${req.headers.host}`;
      if (req.url === '/sitemap.xml') {
        res.writeHead(200, { 'content-type': 'application/xml' });
        return void res.end(urlset([`${origin}/`, `${origin}/gone`, `${origin}/old`, `${origin}/private`, 'https://elsewhere.example/x', '/relative']));
      }
      if (req.url === '/old') {
        res.writeHead(301, { location: '/' });
        return void res.end();
      }
      if (req.url === '/' || req.url === '/private') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return void res.end(html('', req.url === '/private' ? '<meta name="robots" content="noindex">' : ''));
      }
      res.writeHead(404);
      res.end();
    });
    const origin = site.origin;
    expect(findings.map((f) => [f.severity, f.title])).toEqual([
      ['medium', '1 sitemap entry is not an absolute URL'],
      ['medium', '1 sitemap entry points to another host or protocol'],
      ['medium', 'The sitemap lists 1 URL that answers with an error'],
      ['low', 'The sitemap lists 1 URL that redirects'],
      ['medium', 'The sitemap lists 1 page marked noindex'],
    ]);
    expect(findings[2]!.evidence).toBe(`${origin}/gone → 404`);
    expect(findings[4]!.evidence).toBe(`${origin}/private (<meta name="robots" content="noindex">)`);
  });

  it('finds a sitemap that is not well-formed XML, naming the line', async () => {
    const { findings, site } = await checkSite(sitemapValidity, { '/': html(''), '/sitemap.xml': xml('<?xml version="1.0"?>\n<urlset>\n<url><loc>https://a.test/?a=1&b=2</loc></url>\n</urlset>') });
    expect(findings[0]).toMatchObject({ title: 'The sitemap is not well-formed XML', evidence: `${site.origin}/sitemap.xml line 3: an "&" that is not an entity (write &amp;)` });
  });

  it('applies the protocol\'s limits of 50,000 URLs and 50 MB', () => {
    const many = urlset(Array.from({ length: 50_001 }, (_, i) => `https://site.test/${i}`));
    const big = response({ url: 'https://site.test/sitemap.xml', body: urlset(['https://site.test/']), truncated: true, headers: { 'content-length': String(60 * 1024 * 1024) } });
    const titles = sitemapValidity.run(artifacts({ sitemaps: [response({ url: 'https://site.test/sitemap.xml', body: many }), big] })).findings.map((f) => f.title);
    expect(titles).toEqual(['The sitemap lists more than 50,000 URLs', 'The sitemap is larger than 50 MB']);
  });

  it('is not applicable without an XML sitemap, as on a soft-404 site', async () => {
    expect((await checkSite(sitemapValidity, soft404())).notApplicable).toBeDefined();
  });
});
