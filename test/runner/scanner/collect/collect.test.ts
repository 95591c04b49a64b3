import { afterEach, describe, expect, it } from 'vitest';
import { collect } from '../../../../runner/src/scanner/collect/index.js';
import { ScanError } from '../../../../runner/src/scanner/errors.js';
import { isFetchFailure, type FetchedResponse, type FetchOutcome } from '../../../../runner/src/scanner/types.js';
import { testCerts } from '../../../support/certs.js';
import { startRawServer, startServer, type Fixture } from '../../../support/fixture-server.js';

const open: Fixture[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

async function serve(...args: Parameters<typeof startServer>): Promise<Fixture> {
  const site = await startServer(...args);
  open.push(site);
  return site;
}

function ok(outcome: FetchOutcome | undefined): FetchedResponse {
  if (outcome === undefined || isFetchFailure(outcome)) throw new Error(`expected a response, got ${JSON.stringify(outcome)}`);
  return outcome;
}

const HOME = `<!doctype html><html lang="en"><head>
<title>Fixture</title>
<link rel="stylesheet" href="/style.css">
<link rel="icon" href="/favicon.ico">
<script src="app.js"></script>
<script src="https://cdn.example.invalid/lib.js"></script>
</head><body><h1>Fixture</h1><img src="/logo.png" alt="logo"><img src="/logo.png#again" alt=""></body></html>`;

describe('collect (QUICK)', () => {
  it('gathers page, plain-http twin, TLS, robots.txt, sitemap.xml and same-origin resources of an https site', async () => {
    const { ca, valid } = await testCerts();
    const site = await serve(
      {
        '/': { headers: { 'content-type': 'text/html; charset=utf-8', 'strict-transport-security': 'max-age=63072000' }, body: HOME },
        '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nAllow: /\n' },
        '/sitemap.xml': { headers: { 'content-type': 'application/xml' }, body: '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/</loc></url></urlset>' },
        '/style.css': { headers: { 'content-type': 'text/css', 'cache-control': 'max-age=31536000' }, body: 'h1{color:red}' },
        '/app.js': { headers: { 'content-type': 'text/javascript' }, body: 'console.log(1)' },
        '/logo.png': { headers: { 'content-type': 'image/png' }, body: Buffer.alloc(300) },
      },
      { tls: valid },
    );
    const plain = await serve((_req, res) => {
      res.writeHead(301, { location: site.url });
      res.end();
    });
    const progress: string[] = [];
    const before = Date.now();
    const artifacts = await collect(site.url, { allowPrivateTargets: true, ca: [ca.cert], httpUrl: plain.url, onProgress: (m) => progress.push(m) });

    expect(artifacts.target).toBe(site.url);
    expect(artifacts.depth).toBe('QUICK');
    expect(artifacts.collectedAt).toBeGreaterThanOrEqual(before);
    expect(artifacts.collectedAt).toBeLessThanOrEqual(Date.now());

    expect(artifacts.page.response.status).toBe(200);
    expect(artifacts.page.$?.('title').text()).toBe('Fixture');
    expect(artifacts.pages).toEqual([artifacts.page]);

    const http = ok(artifacts.http);
    expect(http.requestedUrl).toBe(plain.url);
    expect(http.url).toBe(site.url);
    expect(http.redirects).toMatchObject([{ url: plain.url, status: 301, location: site.url }]);

    expect(artifacts.tls).toMatchObject({ host: '127.0.0.1', port: site.port, trusted: true, hostnameMatches: true });

    expect(ok(artifacts.robotsTxt).body.toString()).toContain('User-agent: *');
    expect(ok(artifacts.sitemapXml).body.toString()).toContain('<urlset');

    // In page order, same origin only, each once; the icon is not a stylesheet.
    expect(artifacts.resources.map((r) => ok(r).url)).toEqual([`${site.origin}/style.css`, `${site.origin}/app.js`, `${site.origin}/logo.png`]);
    expect(ok(artifacts.resources[2]).transferBytes).toBe(300);
    expect(site.requests.map((r) => r.url)).not.toContain('/favicon.ico');

    expect(progress[0]).toBe(`Fetching ${site.url}`);
    expect(progress.at(-1)).toBe('Collection finished');
  });

  it('uses the target response itself as `http` for an http target and probes no TLS', async () => {
    const site = await serve({ '/': '<title>plain</title>' });
    const artifacts = await collect(site.url, { allowPrivateTargets: true });
    expect(artifacts.http).toBe(artifacts.page.response);
    expect(artifacts.tls).toBeUndefined();
    expect(ok(artifacts.robotsTxt).status).toBe(404);
    expect(artifacts.resources).toEqual([]);
  });

  it('follows the target to its final page and probes TLS where it landed', async () => {
    const { valid } = await testCerts();
    const secure = await serve({ '/home': '<title>home</title>' }, { tls: valid });
    const entry = await serve({ '/': { status: 301, headers: { location: `${secure.origin}/home` } } });
    const artifacts = await collect(entry.url, { allowPrivateTargets: true });
    expect(artifacts.page.response.url).toBe(`${secure.origin}/home`);
    expect(artifacts.page.response.redirects).toHaveLength(1);
    expect(artifacts.tls).toMatchObject({ port: secure.port, trusted: false, trustError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(artifacts.http).toBe(artifacts.page.response);
    // robots.txt is asked of the final origin.
    expect(secure.requests.map((r) => r.url)).toContain('/robots.txt');
  });

  it('does not parse a response that is not HTML', async () => {
    const site = await serve({ '/': { headers: { 'content-type': 'application/json' }, body: '{"a":1}' } });
    const artifacts = await collect(site.url, { allowPrivateTargets: true });
    expect(artifacts.page.$).toBeUndefined();
  });

  it('throws ScanError DNS when the host does not exist', async () => {
    await expect(collect('https://example.invalid/')).rejects.toMatchObject({ name: 'ScanError', code: 'DNS', message: 'DNS lookup failed for example.invalid' });
  });

  it('throws ScanError BLOCKED_ADDRESS for a loopback target unless private targets are allowed', async () => {
    const site = await serve({ '/': 'x' });
    const err = await collect(site.url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScanError);
    expect(err).toMatchObject({ code: 'BLOCKED_ADDRESS', message: 'Refused to connect to 127.0.0.1 (loopback address): private targets are not allowed' });
  });

  it('throws ScanError INVALID_URL for something that is not an http(s) URL', async () => {
    await expect(collect('ftp://example.invalid/')).rejects.toMatchObject({ code: 'INVALID_URL' });
    await expect(collect('https://user:pw@example.invalid/')).rejects.toMatchObject({ code: 'INVALID_URL' });
  });

  it('ends with ScanError TIMEOUT when the scan budget runs out', async () => {
    const silent = await startRawServer(() => undefined);
    open.push(silent);
    const started = Date.now();
    await expect(collect(silent.url, { allowPrivateTargets: true, scanTimeoutMs: 300 })).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: 'Scan timed out: collection did not finish within 0.3 s',
    });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('stops when the caller aborts, with the caller’s reason', async () => {
    const silent = await startRawServer(() => undefined);
    open.push(silent);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('cancelled by user')), 50);
    await expect(collect(silent.url, { allowPrivateTargets: true, signal: controller.signal })).rejects.toThrow('cancelled by user');
  });

  it('keeps at most `concurrency` requests in flight across the whole collection', async () => {
    let inFlight = 0;
    let peak = 0;
    const images = Array.from({ length: 12 }, (_, i) => `<img src="/i${i}.png">`).join('');
    const site = await serve((req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      const body = req.url === '/' ? `<title>t</title>${images}` : 'x';
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { 'content-type': req.url === '/' ? 'text/html' : 'image/png' });
        res.end(body);
      }, 20);
    });
    const artifacts = await collect(site.url, { allowPrivateTargets: true, concurrency: 2 });
    expect(artifacts.resources).toHaveLength(12);
    expect(peak).toBe(2);
  });
});
