import { afterEach, describe, expect, it } from 'vitest';
import { brotliCompressSync, createGzip, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { Fetcher, type FetcherOptions } from '../../../../runner/src/scanner/collect/fetcher.js';
import type { FetchedResponse, FetchFailure, FetchOutcome } from '../../../../runner/src/scanner/types.js';
import { isFetchFailure } from '../../../../runner/src/scanner/types.js';
import { testCerts } from '../../../support/certs.js';
import { closedPort, startRawServer, startServer, type Fixture } from '../../../support/fixture-server.js';

const open: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

function track<T extends { close(): Promise<void> }>(thing: T): T {
  open.push(thing);
  return thing;
}

async function serve(...args: Parameters<typeof startServer>): Promise<Fixture> {
  return track(await startServer(...args));
}

function fetcher(options: FetcherOptions = {}): Fetcher {
  return track(new Fetcher({ allowPrivateTargets: true, ...options }));
}

function ok(outcome: FetchOutcome): FetchedResponse {
  if (isFetchFailure(outcome)) throw new Error(`expected a response, got ${outcome.error}: ${outcome.message}`);
  return outcome;
}

function failed(outcome: FetchOutcome): FetchFailure {
  if (!isFetchFailure(outcome)) throw new Error(`expected a failure, got HTTP ${outcome.status}`);
  return outcome;
}

describe('Fetcher: responses', () => {
  it('returns status, lower-case headers with each set-cookie kept, the body and where it came from', async () => {
    const site = await serve({
      '/': { headers: { 'Content-Type': 'text/html', 'Set-Cookie': ['a=1; Secure', 'b=2; HttpOnly'], 'X-Thing': 'yes' }, body: '<h1>hi</h1>' },
    });
    const res = ok(await fetcher().fetch(site.url));
    expect(res.status).toBe(200);
    expect(res.url).toBe(site.url);
    expect(res.requestedUrl).toBe(site.url);
    expect(res.headers['set-cookie']).toEqual(['a=1; Secure', 'b=2; HttpOnly']);
    expect(res.headers['x-thing']).toEqual(['yes']);
    expect(res.body.toString()).toBe('<h1>hi</h1>');
    expect(res.truncated).toBe(false);
    expect(res.transferBytes).toBe(11);
    expect(res.remoteAddress).toBe('127.0.0.1');
    expect(res.httpVersion).toBe('1.1');
    expect(res.redirects).toEqual([]);
    expect(res.timings.totalMs).toBeGreaterThanOrEqual(res.timings.ttfbMs);
  });

  it('sends the scanner User-Agent and asks for gzip, deflate and br', async () => {
    const site = await serve({ '/': 'x' });
    ok(await fetcher().fetch(site.url));
    expect(site.requests[0]!.headers['user-agent']).toMatch(/^IsSafeSiteScanner\/\d+\.\d+\.\d+ \(\+https:\/\/issafesite\.com\/scanner\)$/);
    expect(site.requests[0]!.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('answers INVALID_URL for a non-http URL and for garbage, without a request', async () => {
    const f = fetcher();
    expect(failed(await f.fetch('ftp://127.0.0.1/')).error).toBe('INVALID_URL');
    expect(failed(await f.fetch('not a url'))).toMatchObject({ error: 'INVALID_URL', requestedUrl: 'not a url' });
  });
});

describe('Fetcher: redirects', () => {
  it('records each hop with its status, location and address, resolving relative locations', async () => {
    const site = await serve({
      '/': { status: 301, headers: { location: '/a' } },
      '/a': { status: 302, headers: { location: 'b?x=1' } },
      '/b?x=1': 'final',
    });
    const res = ok(await fetcher().fetch(site.url));
    expect(res.url).toBe(`${site.origin}/b?x=1`);
    expect(res.body.toString()).toBe('final');
    expect(res.redirects.map((r) => [r.url, r.status, r.location, r.remoteAddress])).toEqual([
      [site.url, 301, '/a', '127.0.0.1'],
      [`${site.origin}/a`, 302, 'b?x=1', '127.0.0.1'],
    ]);
  });

  it('ends a redirect loop as TOO_MANY_REDIRECTS naming the loop', async () => {
    const site = await serve({ '/a': { status: 302, headers: { location: '/b' } }, '/b': { status: 302, headers: { location: '/a' } } });
    const out = failed(await fetcher().fetch(`${site.origin}/a`));
    expect(out.error).toBe('TOO_MANY_REDIRECTS');
    expect(out.message).toBe(`Redirect loop: ${site.origin}/a → ${site.origin}/b → ${site.origin}/a`);
  });

  it('follows 10 redirects but not 11', async () => {
    const hops = (n: number) => (req: { url?: string }, res: { writeHead(s: number, h: Record<string, string>): void; end(b?: string): void }) => {
      const i = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('i') ?? 0);
      if (i < n) res.writeHead(302, { location: `?i=${i + 1}` });
      else res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    };
    const ten = await serve(hops(10));
    expect(ok(await fetcher().fetch(ten.url)).redirects).toHaveLength(10);
    const eleven = await serve(hops(11));
    const out = failed(await fetcher().fetch(eleven.url));
    expect(out).toMatchObject({ error: 'TOO_MANY_REDIRECTS', message: `More than 10 redirects starting at ${eleven.url}` });
  });

  it('returns the 3xx itself when its Location cannot be followed', async () => {
    const site = await serve({ '/a': { status: 302, headers: { location: 'http://[broken' } }, '/b': { status: 301, headers: { location: 'mailto:x@example.invalid' } } });
    const f = fetcher();
    expect(ok(await f.fetch(`${site.origin}/a`)).status).toBe(302);
    expect(ok(await f.fetch(`${site.origin}/b`)).status).toBe(301);
  });

  it('returns the 3xx itself when told not to follow', async () => {
    const site = await serve({ '/': { status: 308, headers: { location: '/x' } } });
    const res = ok(await fetcher().fetch(site.url, { followRedirects: false }));
    expect(res.status).toBe(308);
    expect(res.headers.location).toEqual(['/x']);
  });
});

describe('Fetcher: bodies', () => {
  it('cuts an endless body at the cap, quickly and without reading on', async () => {
    let written = 0;
    const site = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 97);
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk)) written += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const started = Date.now();
    const res = ok(await fetcher().fetch(site.url, { maxBytes: 256 * 1024 }));
    expect(res.truncated).toBe(true);
    expect(res.body.length).toBe(256 * 1024);
    expect(Date.now() - started).toBeLessThan(2000);
    // Socket buffers hold a few MB at most; the server stops once the connection closes.
    const after = written;
    await new Promise((r) => setTimeout(r, 100));
    expect(written - after).toBeLessThan(8 * 1024 * 1024);
  });

  it('decodes gzip and br bodies and counts the compressed bytes as transferred', async () => {
    const text = 'hello compressed world '.repeat(500);
    const gz = gzipSync(text);
    const br = brotliCompressSync(text);
    const site = await serve({
      '/gz': { headers: { 'content-encoding': 'gzip', 'content-type': 'text/plain' }, body: gz },
      '/br': { headers: { 'content-encoding': 'br', 'content-type': 'text/plain' }, body: br },
    });
    const f = fetcher();
    const g = ok(await f.fetch(`${site.origin}/gz`));
    expect(g.body.toString()).toBe(text);
    expect(g.transferBytes).toBe(gz.length);
    const b = ok(await f.fetch(`${site.origin}/br`));
    expect(b.body.toString()).toBe(text);
    expect(b.transferBytes).toBe(br.length);
  });

  it('decodes deflate whether zlib-wrapped (as the RFC says) or raw (as some servers send it)', async () => {
    const text = 'deflated '.repeat(100);
    const site = await serve({
      '/zlib': { headers: { 'content-encoding': 'deflate' }, body: deflateSync(text) },
      '/raw': { headers: { 'content-encoding': 'deflate' }, body: deflateRawSync(text) },
    });
    const f = fetcher();
    expect(ok(await f.fetch(`${site.origin}/zlib`)).body.toString()).toBe(text);
    expect(ok(await f.fetch(`${site.origin}/raw`)).body.toString()).toBe(text);
  });

  it('answers a HEAD request labelled gzip with an empty body', async () => {
    const site = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': '20' });
      res.end();
    });
    const res = ok(await fetcher().fetch(site.url, { method: 'HEAD' }));
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(0);
  });

  it('caps a zip bomb at the decoded limit', async () => {
    // 64 MB of zeros compress to about 64 KB: the whole bomb arrives at once, and must not inflate whole.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    const site = await serve({ '/': { headers: { 'content-encoding': 'gzip' }, body: bomb } });
    const res = ok(await fetcher().fetch(site.url, { maxBytes: 1024 * 1024 }));
    expect(res.truncated).toBe(true);
    expect(res.body.length).toBe(1024 * 1024);
    expect(res.transferBytes).toBeLessThanOrEqual(bomb.length);
  });

  it('stops an endless gzip stream once the decoded cap is reached', async () => {
    const site = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain' });
      const gzip = createGzip();
      gzip.pipe(res);
      const zeros = Buffer.alloc(1024 * 1024);
      const pump = (): void => {
        while (!res.destroyed && gzip.write(zeros));
        if (!res.destroyed) gzip.once('drain', pump);
      };
      res.on('close', () => gzip.destroy());
      pump();
    });
    const started = Date.now();
    const res = ok(await fetcher().fetch(site.url, { maxBytes: 2 * 1024 * 1024 }));
    expect(res.truncated).toBe(true);
    expect(res.body.length).toBe(2 * 1024 * 1024);
    expect(res.transferBytes).toBeLessThan(1024 * 1024);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a body that is not the gzip it claims as a NETWORK failure', async () => {
    const site = await serve({ '/': { headers: { 'content-encoding': 'gzip' }, body: 'plainly not gzip' } });
    const out = failed(await fetcher().fetch(site.url));
    expect(out.error).toBe('NETWORK');
    expect(out.message).toMatch(/could not be decoded/);
  });
});

