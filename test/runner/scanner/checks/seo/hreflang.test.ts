import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { alternatesOf, hreflang } from '../../../../../runner/src/scanner/checks/seo/hreflang.js';
import { artifacts, htmlPage } from '../../../../support/artifacts.js';
import { checkSite, closeSites, html, soft404 } from '../../../../support/collect-site.js';

afterEach(closeSites);

/** A page whose head lists the alternates written as `code=path`, with absolute URLs on the request's host. */
function localised(routes: Record<string, string[]>) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const origin = `http://${req.headers.host}`;
    const alternates = routes[req.url ?? ''];
    if (alternates === undefined) {
      res.writeHead(404);
      return void res.end();
    }
    const links = alternates.map((a) => {
      const [code, path] = a.split('=');
      return `<link rel="alternate" hreflang="${code}" href="${path!.startsWith('/') ? origin + path : path}">`;
    });
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(html(Object.keys(routes).map((p) => `<a href="${p}">x</a>`).join(''), links.join('')));
  };
}

describe('hreflang', () => {
  it('passes a complete, reciprocal set', async () => {
    const set = ['en=/', 'de=/de/', 'x-default=/'];
    const { findings, outcome } = await checkSite(hreflang, localised({ '/': set, '/de/': set }));
    expect(findings).toEqual([]);
    expect(outcome).toBe('hreflang-ok');
  });

  it('finds bad codes, missing return links, missing self-references and alternates that lead to errors', async () => {
    const { findings, site } = await checkSite(hreflang, localised({ '/': ['en=/', 'uk=/uk/', 'de=/de/', 'fr=/fr/'], '/de/': ['de=/de/'], '/uk/': ['en_GB=/uk/'] }));
    const o = site.origin;
    expect(findings.map((f) => [f.location.url, f.title])).toEqual([
      [`${o}/`, 'hreflang alternates lead to errors'],
      [`${o}/`, 'hreflang alternates without a return link'],
      [`${o}/uk/`, 'hreflang values that are not language codes'],
    ]);
    expect(findings[0]!.evidence).toBe(`hreflang="fr" → ${o}/fr/ (404)`);
    expect(findings[1]!.evidence).toBe(`${o}/uk/ (hreflang="uk") does not link back to ${o}/; ${o}/de/ (hreflang="de") does not link back to ${o}/`);
    expect(findings[2]!.evidence).toBe(`hreflang="en_GB" → ${o}/uk/`);
  });

  it('finds relative URLs, a code used twice and a page that does not list itself', () => {
    const page = htmlPage(html('', '<link rel="alternate" hreflang="de" href="/de/"><link rel="alternate" hreflang="fr" href="https://site.test/fr/"><link rel="alternate" hreflang="fr" href="https://site.test/fr-fr/">'));
    const { findings } = hreflang.run(artifacts({ page, pages: [page], depth: 'STANDARD', links: [] }));
    expect(findings.map((f) => f.title)).toEqual(['hreflang URLs that are not fully qualified', 'one hreflang code points to several URLs', 'the page does not list itself among its hreflang alternates']);
  });

  it('reads alternates from the Link header too', () => {
    const page = htmlPage('<p>x</p>', { headers: { link: '<https://site.test/de/>; rel="alternate"; hreflang="de", <https://site.test/>; rel="canonical"' } });
    expect(alternatesOf(page)).toEqual([{ code: 'de', href: 'https://site.test/de/', url: 'https://site.test/de/' }]);
  });

  it('is not applicable when no page has alternates, as on a soft-404 site', async () => {
    expect((await checkSite(hreflang, soft404())).notApplicable).toBe('No page declares hreflang alternates.');
  });
});
