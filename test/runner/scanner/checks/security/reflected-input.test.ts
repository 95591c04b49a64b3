// reflected-input: DEEP active probe — a site that has the weakness (found, with the request and the answer as
// evidence), a site that does not, and a soft-404 site.
import { afterEach, describe, expect, it } from 'vitest';
import { reflectedInput } from '../../../../../runner/src/scanner/checks/security/reflected-input.js';
import { checkSite, closeSites, soft404 } from '../../../../support/collect-site.js';
import { site } from './active-site.js';

afterEach(closeSites);

describe('reflected-input', () => {
  it('finds a search page that writes the query into HTML unescaped', async () => {
    const { findings, site: s } = await checkSite(reflectedInput, site((_req, res, url) => {
      if (url.pathname !== '/search') return false;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><body><h1>Results for ${url.searchParams.get('q')}</h1></body></html>`);
      return true;
    }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'high', title: 'The "q" parameter is written into the page unescaped' });
    expect(findings[0]!.evidence).toMatch(new RegExp(`^GET ${s.origin}/search\\?q=isf[0-9a-f]+%22%27%3Cisf[0-9a-f]+%3E → 200; the body contains ".*Results for isf[0-9a-f]+\\\\"'<isf[0-9a-f]+>`));
  });

  it('passes a page that escapes what it echoes, and a soft-404 site', async () => {
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const escaped = await checkSite(reflectedInput, site((_req, res, url) => {
      if (url.pathname !== '/search') return false;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><body><h1>Results for ${escape(url.searchParams.get('q') ?? '')}</h1></body></html>`);
      return true;
    }));
    expect(escaped.findings).toEqual([]);
    expect((await checkSite(reflectedInput, soft404())).findings).toEqual([]);
  });

  it('ignores a reflection in a response that is not HTML', async () => {
    const json = await checkSite(reflectedInput, site((_req, res, url) => {
      if (url.pathname !== '/search') return false;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ q: url.searchParams.get('q') }).replace(/\\u003c/g, '<'));
      return true;
    }));
    expect(json.findings).toEqual([]);
  });
});