describe('Fetcher: failures', () => {
  it('times out a server that accepts and never answers', async () => {
    const silent = track(await startRawServer(() => undefined));
    const started = Date.now();
    const out = failed(await fetcher({ headersTimeoutMs: 300 }).fetch(silent.url));
    expect(out.error).toBe('TIMEOUT');
    expect(out.message).toMatch(/no response from 127\.0\.0\.1:\d+ within 0\.3 s/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('ends a slow drip at the whole-request deadline even though bytes keep coming', async () => {
    const site = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('.')), 50);
      res.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    const out = failed(await fetcher({ bodyTimeoutMs: 1000, requestTimeoutMs: 500 }).fetch(site.url));
    expect(out.error).toBe('TIMEOUT');
    expect(out.message).toMatch(/did not complete within 0\.5 s/);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('reports a TLS failure when the server answers the handshake with garbage', async () => {
    const garbage = track(await startRawServer((socket) => socket.end(Buffer.from('HTTP/1.1 200 OK\r\n\r\nnot tls at all'))));
    const out = failed(await fetcher({ connectTimeoutMs: 1000 }).fetch(`https://127.0.0.1:${garbage.port}/`));
    expect(out.error).toBe('TLS');
    expect(out.message).toMatch(/^TLS handshake with 127\.0\.0\.1:\d+ failed/);
  });

  it('reports REFUSED for a port nobody listens on', async () => {
    const port = await closedPort();
    const out = failed(await fetcher().fetch(`http://127.0.0.1:${port}/`));
    expect(out).toMatchObject({ error: 'REFUSED', message: `Connection refused by 127.0.0.1:${port}` });
  });

  it('reports DNS for a .invalid host', async () => {
    const out = failed(await fetcher().fetch('http://example.invalid/'));
    expect(out).toMatchObject({ error: 'DNS', message: 'DNS lookup failed for example.invalid' });
  });

  it('rejects with the abort reason when the scan is cancelled', async () => {
    const silent = track(await startRawServer(() => undefined));
    const controller = new AbortController();
    const pending = fetcher({ signal: controller.signal }).fetch(silent.url);
    setTimeout(() => controller.abort(new Error('scan cancelled')), 50);
    await expect(pending).rejects.toThrow('scan cancelled');
  });
});

describe('Fetcher: target safety', () => {
  it('refuses a loopback target by default without sending a request', async () => {
    const site = await serve({ '/': 'secret' });
    const out = failed(await fetcher({ allowPrivateTargets: false }).fetch(site.url));
    expect(out).toMatchObject({
      error: 'BLOCKED_ADDRESS',
      message: 'Refused to connect to 127.0.0.1 (loopback address): private targets are not allowed',
    });
    expect(site.requests).toHaveLength(0);
  });

  it('refuses a name that resolves to loopback', async () => {
    const site = await serve({ '/': 'secret' });
    const resolver = async () => [{ address: '127.0.0.1', family: 4 as const }];
    const out = failed(await fetcher({ allowPrivateTargets: false, resolver }).fetch(`http://intranet.test:${site.port}/`));
    expect(out.error).toBe('BLOCKED_ADDRESS');
    expect(site.requests).toHaveLength(0);
  });

  it('connects to loopback when private targets are allowed', async () => {
    const site = await serve({ '/': 'fine' });
    expect(ok(await fetcher({ allowPrivateTargets: true }).fetch(site.url)).body.toString()).toBe('fine');
  });

  it('refuses a redirect hop whose name now resolves to a blocked address (DNS rebinding)', async () => {
    // ::1 stands in for a public address: the policy below allows it and refuses 127.0.0.1.
    const policy = (address: string) => (address === '::1' ? undefined : `Refused to connect to ${address} (loopback address): private targets are not allowed`);
    let calls = 0;
    const resolver = async () => (++calls === 1 ? [{ address: '::1', family: 6 as const }] : [{ address: '127.0.0.1', family: 4 as const }]);
    const site = await serve((_req, res) => {
      // connection: close forces a new connection, and so a new lookup, for the next hop.
      res.writeHead(302, { location: '/next', connection: 'close' });
      res.end();
    }, { host: '::1' });
    const out = failed(await fetcher({ resolver, policy }).fetch(`http://rebind.test:${site.port}/`));
    expect(out.error).toBe('BLOCKED_ADDRESS');
    expect(out.message).toMatch(/^Refused to connect to 127\.0\.0\.1/);
    expect(site.requests.map((r) => r.url)).toEqual(['/']);
    expect(calls).toBe(2);
  });

  it('resolves a name once per connection and connects to the address it checked', async () => {
    let calls = 0;
    const resolver = async () => (++calls === 1 ? [{ address: '::1', family: 6 as const }] : [{ address: '127.0.0.1', family: 4 as const }]);
    const policy = (address: string) => (address === '::1' ? undefined : 'blocked');
    const site = await serve({ '/': 'v6' }, { host: '::1' });
    const res = ok(await fetcher({ resolver, policy }).fetch(`http://rebind.test:${site.port}/`));
    expect(res.remoteAddress).toBe('::1');
    expect(calls).toBe(1);
  });
});

describe('Fetcher: HTTPS and concurrency', () => {
  it('fetches a site with an untrusted certificate and negotiates HTTP/2 when offered', async () => {
    const { selfSigned } = await testCerts();
    const site = await serve({ '/': 'h2 page' }, { tls: selfSigned, http2: true });
    const res = ok(await fetcher().fetch(site.url));
    expect(res.body.toString()).toBe('h2 page');
    expect(res.httpVersion).toBe('2.0');
  });

  it('keeps at most 4 requests in flight; the 5th waits for a slot', async () => {
    let inFlight = 0;
    let peak = 0;
    const waiting: Array<() => void> = [];
    const site = await serve((_req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      waiting.push(() => {
        inFlight--;
        res.end('done');
      });
    });
    const f = fetcher();
    const all = Promise.all([1, 2, 3, 4, 5].map((i) => f.fetch(`${site.origin}/${i}`)));
    await expect.poll(() => site.requests.length).toBe(4);
    await new Promise((r) => setTimeout(r, 100));
    expect(site.requests).toHaveLength(4);
    expect(f.limit.active).toBe(4);
    waiting.shift()!();
    await expect.poll(() => site.requests.length).toBe(5);
    for (const release of waiting.splice(0)) release();
    const results = await all;
    expect(results.every((r) => !isFetchFailure(r))).toBe(true);
    expect(peak).toBe(4);
  });
});

describe('Fetcher: IPv6', () => {
  it('fetches an IPv6 literal URL and records the address', async () => {
    const site = await serve({ '/': 'six' }, { host: '::1' });
    expect(site.url).toMatch(/^http:\/\/\[::1\]:\d+\/$/);
    const res = ok(await fetcher().fetch(site.url));
    expect(res.body.toString()).toBe('six');
    expect(res.remoteAddress).toBe('::1');
  });

  it('refuses the IPv6 loopback literal by default', async () => {
    const site = await serve({ '/': 'six' }, { host: '::1' });
    const out = failed(await fetcher({ allowPrivateTargets: false }).fetch(site.url));
    expect(out).toMatchObject({ error: 'BLOCKED_ADDRESS', message: 'Refused to connect to ::1 (loopback address): private targets are not allowed' });
  });
});
