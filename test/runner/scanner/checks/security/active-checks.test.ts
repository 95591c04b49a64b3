// The checks of the DEEP active probes, each against a site that has the weakness (found, with the
// request and the answer as evidence), a site that does not, and a soft-404 site.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { corsOriginReflection } from '../../../../../runner/src/scanner/checks/security/cors-origin-reflection.js';
import { openRedirect } from '../../../../../runner/src/scanner/checks/security/open-redirect.js';
import { reflectedInput } from '../../../../../runner/src/scanner/checks/security/reflected-input.js';
import { traceMethod } from '../../../../../runner/src/scanner/checks/security/trace-method.js';
import { artifacts } from '../../../../support/artifacts.js';
import { checkSite, closeSites, html, soft404 } from '../../../../support/collect-site.js';

afterEach(closeSites);

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;

/** A small site (home, a search page) where `special` may answer a request first. */
function site(special: Handler = () => false) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://site');
    if (special(req, res, url)) return;
    if (url.pathname === '/' || url.pathname === '/search') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html(url.pathname === '/' ? '<a href="/search?q=shoes">Search</a>' : '<p>Results</p>'));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
  };
}

describe('cors-origin-reflection', () => {
  it('finds an Origin reflected with credentials (high) and the null origin allowed', async () => {
    const { findings, site: s } = await checkSite(corsOriginReflection, site((req, res) => {
      const origin = req.headers.origin;
      if (origin === undefined) return false;
      res.writeHead(200, { 'content-type': 'text/html', 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' });
      res.end(html(''));
      return true;
    }));
    expect(findings.map((f) => [f.title, f.severity])).toEqual([
      ['CORS reflects any Origin', 'high'],
      ['CORS allows the origin "null"', 'high'],
    ]);
    expect(findings[0]!.evidence).toMatch(new RegExp(`^GET ${s.url} with Origin: https://issafesite-[0-9a-f]+\\.invalid → Access-Control-Allow-Origin: https://issafesite-[0-9a-f]+\\.invalid, Access-Control-Allow-Credentials: true$`));
  });

  it('rates a reflection without credentials low, and passes a fixed allow-list', async () => {
    const reflect = await checkSite(corsOriginReflection, site((req, res) => {
      if (req.headers.origin === undefined || req.headers.origin === 'null') return false;
      res.writeHead(200, { 'content-type': 'text/html', 'access-control-allow-origin': req.headers.origin });
      res.end(html(''));
      return true;
    }));
    expect(reflect.findings.map((f) => f.severity)).toEqual(['low']);
    const fixed = await checkSite(corsOriginReflection, site((_req, res, url) => {
      if (url.pathname !== '/') return false;
      res.writeHead(200, { 'content-type': 'text/html', 'access-control-allow-origin': 'https://app.example.com', 'access-control-allow-credentials': 'true' });
      res.end(html(''));
      return true;
    }));
    expect(fixed.findings).toEqual([]);
  });

  it('finds nothing on a soft-404 site', async () => {
    expect((await checkSite(corsOriginReflection, soft404())).findings).toEqual([]);
  });

  it('is not applicable below DEEP', () => {
    expect(corsOriginReflection.run(artifacts()).notApplicable).toBe('The active probes run at DEEP depth only.');
  });
});

describe('open-redirect', () => {
  it('finds a parameter that redirects anywhere, with the Location as evidence', async () => {
    const { findings, site: s } = await checkSite(openRedirect, site((_req, res, url) => {
      const next = url.searchParams.get('returnTo');
      if (next === null) return false;
      res.writeHead(302, { location: next });
      res.end();
      return true;
    }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'medium', title: 'The "returnTo" parameter redirects to any site' });
    expect(findings[0]!.evidence).toMatch(new RegExp(`^GET ${s.url}\\?returnTo=https%3A%2F%2Fissafesite-redirect-[0-9a-f]+\\.invalid%2F → 302, Location: https://issafesite-redirect-[0-9a-f]+\\.invalid/; also ${s.origin}/search$`));
  });

  it('finds a redirect through a meta refresh', async () => {
    const { findings } = await checkSite(openRedirect, site((_req, res, url) => {
      const dest = url.searchParams.get('dest');
      if (dest === null) return false;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><head><meta http-equiv="refresh" content="0; url=${dest}"></head></html>`);
      return true;
    }));
    expect(findings.map((f) => f.title)).toEqual(['The "dest" parameter redirects to any site']);
  });

  it('passes a site that only redirects within itself, and a soft-404 site', async () => {
    const local = await checkSite(openRedirect, site((_req, res, url) => {
      const next = url.searchParams.get('next');
      if (next === null) return false;
      res.writeHead(302, { location: next.startsWith('/') && !next.startsWith('//') ? next : '/' });
      res.end();
      return true;
    }));
    expect(local.findings).toEqual([]);
    expect((await checkSite(openRedirect, soft404())).findings).toEqual([]);
  });
});

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

describe('trace-method', () => {
  it('finds a server that echoes TRACE requests', async () => {
    const { findings } = await checkSite(traceMethod, site((req, res) => {
      if (req.method !== 'TRACE') return false;
      res.writeHead(200, { 'content-type': 'message/http' });
      res.end(`TRACE ${req.url} HTTP/1.1\r\n${Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n`);
      return true;
    }));
    expect(findings).toMatchObject([{ severity: 'low', title: 'The server answers HTTP TRACE' }]);
    expect(findings[0]!.evidence).toContain('→ 200, echoing "TRACE / HTTP/1.1"');
  });

  it('passes a server that refuses TRACE, and a soft-404 site', async () => {
    const refused = await checkSite(traceMethod, site((req, res) => {
      if (req.method !== 'TRACE') return false;
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return true;
    }));
    expect(refused.outcome).toBe('trace-disabled');
    expect((await checkSite(traceMethod, soft404())).findings).toEqual([]);
  });
});
