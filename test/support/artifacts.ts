// Builds ScanArtifacts in memory for the checks' unit tests: start from a plain 200 page over https
// and change one thing (the Observatory's tests do the same).
import { load } from 'cheerio';
import type { FetchedResponse, FetchFailure, FetchOutcome, HeaderMap, Page, ScanArtifacts, TlsFacts } from '../../runner/src/scanner/types.js';

export const TARGET = 'https://site.test/';

export function toHeaderMap(headers: Record<string, string | string[]>): HeaderMap {
  const map: HeaderMap = {};
  for (const [name, value] of Object.entries(headers)) map[name.toLowerCase()] = Array.isArray(value) ? value : [value];
  return map;
}

export function response(overrides: Partial<Omit<FetchedResponse, 'headers' | 'body'>> & { headers?: Record<string, string | string[]>; body?: string | Buffer } = {}): FetchedResponse {
  const body = overrides.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(overrides.body) ? overrides.body : Buffer.from(overrides.body);
  const url = overrides.url ?? TARGET;
  return {
    requestedUrl: overrides.requestedUrl ?? url,
    url,
    status: overrides.status ?? 200,
    headers: toHeaderMap(overrides.headers ?? {}),
    body,
    truncated: overrides.truncated ?? false,
    transferBytes: overrides.transferBytes ?? body.length,
    redirects: overrides.redirects ?? [],
    remoteAddress: overrides.remoteAddress ?? '127.0.0.1',
    httpVersion: overrides.httpVersion ?? '1.1',
    timings: overrides.timings ?? { ttfbMs: 50, totalMs: 60 },
  };
}

export function htmlPage(html: string, overrides: Parameters<typeof response>[0] = {}): Page {
  const res = response({ headers: { 'content-type': 'text/html; charset=utf-8', ...(overrides.headers ?? {}) }, ...overrides, body: html });
  return { response: res, $: load(html) };
}

export function tls(overrides: Partial<TlsFacts> = {}): TlsFacts {
  return {
    host: 'site.test',
    port: 443,
    trusted: true,
    hostnameMatches: true,
    subject: 'CN=site.test',
    issuer: 'CN=Test CA',
    subjectAltNames: ['DNS:site.test'],
    validFrom: new Date(Date.UTC(2026, 0, 1)).toUTCString(),
    validTo: new Date(Date.UTC(2027, 0, 1)).toUTCString(),
    daysLeft: 200,
    keyBits: 2048,
    protocol: 'TLSv1.3',
    alpn: 'h2',
    legacy: { tls10: false, tls11: false },
    ...overrides,
  };
}

/** A well-formed page over https with nothing else set; pass what the test is about. */
export function artifacts(overrides: Partial<ScanArtifacts> & { html?: string; headers?: Record<string, string | string[]> } = {}): ScanArtifacts {
  const { html, headers, ...rest } = overrides;
  const page = rest.page ?? htmlPage(html ?? '<!doctype html><html lang="en"><head><title>Site</title></head><body><h1>Site</h1></body></html>', { headers: headers ?? {} });
  const http: FetchOutcome = response({
    requestedUrl: 'http://site.test/',
    url: TARGET,
    redirects: [{ url: 'http://site.test/', status: 301, location: TARGET, headers: toHeaderMap({ location: TARGET }), remoteAddress: '127.0.0.1' }],
  });
  return {
    target: TARGET,
    depth: 'QUICK',
    page,
    http,
    tls: page.response.url.startsWith('https:') ? tls() : undefined,
    resources: [],
    pages: [page],
    collectedAt: Date.UTC(2026, 5, 1),
    ...rest,
  };
}

/** A request that got no HTTP answer. */
export function failure(requestedUrl: string, error: FetchFailure['error'] = 'TIMEOUT', message = 'headers timeout after 10000 ms'): FetchFailure {
  return { requestedUrl, error, message };
}

/** A page that is not HTML (no parsed document), e.g. an API answering JSON at the target URL. */
export function nonHtmlPage(body = '{"ok":true}', contentType = 'application/json', overrides: Parameters<typeof response>[0] = {}): Page {
  return { response: response({ ...overrides, headers: { 'content-type': contentType, ...(overrides.headers ?? {}) }, body }) };
}

/** A document with `head` inside <head> and `body` inside <body>, in English. */
export function doc(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;
}

/**
 * A fetch that visited `urls` in order: each but the last answered 301 to the next, the last answered 200.
 * `redirectChain(['http://site.test/', 'https://site.test/'])` is the usual HTTP → HTTPS upgrade.
 */
export function redirectChain(urls: string[], overrides: Parameters<typeof response>[0] = {}): FetchedResponse {
  const redirects = urls.slice(0, -1).map((url, i) => ({ url, status: 301, location: urls[i + 1]!, headers: toHeaderMap({ location: urls[i + 1]! }), remoteAddress: '127.0.0.1' }));
  return response({ requestedUrl: urls[0], url: urls.at(-1), redirects, ...overrides });
}
